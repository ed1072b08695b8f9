package cn.hitech.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hitech.platform.domain.CreditCode;

/**
 * The steady load of {@code bench/run.sh chaos}: one item every 1/rate s through the gateway as staff, in turn an
 * enterprise registration (→ the service desk's directory), a problem raised on a project (→ a ticket) and a ticket of
 * an earlier problem signed and resolved (→ the project's problem resolved); and every n-th item instead a 项目开工一件事
 * (one-thing application for starting a project) filed at the window for a project registered for it, accepted and
 * decided through to completion (→ {@code approval.completed} → the project's 规划许可 / 施工许可 milestones reached).
 * That item takes 9 calls where the others take 1 to 3, hence its own share. Each call is logged with its answer and
 * duration, whatever happens to it; an item counts as sent once its calls were answered with success.
 */
final class ChaosLoad {

    /** What a caller got: an HTTP status, or {@link #TIMEOUT} / {@link #NO_ANSWER}. */
    record Call(String what, int status, boolean retryAfter, long startedAt, long endedAt) {

        static final int TIMEOUT = -1;
        static final int NO_ANSWER = -2;

        double millis() {
            return (endedAt - startedAt) / 1e6;
        }

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        String answer() {
            return switch (status) {
                case TIMEOUT -> "timeout";
                case NO_ANSWER -> "no answer";
                default -> String.valueOf(status);
            };
        }
    }

    /** A ticket made from a problem, waiting to be resolved by the load. */
    record OpenTicket(UUID problemId, UUID ticketId) {
    }

    /** A resolution the load made: the problem must end resolved by this ticket number. */
    record Resolution(UUID problemId, String ticketNumber) {
    }

    /**
     * A one-thing application the load filed for a project of its own: once completed, the project's permit milestones
     * must be reached with its number as evidence.
     */
    record OneThing(UUID applicationId, String number, UUID projectId) {
    }

    private static final String APPLICATIONS = "/api/approvals/applications";
    /** Accept, then 3 steps of 规划许可 (its 审查 countersigned by one department) and 3 of 施工许可; the rest is margin. */
    private static final int MAX_MOVES = 12;

    /** A call hanging longer than this is a hang, whatever it answers in the end. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String gateway;
    private final GatewaySession staff;
    private final String owner;
    private final int oneThingEvery;
    private final List<UUID> projects;
    private final Queue<OpenTicket> backlog;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<Accepted<String>> registered = new ConcurrentLinkedQueue<>();
    private final Queue<Accepted<UUID>> raised = new ConcurrentLinkedQueue<>();
    private final Queue<Accepted<Resolution>> resolved = new ConcurrentLinkedQueue<>();
    private final Queue<OneThing> undecided = new ConcurrentLinkedQueue<>();
    private final Queue<Accepted<OneThing>> completed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long returnedAt;

    /** An item that was sent, with the instant its last call was answered. */
    record Accepted<T>(T item, long answeredAt) {
    }

    /**
     * {@code owner}: the credit code of the enterprise that owns {@code projects}, and the one-thing applicant;
     * {@code oneThingEvery}: every how many items one is a one-thing application (4: a rotation of the four flows).
     */
    ChaosLoad(HttpClient http, String gateway, GatewaySession staff, String owner, int oneThingEvery, List<UUID> projects,
            List<OpenTicket> backlog) {
        this.http = http;
        this.gateway = gateway;
        this.staff = staff;
        this.owner = owner;
        this.oneThingEvery = oneThingEvery;
        this.projects = projects;
        this.backlog = new ConcurrentLinkedQueue<>(backlog);
    }

    /**
     * Sends one item every 1/rate s on threads of its own and returns at once. It stops issuing items once it has issued
     * {@code size} and the fault has been lifted ({@link #returned}) for at least {@code after}: so every flow is also
     * called after the return, however long the restart took. {@link #awaitIssued} waits for that.
     */
    void start(int size, int rate, Duration after, ExecutorService workers, ScheduledExecutorService ticker) {
        AtomicInteger issued = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            if (stopped.getCount() == 0) {
                return;
            }
            long returned = returnedAt;
            if (issued.get() >= size && returned != 0 && System.nanoTime() - returned >= after.toNanos()) {
                stopped.countDown();
                return;
            }
            int item = issued.getAndIncrement();
            workers.execute(() -> {
                try {
                    send(item);
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    }

    /** The fault was lifted at {@code at} ({@link System#nanoTime()}). */
    void returned(long at) {
        returnedAt = at;
    }

    /** Whether the load stopped issuing items within {@code timeout}; items in flight may still be answered. */
    boolean awaitIssued(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void send(int item) {
        if (item % oneThingEvery == oneThingEvery - 1) {
            completeOneThing();
            return;
        }
        int other = item - (item + 1) / oneThingEvery;
        switch (other % 3) {
            case 0 -> register();
            case 1 -> raise(projects.get(other / 3 % projects.size()));
            default -> resolve();
        }
    }

    private void register() {
        String code = CreditCode.random("91370811", ThreadLocalRandom.current());
        Optional<JsonNode> answer = call("register enterprise", "POST", "/api/enterprises", Json.object().put("creditCode", code)
                .put("name", "故障演练企业 " + code).put("grid", "演练网格").put("commissioner", "演练专员"), 201);
        accept(answer, registered, code);
    }

    private void raise(UUID project) {
        Optional<JsonNode> answer = call("raise problem", "POST", "/api/projects/" + project + "/problems", Json.object()
                .put("category", "OTHER").put("description", "故障演练：项目要素保障问题 " + UUID.randomUUID()), 201);
        accept(answer, raised, answer.map(body -> UUID.fromString(body.path("id").asText())).orElse(null));
    }

    /**
     * Signs and resolves a ticket of the backlog, reading where it stands first; a ticket whose calls failed goes back to
     * the backlog and is tried again later (one found resolved already was resolved by such a call, whose answer was
     * lost: it counts as sent). With no ticket left, the item registers an enterprise instead.
     */
    private void resolve() {
        OpenTicket ticket = backlog.poll();
        if (ticket == null) {
            register();
            return;
        }
        String path = "/api/tickets/" + ticket.ticketId();
        Optional<JsonNode> view = call("read ticket", "GET", path, null, 200);
        if (view.isPresent() && "DISPATCHED".equals(view.get().path("status").asText())) {
            view = call("sign ticket", "POST", path + "/sign", Json.object().put("version", view.get().path("version").asLong()), 200);
        }
        if (view.isPresent() && "SIGNED".equals(view.get().path("status").asText())) {
            view = call("resolve ticket", "POST", path + "/resolve", Json.object().put("reply", "故障演练：已协调解决").put("outcome", "已解决")
                    .put("version", view.get().path("version").asLong()), 200);
        }
        if (view.isPresent() && "RESOLVED".equals(view.get().path("status").asText())) {
            resolved.add(new Accepted<>(new Resolution(ticket.problemId(), view.get().path("number").asText()), System.nanoTime()));
        } else {
            backlog.add(ticket);
            refused.incrementAndGet();
        }
    }

    /**
     * Takes an application whose calls failed earlier up again, reading where it stands (one found completed already was
     * completed by such a call, whose answer was lost: it counts as sent); with none, registers a project and files
     * 项目开工一件事 for it as the window clerk, in its owner's name, as {@code ApprovalLoopIT} does. Then accepts it and
     * decides every item through to completion. An application whose calls failed goes back to be taken up later; one
     * whose filing failed is given up with its project (its project gets no other application, so a filing whose
     * answer was lost cannot be mistaken for another's effect).
     */
    private void completeOneThing() {
        OneThing application = undecided.poll();
        Optional<JsonNode> view;
        if (application != null) {
            view = call("read application", "GET", APPLICATIONS + "/" + application.applicationId(), null, 200);
        } else {
            Optional<JsonNode> project = call("register project", "POST", "/api/projects", project(), 201);
            if (project.isEmpty()) {
                refused.incrementAndGet();
                return;
            }
            UUID projectId = UUID.fromString(project.get().path("id").asText());
            view = call("file one-thing application", "POST", APPLICATIONS, oneThing(projectId), 201);
            if (view.isEmpty()) {
                refused.incrementAndGet();
                return;
            }
            application = new OneThing(UUID.fromString(view.get().path("id").asText()), view.get().path("number").asText(), projectId);
        }
        view = decide(application, view);
        if (view.isPresent() && "COMPLETED".equals(view.get().path("status").asText())) {
            completed.add(new Accepted<>(application, System.nanoTime()));
        } else {
            refused.incrementAndGet();
            if (view.isEmpty()) {
                undecided.add(application);
            }
        }
    }

    /**
     * Moves an application on from {@code view} until it is no longer in hand (completed, or a call failed: empty):
     * accepts it, then per item in progress signs off each department still to countersign the current step, or
     * approves the step. Each move names the version the previous answer showed.
     */
    private Optional<JsonNode> decide(OneThing application, Optional<JsonNode> view) {
        String path = APPLICATIONS + "/" + application.applicationId();
        for (int move = 0; move < MAX_MOVES && view.isPresent(); move++) {
            JsonNode a = view.get();
            long version = a.path("version").asLong();
            switch (a.path("status").asText()) {
                case "SUBMITTED" -> view = call("accept application", "POST", path + "/accept", Json.object().put("version", version), 200);
                case "IN_PROGRESS" -> {
                    JsonNode item = null;
                    for (JsonNode i : a.path("items")) {
                        if ("IN_PROGRESS".equals(i.path("status").asText())) {
                            item = i;
                            break;
                        }
                    }
                    if (item == null) {
                        return view;
                    }
                    String itemPath = path + "/items/" + item.path("code").asText();
                    String toSign = null;
                    for (JsonNode c : item.path("currentStep").path("countersign")) {
                        if (!c.path("signed").asBoolean()) {
                            toSign = c.path("department").asText();
                            break;
                        }
                    }
                    view = toSign != null
                            ? call("countersign item", "POST", itemPath + "/sign-off", Json.object().put("department", toSign)
                                    .put("version", version), 200)
                            : call("approve item step", "POST", itemPath + "/approve", Json.object().put("version", version), 200);
                }
                default -> {
                    return view;
                }
            }
        }
        return view;
    }

    private JsonNode project() {
        return Json.object().put("name", "故障演练一件事项目 " + UUID.randomUUID()).put("level", "MUNICIPAL_KEY")
                .put("industryChain", "HIGH_END_EQUIPMENT").put("ownerCreditCode", owner).put("totalInvestment", 52000.00)
                .put("annualPlannedInvestment", 20000.00).put("plannedStart", "2027-03-01").put("plannedEnd", "2028-12-31")
                .put("location", "济宁高新区");
    }

    private JsonNode oneThing(UUID projectId) {
        ObjectNode request = Json.object().put("thing", "PROJECT_CONSTRUCTION_START")
                .put("projectId", projectId.toString()).put("applicantCreditCode", owner);
        request.putObject("answers").put("projectId", projectId.toString()).put("projectName", "故障演练一件事项目")
                .put("enterpriseName", "故障演练业主 " + owner).put("creditCode", owner).put("siteAddress", "济宁高新区崇文大道以北、火炬路以东")
                .put("totalInvestment", 52000.00).put("floorArea", 86000).put("landCertificateNo", "鲁(2026)济宁市不动产权第0012345号")
                .put("contractPrice", 38000.50).put("contractorCreditCode", "91350200MA2YJ1XR9G")
                .put("supervisorCreditCode", "9135021359498494XQ").put("plannedStartDate", "2027-03-01").put("contactPhone", "13805370001");
        return request;
    }

    private <T> void accept(Optional<JsonNode> answer, Queue<Accepted<T>> sent, T item) {
        if (answer.isPresent() && item != null) {
            sent.add(new Accepted<>(item, System.nanoTime()));
        } else {
            refused.incrementAndGet();
        }
    }

    /** One logged call; the parsed body when it answered {@code expected}. A 401 (the token ran out) is sent once more. */
    private Optional<JsonNode> call(String what, String method, String path, JsonNode body, int expected) {
        String bearer = staff.bearer();
        Answer answer = exchange(what, method, path, body, bearer);
        if (answer.call().status() == 401) {
            answer = exchange(what, method, path, body, staff.renew(bearer));
        }
        return answer.call().status() == expected ? Optional.of(Json.read(answer.body())) : Optional.empty();
    }

    private record Answer(Call call, String body) {
    }

    private Answer exchange(String what, String method, String path, JsonNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(CALL_TIMEOUT)
                .header("Authorization", bearer);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        long started = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answer = new Answer(new Call(what, response.statusCode(), response.headers().firstValue("Retry-After").isPresent(), started,
                    System.nanoTime()), response.body());
        } catch (HttpTimeoutException e) {
            answer = new Answer(new Call(what, Call.TIMEOUT, false, started, System.nanoTime()), null);
        } catch (IOException e) {
            answer = new Answer(new Call(what, Call.NO_ANSWER, false, started, System.nanoTime()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
        calls.add(answer.call());
        return answer;
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<Accepted<String>> registered() {
        return new ArrayList<>(registered);
    }

    List<Accepted<UUID>> raised() {
        return new ArrayList<>(raised);
    }

    List<Accepted<Resolution>> resolved() {
        return new ArrayList<>(resolved);
    }

    List<Accepted<OneThing>> completed() {
        return new ArrayList<>(completed);
    }

    int refused() {
        return refused.get();
    }

    /** "201×40 503×12 timeout×1", in order of the answer. */
    static String byAnswer(List<Call> calls) {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call.answer(), 1, Integer::sum));
        StringBuilder shown = new StringBuilder();
        counts.forEach((answer, count) -> shown.append(shown.isEmpty() ? "" : " ").append(answer).append('×').append(count));
        return shown.isEmpty() ? "none" : shown.toString();
    }
}
