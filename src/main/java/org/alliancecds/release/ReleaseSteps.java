package org.alliancecds.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.audit.AuditDatabase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an admin does with releases, each step checked and recorded with who, when and why: create one from the
 * folders, run one in shadow and stop it, activate one (now, which is {@code cds.releases.switch-delay-ms} ahead so
 * every instance switches together, or at a given time), roll back to an earlier one. Refused, with the reason, when
 * the service runs from its folders.
 */
@ApplicationScoped
public class ReleaseSteps {

    @Inject
    ReleaseSettings settings;

    @Inject
    ReleaseServing serving;

    @Inject
    AuditDatabase database;

    @Inject
    Clock clock;

    /** A new release from the folders, after the rules check passed on its files. */
    public ReleaseSummary create(Optional<String> version, String admin, String comment) {
        Required.comment(comment);
        ReleaseStore releases = store();
        Release release = serving.whileNothingElseCompiles(() -> new ReleaseCreation(releases, clock,
                Optional.empty()).create(settings.rulesFolder(), settings.profilesFolder(), version, admin,
                comment));
        releases.save(release);
        return release.summary();
    }

    /** Puts a release in service at {@code at}, or now: {@code cds.releases.switch-delay-ms} from now. */
    public ReleaseEvent activate(SemanticVersion version, String admin, String comment, Optional<Instant> at) {
        Instant now = clock.instant();
        Instant effective = at.orElse(now.plus(settings.switchDelay()));
        if (effective.isBefore(now)) {
            throw new ReleaseRefusedException("an activation cannot take effect in the past (" + effective + ")");
        }
        stored(version);
        return events().record(ReleaseEvent.activation(version, admin, now, comment, effective));
    }

    /** Goes back to an earlier release than the one serving, {@code cds.releases.switch-delay-ms} from now. */
    public ReleaseEvent rollBack(SemanticVersion version, String admin, String comment) {
        SemanticVersion active = activeNow().orElseThrow(() -> new ReleaseRefusedException(
                "no release is active: there is nothing to roll back from"));
        if (version.compareTo(active) >= 0) {
            throw new ReleaseRefusedException("a roll-back goes to an earlier release than " + active
                    + "; activate " + version + " instead");
        }
        stored(version);
        Instant now = clock.instant();
        return events().record(new ReleaseEvent(0, version, ReleaseAction.ROLLED_BACK, admin, now, comment,
                now.plus(settings.switchDelay())));
    }

    public ReleaseEvent startShadow(SemanticVersion version, String admin, String comment) {
        if (activeNow().filter(version::equals).isPresent()) {
            throw new ReleaseRefusedException("release " + version + " is active: shadow a candidate, not the "
                    + "release in service");
        }
        return events().startShadow(version, admin, comment);
    }

    public ReleaseEvent stopShadow(String admin, String comment) {
        return events().stopShadow(admin, comment);
    }

    /** The release active now across the cluster (what every instance serves once it has polled). */
    private Optional<SemanticVersion> activeNow() {
        return events().activeAt(clock.instant()).map(ReleaseEvent::version);
    }

    public List<ReleaseSummary> releases() {
        return store().releases();
    }

    public List<ReleaseEvent> history(SemanticVersion version) {
        stored(version);
        return events().events(version);
    }

    public List<InstanceHeartbeat> instances() {
        return new InstanceStore(database.dataSource(), clock).instances();
    }

    public ShadowReport report(SemanticVersion version, int examplesPerRule) {
        stored(version);
        return new ShadowStore(database.dataSource(), clock).report(version, examplesPerRule);
    }

    public ReleaseSummary summary(SemanticVersion version) {
        return stored(version);
    }

    /** Where every release stands now, read once. */
    public ReleaseStates states() {
        Instant now = clock.instant();
        ReleaseEvents events = events();
        return new ReleaseStates(now, events.activeAt(now).map(ReleaseEvent::version),
                events.shadowCandidate().map(ReleaseEvent::version), events.events());
    }

    private ReleaseSummary stored(SemanticVersion version) {
        return store().releases().stream().filter(release -> release.version().equals(version)).findFirst()
                .orElseThrow(() -> new ReleaseNotFoundException(version));
    }

    private ReleaseStore store() {
        requireReleases();
        return new ReleaseStore(database.dataSource());
    }

    private ReleaseEvents events() {
        requireReleases();
        return new ReleaseEvents(database.dataSource(), clock);
    }

    private void requireReleases() {
        if (!settings.fromReleases()) {
            throw new ReleasesOffException();
        }
    }
}
