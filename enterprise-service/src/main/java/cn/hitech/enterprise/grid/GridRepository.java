package cn.hitech.enterprise.grid;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GridRepository implements PanacheRepositoryBase<Grid, String> {
}
