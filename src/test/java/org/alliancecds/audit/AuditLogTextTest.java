package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.alliancecds.testing.LogLines;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client sent (the hookInstance, a card uuid) reaches the audit's log lines only through LogText. */
class AuditLogTextTest {

    private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final String FORGED = "h1\nSEVERE: forged line";

    private static InvocationAudit invocation(String id) {
        return new InvocationAudit(id, FORGED, "alliance-patient-view", "patient-view", Entries.NOW,
                new Caller("https://ehr.example.org", "clinic-1"), "1.0.0", List.of(), List.of(), 200, null, 1,
                "123", null);
    }

    private static void assertOneLineEach(List<String> lines, String about) {
        List<String> matching = lines.stream().filter(line -> line.contains(about)).toList();
        assertFalse(matching.isEmpty(), () -> "no line " + about + " in " + lines);
        matching.forEach(line -> assertFalse(line.contains("\n"), () -> "a line break in: " + line));
        assertTrue(matching.stream().allMatch(line -> line.contains("h1 SEVERE: forged line")), matching::toString);
    }

    @Test
    void theDropLineIsSanitised() {
        AuditQueue queue = new AuditQueue(10, new TestStore(), FAST);
        queue.stop(Duration.ofMillis(10));
        try (LogLines log = LogLines.of(AuditQueue.class)) {
            queue.submit(invocation("dropped"));
            assertOneLineEach(log.lines(), "dropped");
        }
    }

    @Test
    void theGiveUpLineIsSanitised() throws InterruptedException {
        AuditQueue queue = new AuditQueue(10, new TestStore().refusing("refused"), FAST);
        try (LogLines log = LogLines.of(AuditQueue.class)) {
            queue.start(Executors.defaultThreadFactory());
            queue.submit(invocation("refused"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (queue.stats().failed() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            queue.stop(Duration.ofSeconds(5));
            assertOneLineEach(log.lines(), "gave up");
        }
    }
}
