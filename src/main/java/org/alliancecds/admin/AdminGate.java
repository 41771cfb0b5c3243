package org.alliancecds.admin;

import java.time.Duration;
import java.util.Optional;

/**
 * The admin API's decision on one call, apart from HTTP: who it is, or a refusal. "Off" and "wrong token" are the
 * same refusal, so that the answer does not tell a caller whether the API is on.
 */
final class AdminGate {

    /** What a call gets. */
    sealed interface Decision {
    }

    /** Let through, acting as the named credential. */
    record Granted(String admin) implements Decision {
    }

    /** 401: no credential of ours (or no credentials at all). */
    record Refused(boolean adminOff) implements Decision {
    }

    /** 429: too many refusals from this address; try again after the wait. */
    record TooMany(Duration retryAfter) implements Decision {
    }

    private final AdminCredentials credentials;
    private final AdminRefusals refusals;

    AdminGate(AdminCredentials credentials, AdminRefusals refusals) {
        this.credentials = credentials;
        this.refusals = refusals;
    }

    Decision decide(String address, String authorization) {
        Optional<Duration> wait = refusals.waitFor(address);
        if (wait.isPresent()) {
            return new TooMany(wait.get());
        }
        Optional<String> admin = credentials.check(authorization);
        if (admin.isPresent()) {
            return new Granted(admin.get());
        }
        refusals.refused(address);
        return new Refused(!credentials.any());
    }
}
