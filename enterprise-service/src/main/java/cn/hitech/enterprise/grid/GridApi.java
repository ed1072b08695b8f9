package cn.hitech.enterprise.grid;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** The request and response shapes of the grid tree. */
public final class GridApi {

    /** Codes are what the register stores in enterprise.grid: short, no spaces. */
    static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$";
    static final String CODE_MESSAGE = "编码为 1–40 位字母、数字、- 或 _，以字母或数字开头";

    private GridApi() {
    }

    @Schema(name = "CreateGrid", description = "新建街道、园区或网格；网格须归属一个街道或园区")
    public record CreateGrid(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) @Schema(example = "LX-06") String code,
            @NotBlank @Size(max = 100) @Schema(example = "柳行街道第6网格") String name,
            @NotNull @Schema(example = "GRID") GridKind kind,
            @Size(max = 40) @Schema(description = "上级街道或园区的编码；街道、园区不填", example = "LX") String parent) {
    }

    @Schema(name = "UpdateGrid", description = "改名或调整归属（仅网格可移到另一街道/园区）；version 为读取时的版本")
    public record UpdateGrid(
            @Schema(description = "读取时的版本号（必填，或用 If-Match 头）") Long version,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 40) String parent) {
    }

    @Schema(name = "GridNode", description = "网格树的一个节点；街道/园区的企业数、专员数含其下各网格")
    public record GridNode(
            String code,
            String name,
            GridKind kind,
            @Schema(example = "网格") String kindLabel,
            String parent,
            @Schema(description = "在营企业数") long enterprises,
            @Schema(description = "在岗服务专员数") long commissioners,
            long version,
            Instant createdAt,
            Instant updatedAt,
            List<GridNode> children) implements Versioned {
    }
}
