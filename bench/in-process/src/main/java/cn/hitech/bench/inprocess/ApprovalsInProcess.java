package cn.hitech.bench.inprocess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hitech.servicedesk.approval.application.ApplicationApi;
import cn.hitech.servicedesk.approval.application.ApplicationService;
import cn.hitech.servicedesk.approval.application.ApplicationStatus;
import cn.hitech.servicedesk.approval.application.ItemMoves;
import cn.hitech.servicedesk.approval.application.ItemStatus;

/**
 * The "ours" side of {@code bench/run.sh approvals}: the service desk's approval service layer (一件事一次办) called in
 * process, the way a Flowable user calls {@code RuntimeService} and {@code TaskService}. This JVM is the service desk
 * itself (its jar, beans and configuration) on the suite's database and broker, so every call is the deployed code path
 * below the REST resources: its transaction, row lock, move history, audit row and outbox event (which the relay sends
 * to Kafka), and the application view it returns. Each call runs in its own request context as the signed-in staff
 * account, whose token (from the gateway's login) is verified here as the service verifies it.
 *
 * <p>Driven in rounds by {@code ApprovalBench}, so that ours and Flowable alternate on the noisy machine. Usage
 * (environment {@code HITECH_BENCH_TOKEN} = the staff bearer token): {@code <thing> <applicant credit code> <clients>
 * <folder>}; it writes {@code <folder>/ready} once started, then reads lines {@code <applications> <name>} from its
 * standard input, runs that many applications and writes {@code <folder>/<name>.tsv}: one line per sample,
 * {@code sample<TAB>kind<TAB>ms} (kind: SUBMIT, ACCEPT, APPROVE, SIGN_OFF), then {@code run<TAB>applications<TAB>seconds}
 * and {@code failure<TAB>reason} for each application that went wrong. A line {@code quit} (or the end of the input)
 * ends it with status 0.
 */
@QuarkusMain
public class ApprovalsInProcess implements QuarkusApplication {

    @Inject
    ApplicationService applications;

    @Inject
    ItemMoves items;

    @Inject
    JWTParser tokens;

    @Inject
    CurrentIdentityAssociation identities;

    /** A sample of one call: its kind and milliseconds. */
    private record Sample(String kind, double ms) {
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ApprovalsInProcess <thing> <applicant> <clients> <folder>");
            return 2;
        }
        String thing = args[0];
        String applicant = args[1];
        int clients = Integer.parseInt(args[2]);
        Path folder = Path.of(args[3]);
        JsonWebToken token = tokens.parse(System.getenv("HITECH_BENCH_TOKEN").replaceFirst("^Bearer ", ""));
        SecurityIdentity staff = QuarkusSecurityIdentity.builder().setPrincipal(token).addRoles(token.getGroups()).build();
        write(folder, "ready", List.of());
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null && !line.isBlank() && !line.strip().equals("quit"); line = input.readLine()) {
            String[] round = line.strip().split("\\s+");
            int count = Integer.parseInt(round[0]);
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            int done = run(count, clients, () -> application(thing, applicant, staff, samples), failures);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> out = new ArrayList<>();
            samples.forEach(sample -> out.add("sample\t" + sample.kind() + "\t" + sample.ms()));
            out.add("run\t" + done + "\t" + seconds);
            out.addAll(failures);
            write(folder, round[1], out);
        }
        return 0;
    }

    /** {@code <folder>/<name>.tsv}, whole or not at all (written aside, then moved into place). */
    private static void write(Path folder, String name, List<String> lines) throws IOException {
        Path aside = folder.resolve(name + ".tsv.part");
        Files.write(aside, lines, StandardCharsets.UTF_8);
        Files.move(aside, folder.resolve(name + ".tsv"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code count} applications over {@code clients} threads; each failure becomes a {@code failure} line. */
    private static int run(int count, int clients, Runnable application, List<String> failures) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            application.run();
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add("failure\t" + String.valueOf(e).replace('\n', ' ').replace('\t', ' '));
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get(30, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return done.get();
    }

    /**
     * One application from submission to COMPLETED. After acceptance the open work is read from the view each call
     * returns, as a Flowable user reads the open tasks: the first item in progress, its current step signed off by the
     * next department still to countersign, or else approved.
     */
    private void application(String thing, String applicant, SecurityIdentity staff, List<Sample> samples) {
        Map<String, JsonNode> answers = Map.of("enterpriseName", JsonNodeFactory.instance.textNode("济宁高新智造有限公司"),
                "projectName", JsonNodeFactory.instance.textNode("智能装备产业园一期"));
        ApplicationApi.ApplicationView a = call("SUBMIT", samples, staff,
                () -> applications.submit(new ApplicationApi.Submit(thing, answers, null, applicant, true)));
        ApplicationApi.ApplicationView accepted = a;
        a = call("ACCEPT", samples, staff, () -> applications.accept(accepted.id(), accepted.version(), null));
        for (int guard = 0; a.status() == ApplicationStatus.IN_PROGRESS && guard < 100; guard++) {
            ApplicationApi.ApplicationView current = a;
            ApplicationApi.ItemView item = current.items().stream().filter(i -> i.status() == ItemStatus.IN_PROGRESS).findFirst()
                    .orElseThrow(() -> new IllegalStateException("application " + current.number() + " has no item in progress"));
            String signer = item.currentStep().countersign() == null ? null : item.currentStep().countersign().stream()
                    .filter(s -> !s.signed()).map(ApplicationApi.SignOffView::department).findFirst().orElse(null);
            if (signer != null) {
                a = call("SIGN_OFF", samples, staff, () -> items.signOff(current.id(), item.code(), current.version(),
                        new ApplicationApi.SignOff(current.version(), signer, null)));
            } else {
                a = call("APPROVE", samples, staff, () -> items.approve(current.id(), item.code(), current.version(),
                        new ApplicationApi.Approve(current.version(), null, null)));
            }
        }
        if (a.status() != ApplicationStatus.COMPLETED) {
            throw new IllegalStateException("application " + a.number() + " ended " + a.status() + ", not COMPLETED");
        }
    }

    /** One service call in its own request context as {@code who}, timed into {@code samples}. */
    private <T> T call(String kind, List<Sample> samples, SecurityIdentity who, Supplier<T> service) {
        ManagedContext request = Arc.container().requestContext();
        long start = System.nanoTime();
        request.activate();
        try {
            identities.setIdentity(who);
            T result = service.get();
            samples.add(new Sample(kind, (System.nanoTime() - start) / 1e6));
            return result;
        } finally {
            request.terminate();
        }
    }
}
