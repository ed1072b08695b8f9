package cn.hitech.project.registry;

/**
 * Fired (CDI, in the registering transaction) when a project enters the register, so the capabilities that hang off
 * a project — its five packages, its milestone plan — are created with it or not at all.
 */
public record ProjectRegistered(Project project) {
}
