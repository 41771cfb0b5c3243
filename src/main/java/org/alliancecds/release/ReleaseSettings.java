package org.alliancecds.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the rules in service come from: {@code cds.rules.source} {@code folder} (the default: the rules and profiles
 * folders, watched and hot-reloaded — a laptop, a test bed) or {@code releases} (the release the admins activated,
 * from the database every instance shares; the folders, {@code cds.rules.dir} and {@code cds.profiles.dir}, are then
 * only what new releases are made from). {@code cds.releases.poll-ms} is how often an instance looks for a
 * step to take; {@code cds.releases.switch-delay-ms} how far ahead an activation "now" takes effect, so that every
 * instance has compiled it and they switch at the same moment. {@code cds.instance.name} names this instance in the
 * console (default: host name and a random suffix).
 */
@ApplicationScoped
public class ReleaseSettings {

    static final String SOURCE = "cds.rules.source";

    @Inject
    @ConfigProperty(name = SOURCE, defaultValue = "folder")
    String source;

    @Inject
    @ConfigProperty(name = "cds.releases.poll-ms", defaultValue = "1000")
    long pollMs;

    @Inject
    @ConfigProperty(name = "cds.releases.switch-delay-ms", defaultValue = "5000")
    long switchDelayMs;

    @Inject
    @ConfigProperty(name = "cds.rules.dir", defaultValue = "rules")
    String rulesDirectory;

    @Inject
    @ConfigProperty(name = "cds.profiles.dir", defaultValue = "fhir-profiles")
    String profilesDirectory;

    @Inject
    @ConfigProperty(name = "cds.instance.name")
    Optional<String> instanceName;

    private String instanceId;

    /** Whether the service runs from releases; else from its folders. */
    public boolean fromReleases() {
        return switch (source.trim().toLowerCase(Locale.ROOT)) {
            case "releases" -> true;
            case "folder" -> false;
            default -> throw new IllegalArgumentException(SOURCE + " is \"" + source
                    + "\"; it takes folder or releases");
        };
    }

    /** The folders new releases are made from (and the first release is installed from). */
    Path rulesFolder() {
        return Path.of(rulesDirectory);
    }

    Path profilesFolder() {
        return Path.of(profilesDirectory);
    }

    Duration poll() {
        return Duration.ofMillis(Math.max(pollMs, 100));
    }

    Duration switchDelay() {
        return Duration.ofMillis(Math.max(switchDelayMs, 0));
    }

    public synchronized String instanceId() {
        if (instanceId == null) {
            instanceId = instanceName.filter(name -> !name.isBlank()).map(String::strip)
                    .orElseGet(() -> host() + "-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return instanceId;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "instance";
        }
    }
}
