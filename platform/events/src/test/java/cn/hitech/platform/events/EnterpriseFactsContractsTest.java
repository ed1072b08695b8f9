package cn.hitech.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.enterprise.AuthorisationChanged;
import cn.hitech.platform.events.enterprise.FiguresChanged;
import cn.hitech.platform.events.enterprise.QualificationChanged;
import cn.hitech.platform.events.project.ProjectRegistration;

/**
 * The contracts added with the register at scale (qualifications, figures) and the project's registration: each frozen
 * v1 sample reads to the expected record, round-trips, tolerates new fields and is keyed as its readers expect.
 */
class EnterpriseFactsContractsTest {

    private static final Instant AT = Instant.parse("2026-02-13T02:00:00Z");
    private static final QualificationChanged CHAMPION = new QualificationChanged(UUID.fromString("5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
            "91370800MA3C5HKE2X", "SINGLE_CHAMPION", "NATIONAL", 2024, "工信部单项冠军〔2024〕第018号", LocalDate.parse("2027-12-31"), false,
            0, AT);
    private static final FiguresChanged FIGURES = new FiguresChanged("91370800MA3C5HKE2X", 2025, new BigDecimal("215000.00"),
            new BigDecimal("9100.50"), new BigDecimal("150000.00"), 1850, 260, 3, AT);
    private static final ProjectRegistration KOMATSU = new ProjectRegistration(UUID.fromString("7d9e1f20-3a4b-4c5d-8e6f-708192a3b4c5"),
            "小松全球智能制造产业基地", "91370800RHEBAN8A4G", "PROVINCIAL_KEY", "HIGH_END_EQUIPMENT", new BigDecimal("500000.00"), "RESERVE", AT);

    @Test
    void qualificationV1SampleReadsRoundTripsAndIsKeyedByTheEnterprise() {
        assertEquals(CHAMPION, EventJson.read(sample("enterprise.qualification.v1.json"), QualificationChanged.class));
        assertEquals(CHAMPION, EventJson.read(EventJson.write(CHAMPION).replaceFirst("\\{", "{\"addedLater\": 1, "), QualificationChanged.class));
        assertEquals("91370800MA3C5HKE2X", CHAMPION.aggregateId());
        for (EventType<QualificationChanged> type : java.util.List.of(QualificationChanged.GRANTED, QualificationChanged.CHANGED,
                QualificationChanged.REVOKED, QualificationChanged.EXPIRING)) {
            assertEquals(Topics.ENTERPRISES, type.topic());
        }
        assertEquals("urn:hitech:event:enterprise.qualification.granted:v1", QualificationChanged.GRANTED.dataSchema());
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"kind\": \"GAZELLE\"}", QualificationChanged.class));
    }

    @Test
    void authorisationV1SampleReadsRoundTripsAndCoversOnlyItsScopeAndDays() {
        AuthorisationChanged helper = new AuthorisationChanged(UUID.fromString("0c4e6a80-1b2d-4e3f-9a5b-6c7d8e9f0a1b"),
                "91370800MA3C5HKE2X", "staff", "HELPER", java.util.List.of("TICKETS", "APPROVALS"), null, LocalDate.parse("2026-02-09"),
                LocalDate.parse("2026-03-31"), false, 0, Instant.parse("2026-02-09T01:30:00Z"));
        assertEquals(helper, EventJson.read(sample("enterprise.authorisation.v1.json"), AuthorisationChanged.class));
        assertEquals(helper, EventJson.read(EventJson.write(helper).replaceFirst("\\{", "{\"addedLater\": true, "), AuthorisationChanged.class));
        assertEquals("91370800MA3C5HKE2X", helper.aggregateId());
        assertEquals(Topics.ENTERPRISES, AuthorisationChanged.GRANTED.topic());
        assertEquals(Topics.ENTERPRISES, AuthorisationChanged.WITHDRAWN.topic());
        assertEquals(true, helper.covers("TICKETS", "any", LocalDate.parse("2026-03-31")));
        assertEquals(false, helper.covers("TICKETS", "any", LocalDate.parse("2026-04-01")));
        assertEquals(false, helper.covers("TICKETS", "any", LocalDate.parse("2026-02-08")));
        AuthorisationChanged oneApplication = new AuthorisationChanged(helper.authorisationId(), helper.creditCode(), "C0001", "COMMISSIONER",
                java.util.List.of("APPROVALS"), "app-1", helper.validFrom(), helper.validUntil(), false, 1, helper.occurredAt());
        assertEquals(true, oneApplication.covers("APPROVALS", "app-1", LocalDate.parse("2026-02-17")));
        assertEquals(false, oneApplication.covers("APPROVALS", "app-2", LocalDate.parse("2026-02-17")));
        assertEquals(false, oneApplication.covers("TICKETS", "app-1", LocalDate.parse("2026-02-17")));
        AuthorisationChanged withdrawn = new AuthorisationChanged(helper.authorisationId(), helper.creditCode(), "staff", "HELPER",
                helper.scopes(), null, helper.validFrom(), helper.validUntil(), true, 1, helper.occurredAt());
        assertEquals(false, withdrawn.covers("TICKETS", "any", LocalDate.parse("2026-02-17")));
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"agent\": \"staff\"}", AuthorisationChanged.class));
    }

    @Test
    void figuresV1SampleReadsRoundTripsAndIsKeyedByTheEnterprise() {
        assertEquals(FIGURES, EventJson.read(sample("enterprise.figures.changed.v1.json"), FiguresChanged.class));
        assertEquals(FIGURES, EventJson.read(EventJson.write(FIGURES).replaceFirst("\\{", "{\"addedLater\": [1], "), FiguresChanged.class));
        assertEquals("91370800MA3C5HKE2X", FIGURES.aggregateId());
        assertEquals(Topics.ENTERPRISES, FiguresChanged.TYPE.topic());
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"year\": 2025}", FiguresChanged.class));
    }

    @Test
    void projectRegisteredV1SampleReadsRoundTripsAndIsKeyedByTheProject() {
        assertEquals(KOMATSU, EventJson.read(sample("project.registered.v1.json"), ProjectRegistration.class));
        assertEquals(KOMATSU, EventJson.read(EventJson.write(KOMATSU), ProjectRegistration.class));
        assertEquals("7d9e1f20-3a4b-4c5d-8e6f-708192a3b4c5", KOMATSU.aggregateId());
        assertEquals(Topics.PROJECTS, ProjectRegistration.TYPE.topic());
        assertEquals("urn:hitech:event:project.registered:v1", ProjectRegistration.TYPE.dataSchema());
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"projectName\": \"x\"}", ProjectRegistration.class));
    }

    private static String sample(String name) {
        try (InputStream in = EnterpriseFactsContractsTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
