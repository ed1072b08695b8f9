package cn.hitech.platform.events.project;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.UnreadableEventException;

/** What every event of the {@code projects} topic shares: keyed by the project id, so a project's events stay in order. */
final class ProjectEvents {

    static final String AGGREGATE = "project";

    private ProjectEvents() {
    }

    static void require(boolean present, String what) {
        if (!present) {
            throw new UnreadableEventException("a project event needs " + what);
        }
    }

    interface OfProject extends Event {

        java.util.UUID projectId();

        @Override
        default String aggregateId() {
            return projectId().toString();
        }
    }
}
