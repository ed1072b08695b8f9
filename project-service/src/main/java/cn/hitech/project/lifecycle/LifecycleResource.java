package cn.hitech.project.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;
import cn.hitech.project.registry.ProjectApi;

/**
 * The lifecycle transitions, one named endpoint each; a transition from the wrong status is a 409. Each names the
 * project's version it read ({@code If-Match} or {@code version}).
 */
@Path("/api/projects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@Tag(name = "项目阶段", description = "储备 → 签约 → 开工 → 竣工 → 投产 → 达效")
public class LifecycleResource {

    @Schema(name = "StageChange", description = "阶段变更：实际发生日期（不晚于今天，不早于上一阶段），可附说明")
    public record StageChange(
            @NotNull @Schema(example = "2026-03-02") LocalDate date,
            @Schema(description = "项目读取时的版本号（必填，或用 If-Match 头）") Long version,
            @Size(max = 500) String note) {
    }

    private final LifecycleService lifecycle;

    LifecycleResource(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @POST
    @Path("/sign")
    @Operation(summary = "签约", description = "储备 → 签约; the signing date is recorded and the 签约 milestone reached.")
    public ProjectApi.ProjectView sign(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid StageChange change) {
        return lifecycle.sign(id, change.date(), ExpectedVersion.of(ifMatch, change.version()), change.note());
    }

    @POST
    @Path("/start")
    @Operation(summary = "开工", description = "签约 → 开工; needs the actual start date, not before signing.")
    public ProjectApi.ProjectView start(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid StageChange change) {
        return lifecycle.start(id, change.date(), ExpectedVersion.of(ifMatch, change.version()), change.note());
    }

    @POST
    @Path("/complete")
    @Operation(summary = "竣工", description = "开工 → 竣工; never before the actual start.")
    public ProjectApi.ProjectView complete(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid StageChange change) {
        return lifecycle.complete(id, change.date(), ExpectedVersion.of(ifMatch, change.version()), change.note());
    }

    @POST
    @Path("/put-into-operation")
    @Operation(summary = "投产", description = "竣工 → 投产.")
    public ProjectApi.ProjectView putIntoOperation(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid StageChange change) {
        return lifecycle.putIntoOperation(id, change.date(), ExpectedVersion.of(ifMatch, change.version()), change.note());
    }

    @POST
    @Path("/reach-capacity")
    @Operation(summary = "达效", description = "投产 → 达效.")
    public ProjectApi.ProjectView reachCapacity(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid StageChange change) {
        return lifecycle.reachCapacity(id, change.date(), ExpectedVersion.of(ifMatch, change.version()), change.note());
    }
}
