package cn.hitech.servicedesk.ticket;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.department.DepartmentService;

/**
 * The ticket list's filters read from their query parameters, once for the list, its export and its counts, so the
 * three always mean the same tickets.
 */
@ApplicationScoped
class TicketFilters {

    private final DepartmentService departments;

    TicketFilters(DepartmentService departments) {
        this.departments = departments;
    }

    /** The filter within {@code scope} (an enterprise's own tickets); a bad value is a 400 naming its parameter. */
    TicketRepository.Filter of(Optional<String> scope, List<TicketStatus> status, TicketChannel channel, UUID problemId,
            String commissioner, TicketCategory category, String department, String overdue, String supervised) {
        Boolean supervisedOnly = flag("supervised", supervised);
        if (supervisedOnly != null && scope.isPresent()) {
            // 督办 is among what the enterprise view leaves out: filtering by it would tell it all the same.
            throw new ProblemException(403, "FILTER_NOT_ALLOWED", "企业账号不能按督办筛选工单");
        }
        List<TicketStatus> statuses = status == null ? List.of() : status.stream().filter(Objects::nonNull).distinct().toList();
        return new TicketRepository.Filter(scope, statuses, channel, problemId, blankOr(commissioner), category,
                department(department), flag("overdue", overdue), supervisedOnly);
    }

    /** A department filter names a department that exists: a mistyped code would only ever list nothing. */
    private String department(String code) {
        String department = blankOr(code);
        if (department != null && departments.find(department).isEmpty()) {
            throw ProblemException.invalidField("department", "'" + code + "' 不是已登记的承办单位代码");
        }
        return department;
    }

    /** {@code true} or {@code false}; JAX-RS would read any other word as false, silently. */
    static Boolean flag(String name, String value) {
        String text = blankOr(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField(name, "'" + value + "' 无法识别；可选值：true, false");
        };
    }

    static String blankOr(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
