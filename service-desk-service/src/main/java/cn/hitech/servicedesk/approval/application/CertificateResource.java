package cn.hitech.servicedesk.approval.application;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/approvals/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "证照库", description = "Certificates issued by approved items, reused by later applications")
public class CertificateResource {

    private final LicenceLibrary library;
    private final CurrentUser user;

    CertificateResource(LicenceLibrary library, CurrentUser user) {
        this.library = library;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "证照库", description = "Newest first, paged. An enterprise sees its own certificates; staff by creditCode "
            + "(or all). valid says whether it holds today; validTo empty is 长期有效.")
    public PageView<ApplicationApi.CertificateView> list(@QueryParam("creditCode") String creditCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return library.list(user.enterpriseScope(), creditCode, page, size);
    }

    @GET
    @Path("/reusable")
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "证照免提交", description = "Before applying: the materials of a thing (newest version) that a valid "
            + "certificate of the applicant already proves — 已有证照，免于提交. An enterprise asks for itself; staff name creditCode.")
    public List<ApplicationApi.ReusedMaterial> reusable(@QueryParam("thing") @NotBlank String thing,
            @QueryParam("creditCode") String creditCode) {
        return library.reusable(user.enterpriseScope(), creditCode, thing);
    }
}
