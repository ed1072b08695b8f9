package cn.hitech.platform.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka producers and consumers of this service, configured for the cluster by configuration alone.
 *
 * <p><b>Where the settings come from.</b> Every {@code kafka.*} property, with the prefix stripped
 * ({@code kafka.security.protocol} → {@code security.protocol}; {@code KAFKA_SASL_JAAS_CONFIG} in the environment works
 * too), exactly as Quarkus reads them for its own Kafka clients: this is Quarkus' {@code default-kafka-broker} map, the
 * one its admin client, and so the Kafka readiness check, is built from. A cluster with TLS or SASL listeners (Strimzi's
 * defaults) therefore needs settings, never code: {@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.truststore.*}, {@code ssl.keystore.*} (or {@code kafka.tls-configuration-name}
 * for the Quarkus TLS registry), {@code client.rack} and so on.
 *
 * <p><b>How they merge with ours</b>, key by key:
 * <ol>
 * <li>Our defaults first: a producer writes with {@code acks=all}, {@code enable.idempotence=true} and at most 5
 * requests in flight (each acknowledged record is written once, in order per partition), no linger, no compression and
 * short timeouts so that the outbox relay notices a lost broker within seconds; a consumer starts a new group at the
 * {@code earliest} offset and polls at most 200 records.</li>
 * <li>A cluster setting the client knows replaces our default: the cluster wins, because only it knows its limits.
 * Weakening a guarantee is allowed but never silent: a changed {@code acks}, {@code enable.idempotence} or
 * {@code auto.offset.reset} is logged as a warning at start. Kafka itself refuses contradictions: {@code acks=1} alone,
 * or more than 5 requests in flight, fails at the first producer, since idempotence (still on) needs {@code acks=all}
 * and at most 5; turning idempotence off as well is a deliberate choice. When the cluster raises {@code request.timeout.ms} (or
 * {@code linger.ms}) and says nothing of {@code delivery.timeout.ms}, ours grows to their sum, which Kafka requires.
 * Settings a client does not know (a consumer setting for a producer) are not passed to it, as Quarkus' admin client
 * does, so no client logs "supplied but isn't a known config".</li>
 * <li>Last, what the platform owns, whatever the configuration says (a cluster value is ignored with a warning):
 * the String serializers and deserializers (events are JSON text with CloudEvents headers),
 * {@code enable.auto.commit=false} (offsets are committed only after the inbox transaction, which is what makes delivery
 * at-least-once), {@code group.id} (one group per handler, {@code <application>.<handler>}), {@code client.id}
 * (names the service and purpose, unique per client) and, for the inbox consumers, {@code group.instance.id}
 * (static membership, see {@link #member}).</li>
 * </ol>
 */
@Startup
@ApplicationScoped
public class KafkaClients {

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);
    /** Quarkus' key for a TLS configuration of its registry; its SSL engine factory reads it from the client's settings. */
    static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";
    private static final Set<String> PRODUCER_OWNED = Set.of(ProducerConfig.CLIENT_ID_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    private static final Set<String> CONSUMER_OWNED = Set.of(ConsumerConfig.CLIENT_ID_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    private static final Set<String> PRODUCER_GUARANTEES = Set.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
    private static final Set<String> CONSUMER_GUARANTEES = Set.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

    private final Map<String, Object> cluster;
    private final String application;
    private final String instance;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> cluster,
            @ConfigProperty(name = "quarkus.application.name") String application, MessagingConfig config,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.cluster = Map.copyOf(cluster);
        this.application = application;
        // Kafka takes only ASCII letters, digits, '.', '_' and '-' in a group.instance.id.
        this.instance = config.consumer().instanceId().orElseGet(() -> hostName() + "-" + httpPort).replaceAll("[^A-Za-z0-9._-]", "_");
        warnings(this.cluster, application).forEach(LOG::warn);
        validate(this.cluster, application);
    }

    /**
     * Fails the start when the cluster's settings contradict themselves or ours ({@code acks=1} while idempotence is
     * on, an unknown protocol …): better a service that does not start than one that is ready while its events pile
     * up in the outbox.
     */
    static void validate(Map<String, ?> cluster, String application) {
        try {
            new ProducerConfig(producerSettings(cluster, application + "-settings-check"));
            new ConsumerConfig(consumerSettings(cluster, application + ".settings-check"));
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("the kafka.* settings of " + application + " cannot work: " + e.getMessage(), e);
        }
    }

    public String application() {
        return application;
    }

    /** A producer for {@code purpose} (e.g. {@code outbox-relay}): idempotent, acknowledged by all in-sync replicas. */
    public KafkaProducer<String, String> producer(String purpose) {
        return new KafkaProducer<>(producerSettings(cluster, application + "-" + purpose));
    }

    /** A consumer of {@code group}; offsets are committed by the caller, after its transaction, never automatically. */
    public KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(consumerSettings(cluster, group));
    }

    /**
     * A consumer that subscribes as a static member of {@code group} ({@code group.instance.id} = this instance's
     * name): restarted after a crash, it takes its partitions back at once instead of waiting out the dead member's
     * session. Close it with {@link org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation#LEAVE_GROUP}
     * when the instance stops for good, so the others take over its partitions without waiting either.
     */
    public KafkaConsumer<String, String> member(String group) {
        return new KafkaConsumer<>(memberSettings(cluster, group, instance));
    }

    /** This instance's name among the members of each group ({@code hitech.messaging.consumer.instance-id}). */
    public String instance() {
        return instance;
    }

    static Map<String, Object> producerSettings(Map<String, ?> cluster, String clientId) {
        Map<String, Object> settings = new HashMap<>(producerDefaults());
        boolean deliveryTimeoutSet = cluster.containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        overlay(settings, cluster, ProducerConfig.configNames());
        if (!deliveryTimeoutSet) {
            // Kafka wants an int here, and requires delivery ≥ linger + request.
            int needed = Math.addExact(number(settings, ProducerConfig.LINGER_MS_CONFIG), number(settings, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(number(settings, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), needed));
        }
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return settings;
    }

    static Map<String, Object> consumerSettings(Map<String, ?> cluster, String group) {
        Map<String, Object> settings = new HashMap<>(consumerDefaults());
        overlay(settings, cluster, ConsumerConfig.configNames());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return settings;
    }

    static Map<String, Object> memberSettings(Map<String, ?> cluster, String group, String instance) {
        Map<String, Object> settings = consumerSettings(cluster, group);
        settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance);
        return settings;
    }

    /** What an operator should know about the cluster settings: guarantees they weaken, platform settings they cannot change. */
    static List<String> warnings(Map<String, ?> cluster, String application) {
        List<String> warnings = new ArrayList<>();
        if (!cluster.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            warnings.add("kafka.bootstrap.servers is not set: no Kafka client of this service can connect");
        }
        weakened(cluster, producerDefaults(), PRODUCER_GUARANTEES, "the event producers (outbox relay, dead letters)", warnings);
        weakened(cluster, consumerDefaults(), CONSUMER_GUARANTEES, "the inbox consumers", warnings);
        for (String key : new TreeSet<>(cluster.keySet())) {
            // Quarkus fills group.id with the application's name when none is set: only another value was chosen by someone.
            boolean quarkusDefault = key.equals(ConsumerConfig.GROUP_ID_CONFIG) && application.equals(String.valueOf(cluster.get(key)));
            if ((PRODUCER_OWNED.contains(key) || CONSUMER_OWNED.contains(key)) && !quarkusDefault) {
                warnings.add("kafka." + key + " is ignored: the platform sets it for every client (see KafkaClients)");
            }
        }
        return warnings;
    }

    private static Map<String, Object> producerDefaults() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // Uncompressed: events are small JSON, and every consumer can read them without a codec library.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    }

    private static Map<String, Object> consumerDefaults() {
        return Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                // A static member that is gone for good (its pod deleted without a clean stop) holds its partitions this
                // long; a restart within it picks them up at once. Kafka's default is 45 s.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
    }

    private static void overlay(Map<String, Object> settings, Map<String, ?> cluster, Set<String> known) {
        cluster.forEach((key, value) -> {
            if (known.contains(key) || key.equals(TLS_CONFIGURATION_NAME)) {
                settings.put(key, value);
            }
        });
    }

    private static void weakened(Map<String, ?> cluster, Map<String, Object> defaults, Set<String> guarantees, String who,
            List<String> warnings) {
        for (String key : new TreeSet<>(guarantees)) {
            Object value = cluster.get(key);
            if (value != null && !sameSetting(key, value, defaults.get(key))) {
                warnings.add("kafka." + key + "=" + value + " replaces the platform's " + defaults.get(key) + " for " + who
                        + ": a guarantee of at-least-once, ordered delivery may be weakened");
            }
        }
    }

    private static boolean sameSetting(String key, Object value, Object ours) {
        String given = String.valueOf(value).trim();
        if (key.equals(ProducerConfig.ACKS_CONFIG) && given.equals("-1")) {
            return "all".equals(ours);
        }
        return given.equalsIgnoreCase(String.valueOf(ours));
    }

    /** Kubernetes names the pod in {@code HOSTNAME}; elsewhere the machine's name. */
    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod.strip();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static int number(Map<String, Object> settings, String key) {
        return Integer.parseInt(String.valueOf(settings.get(key)).trim());
    }
}
