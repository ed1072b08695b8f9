package cn.hitech.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * Commit → consumer-effect latency of the event backbone, against raw Kafka on the same broker, in one run.
 *
 * <p>Starts the packaged suite on free ports, signs in as the demo staff account through the gateway, then registers
 * enterprises at a fixed rate through enterprise-service: each registration commits the enterprise and an outbox row;
 * the relay publishes {@code enterprise.registered}; the service desk's consumer applies it to its directory. The
 * service desk's own row says when the change happened at the source ({@code changed_at}, set just before the commit)
 * and when the consumer applied it ({@code applied_at}): their difference is the latency. Then a plain producer and
 * consumer send the same number of records at the same rate over the same broker. Every registration must succeed and
 * every event must arrive, else the run fails. Usage: {@code EventLatencyBench [events] [rate/s] [warm-up events]}.
 */
public final class EventLatencyBench {

    static final String USAGE = "bench/run.sh event-latency [events] [rate/s] [warm-up]";
    /**
     * The warm-up runs at twice the measured rate, up to this many registrations a second (beyond it the two cores queue
     * them past the pool's acquisition timeout): the JIT gets its samples sooner, and nothing of it is measured.
     */
    static final int WARM_UP_MOST = 100;
    /** How long the events of a run may take to arrive after the last registration answered. */
    private static final Duration ARRIVAL = Duration.ofSeconds(120);

    /**
     * @param events measured registrations (and raw records)
     * @param rate   registrations (and raw records) per second
     * @param warmUp registrations (and raw records) sent first, faster (see {@link #WARM_UP_MOST}) and not measured, so
     *               that the JIT has compiled the paths measured: in the first minute it takes a core of its own
     */
    record Sizes(int events, int rate, int warmUp) {
    }

    /**
     * Where the outbox/inbox time goes, event by event: from the change at the source to its outbox row (the rest of the
     * request's work in its transaction), from the outbox row to the relay's send (the commit, the relay's wake-up and
     * its read of the outbox), from the send to a record on the broker that a plain tap
     * consumer sees (the Kafka hop), and from the send to the consumer's effect (the Kafka hop plus the inbox consumer's
     * poll loop and transaction). The send time is the record's timestamp, which Kafka keeps to the millisecond.
     */
    record Stages(Latencies changeToOutbox, Latencies outboxToSend, Latencies sendToBroker, Latencies sendToEffect) {

        static Stages none() {
            return new Stages(new Latencies(), new Latencies(), new Latencies(), new Latencies());
        }

        void print(PrintStream out) {
            out.println(changeToOutbox.row("  of which change -> outbox row"));
            out.println(outboxToSend.row("  outbox row -> relay send (commit, wake)"));
            out.println(sendToBroker.row("  relay send -> on the broker (tap)"));
            out.println(sendToEffect.row("  relay send -> consumer effect"));
        }
    }

    /**
     * The latency sets of a run, where the outbox/inbox time went, and what went wrong. The reference is raw Kafka
     * alongside: its records are sent at the same rate during the same seconds as the registrations, so both share one
     * loaded machine (four services, the broker and PostgreSQL on two cores); raw Kafka alone, on the machine at rest
     * afterwards, is printed too.
     */
    record Result(Sizes sizes, Latencies outbox, Stages stages, Latencies raw, Latencies rawAlone, List<String> failures)
            implements Outcome {

        @Override
        public void print(PrintStream out) {
            out.printf("%nEvent latency at %d events/s, %d events, one machine (%d cores)%n", sizes.rate(), sizes.events(),
                    Runtime.getRuntime().availableProcessors());
            out.println(Latencies.header());
            out.println(outbox.row("commit -> consumer effect (outbox/inbox)"));
            stages.print(out);
            out.println(raw.row("raw Kafka produce -> consume, alongside"));
            out.println(rawAlone.row("raw Kafka produce -> consume, alone"));
            double p99 = outbox.percentile(99);
            double ratio = p99 / raw.percentile(99);
            out.printf("%-40s %8.1f %8.1f %8.1f%n", "ratio outbox / raw alongside", outbox.percentile(50) / raw.percentile(50),
                    outbox.percentile(95) / raw.percentile(95), ratio);
            out.printf("%-40s %8.1f %8.1f %8.1f%n", "ratio outbox / raw alone", outbox.percentile(50) / rawAlone.percentile(50),
                    outbox.percentile(95) / rawAlone.percentile(95), p99 / rawAlone.percentile(99));
            out.printf("%ntarget p99 <= 50 ms: %s (%.1f ms); target p99 <= 3x raw alongside: %s (%.1fx)%n", p99 <= 50 ? "met" : "MISSED",
                    p99, ratio <= 3 ? "met" : "MISSED", ratio);
        }
    }

    private EventLatencyBench() {
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 2000, 1, USAGE), BenchMain.number(args, 1, 100, 1, USAGE),
                BenchMain.number(args, 2, 3000, 0, USAGE));
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        Failures failures = new Failures();
        ExecutorService clients = Executors.newFixedThreadPool(8, EventLatencyBench::daemon);
        try {
            HttpClient http = HttpClient.newBuilder().executor(clients).build();
            GatewaySession staff = GatewaySession.signIn(http, settings.gatewayUrl(), "staff", "Staff@2026");
            String enterprises = "http://127.0.0.1:" + settings.appPorts().get("enterprise-service") + "/api/enterprises";
            if (sizes.warmUp() > 0) {
                int pace = Math.max(sizes.rate(), Math.min(2 * sizes.rate(), WARM_UP_MOST));
                System.out.printf("%nwarming up with %d events at %d/s …%n", sizes.warmUp(), pace);
                CompletableFuture<Latencies> rawWarm = alongside(settings, sizes.warmUp(), pace, failures);
                List<String> warm = registerAtRate(http, staff, enterprises, sizes.warmUp(), pace, "warm-up", failures);
                measureOutbox(settings, warm, "warm-up", failures);
                failures.expectSamples("raw Kafka warm-up", rawWarm.join(), sizes.warmUp());
            }
            System.out.printf("measuring %d events at %d/s through the outbox, and as many raw Kafka records alongside …%n",
                    sizes.events(), sizes.rate());
            Latencies outbox;
            Stages stages;
            CompletableFuture<Latencies> rawAlongside;
            try (Tap tap = new Tap("127.0.0.1:" + settings.kafkaPort(), "enterprises")) {
                rawAlongside = alongside(settings, sizes.events(), sizes.rate(), failures);
                List<String> codes = registerAtRate(http, staff, enterprises, sizes.events(), sizes.rate(), "measured run", failures);
                outbox = measureOutbox(settings, codes, "measured run", failures);
                stages = stages(settings, codes, tap);
            }
            failures.expectSamples("commit -> consumer effect", outbox, sizes.events());
            Latencies raw = rawAlongside.join();
            failures.expectSamples("raw Kafka produce -> consume, alongside", raw, sizes.events());

            System.out.printf("measuring %d records at %d/s with a plain producer and consumer alone …%n", sizes.events(), sizes.rate());
            Latencies rawAlone = rawKafka(settings, sizes.events(), sizes.rate(), failures);
            failures.expectSamples("raw Kafka produce -> consume, alone", rawAlone, sizes.events());
            return new Result(sizes, outbox, stages, raw, rawAlone, failures.list());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Registers {@code count} new enterprises, one every 1/rate s, and returns the credit codes of those registered. A
     * registration refused with 401 (the token ran out) is sent once more after signing in anew; any other answer than
     * 201 is a failure.
     */
    private static List<String> registerAtRate(HttpClient http, GatewaySession staff, String url, int count, int rate, String phase,
            Failures failures) throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(EventLatencyBench::daemon);
        ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(count);
        ticker.scheduleAtFixedRate(() -> {
            if (issued.getAndIncrement() >= count) {
                return;
            }
            String code = CreditCode.random("91370811", ThreadLocalRandom.current());
            String body = Json.write(Json.object().put("creditCode", code).put("name", "基准测试企业 " + code).put("grid", "基准网格")
                    .put("commissioner", "基准专员"));
            try {
                String bearer = staff.bearer();
                register(http, url, body, bearer)
                        .thenCompose(answer -> answer.statusCode() == 401 ? register(http, url, body, staff.renew(bearer))
                                : CompletableFuture.completedFuture(answer))
                        .whenComplete((answer, error) -> {
                            if (error == null && answer.statusCode() == 201) {
                                codes.add(code);
                            } else {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, error != null ? error.toString() : answer.statusCode() + " " + answer.body());
                            }
                            done.countDown();
                        });
            } catch (RuntimeException e) {
                // A throwing task would silently end the schedule: count it as the failed request it is.
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
                done.countDown();
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        long limit = count / rate + 120L;
        boolean answered = done.await(limit, TimeUnit.SECONDS);
        ticker.shutdownNow();
        if (!answered) {
            failures.add(String.format("%s: only %d of %d registrations were answered within %d s", phase, count - done.getCount(), count,
                    limit));
        }
        if (failed.get() > 0) {
            failures.add(String.format("%s: %d of %d registrations failed (first: %s)", phase, failed.get(), count, firstFailure.get()));
            System.out.printf("  %d registrations failed%n", failed.get());
        }
        return new ArrayList<>(codes);
    }

    private static CompletableFuture<HttpResponse<String>> register(HttpClient http, String url, String body, String bearer) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Waits (at most {@link #ARRIVAL}) until the service desk has applied the events of {@code codes}, and reads each
     * one's latency from its rows. An event that never arrives is a failure.
     */
    private static Latencies measureOutbox(SuiteSettings settings, List<String> codes, String phase, Failures failures)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl("servicedesk"), "servicedesk", "servicedesk");
             PreparedStatement query = db.prepareStatement("""
                     SELECT extract(epoch FROM (applied_at - changed_at)) * 1000 FROM enterprise_directory
                      WHERE credit_code = ANY(?)""")) {
            query.setArray(1, db.createArrayOf("bpchar", codes.toArray(new String[0])));
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            List<Double> found = read(query);
            while (found.size() < codes.size() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
                found = read(query);
            }
            found.forEach(latencies::add);
            if (found.size() < codes.size()) {
                failures.add(String.format("%s: only %d of %d registered events were applied by the service desk within %d s", phase,
                        found.size(), codes.size(), ARRIVAL.toSeconds()));
            }
            return latencies;
        } catch (SQLException e) {
            throw new BenchmarkFailed("cannot read the service desk's directory: " + e.getMessage());
        }
    }

    /**
     * The stages of each event whose record the tap saw: the source's change time and the consumer's effect time from
     * the service desk's directory row, the send time and the tap's receipt from the record.
     */
    private static Stages stages(SuiteSettings settings, List<String> codes, Tap tap) {
        Stages stages = Stages.none();
        Map<String, long[]> seen = tap.seen();
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl("servicedesk"), "servicedesk", "servicedesk");
             PreparedStatement query = db.prepareStatement("""
                     SELECT credit_code, extract(epoch FROM changed_at) * 1000, extract(epoch FROM applied_at) * 1000
                       FROM enterprise_directory WHERE credit_code = ANY(?)""")) {
            query.setArray(1, db.createArrayOf("bpchar", codes.toArray(new String[0])));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long[] record = seen.get(rows.getString(1).strip());
                    if (record != null) {
                        stages.changeToOutbox().add(record[2] / 1000.0 - rows.getDouble(2));
                        stages.outboxToSend().add(record[0] - record[2] / 1000.0);
                        stages.sendToBroker().add(record[1] / 1000.0 - record[0]);
                        stages.sendToEffect().add(rows.getDouble(3) - record[0]);
                    }
                }
            }
        } catch (SQLException e) {
            throw new BenchmarkFailed("cannot read the service desk's directory: " + e.getMessage());
        }
        return stages;
    }

    /**
     * A plain consumer on one of the suite's topics, placed at its end when opened, that notes for each record key the
     * first record's timestamp (the relay's send, ms), when the tap received it and when its outbox row was written
     * (the {@code ce_time} header; both µs since the epoch).
     */
    private static final class Tap implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Map<String, long[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean running = true;

        Tap(String bootstrap, String topic) {
            consumer = atEnd(bootstrap, topic);
            reader = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long received = micros(java.time.Instant.now());
                        org.apache.kafka.common.header.Header written = record.headers().lastHeader("ce_time");
                        if (record.key() != null && written != null) {
                            long outbox = micros(java.time.Instant.parse(new String(written.value(), StandardCharsets.UTF_8)));
                            seen.putIfAbsent(record.key(), new long[] {record.timestamp(), received, outbox});
                        }
                    }
                }
            }, "bench-tap");
            reader.setDaemon(true);
            reader.start();
        }

        private static long micros(java.time.Instant at) {
            return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        }

        Map<String, long[]> seen() {
            return seen;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            reader.join(5_000);
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** {@link #rawKafka} on a thread of its own, started now. */
    private static CompletableFuture<Latencies> alongside(SuiteSettings settings, int count, int rate, Failures failures) {
        CompletableFuture<Latencies> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(rawKafka(settings, count, rate, failures));
            } catch (InterruptedException e) {
                result.completeExceptionally(new BenchmarkFailed("interrupted"));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "bench-raw-alongside");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static List<Double> read(PreparedStatement query) throws SQLException {
        List<Double> found = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getDouble(1));
            }
        }
        return found;
    }

    /**
     * A plain idempotent producer (acks=all, as the relay) and a consumer on a fresh topic of the same broker. The
     * consumer is assigned the topic's partitions and placed at their end before the first record is sent, so no
     * rebalance is waited for or measured.
     */
    private static Latencies rawKafka(SuiteSettings settings, int count, int rate, Failures failures) throws InterruptedException {
        String bootstrap = "127.0.0.1:" + settings.kafkaPort();
        String topic = "bench-raw-" + UUID.randomUUID();
        Latencies latencies = new Latencies();
        Properties producerConfig = new Properties();
        producerConfig.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true", "linger.ms", "0",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        String padding = "x".repeat(250);
        AtomicInteger sendFailures = new AtomicInteger();
        long limit = count / rate + 60L;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
             KafkaConsumer<String, String> consumer = atEnd(bootstrap, created(producer, topic))) {
            Thread reader = new Thread(() -> {
                int received = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(limit).toNanos();
                while (received < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (!record.key().equals("create")) {
                            long sentAt = Long.parseLong(record.value().substring(0, record.value().indexOf(':')));
                            latencies.add((System.nanoTime() - sentAt) / 1e6);
                            received++;
                        }
                    }
                }
            }, "bench-raw-reader");
            reader.start();
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 50), System.nanoTime() + ":" + padding), (metadata, error) -> {
                    if (error != null) {
                        sendFailures.incrementAndGet();
                    }
                });
                next += period;
            }
            producer.flush();
            reader.join(Duration.ofSeconds(limit + 10).toMillis());
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new BenchmarkFailed("raw Kafka on " + bootstrap + ": " + e.getMessage());
        }
        if (sendFailures.get() > 0) {
            failures.add("raw Kafka: " + sendFailures.get() + " of " + count + " records could not be sent");
        }
        if (latencies.count() < count) {
            failures.add(String.format("raw Kafka: only %d of %d records arrived within %d s", latencies.count(), count, limit));
        }
        return latencies;
    }

    /** Sends the record that creates {@code topic} (the broker creates topics on first use), once acknowledged. */
    private static String created(KafkaProducer<String, String> producer, String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, "create", "0")).get(30, TimeUnit.SECONDS);
            return topic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new BenchmarkFailed("raw Kafka: cannot create " + topic + ": " + e.getMessage());
        }
    }

    /**
     * A plain consumer assigned every partition of {@code topic} and placed at their end, so that it reads only what is
     * sent from now on, with no group and no rebalance to wait for.
     */
    private static KafkaConsumer<String, String> atEnd(String bootstrap, String topic) {
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        return consumer;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-client");
        thread.setDaemon(true);
        return thread;
    }
}
