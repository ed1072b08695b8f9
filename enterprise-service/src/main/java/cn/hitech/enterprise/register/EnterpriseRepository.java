package cn.hitech.enterprise.register;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EnterpriseRepository implements PanacheRepositoryBase<Enterprise, String> {
}
