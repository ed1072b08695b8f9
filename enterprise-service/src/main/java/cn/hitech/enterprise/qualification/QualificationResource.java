package cn.hitech.enterprise.qualification;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;

/** 资质荣誉 of one enterprise, and the catalogue of kinds. */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "资质荣誉", description = "Qualifications of enterprises")
public class QualificationResource {

    private final QualificationService service;
    private final CurrentUser user;

    QualificationResource(QualificationService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("/qualification-kinds")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "资质类型目录", description = "Code, zh-CN name, the levels granted and the typical validity in years.")
    public List<QualificationApi.KindView> kinds() {
        return service.kinds().stream().map(QualificationApi.KindView::of).toList();
    }

    @POST
    @Path("/qualifications/batch")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "批量认定资质", description = "Grants of many enterprises at once (up to 5,000, e.g. a published list of 专精特新): each as the "
            + "single grant (audited, evented); all or none, the first one refused named by its place (第 n 条, fields as [n].field).")
    public java.util.Map<String, Integer> grantAll(@NotNull @jakarta.validation.constraints.Size(max = 5000)
            List<QualificationApi.@NotNull @Valid BatchGrant> grants) {
        return java.util.Map.of("granted", service.grantAll(grants));
    }

    @POST
    @Path("/{creditCode}/qualifications")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "认定资质", description = "An unknown kind or a level the kind is not granted at is a 422; the same kind, "
            + "level and year twice a 409. Publishes enterprise.qualification.granted.")
    public Response grant(@PathParam("creditCode") String creditCode, @NotNull @Valid QualificationApi.GrantQualification request) {
        QualificationApi.QualificationView created = service.grant(creditCode, request);
        return Response.created(URI.create("/api/enterprises/" + creditCode + "/qualifications/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{creditCode}/qualifications")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "企业资质", description = "Revoked ones included (revoked = true). An enterprise account sees only its own.")
    public List<QualificationApi.QualificationView> ofEnterprise(@PathParam("creditCode") String creditCode) {
        return service.ofEnterprise(creditCode, user.enterpriseScope());
    }

    @PUT
    @Path("/{creditCode}/qualifications/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "更正资质", description = "Replaces year, certificate number and expiry; names the version read. "
            + "Publishes enterprise.qualification.changed.")
    public QualificationApi.QualificationView correct(@PathParam("creditCode") String creditCode, @PathParam("id") UUID id,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid QualificationApi.CorrectQualification request) {
        return service.correct(creditCode, id, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{creditCode}/qualifications/{id}/revoke")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "撤销资质", description = "With a reason; names the version read. Publishes enterprise.qualification.revoked.")
    public QualificationApi.QualificationView revoke(@PathParam("creditCode") String creditCode, @PathParam("id") UUID id,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid QualificationApi.RevokeQualification request) {
        return service.revoke(creditCode, id, ExpectedVersion.of(ifMatch, request.version()), request.reason());
    }
}
