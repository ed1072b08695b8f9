package cn.hitech.project.registry;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {
}
