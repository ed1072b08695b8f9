package cn.hitech.project.importing;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.project.registry.ProjectApi;

@Path("/api/projects/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "项目库")
public class ImportResource {

    private final ImportService service;

    ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "导入项目档案", description = "Registers a project with its history (stages, reached milestones, monthly "
            + "reports, problems) in one transaction; every rule applies, and one broken rule rejects the whole dossier.")
    public Response importDossier(@NotNull @Valid ImportApi.ProjectDossier dossier) {
        ProjectApi.ProjectView created = service.importDossier(dossier);
        return Response.created(URI.create("/api/projects/" + created.id())).entity(created).build();
    }
}
