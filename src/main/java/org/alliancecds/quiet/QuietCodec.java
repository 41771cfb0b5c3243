package org.alliancecds.quiet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cache values as JSON strings: a cluster member then never has to load one of the application's classes to read
 * another member's entry (a redeployed application has new classes), and {@code replace(key, old, new)} compares
 * plain strings.
 */
final class QuietCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SYSTEM = 5;
    private static final TypeReference<List<List<String>>> ROWS = new TypeReference<>() {
    };

    private QuietCodec() {
    }

    static String answers(RecentAnswers answers) {
        List<List<String>> rows = answers.cards().stream().map(card -> Arrays.asList(card.ruleId(), card.state(),
                card.outcome(), card.overrideReason(), card.answeredAt().toString(), card.overrideSystem())).toList();
        return write(rows);
    }

    static RecentAnswers answers(String text) {
        List<AnsweredCard> cards = new ArrayList<>();
        for (List<String> row : read(text, ROWS)) {
            // An entry written before the system was kept has five fields: its reason's system is unknown.
            String system = row.size() > SYSTEM ? row.get(SYSTEM) : null;
            cards.add(new AnsweredCard(row.get(0), row.get(1), row.get(2), system, row.get(3),
                    Instant.parse(row.get(4))));
        }
        return RecentAnswers.of(cards);
    }

    static String issued(IssuedCard card) {
        return write(Arrays.asList(card.patientPseudonym(), card.userPseudonym(), card.ruleId(), card.state()));
    }

    static IssuedCard issued(String text) {
        List<String> row = read(text, new TypeReference<List<String>>() {
        });
        return new IssuedCard(row.get(0), row.get(1), row.get(2), row.get(3));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cache entry is not what this codec wrote", e);
        }
    }
}
