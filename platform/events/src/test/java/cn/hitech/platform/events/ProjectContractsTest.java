package cn.hitech.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.hitech.platform.events.project.AccountabilityChanged;
import cn.hitech.platform.events.project.MilestoneReached;
import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.events.project.ProblemReopened;
import cn.hitech.platform.events.project.ProjectStatusChanged;
import cn.hitech.platform.events.project.WarningChanged;
import cn.hitech.platform.events.ticket.TicketResolved;

/** The project and ticket contracts: each frozen v1 sample reads to the expected record, round-trips and tolerates new fields. */
class ProjectContractsTest {

    private static final UUID PROJECT = UUID.fromString("0f8e5a52-3d4c-4b8e-9a57-6a1d2c3b4e5f");
    private static final UUID PROBLEM = UUID.fromString("7d1f3c2a-6b5e-4a90-8c7d-1e2f3a4b5c6d");
    private static final String CODE = "91350200MA2YJ1XR9G";

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(ProjectStatusChanged.TYPE, new ProjectStatusChanged(PROJECT, "小松全球智能制造产业基地", CODE, "SIGNED",
                        "STARTED", "start", LocalDate.parse("2026-03-02"), Instant.parse("2026-03-02T02:15:00Z"))),
                Arguments.of(MilestoneReached.TYPE, new MilestoneReached(PROJECT, UUID.fromString("5b7c1e20-8f3a-4d61-b2a4-0c9d8e7f6a51"),
                        "TOPPING_OUT", "主体封顶", LocalDate.parse("2026-06-30"), LocalDate.parse("2026-07-15"), LocalDate.parse("2026-07-12"),
                        "主体结构封顶，监理单位确认", List.of("https://example.gov.cn/evidence/1.jpg"), Instant.parse("2026-07-12T08:00:00Z"))),
                Arguments.of(ProblemRaised.TYPE, new ProblemRaised(PROJECT, PROBLEM, "小松全球智能制造产业基地", CODE, "UTILITIES", "URGENT",
                        "厂区双回路供电尚未接入", "staff", Instant.parse("2026-04-01T01:00:00Z"))),
                Arguments.of(ProblemReopened.TYPE, new ProblemReopened(PROJECT, PROBLEM, "小松全球智能制造产业基地", CODE, "UTILITIES",
                        "第二路供电仍未接入", "供电公司已完成双回路接入", "GD20260405000012", "staff", Instant.parse("2026-04-10T02:00:00Z"))),
                Arguments.of(WarningChanged.TYPE, new WarningChanged(PROJECT, "小松全球智能制造产业基地", "GREEN", "RED",
                        List.of(new WarningChanged.Reason("MILESTONE_OVERDUE", "RED", "节点「主体封顶」逾期 3 个工作日")),
                        LocalDate.parse("2026-07-03"), Instant.parse("2026-07-03T00:00:05Z"))),
                Arguments.of(AccountabilityChanged.TYPE, new AccountabilityChanged(PROJECT, "LAND_AND_START", "王局长", "自然资源和规划分局", null,
                        LocalDate.parse("2026-05-31"), "IN_PROGRESS", Instant.parse("2026-04-01T01:00:00Z"))),
                Arguments.of(TicketResolved.TYPE, new TicketResolved(UUID.fromString("2c4e6a8b-1d3f-4b5a-9c7e-0a2b4c6d8e0f"),
                        "GD20260405000012", CODE, PROBLEM, "供电公司已完成双回路接入", "供电所", Instant.parse("2026-04-08T07:30:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void v1SampleReadsRoundTripsAndIgnoresNewFields(EventType<? extends Event> type, Event expected) {
        assertEquals(expected, EventJson.read(sample(type.name() + ".v1.json"), type.dataClass()));
        assertEquals(expected, EventJson.read(EventJson.write(expected), type.dataClass()));
        String newer = EventJson.write(expected).replaceFirst("\\{", "{\"addedLater\": {\"x\": 1}, ");
        assertEquals(expected, EventJson.read(newer, type.dataClass()));
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"name\": \"x\"}", type.dataClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void projectEventsAreKeyedByProjectAndTicketsByTicket(EventType<? extends Event> type, Event expected) {
        String key = type.topic().equals(Topics.PROJECTS) ? PROJECT.toString() : "2c4e6a8b-1d3f-4b5a-9c7e-0a2b4c6d8e0f";
        assertEquals(key, expected.aggregateId());
        assertEquals("urn:hitech:event:" + type.name() + ":v1", type.dataSchema());
    }

    private static String sample(String name) {
        try (InputStream in = ProjectContractsTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
