package org.alliancecds.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The hourly counts the feedback statistics read (Flyway V7), changed in the transaction that writes the rows they
 * count. The changes of one entry are gathered first and then applied table by table, key by key, always in the
 * same order, so that writers of several instances adding to the same rows wait for each other and never deadlock.
 * On PostgreSQL a row is added to with {@code INSERT … ON CONFLICT}, which instances may do at once; elsewhere (H2,
 * one writer) with an {@code UPDATE}, and an {@code INSERT} when it found no row.
 */
final class HourlyCounts {

    private record CardKey(long hour, String rule, String version) {
    }

    private record AnswerKey(long hour, String rule, String outcome, String system, String reason) {
    }

    private record CallKey(long hour, String version) {
    }

    private record Calls(long calls, Instant first, Instant last) {
    }

    private static final Table CALLS = new Table("audit_hourly_calls", List.of("received_hour", "rule_base_version"),
            List.of("calls", "first_call", "last_call"), List.of("%1$s.calls + %2$s", "LEAST(%1$s.first_call, %2$s)",
            "GREATEST(%1$s.last_call, %2$s)"));
    private static final Table CARDS = new Table("audit_hourly_cards", List.of("shown_hour", "rule_id", "rule_version"),
            List.of("cards"), List.of("%1$s.cards + %2$s"));
    private static final Table ANSWERS = new Table("audit_hourly_answers",
            List.of("shown_hour", "rule_id", "outcome", "reason_system", "reason"), List.of("latest", "answers"),
            List.of("%1$s.latest + %2$s", "%1$s.answers + %2$s"));
    private static final Table UNMATCHED = new Table("audit_hourly_unmatched", List.of("received_hour"),
            List.of("answers"), List.of("%1$s.answers + %2$s"));

    private final Map<CallKey, Calls> calls = new TreeMap<>(
            Comparator.comparingLong(CallKey::hour).thenComparing(CallKey::version));
    private final Map<CardKey, Long> cards = new TreeMap<>(Comparator.comparingLong(CardKey::hour)
            .thenComparing(CardKey::rule).thenComparing(CardKey::version));
    private final Map<AnswerKey, long[]> answers = new TreeMap<>(Comparator.comparingLong(AnswerKey::hour)
            .thenComparing(AnswerKey::rule).thenComparing(AnswerKey::outcome).thenComparing(AnswerKey::system)
            .thenComparing(AnswerKey::reason));
    private final Map<Long, Long> unmatched = new TreeMap<>();

    /** The hour an instant falls in: whole hours since 1970-01-01T00:00Z. */
    static long hour(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    void call(String ruleBaseVersion, Instant at) {
        calls.merge(new CallKey(hour(at), ruleBaseVersion), new Calls(1, at, at), (a, b) -> new Calls(
                a.calls() + b.calls(), a.first().isBefore(b.first()) ? a.first() : b.first(),
                a.last().isAfter(b.last()) ? a.last() : b.last()));
    }

    void card(Instant shown, String rule, String version) {
        cards.merge(new CardKey(hour(shown), rule, blank(version)), 1L, Long::sum);
    }

    /** An answer to a card shown at {@code shown}: {@code latest} +1 or -1 as it becomes or stops being the latest. */
    void answer(Instant shown, String rule, String outcome, String system, String reason, int latest, int answered) {
        long[] counts = answers.computeIfAbsent(new AnswerKey(hour(shown), rule, outcome, blank(system), blank(reason)),
                key -> new long[2]);
        counts[0] += latest;
        counts[1] += answered;
    }

    void unmatched(Instant received, int answered) {
        unmatched.merge(hour(received), (long) answered, Long::sum);
    }

    void apply(Connection connection, boolean onConflict) throws SQLException {
        for (Map.Entry<CallKey, Calls> call : calls.entrySet()) {
            Calls value = call.getValue();
            CALLS.add(connection, onConflict, new Object[]{call.getKey().hour(), call.getKey().version()},
                    new Object[]{value.calls(), Columns.utc(value.first()), Columns.utc(value.last())});
        }
        for (Map.Entry<CardKey, Long> card : cards.entrySet()) {
            CardKey key = card.getKey();
            CARDS.add(connection, onConflict, new Object[]{key.hour(), key.rule(), key.version()},
                    new Object[]{card.getValue()});
        }
        for (Map.Entry<AnswerKey, long[]> answer : answers.entrySet()) {
            AnswerKey key = answer.getKey();
            long[] counts = answer.getValue();
            if (counts[0] != 0 || counts[1] != 0) {
                ANSWERS.add(connection, onConflict,
                        new Object[]{key.hour(), key.rule(), key.outcome(), key.system(), key.reason()},
                        new Object[]{counts[0], counts[1]});
            }
        }
        for (Map.Entry<Long, Long> hour : unmatched.entrySet()) {
            if (hour.getValue() != 0) {
                UNMATCHED.add(connection, onConflict, new Object[]{hour.getKey()}, new Object[]{hour.getValue()});
            }
        }
    }

    /**
     * A counts table: its key columns, its value columns and how a value is added to the row's ({@code %1$s} the
     * table, {@code %2$s} the value added).
     */
    private record Table(String name, List<String> keys, List<String> values, List<String> adding) {

        void add(Connection connection, boolean onConflict, Object[] key, Object[] value) throws SQLException {
            if (onConflict) {
                execute(connection, insert() + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                        + set(i -> "EXCLUDED." + values.get(i)), key, value);
            } else if (execute(connection, "UPDATE " + name + " SET " + set(i -> "?") + " WHERE "
                    + String.join(" = ? AND ", keys) + " = ?", value, key) == 0) {
                execute(connection, insert(), key, value);
            }
        }

        private String insert() {
            return "INSERT INTO " + name + " (" + String.join(", ", keys) + ", " + String.join(", ", values)
                    + ") VALUES (?" + ", ?".repeat(keys.size() + values.size() - 1) + ")";
        }

        private String set(IntFunction<String> added) {
            StringBuilder set = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                set.append(i == 0 ? "" : ", ").append(values.get(i)).append(" = ")
                        .append(String.format(adding.get(i), name, added.apply(i)));
            }
            return set.toString();
        }

        private static int execute(Connection connection, String sql, Object[] first, Object[] then)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object parameter : first) {
                    statement.setObject(index++, parameter);
                }
                for (Object parameter : then) {
                    statement.setObject(index++, parameter);
                }
                return statement.executeUpdate();
            }
        }
    }

    private static String blank(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
