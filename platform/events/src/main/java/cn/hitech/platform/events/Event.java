package cn.hitech.platform.events;

/** The data of a domain event; its aggregate id becomes the Kafka key, so events of one aggregate stay in order. */
public interface Event {

    String aggregateId();
}
