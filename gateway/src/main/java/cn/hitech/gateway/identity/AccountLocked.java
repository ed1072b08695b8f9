package cn.hitech.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

import cn.hitech.platform.web.CorrelationId;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

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

    /** The platform's problem mapper, plus the header; chosen over it because it names the narrower exception. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response locked(AccountLocked e, HttpServerRequest request) {
            Problem problem = new Problem(Problem.type(e.code()), e.title(), e.status(), e.getMessage(), request.path(), e.code(),
                    CorrelationId.of(request), null);
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
        }
    }
}
