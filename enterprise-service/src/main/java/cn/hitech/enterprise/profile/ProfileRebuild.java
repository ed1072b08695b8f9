package cn.hitech.enterprise.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.KafkaClients;
import cn.hitech.platform.messaging.ReceivedEvent;
import cn.hitech.platform.web.AdvisoryLocks;
import cn.hitech.platform.web.ProblemException;

/**
 * Rebuilds the 一企一档 read model from the event history: empties it, then reads the projects, tickets and approvals
 * topics from their beginning up to where they end now, applying each event as the live consumers do. The live
 * consumers keep running meanwhile; the projection's guarded upserts make the two agree whatever the interleaving.
 * One rebuild at a time across instances (an advisory lock).
 */
@ApplicationScoped
class ProfileRebuild {

    private static final Logger LOG = Logger.getLogger(ProfileRebuild.class);
    private static final long LOCK = 0x70726f66L;
    private static final Map<String, Set<String>> KEPT = Map.of(Topics.PROJECTS, ProfileProjection.PROJECT_TYPES,
            Topics.TICKETS, ProfileProjection.TICKET_TYPES, Topics.APPROVALS, ProfileProjection.APPROVAL_TYPES);

    private final KafkaClients kafka;
    private final ProfileProjection projection;
    private final jakarta.persistence.EntityManager em;
    private final Audit audit;

    ProfileRebuild(KafkaClients kafka, ProfileProjection projection, jakarta.persistence.EntityManager em, Audit audit) {
        this.kafka = kafka;
        this.projection = projection;
        this.em = em;
        this.audit = audit;
    }

    /** What a rebuild read and applied. */
    record Outcome(long records, long applied, long unreadable, double seconds) {
    }

    Outcome rebuild() {
        long started = System.nanoTime();
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
                throw ProblemException.conflict("REBUILD_RUNNING", "一企一档正在重建，请稍后再试");
            }
            projection.clear();
            long[] counts = new long[3];
            try (KafkaConsumer<String, String> consumer = kafka.consumer(kafka.application() + ".profile-rebuild")) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : KEPT.keySet()) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                    if (infos != null) {
                        infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                List<TopicPartition> open = new ArrayList<>(partitions.stream().filter(p -> ends.get(p) > consumer.position(p)).toList());
                while (!open.isEmpty()) {
                    ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, String> record : polled) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= ends.get(partition)) {
                            continue;
                        }
                        counts[0]++;
                        apply(record, counts);
                    }
                    open.removeIf(p -> consumer.position(p) >= ends.get(p));
                }
            }
            audit.record("enterprise-profile", "all", "rebuild", Map.of("records", counts[0], "applied", counts[1],
                    "unreadable", counts[2]));
            return new Outcome(counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1e9);
        });
    }

    private void apply(ConsumerRecord<String, String> record, long[] counts) {
        ReceivedEvent event;
        try {
            event = ReceivedEvent.of(record);
        } catch (UnreadableEventException e) {
            counts[2]++;
            return;
        }
        if (!KEPT.get(record.topic()).contains(event.type())) {
            return;
        }
        try {
            if (projection.apply(event)) {
                counts[1]++;
            }
        } catch (UnreadableEventException e) {
            LOG.warnf("rebuild skips event %s (%s): %s", event.id(), event.type(), e.getMessage());
            counts[2]++;
        }
    }
}
