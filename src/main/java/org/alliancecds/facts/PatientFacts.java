package org.alliancecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the rules may know about one patient: scores placed in sessions and episodes with the newest of each
 * measure marked, coded answers with the newest of each question marked, and the treatment episodes. Built once
 * per request; immutable.
 *
 * @param patientId the FHIR id of the patient (without the {@code Patient/} prefix)
 * @param scores    all scores, newest first
 * @param answers   all coded answers, newest first
 * @param episodes  the episodes, oldest first; the last is the current one
 * @param alliance  the alliance ratings, trajectory and changes derived from the scores
 * @param today     the site's day the facts are judged on
 * @param gapDays   the episode gap they were placed with
 */
public record PatientFacts(String patientId, List<InstrumentScore> scores, List<CodedAnswer> answers,
                           List<TreatmentEpisode> episodes, AllianceFacts alliance, LocalDate today, int gapDays) {

    /** Gap without a session, in days, after which a new episode starts, when the site sets none. */
    public static final int DEFAULT_EPISODE_GAP_DAYS = 90;

    public PatientFacts {
        scores = List.copyOf(scores);
        answers = List.copyOf(answers);
        episodes = List.copyOf(episodes);
    }

    /**
     * Places the scores in sessions and episodes as of {@code today} (the EHR's care periods where there are any,
     * else episodes split at gaps longer than {@code episodeGapDays}), orders everything newest first, and marks
     * the newest of each measure and question.
     */
    public static PatientFacts of(String patientId, List<InstrumentScore> measured, List<CodedAnswer> given,
                                  List<CarePeriod> periods, LocalDate today, int episodeGapDays) {
        EpisodeTimeline timeline = EpisodeTimeline.of(measured, periods, today, episodeGapDays);
        List<InstrumentScore> ordered = measured.stream()
                .sorted(Comparator.comparing(InstrumentScore::date).reversed()).toList();
        Map<String, InstrumentScore> newest = ordered.stream()
                .collect(Collectors.toMap(InstrumentScore::measure, Function.identity(), (first, later) -> first));
        List<InstrumentScore> placed = ordered.stream().map(score -> {
            int[] placement = timeline.placementOf(score);
            return score.placed(placement[0], placement[1], newest.get(score.measure()) == score,
                    (int) ChronoUnit.DAYS.between(score.date(), today));
        }).toList();
        List<CodedAnswer> answers = given.stream()
                .sorted(Comparator.comparing(CodedAnswer::date).reversed()).toList();
        Map<String, CodedAnswer> newestAnswer = answers.stream()
                .collect(Collectors.toMap(CodedAnswer::question, Function.identity(), (first, later) -> first));
        List<CodedAnswer> marked = answers.stream()
                .map(answer -> newestAnswer.get(answer.question()) == answer ? answer.asLatest() : answer).toList();
        List<TreatmentEpisode> episodes = timeline.episodes();
        return new PatientFacts(patientId, placed, marked, episodes,
                AllianceFacts.of(placed, episodes.get(episodes.size() - 1)), today, episodeGapDays);
    }

    /**
     * The same facts with every score judged current or historical by the windows (the recency policy of rule
     * base 2.0), and the alliance facts derived again so that "latest" means newest and current.
     */
    public PatientFacts judgedBy(FreshnessWindows windows) {
        TreatmentEpisode now = currentEpisode();
        List<InstrumentScore> judged = scores.stream().map(score -> score.judged(windows.current(score, now)))
                .toList();
        return new PatientFacts(patientId, judged, answers, episodes, AllianceFacts.of(judged, now), today,
                gapDays);
    }

    /** Scores that describe the patient now. */
    public List<InstrumentScore> currentScores() {
        return scores.stream().filter(InstrumentScore::current).toList();
    }

    /** Scores that no longer do, marked historical. */
    public List<HistoricalScore> historicalScores() {
        return scores.stream().filter(score -> !score.current()).map(HistoricalScore::new).toList();
    }

    /** The first score of each measure in the current episode, of any age. */
    public List<EpisodeBaseline> baselines() {
        int now = currentEpisode().number();
        Map<String, InstrumentScore> first = new java.util.LinkedHashMap<>();
        scores.stream().filter(score -> score.episode() == now)
                .sorted(Comparator.comparing(InstrumentScore::date).thenComparing(InstrumentScore::session))
                .forEach(score -> first.putIfAbsent(score.measure(), score));
        return first.values().stream().map(EpisodeBaseline::new).toList();
    }

    /**
     * Coded answers given in the current episode (an intake form counts for the episode it was filled in): on or
     * after the day after the previous episode's last session, and no more than the episode gap before the current
     * episode's first session (or today, when it has none yet).
     */
    public List<CodedAnswer> currentAnswers() {
        TreatmentEpisode now = currentEpisode();
        LocalDate start = now.firstSession() != null ? now.firstSession() : today;
        LocalDate previousEnd = episodes.stream().filter(episode -> !episode.current() && episode.lastSession() != null)
                .map(TreatmentEpisode::lastSession).max(LocalDate::compareTo).orElse(LocalDate.MIN);
        return answers.stream().filter(answer -> answer.date().isAfter(previousEnd) && !answer.date().isAfter(today)
                && ChronoUnit.DAYS.between(answer.date(), start) <= gapDays).toList();
    }

    /** The episode the patient is in now. */
    public TreatmentEpisode currentEpisode() {
        return episodes.get(episodes.size() - 1);
    }
}
