package cn.hitech.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * Faults under load: nothing lost, nothing applied twice, and what callers saw meanwhile.
 *
 * <p>Starts the packaged suite on free ports and, for each fault in turn, drives a steady load through the gateway as
 * staff ({@link ChaosLoad}: enterprise registrations → the service desk's directory, project problems → tickets,
 * ticket resolutions → the project's problem, completed 项目开工一件事 → the project's permit milestones), injects the
 * fault a quarter into the load, lifts it, and then counts every effect in the services' databases
 * ({@link ChaosEffects}): each sent item must be applied exactly once. The faults: the Kafka broker killed with SIGKILL
 * and restarted on its data; the service desk (the consumer or the publisher of every flow's events) killed with
 * SIGKILL and restarted; PostgreSQL stopped (fast shutdown: every session cut) and started
 * again. A lost or duplicated effect, or a phase that measured nothing, fails the run; a missed recovery or caller
 * target is printed as MISSED. Usage: {@code ChaosBench [items per fault] [items/s] [one thing every n items]} (default
 * 300 25 4: the four flows in turn).
 */
public final class ChaosBench {

    static final String USAGE = "bench/run.sh chaos [items per fault] [items/s] [one thing every n items]";
    /** How long the effects of a phase may take to arrive after its load ended (or the fault was lifted). */
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    private static final double RECOVERY_TARGET_S = 10;
    private static final double ANSWER_TARGET_S = 2;
    private static final int PROJECTS = 3;
    /** The flow of completed one-thing applications, as printed. */
    static final String ONE_THING_FLOW = "one thing completed -> permit milestones";

    /**
     * @param items         items sent per fault
     * @param rate          items per second
     * @param oneThingEvery every how many items one is a one-thing application; the others are a third of each other flow
     */
    record Sizes(int items, int rate, int oneThingEvery) {

        /** The tickets the load will resolve: a third of the items that are not one-thing applications. */
        int resolutions() {
            return (items - items / oneThingEvery) / 3;
        }
    }

    /** The faults, in the order they are injected. */
    enum Fault {
        KAFKA("Kafka broker killed (kill -9), then restarted", "the broker"),
        CONSUMER("service desk killed (kill -9), then restarted", "the service desk"),
        POSTGRES("PostgreSQL stopped (fast shutdown), then started", "PostgreSQL");

        final String description;
        final String what;

        Fault(String description, String what) {
            this.description = description;
            this.what = what;
        }
    }

    /** One flow's count: items sent (answered with success), applied once, lost (never applied), applied more than once. */
    record Flow(String name, int sent, int applied, int lost, int duplicated) {
    }

    /**
     * One fault's figures. Times in seconds: {@code away} from the kill (or stop) to the restart, {@code back} the restart
     * itself (until the broker is started, the service ready or PostgreSQL accepting connections), {@code caughtUp} from
     * its return until every item sent before it is applied (NaN: never), {@code callersOk} from its return until the
     * last failed call.
     */
    record Phase(Fault fault, double away, double back, double caughtUp, double callersOk, List<Flow> flows,
            List<ChaosLoad.Call> whileAway, List<ChaosLoad.Call> all, int refused) {

        int sent() {
            return flows.stream().mapToInt(Flow::sent).sum();
        }

        int applied() {
            return flows.stream().mapToInt(Flow::applied).sum();
        }

        int lost() {
            return flows.stream().mapToInt(Flow::lost).sum();
        }

        int duplicated() {
            return flows.stream().mapToInt(Flow::duplicated).sum();
        }

        double recovery() {
            return Math.max(caughtUp, callersOk);
        }

        double maxMillisAway() {
            return whileAway.stream().mapToDouble(ChaosLoad.Call::millis).max().orElse(0);
        }

        long hangsAway() {
            return whileAway.stream().filter(call -> call.millis() > ANSWER_TARGET_S * 1000).count();
        }

        /** While PostgreSQL is away: every call answered within 2 s, and every refusal a 503. */
        boolean quick503() {
            return hangsAway() == 0 && whileAway.stream().allMatch(call -> call.succeeded() || call.status() == 503);
        }
    }

    /** Every phase of a run and what went wrong. */
    record Result(Sizes sizes, List<Phase> phases, List<String> failures) implements Outcome {

        @Override
        public void print(PrintStream out) {
            for (int i = 0; i < phases.size(); i++) {
                printPhase(out, phases.get(i), i + 1);
            }
            out.printf("%nFaults under load through the gateway, %d items per fault at %d/s (one in %d a one-thing application), one "
                    + "machine (%d cores)%n", sizes.items(), sizes.rate(), sizes.oneThingEvery(), Runtime.getRuntime().availableProcessors());
            out.printf("%-24s %5s %7s %4s %4s %6s %9s %9s %6s %4s  %s%n", "fault", "sent", "applied", "lost", "dup", "back s",
                    "caught s", "callers s", "max ms", ">2 s", "callers while away");
            for (Phase phase : phases) {
                out.printf("%-24s %5d %7d %4d %4d %6.1f %9.1f %9.1f %6.0f %4d  %s%n", phase.fault().what + " " + verb(phase.fault()),
                        phase.sent(), phase.applied(), phase.lost(), phase.duplicated(), phase.back(), phase.caughtUp(), phase.callersOk(),
                        phase.maxMillisAway(), phase.hangsAway(), ChaosLoad.byAnswer(phase.whileAway()));
            }
            boolean none = phases.stream().allMatch(p -> p.lost() == 0 && p.duplicated() == 0);
            boolean recovered = !phases.isEmpty() && phases.stream().allMatch(p -> p.recovery() <= RECOVERY_TARGET_S);
            boolean quick = phases.stream().filter(p -> p.fault() == Fault.POSTGRES).allMatch(Phase::quick503);
            out.printf("%ntarget 0 lost, 0 duplicated: %s; recovery <= %.0f s of the return: %s; a 503 within %.0f s while PostgreSQL "
                    + "is away: %s%n", met(none), RECOVERY_TARGET_S, met(recovered), ANSWER_TARGET_S, met(quick));
        }

        private static void printPhase(PrintStream out, Phase phase, int number) {
            out.printf("%nFault %d: %s; away %.1f s, back %.1f s after the restart began%n", number, phase.fault().description,
                    phase.away(), phase.back());
            out.printf("%-40s %6s %8s %6s %11s%n", "flow", "sent", "applied", "lost", "duplicated");
            for (Flow flow : phase.flows()) {
                out.printf("%-40s %6d %8d %6d %11d%n", flow.name(), flow.sent(), flow.applied(), flow.lost(), flow.duplicated());
            }
            out.printf("%-40s %6d %8d %6d %11d   target 0 lost, 0 duplicated: %s%n", "all", phase.sent(), phase.applied(), phase.lost(),
                    phase.duplicated(), met(phase.lost() == 0 && phase.duplicated() == 0));
            out.printf("recovery after the return: every earlier item applied in %.1f s, callers answered again in %.1f s   "
                    + "target <= %.0f s: %s%n", phase.caughtUp(), phase.callersOk(), RECOVERY_TARGET_S,
                    met(phase.recovery() <= RECOVERY_TARGET_S));
            long retryAfter = phase.whileAway().stream().filter(c -> c.status() == 503 && c.retryAfter()).count();
            out.printf("callers while %s was away: %d calls, %s; max %.0f ms; %d over %.0f s; %d 503 with Retry-After%n",
                    phase.fault().what, phase.whileAway().size(), ChaosLoad.byAnswer(phase.whileAway()), phase.maxMillisAway(),
                    phase.hangsAway(), ANSWER_TARGET_S, retryAfter);
            if (phase.fault() == Fault.POSTGRES) {
                out.printf("target: every refusal a 503 within %.0f s, never a hang: %s%n", ANSWER_TARGET_S, met(phase.quick503()));
            }
            out.printf("callers over the phase: %d calls, %s; %d items refused (not counted as sent; a refused resolution or one-thing "
                    + "application is taken up again)%n", phase.all().size(), ChaosLoad.byAnswer(phase.all()), phase.refused());
        }

        private static String verb(Fault fault) {
            return fault == Fault.POSTGRES ? "restarted" : "killed";
        }

        private static String met(boolean met) {
            return met ? "MET" : "MISSED";
        }
    }

    private final BenchSuite suite;
    private final SuiteSettings settings;
    private final ChaosEffects effects;
    private final Failures failures = new Failures();
    private final HttpClient http;
    private final GatewayCalls calls;

    private ChaosBench(BenchSuite suite) {
        this.suite = suite;
        this.settings = suite.settings();
        this.effects = new ChaosEffects(settings);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        this.calls = new GatewayCalls(http, settings.gatewayUrl());
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 300, 4, USAGE), BenchMain.number(args, 1, 25, 1, USAGE),
                BenchMain.number(args, 2, 10, 2, USAGE));
        BenchMain.runOnSuite(suite -> measure(suite, sizes));
    }

    /** Runs every fault on a running suite (which it leaves running, though restarted); the caller prints the figures. */
    static Result measure(BenchSuite suite, Sizes sizes) {
        DriverManager.setLoginTimeout(5);
        return new ChaosBench(suite).run(sizes);
    }

    private Result run(Sizes sizes) {
        GatewaySession staff = GatewaySession.signIn(http, settings.gatewayUrl(), "staff", "Staff@2026");
        String owner = CreditCode.random("91370800", ThreadLocalRandom.current());
        List<UUID> projects = projects(staff, owner);
        List<Phase> phases = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            try {
                phases.add(phase(fault, sizes, staff, owner, projects));
            } catch (BenchmarkFailed e) {
                // The phases before it still print, and what they counted may say why this one could not run.
                failures.add(fault.description + ": " + e.getMessage());
                break;
            }
        }
        return new Result(sizes, phases, failures.list());
    }

    /** The owner enterprise and its projects, on which the load raises problems (it files its one-thing applications too). */
    private List<UUID> projects(GatewaySession staff, String owner) {
        expect(calls.send(staff, "POST", "/api/enterprises", Json.write(Json.object().put("creditCode", owner).put("name", "故障演练业主 " + owner)
                .put("legalRepresentative", "演练").put("scale", "ABOVE_SCALE"))), 201, "register the owner");
        List<UUID> projects = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            HttpResponse<String> answer = calls.send(staff, "POST", "/api/projects", Json.write(Json.object()
                    .put("name", "故障演练项目 " + owner + "-" + p).put("level", "MUNICIPAL_KEY").put("industryChain", "HIGH_END_EQUIPMENT")
                    .put("ownerCreditCode", owner).put("totalInvestment", 52000.00).put("annualPlannedInvestment", 20000.00)
                    .put("plannedStart", "2027-03-01").put("plannedEnd", "2028-12-31").put("location", "济宁高新区")));
            expect(answer, 201, "register a project");
            projects.add(UUID.fromString(Json.read(answer.body()).path("id").asText()));
        }
        return projects;
    }

    private Phase phase(Fault fault, Sizes sizes, GatewaySession staff, String owner, List<UUID> projects) {
        System.out.printf("%n%s: preparing %d tickets to resolve …%n", fault.description, sizes.resolutions());
        ChaosLoad load = new ChaosLoad(http, settings.gatewayUrl(), staff, owner, sizes.oneThingEvery(), projects,
                backlog(staff, projects, sizes.resolutions()));
        ExecutorService workers = Executors.newCachedThreadPool(ChaosBench::daemon);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(ChaosBench::daemon);
        try {
            long loadNanos = TimeUnit.SECONDS.toNanos(sizes.items()) / sizes.rate();
            System.out.printf("sending %d items at %d/s; %s a quarter in …%n", sizes.items(), sizes.rate(), fault.what);
            load.start(sizes.items(), sizes.rate(), Duration.ofNanos(Math.max(loadNanos / 4, TimeUnit.SECONDS.toNanos(2))), workers, ticker);
            TimeUnit.NANOSECONDS.sleep(loadNanos / 4);
            long faultAt = System.nanoTime();
            inject(fault);
            TimeUnit.NANOSECONDS.sleep(Math.max(loadNanos / 4, TimeUnit.SECONDS.toNanos(3)));
            long restartAt = System.nanoTime();
            lift(fault);
            long back = System.nanoTime();
            load.returned(back);
            System.out.printf("%s back after %.1f s away and %.1f s of restart%n", fault.what, (restartAt - faultAt) / 1e9,
                    (back - restartAt) / 1e9);

            double caughtUp = awaitApplied(load, back, back);
            if (!load.awaitIssued(Duration.ofNanos(loadNanos).plus(ARRIVAL))) {
                failures.add(fault + ": the load did not finish within " + ARRIVAL.toSeconds() + " s of its end");
            }
            ticker.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(ChaosLoad.CALL_TIMEOUT.toSeconds() * 4, TimeUnit.SECONDS);
            awaitApplied(load, Long.MAX_VALUE, System.nanoTime());
            // A duplicate may come after the first effect (a redelivery once the consumer is back): look again.
            TimeUnit.SECONDS.sleep(2);
            List<Flow> flows = count(load, Long.MAX_VALUE);

            List<ChaosLoad.Call> all = load.calls();
            List<ChaosLoad.Call> whileAway = all.stream().filter(c -> c.startedAt() >= faultAt && c.startedAt() <= back).toList();
            long lastFailure = all.stream().filter(c -> !c.succeeded() && c.endedAt() > back).mapToLong(ChaosLoad.Call::endedAt).max()
                    .orElse(back);
            double callersOk = (lastFailure - back) / 1e9;
            Phase phase = new Phase(fault, (restartAt - faultAt) / 1e9, (back - restartAt) / 1e9, caughtUp, callersOk, flows, whileAway,
                    all, load.refused());
            check(phase);
            return phase;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        } finally {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
    }

    private void inject(Fault fault) {
        LocalSuite local = suite.local();
        boolean injected = switch (fault) {
            case KAFKA -> local.killKafka();
            case CONSUMER -> local.killApp("service-desk-service");
            case POSTGRES -> {
                boolean running = settings.postgres().isRunning();
                settings.postgres().stop();
                yield running;
            }
        };
        if (!injected) {
            failures.add(fault + ": " + fault.what + " was not running when the fault was to be injected");
        }
    }

    private void lift(Fault fault) {
        LocalSuite local = suite.local();
        switch (fault) {
            case KAFKA -> local.startKafka();
            case CONSUMER -> local.startApp("service-desk-service");
            case POSTGRES -> settings.postgres().start();
        }
    }

    /** Problems raised before the phase, whose dispatched tickets the load will resolve. */
    private List<ChaosLoad.OpenTicket> backlog(GatewaySession staff, List<UUID> projects, int count) {
        List<UUID> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> answer = calls.send(staff, "POST", "/api/projects/" + projects.get(i % projects.size()) + "/problems",
                    Json.write(Json.object().put("category", "OTHER").put("description", "故障演练：待办结的问题 " + i)));
            expect(answer, 201, "raise a problem to resolve");
            problems.add(UUID.fromString(Json.read(answer.body()).path("id").asText()));
        }
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (true) {
            try {
                List<ChaosLoad.OpenTicket> tickets = effects.dispatched(problems);
                if (tickets.size() == count) {
                    return tickets;
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkFailed("only " + tickets.size() + " of " + count + " problems became dispatched tickets within "
                            + ARRIVAL.toSeconds() + " s");
                }
            } catch (SQLException e) {
                throw new BenchmarkFailed("cannot read the service desk's tickets: " + e.getMessage());
            }
            pause();
        }
    }

    /**
     * Waits until every item answered by {@code sentBy} is applied at least once (at most {@link #ARRIVAL}) and returns the
     * seconds from {@code since}; NaN when they never were.
     */
    private double awaitApplied(ChaosLoad load, long sentBy, long since) {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (count(load, sentBy).stream().allMatch(flow -> flow.lost() == 0)) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (BenchmarkFailed notYet) {
                // the database is still coming back
            }
            pause();
        }
        return Double.NaN;
    }

    /** Each flow's effects of the items answered by {@code sentBy}. */
    private List<Flow> count(ChaosLoad load, long sentBy) {
        try {
            return List.of(
                    flow("enterprise registered -> directory", sent(load.registered(), sentBy), effects::directory),
                    flow("problem raised -> ticket", sent(load.raised(), sentBy), effects::tickets),
                    flow("ticket resolved -> project's problem", sent(load.resolved(), sentBy),
                            resolutions -> remap(resolutions, effects.resolutions(resolutions))),
                    flow(ONE_THING_FLOW, sent(load.completed(), sentBy), effects::permitMilestones));
        } catch (SQLException e) {
            throw new BenchmarkFailed("cannot count the effects: " + e.getMessage());
        }
    }

    private interface Effects<T> {
        Map<T, Integer> applied(List<T> items) throws SQLException;
    }

    private static <T> Flow flow(String name, List<T> sent, Effects<T> effects) throws SQLException {
        Map<T, Integer> applied = effects.applied(sent);
        int once = 0;
        int lost = 0;
        int duplicated = 0;
        for (T item : sent) {
            int times = applied.getOrDefault(item, 0);
            once += times >= 1 ? 1 : 0;
            lost += times == 0 ? 1 : 0;
            duplicated += Math.max(0, times - 1);
        }
        return new Flow(name, sent.size(), once, lost, duplicated);
    }

    private static Map<ChaosLoad.Resolution, Integer> remap(List<ChaosLoad.Resolution> resolutions, Map<UUID, Integer> byProblem) {
        Map<ChaosLoad.Resolution, Integer> applied = new java.util.HashMap<>();
        resolutions.forEach(r -> applied.put(r, byProblem.getOrDefault(r.problemId(), 0)));
        return applied;
    }

    private static <T> List<T> sent(Collection<ChaosLoad.Accepted<T>> accepted, long sentBy) {
        return accepted.stream().filter(a -> a.answeredAt() <= sentBy).map(ChaosLoad.Accepted::item).toList();
    }

    private void check(Phase phase) {
        String name = phase.fault().description;
        for (Flow flow : phase.flows()) {
            if (flow.sent() == 0) {
                failures.add(name + ": " + flow.name() + ": nothing was sent (" + phase.refused() + " items refused), so nothing was measured");
            }
            if (flow.lost() > 0) {
                failures.add(name + ": " + flow.name() + ": " + flow.lost() + " of " + flow.sent() + " effects lost (never applied within "
                        + ARRIVAL.toSeconds() + " s)");
            }
            if (flow.duplicated() > 0) {
                failures.add(name + ": " + flow.name() + ": " + flow.duplicated() + " effects applied twice");
            }
        }
        if (phase.whileAway().isEmpty()) {
            failures.add(name + ": no call was made while " + phase.fault().what + " was away");
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new BenchmarkFailed(what + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "chaos-client");
        thread.setDaemon(true);
        return thread;
    }
}
