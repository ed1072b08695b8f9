package cn.hitech.enterprise.grid;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;

/** The commissioner load report: per commissioner, and per grid, street and park. Utilisation in % with one decimal. */
public final class LoadReportApi {

    private LoadReportApi() {
    }

    /** OVER_CAP: holds more than the cap (a cap lowered, or an enterprise set by hand); IDLE: holds none. */
    public enum Flag {
        OVER_CAP("超出上限"), IDLE("空闲");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Schema(name = "CommissionerLoad")
    public record CommissionerLoad(String code, String name, String homeGrid, String homeGridName, String street, String streetName,
            @Schema(description = "在营企业数") long enterprises, @Schema(description = "服务上限") int cap,
            @Schema(description = "负荷率（%）", example = "92.0") BigDecimal utilisation, Flag flag, String flagLabel) {
    }

    @Schema(name = "GridLoad", description = "街道/园区的合计含其下各网格")
    public record GridLoad(String code, String name, GridKind kind, String parent,
            @Schema(description = "在岗服务专员数") long commissioners,
            @Schema(description = "服务上限合计") long capacity,
            @Schema(description = "这些专员服务的企业数") long served,
            @Schema(description = "负荷率（%）") BigDecimal utilisation,
            @Schema(description = "位于本节点的在营企业数") long enterprises,
            @Schema(description = "其中尚无在岗服务专员") long withoutCommissioner) {
    }

    @Schema(name = "CommissionerLoadReport", description = "服务专员负荷：每名专员的企业数、上限与负荷率，超限与空闲标出；网格合计")
    public record CommissionerLoadReport(String grid, @Schema(description = "全区默认服务上限") int defaultCap,
            long commissioners, long overCap, long idle, List<CommissionerLoad> rows, List<GridLoad> grids) implements Tabular {

        @Override
        public String tableTitle() {
            return grid == null ? "服务专员负荷" : "服务专员负荷 " + grid;
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("专员编码", "姓名", "所属网格", "街道/园区", "企业数", "服务上限", "负荷率(%)", "标记");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> java.util.Arrays.<Object>asList(r.code(), r.name(), r.homeGridName(), r.streetName(),
                    r.enterprises(), r.cap(), r.utilisation(), r.flagLabel())).toList();
        }
    }
}
