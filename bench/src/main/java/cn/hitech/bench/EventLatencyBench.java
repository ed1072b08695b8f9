package cn.hitech.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * Commit → consumer-effect latency of the event backbone, against raw Kafka on the same broker, in one run.
 *
 * <p>Starts the packaged suite on free ports, then registers enterprises at a fixed rate through enterprise-service:
 * each registration commits the enterprise and an outbox row; the relay publishes {@code enterprise.registered}; the
 * service desk's consumer applies it to its directory. The service desk's own row says when the change happened at
 * the source ({@code changed_at}, set just before the commit) and when the consumer applied it ({@code applied_at}):
 * their difference is the latency. Then a plain producer and consumer send the same number of records at the same
 * rate over the same broker. Usage: {@code EventLatencyBench [events] [rate/s] [warm-up events]}.
 */
public final class EventLatencyBench {

    private EventLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        BenchSuite.run(settings -> {
            String enterprises = "http://127.0.0.1:" + settings.appPorts().get("enterprise-service") + "/api/enterprises";
            System.out.printf("%nwarming up with %d events …%n", warmUp);
            measureOutbox(settings, registerAtRate(enterprises, warmUp, rate));
            System.out.printf("measuring %d events at %d/s through the outbox …%n", events, rate);
            List<String> codes = registerAtRate(enterprises, events, rate);
            Latencies outbox = measureOutbox(settings, codes);
            System.out.printf("measuring %d records at %d/s with a plain producer and consumer …%n", events, rate);
            rawKafka(settings, warmUp, rate);
            Latencies raw = rawKafka(settings, events, rate);

            System.out.printf("%nEvent latency at %d events/s, %d events, one machine (%d cores)%n", rate, events,
                    Runtime.getRuntime().availableProcessors());
            System.out.println(Latencies.header());
            System.out.println(outbox.row("commit -> consumer effect (outbox/inbox)"));
            System.out.println(raw.row("raw Kafka produce -> consume"));
            double p99 = outbox.percentile(99);
            double ratio = p99 / raw.percentile(99);
            System.out.printf("%-40s %8.1f %8.1f %8.1f%n", "ratio outbox / raw", outbox.percentile(50) / raw.percentile(50),
                    outbox.percentile(95) / raw.percentile(95), ratio);
            System.out.printf("%ntarget p99 <= 50 ms: %s (%.1f ms); target p99 <= 3x raw: %s (%.1fx)%n", p99 <= 50 ? "met" : "MISSED",
                    p99, ratio <= 3 ? "met" : "MISSED", ratio);
        });
        System.exit(0);
    }

    /** Registers {@code count} new enterprises, one every 1/rate s, and returns their credit codes. */
    private static List<String> registerAtRate(String url, int count, int rate) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, EventLatencyBench::daemon)).build();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(EventLatencyBench::daemon);
        ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        ticker.scheduleAtFixedRate(() -> {
            if (issued.getAndIncrement() >= count) {
                return;
            }
            String code = CreditCode.random("91370811", ThreadLocalRandom.current());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"creditCode\": \"" + code + "\", \"name\": \"基准测试企业 " + code
                            + "\", \"grid\": \"基准网格\", \"commissioner\": \"基准专员\"}"))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, error) -> {
                if (error == null && answer.statusCode() == 201) {
                    codes.add(code);
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        done.await(count / rate + 120L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        if (failed.get() > 0) {
            System.out.printf("  %d registrations failed%n", failed.get());
        }
        return new ArrayList<>(codes);
    }

    /** Waits until the service desk has applied the events of {@code codes} and reads each one's latency from its rows. */
    private static Latencies measureOutbox(SuiteSettings settings, List<String> codes) throws Exception {
        Latencies latencies = new Latencies();
        String[] wanted = codes.toArray(new String[0]);
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl("servicedesk"), "servicedesk", "servicedesk");
             PreparedStatement query = db.prepareStatement("""
                     SELECT extract(epoch FROM (applied_at - changed_at)) * 1000 FROM enterprise_directory
                      WHERE credit_code = ANY(?)""")) {
            query.setArray(1, db.createArrayOf("bpchar", wanted));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                List<Double> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getDouble(1));
                    }
                }
                if (found.size() == wanted.length || System.nanoTime() > deadline) {
                    found.forEach(latencies::add);
                    if (found.size() < wanted.length) {
                        System.out.printf("  only %d of %d events were applied within 120 s%n", found.size(), wanted.length);
                    }
                    return latencies;
                }
                Thread.sleep(200);
            }
        }
    }

    /** A plain idempotent producer (acks=all, as the relay) and a consumer on a fresh topic of the same broker. */
    private static Latencies rawKafka(SuiteSettings settings, int count, int rate) throws Exception {
        String bootstrap = "127.0.0.1:" + settings.kafkaPort();
        String topic = "bench-raw-" + UUID.randomUUID();
        Latencies latencies = new Latencies();
        Properties producerConfig = new Properties();
        producerConfig.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true", "linger.ms", "0",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "bench-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        String padding = "x".repeat(250);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            producer.send(new ProducerRecord<>(topic, "create", "0")).get();
            consumer.subscribe(List.of(topic));
            Thread reader = new Thread(() -> {
                int received = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(count / rate + 60L).toNanos();
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
            Thread.sleep(2000);
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 50), System.nanoTime() + ":" + padding));
                next += period;
            }
            reader.join();
        }
        return latencies;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-client");
        thread.setDaemon(true);
        return thread;
    }

}
