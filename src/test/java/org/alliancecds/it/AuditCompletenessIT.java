package org.alliancecds.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After all other ITs, and after their servers have stopped: every hook call and every feedback item the run sent
 * ({@link AuditLedger}) is in the audit tables. Failsafe runs it in an execution of its own, after the others.
 * <p>
 * Calls answered 200 or 412 were read in full, so each is found by its hookInstance and status. A call refused
 * earlier may have been refused before its body was read (a wrong content type, an unknown service), so those are
 * counted per status instead. The tables may hold more than the ledger (another client of the same server), never
 * less.
 */
class AuditCompletenessIT {

    private static final Set<Integer> READ_IN_FULL = Set.of(200, 412);
    // The ITs send far more than this; fewer means the ledger did not record the run.
    private static final int AT_LEAST = 50;

    private static List<AuditLedger.Entry> ledger;
    private final AuditTables audit = AuditTables.ofTheRun();

    @BeforeAll
    static void readTheLedger() throws IOException {
        ledger = AuditLedger.read(Path.of(System.getProperty("audit.ledger")));
    }

    @Test
    void everyHookCallOfTheRunIsInTheAudit() {
        List<AuditLedger.Entry> calls = ledger.stream().filter(entry -> entry.kind().equals("hook")).toList();
        assertTrue(calls.size() >= AT_LEAST, () -> "the ledger has only " + calls.size() + " hook calls");
        Map<List<Object>, Long> sent = counts(calls.stream().filter(call -> READ_IN_FULL.contains(call.status()))
                .map(call -> List.<Object>of(call.hookInstance(), call.status())).toList());
        Map<List<Object>, Long> sentPerStatus = counts(calls.stream().map(call -> List.<Object>of(call.status()))
                .toList());

        awaitNothingMissing("hook calls (hookInstance, status)", rows -> missing(sent, counts(rows,
                        row -> List.of(row.get("hook_instance"), ((Number) row.get("status")).intValue()))),
                "SELECT hook_instance, status FROM audit_invocation WHERE status IN (200, 412)");
        awaitNothingMissing("hook calls per status", rows -> missing(sentPerStatus, counts(rows,
                row -> List.of(((Number) row.get("status")).intValue()))), "SELECT status FROM audit_invocation");
    }

    @Test
    void everyFeedbackItemOfTheRunIsInTheAudit() {
        List<List<String>> items = new ArrayList<>();
        ledger.stream().filter(entry -> entry.kind().equals("feedback")).forEach(entry -> items.addAll(entry.items()));
        assertTrue(items.size() >= 2, () -> "the ledger has only " + items.size() + " feedback items");
        Map<List<Object>, Long> sent = counts(items.stream().map(item -> List.<Object>copyOf(item)).toList());

        awaitNothingMissing("feedback items (card, outcome)", rows -> missing(sent, counts(rows,
                        row -> List.of(row.get("card_uuid"), row.get("outcome")))),
                "SELECT card_uuid, outcome FROM audit_feedback");
    }

    /** Waits until nothing sent is missing; a failure names what is missing, not the whole table. */
    private void awaitNothingMissing(String what,
                                     Function<List<Map<String, Object>>, Map<List<Object>, Long>> missingIn,
                                     String sql) {
        try {
            audit.await(rows -> missingIn.apply(rows).isEmpty(), sql);
        } catch (AssertionError stillMissing) {
            throw new AssertionError(what + " sent but missing from the audit, with how many times: "
                    + missingIn.apply(audit.rows(sql)), stillMissing);
        }
    }

    /** What was sent more often than the audit has it; empty when everything is there. */
    private static Map<List<Object>, Long> missing(Map<List<Object>, Long> sent, Map<List<Object>, Long> kept) {
        Map<List<Object>, Long> missing = new HashMap<>();
        sent.forEach((key, times) -> {
            long short_ = times - kept.getOrDefault(key, 0L);
            if (short_ > 0) {
                missing.put(key, short_);
            }
        });
        return missing;
    }

    private static Map<List<Object>, Long> counts(List<List<Object>> keys) {
        return keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<List<Object>, Long> counts(List<Map<String, Object>> rows,
                                                  Function<Map<String, Object>, List<Object>> key) {
        return counts(rows.stream().map(key).toList());
    }
}
