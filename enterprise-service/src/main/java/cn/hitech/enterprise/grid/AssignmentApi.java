package cn.hitech.enterprise.grid;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an assignment run (or a commissioner leaving) did. */
public final class AssignmentApi {

    private AssignmentApi() {
    }

    @Schema(name = "AssignedTo", description = "本次分给该服务专员的企业数及分配后的负荷")
    public record AssignedTo(String commissioner, String name, int assigned, long load, int cap) {
    }

    @Schema(name = "UnplacedEnterprise", description = "未能分配的企业及原因")
    public record UnplacedEnterprise(String creditCode, String name, String grid,
            @Schema(example = "ALL_FULL") String reason, @Schema(example = "范围内的服务专员均已达到服务上限") String reasonLabel) {
    }

    @Schema(name = "AssignmentResult", description = "服务专员自动分配结果：同网格优先，其次同街道/园区，再次全区；从不超过服务上限")
    public record AssignmentResult(
            @Schema(description = "范围：网格编码，空为全区") String grid,
            @Schema(example = "ZONE") String reach,
            @Schema(description = "待分配的企业数") int considered,
            @Schema(description = "已分配") int assigned,
            @Schema(description = "其中分给同网格的专员") int sameGrid,
            @Schema(description = "其中分给同街道/园区的专员") int sameStreet,
            @Schema(description = "其中跨街道/园区") int elsewhere,
            List<AssignedTo> byCommissioner,
            @Schema(description = "未能分配") int unplacedCount,
            List<UnplacedEnterprise> unplaced) {
    }
}
