package org.alliancecds.facts;

import java.util.List;

/**
 * The patient-rated alliance over the sessions of the current episode, normalised to 0–1, with its least-squares
 * slope per session: whether the alliance is strengthening, flat or weakening.
 *
 * @param episode    the episode
 * @param instrument the one instrument it follows, or null for all of the patient's on the normalised scale
 * @param ratings    the patient's ratings, in session order
 * @param slope      least-squares slope of the normalised ratings per session; 0 with fewer than two ratings
 */
public record AllianceTrajectory(int episode, String instrument, List<AllianceRating> ratings, double slope)
        implements Grounded {

    public AllianceTrajectory {
        ratings = List.copyOf(ratings);
    }

    /** The rating of the episode's first rated session, or null when there is none. */
    public AllianceRating first() {
        return ratings.isEmpty() ? null : ratings.get(0);
    }

    /** How many ratings it rests on. */
    public int points() {
        return ratings.size();
    }

    /** The rating of the episode's last rated session, or null when there is none. */
    public AllianceRating last() {
        return ratings.isEmpty() ? null : ratings.get(ratings.size() - 1);
    }

    /** The last {@code count} ratings (all of them when there are fewer). */
    public List<AllianceRating> lastRatings(double count) {
        return ratings.subList(Math.max(0, ratings.size() - (int) count), ratings.size());
    }

    /** The mean of the last {@code count} ratings on the instrument's own scale. */
    public double meanOfLast(double count) {
        return lastRatings(count).stream().mapToDouble(AllianceRating::value).average().orElse(Double.NaN);
    }

    static AllianceTrajectory of(int episode, String instrument, List<AllianceRating> ordered) {
        return new AllianceTrajectory(episode, instrument, ordered, slopeOf(ordered));
    }

    private static double slopeOf(List<AllianceRating> ratings) {
        int n = ratings.size();
        if (n < 2) {
            return 0;
        }
        double meanX = ratings.stream().mapToDouble(AllianceRating::session).average().orElseThrow();
        double meanY = ratings.stream().mapToDouble(AllianceRating::normalised).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (AllianceRating rating : ratings) {
            covariance += (rating.session() - meanX) * (rating.normalised() - meanY);
            variance += (rating.session() - meanX) * (rating.session() - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    @Override
    public List<InstrumentScore> grounds() {
        return ratings.stream().map(AllianceRating::score).toList();
    }
}
