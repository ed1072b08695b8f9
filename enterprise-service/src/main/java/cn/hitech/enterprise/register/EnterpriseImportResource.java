package cn.hitech.enterprise.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

@Path("/api/enterprises/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "企业名录", description = "Enterprise register")
public class EnterpriseImportResource {

    private final EnterpriseImport imports;

    EnterpriseImportResource(EnterpriseImport imports) {
        this.imports = imports;
    }

    @POST
    // Any type reaches the method, so that the role check comes first (a stranger learns nothing) and the refusal of
    // another type is the platform's 415 problem.
    @Consumes({Tabular.CSV, Tabular.XLSX, MediaType.WILDCARD})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "批量导入企业", description = "A CSV (UTF-8, with or without BOM) or XLSX sheet with one header row (统一社会信用代码, "
            + "企业名称, 法定代表人, 行业代码, 规模, 注册资本(万元), 地址, 网格, 服务专员, 经营状态, 成立日期, 入区日期, and optionally 年度, "
            + "营业收入(万元), 研发投入(万元), 高新技术产品收入(万元), 从业人员, 研发人员; or the English field names). Rows upsert by credit "
            + "code; every bad row is reported (row, column, reason). dryRun=true changes nothing; ALL_OR_NOTHING changes nothing "
            + "when any row is bad; GOOD_ROWS writes the good rows.")
    public EnterpriseApi.ImportReport importRows(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") EnterpriseApi.ImportMode mode,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).strip();
        boolean xlsx = type.startsWith(Tabular.XLSX);
        if (!xlsx && !type.startsWith(Tabular.CSV)) {
            throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type '" + contentType + "' is not accepted here; send "
                    + Tabular.CSV + " (UTF-8) or " + Tabular.XLSX);
        }
        return imports.run(body, xlsx, dryRun, mode);
    }
}
