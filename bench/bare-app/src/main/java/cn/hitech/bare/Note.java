package cn.hitech.bare;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** The one entity of the yardstick app: enough for Hibernate to boot a persistence unit as the services do. */
@Entity
public class Note extends PanacheEntity {

    public String text;
}
