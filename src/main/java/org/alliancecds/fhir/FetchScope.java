package org.alliancecds.fhir;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The allowed server and budget of the fetch running on this thread. HAPI's clients all share the one HTTP client of
 * the application's {@code FhirContext} (its invocations take the context's client factory, whatever client made
 * them), and run on the calling thread; so the parts of that HTTP client that decide (address check, redirects,
 * request check, deadlines, byte count) read the call's policy from here. Outside a fetch there is none, and the
 * client sends nothing.
 */
final class FetchScope {

    /** One call's policy: where it may fetch from, and what it may spend. */
    record Current(AllowedServer server, FetchBudget budget) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private FetchScope() {
    }

    static <T> T within(Current current, Supplier<T> fetch) {
        Current outer = CURRENT.get();
        CURRENT.set(current);
        try {
            return fetch.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The fetch on this thread; none is a refusal, so that nothing is sent outside a checked fetch. */
    static Current current() throws OutboundHttp.OffServerException {
        Current current = CURRENT.get();
        if (current == null) {
            throw new OutboundHttp.OffServerException("a FHIR request outside a checked fetch was not sent");
        }
        return current;
    }
}
