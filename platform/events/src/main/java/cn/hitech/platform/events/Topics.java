package cn.hitech.platform.events;

/** One topic per producing aggregate family; a poisoned record of topic {@code t} goes to {@code t.dlq}. */
public final class Topics {

    public static final String PROJECTS = "projects";
    public static final String ENTERPRISES = "enterprises";
    public static final String TICKETS = "tickets";
    public static final String APPROVALS = "approvals";

    private Topics() {
    }

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }
}
