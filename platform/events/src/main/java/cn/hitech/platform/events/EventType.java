package cn.hitech.platform.events;

/**
 * One kind of event: its CloudEvents type ({@code enterprise.registered}), the schema version of its data, the topic
 * of its aggregate family and the record that carries the data. A change that old consumers could not read gets a new
 * version; adding a field does not (consumers ignore fields they do not know).
 */
public record EventType<T extends Event>(String name, int version, String topic, String aggregateType, Class<T> dataClass) {

    /** {@code ce_dataschema}: names the exact contract, e.g. {@code urn:hitech:event:enterprise.registered:v1}. */
    public String dataSchema() {
        return "urn:hitech:event:" + name + ":v" + version;
    }
}
