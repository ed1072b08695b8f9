package cn.hitech.servicedesk.approval.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;

/** 历史申请导入: the old one-window system's applications, replayed through the live rules at their own instants. */
@Path("/api/approvals/applications/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "一件事申请", description = "一表申请、一窗受理、一次性告知补正、并联办理、会签、一次办结")
public class ApplicationImportResource {

    private final ApplicationImportService service;

    ApplicationImportResource(ApplicationImportService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "导入历史申请", description = "Each application is submitted at submittedAt and each of its moves made at its "
            + "own instant (in time order, none after the domain clock) through the live move of that name, naming the version "
            + "the previous move left: deadlines, 补正 pauses, certificates, the one completion, history, audit and events "
            + "follow the live rules, so the measured reductions read their timings. Moves are made by the importing account. "
            + "All or nothing: the batch is one transaction, and the first refusal (answers, a move not allowed, time order) is "
            + "a 422 IMPORT_REFUSED naming the application and move, with nothing written. A legacyNumber imported before, or "
            + "twice in the batch, is skipped: importing the same batch again changes nothing. At most 500 per request.")
    public ApplicationImportApi.Report importApplications(@NotNull @Valid ApplicationImportApi.Batch batch) {
        return service.importAll(batch.applications());
    }
}
