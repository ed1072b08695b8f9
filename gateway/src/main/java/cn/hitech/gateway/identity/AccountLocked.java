package cn.hitech.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.ProblemMappers;

/** 423: too many failed sign-ins; says until when (Asia/Shanghai) and carries {@code Retry-After} in seconds. */
public class AccountLocked extends ProblemException {

    public static final String CODE = "ACCOUNT_LOCKED";
    private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final long retryAfterSeconds;

    public AccountLocked(Instant until, Instant now) {
        super(423, CODE, "登录失败次数过多，账号已锁定至 " + SHANGHAI.format(until) + "（北京时间），请届时再试或联系管理员解锁");
        // rounded up, so a client that waits exactly this long finds the lock gone
        long millis = Duration.between(now, until).toMillis();
        this.retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * The platform's problem answer, plus the header. Chosen over the platform's mapper because it names the narrower
     * exception; it delegates the body to that mapper, so the problem format stays written once.
     */
    public static class Mapper {

        private final ProblemMappers problems = new ProblemMappers();

        @ServerExceptionMapper
        public Response locked(AccountLocked e, HttpServerRequest request) {
            return Response.fromResponse(problems.domainRule(e, request))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
        }
    }
}
