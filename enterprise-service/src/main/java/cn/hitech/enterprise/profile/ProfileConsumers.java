package cn.hitech.enterprise.profile;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/** The 一企一档's live consumers, one per topic it keeps (each its own consumer group, each event once by the inbox). */
final class ProfileConsumers {

    private ProfileConsumers() {
    }

    /** 重大项目: entered, moved along its stages, its warning colour. */
    @ApplicationScoped
    static class Projects implements EventHandler {

        private final ProfileProjection projection;

        Projects(ProfileProjection projection) {
            this.projection = projection;
        }

        @Override
        public String name() {
            return "profile-projects";
        }

        @Override
        public String topic() {
            return Topics.PROJECTS;
        }

        @Override
        public Set<String> eventTypes() {
            return ProfileProjection.PROJECT_TYPES;
        }

        @Override
        public void handle(ReceivedEvent event) {
            projection.apply(event);
        }
    }

    /** 8951234 工单: registered, moved, resolved. */
    @ApplicationScoped
    static class Tickets implements EventHandler {

        private final ProfileProjection projection;

        Tickets(ProfileProjection projection) {
            this.projection = projection;
        }

        @Override
        public String name() {
            return "profile-tickets";
        }

        @Override
        public String topic() {
            return Topics.TICKETS;
        }

        @Override
        public Set<String> eventTypes() {
            return ProfileProjection.TICKET_TYPES;
        }

        @Override
        public void handle(ReceivedEvent event) {
            projection.apply(event);
        }
    }

    /** 一件事: the application's own moves and its completion with the certificates. */
    @ApplicationScoped
    static class Approvals implements EventHandler {

        private final ProfileProjection projection;

        Approvals(ProfileProjection projection) {
            this.projection = projection;
        }

        @Override
        public String name() {
            return "profile-approvals";
        }

        @Override
        public String topic() {
            return Topics.APPROVALS;
        }

        @Override
        public Set<String> eventTypes() {
            return ProfileProjection.APPROVAL_TYPES;
        }

        @Override
        public void handle(ReceivedEvent event) {
            projection.apply(event);
        }
    }
}
