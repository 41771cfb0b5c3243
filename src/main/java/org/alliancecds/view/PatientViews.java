package org.alliancecds.view;

import org.alliancecds.admin.PatientChart;
import org.alliancecds.cards.Card;
import org.alliancecds.facts.EpisodeBaseline;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.facts.Threshold;
import org.alliancecds.rules.Evaluation;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the view's JSON from what the pipeline made: the console's chart of the facts (alliance points, cuts,
 * symptom series: one logic for both), and what the view adds: components, the symptom lines from the thresholds
 * table ({@code <instrument>.caseness}, {@code <instrument>.reliable-change}), the episode's baseline, the episodes
 * with their sessions, and each card's reasons.
 */
final class PatientViews {

    private PatientViews() {
    }

    static PatientView of(Evaluation evaluation, List<Card> cards, List<PatientView.Unreadable> unreadable,
                          String focus) {
        PatientFacts facts = evaluation.facts();
        PatientChart chart = PatientChart.of(facts, evaluation.ruleBase().thresholds());
        String known = focus != null && evaluation.ruleBase().rules().containsKey(focus) ? focus : null;
        return new PatientView(new PatientView.Patient(facts.patientId(), null), known,
                evaluation.ruleBase().version(), facts.today().toString(), chart.alliance(), chart.cuts(),
                components(facts), symptoms(chart, facts, evaluation.ruleBase().thresholdsById()), episodes(facts),
                cards(cards, evaluation.findings()), unreadable);
    }

    private static List<PatientView.Component> components(PatientFacts facts) {
        return facts.scores().stream().filter(score -> score.component() != null)
                .sorted(Comparator.comparing(InstrumentScore::date).thenComparing(InstrumentScore::session))
                .map(score -> new PatientView.Component(score.date().toString(), score.episode(), score.session(),
                        score.instrument(), score.component(), score.label(), score.rater(), score.value(),
                        score.range() == null ? null : score.range().normalise(score.value())))
                .toList();
    }

    private static List<PatientView.Symptom> symptoms(PatientChart chart, PatientFacts facts,
                                                      Map<String, Threshold> thresholds) {
        Map<String, InstrumentScore> baselines = facts.baselines().stream().map(EpisodeBaseline::score)
                .collect(Collectors.toMap(InstrumentScore::measure, Function.identity()));
        Map<String, InstrumentScore> anyScore = facts.scores().stream()
                .collect(Collectors.toMap(InstrumentScore::measure, Function.identity(), (first, other) -> first));
        return chart.symptoms().stream().map(series -> {
            String instrument = series.measure().substring(0, series.measure().indexOf('.'));
            InstrumentScore sample = anyScore.get(series.measure());
            Double max = sample == null || sample.range() == null ? null : sample.range().max();
            return new PatientView.Symptom(series.measure(), series.label(), max,
                    value(thresholds, instrument + ".caseness"), value(thresholds, instrument + ".reliable-change"),
                    Optional.ofNullable(baselines.get(series.measure())).map(PatientViews::point).orElse(null),
                    series.points().stream().map(score -> new PatientView.Point(score.date(), score.episode(),
                            score.session(), score.value())).toList());
        }).toList();
    }

    private static PatientView.Point point(InstrumentScore score) {
        return new PatientView.Point(score.date().toString(), score.episode(), score.session(), score.value());
    }

    private static Double value(Map<String, Threshold> thresholds, String id) {
        return Optional.ofNullable(thresholds.get(id)).map(Threshold::value).orElse(null);
    }

    /**
     * Each episode with the first day of each of its sessions. An episode without sessions (the one a patient with no
     * data is in, or the one a long gap opens) is left out: there is nothing of it to draw.
     */
    private static List<PatientView.Episode> episodes(PatientFacts facts) {
        Map<Integer, TreeMap<Integer, String>> sessions = new HashMap<>();
        for (InstrumentScore score : facts.scores()) {
            if (score.session() > 0) {
                sessions.computeIfAbsent(score.episode(), episode -> new TreeMap<>())
                        .merge(score.session(), score.date().toString(),
                                (one, other) -> one.compareTo(other) <= 0 ? one : other);
            }
        }
        return facts.episodes().stream().filter(episode -> episode.sessions() > 0)
                .map(episode -> new PatientView.Episode(episode.number(),
                text(episode.firstSession()), episode.current() ? null : text(episode.lastSession()),
                sessions.getOrDefault(episode.number(), new TreeMap<>()).entrySet().stream()
                        .map(entry -> new PatientView.Session(entry.getKey(), entry.getValue())).toList()))
                .toList();
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }

    /**
     * The cards with their reasons. Cards come in the assembler's order, which keeps the findings' order within a
     * rule, so the n-th card of a rule is the n-th finding of that rule.
     */
    private static List<PatientView.ViewCard> cards(List<Card> cards, List<Finding> findings) {
        Map<String, ArrayDeque<Finding>> byRule = new HashMap<>();
        findings.forEach(finding -> byRule.computeIfAbsent(finding.ruleId(), id -> new ArrayDeque<>()).add(finding));
        return cards.stream().map(card -> {
            String rule = card.source().topic().code();
            Finding finding = byRule.getOrDefault(rule, new ArrayDeque<>()).poll();
            return new PatientView.ViewCard(rule, card.indicator(), card.summary(), card.detail(),
                    finding == null ? List.of() : CardReasons.of(finding));
        }).toList();
    }
}
