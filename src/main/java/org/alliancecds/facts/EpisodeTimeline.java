package org.alliancecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places scores in sessions and episodes. A session is a distinct encounter, else a distinct day, among completed
 * forms. Episodes are the EHR's care periods where it records them; otherwise an episode ends where more than the
 * gap passes without a session. Scores that arrive as Observations join the session of their day if there is one,
 * and make none of their own.
 */
final class EpisodeTimeline {

    private record Session(String key, LocalDate date) {
    }

    private final Map<String, int[]> placementByKey = new HashMap<>();
    private final List<TreatmentEpisode> episodes = new ArrayList<>();
    private final Map<Integer, CarePeriod> periodByEpisode = new HashMap<>();
    private int gapDays;
    private LocalDate today;

    private EpisodeTimeline() {
    }

    static EpisodeTimeline of(List<InstrumentScore> scores, List<CarePeriod> periods, LocalDate today,
                              int gapDays) {
        EpisodeTimeline timeline = new EpisodeTimeline();
        timeline.gapDays = gapDays;
        timeline.today = today;
        if (periods.isEmpty()) {
            timeline.build(sessions(scores), gapDays);
            timeline.addCurrent(today, gapDays);
        } else {
            timeline.buildFromPeriods(sessions(scores), periods, today);
        }
        return timeline;
    }

    /** Each care period is an episode; sessions outside every period belong to none. */
    private void buildFromPeriods(List<Session> sessions, List<CarePeriod> periods, LocalDate today) {
        List<CarePeriod> ordered = periods.stream().sorted(Comparator.comparing(CarePeriod::start)).toList();
        boolean anyCurrent = false;
        for (int index = 0; index < ordered.size(); index++) {
            CarePeriod period = ordered.get(index);
            int episode = index + 1;
            periodByEpisode.put(episode, period);
            List<Session> within = sessions.stream().filter(session -> period.contains(session.date())).toList();
            for (int number = 1; number <= within.size(); number++) {
                placementByKey.putIfAbsent(within.get(number - 1).key(), new int[] {episode, number});
            }
            boolean current = period.contains(today) && !anyCurrent;
            anyCurrent |= current;
            episodes.add(new TreatmentEpisode(episode, within.size(),
                    within.isEmpty() ? null : within.get(0).date(),
                    within.isEmpty() ? null : within.get(within.size() - 1).date(), current));
        }
        if (!anyCurrent) {
            episodes.add(new TreatmentEpisode(ordered.size() + 1, 0, null, null, true));
        }
    }

    private static List<Session> sessions(List<InstrumentScore> scores) {
        Map<String, LocalDate> firstDay = new TreeMap<>();
        scores.stream().filter(InstrumentScore::fromForm)
                .forEach(score -> firstDay.merge(score.sessionKey(), score.date(),
                        (one, other) -> one.isBefore(other) ? one : other));
        return firstDay.entrySet().stream().map(entry -> new Session(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Session::date).thenComparing(Session::key)).toList();
    }

    private void build(List<Session> sessions, int gapDays) {
        int episode = 0;
        int session = 0;
        LocalDate first = null;
        LocalDate previous = null;
        for (Session next : sessions) {
            if (previous == null || ChronoUnit.DAYS.between(previous, next.date()) > gapDays) {
                if (previous != null) {
                    episodes.add(new TreatmentEpisode(episode, session, first, previous, false));
                }
                episode++;
                session = 0;
                first = next.date();
            }
            session++;
            placementByKey.put(next.key(), new int[] {episode, session});
            previous = next.date();
        }
        if (previous != null) {
            episodes.add(new TreatmentEpisode(episode, session, first, previous, false));
        }
    }

    /** The last episode is current unless more than the gap has passed since its last session. */
    private void addCurrent(LocalDate today, int gapDays) {
        if (episodes.isEmpty()) {
            episodes.add(new TreatmentEpisode(1, 0, null, null, true));
            return;
        }
        TreatmentEpisode last = episodes.remove(episodes.size() - 1);
        if (ChronoUnit.DAYS.between(last.lastSession(), today) > gapDays) {
            episodes.add(last);
            episodes.add(new TreatmentEpisode(last.number() + 1, 0, null, null, true));
        } else {
            episodes.add(new TreatmentEpisode(last.number(), last.sessions(), last.firstSession(),
                    last.lastSession(), true));
        }
    }

    List<TreatmentEpisode> episodes() {
        return List.copyOf(episodes);
    }

    /** The episode and session of a score: its own session's, else the session held that day. */
    int[] placementOf(InstrumentScore score) {
        int[] own = placementByKey.get(score.sessionKey());
        if (own != null) {
            return own;
        }
        int[] sameDay = placementByKey.get(score.date().toString());
        if (sameDay != null) {
            return sameDay;
        }
        return new int[] {episodeOf(score.date()), 0};
    }

    /**
     * The episode a day without a session of its own belongs to: the care period that holds it; else the last
     * episode it lies within the gap of (before its first or after its last session); else, when it lies after every
     * episode and no more than the gap before today, the current one; else none (0).
     */
    private int episodeOf(LocalDate day) {
        if (!periodByEpisode.isEmpty()) {
            return periodByEpisode.entrySet().stream().filter(entry -> entry.getValue().contains(day))
                    .mapToInt(Map.Entry::getKey).max()
                    .orElse(episodes.stream().filter(TreatmentEpisode::current).mapToInt(TreatmentEpisode::number)
                            .filter(current -> !periodByEpisode.containsKey(current)).findFirst().orElse(0));
        }
        int within = episodes.stream().filter(episode -> episode.firstSession() != null
                        && !day.isBefore(episode.firstSession().minusDays(gapDays))
                        && !day.isAfter(episode.lastSession().plusDays(gapDays)))
                .mapToInt(TreatmentEpisode::number).max().orElse(0);
        if (within > 0) {
            return within;
        }
        boolean afterEvery = episodes.stream().filter(episode -> episode.lastSession() != null)
                .allMatch(episode -> day.isAfter(episode.lastSession()));
        boolean sinceWithinGap = ChronoUnit.DAYS.between(day, today) <= gapDays;
        return afterEvery && sinceWithinGap ? episodes.get(episodes.size() - 1).number() : 0;
    }
}
