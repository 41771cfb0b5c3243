package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancecds.rules.RuleBase;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one {@link Generation} in service, behind one reference: a reload replaces it whole, or not at all. Until the
 * first is in service, it keeps why not (starting, or the last failure), which readiness shows.
 */
@ApplicationScoped
public class InService {

    static final String STARTING = "starting: the instruments and rules are not loaded yet";

    private final AtomicReference<Generation> current = new AtomicReference<>();
    private volatile String whyNone = STARTING;

    /** One holding {@code generation} from the start, for use without a container. */
    public static InService serving(Generation generation) {
        InService inService = new InService();
        inService.put(generation);
        return inService;
    }

    public Optional<Generation> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * The generation a call is answered with: read once, at the call's start.
     *
     * @throws CdsProblem 503 while none is in service (starting, or start-up failed)
     */
    public Generation require() {
        Generation generation = current.get();
        if (generation == null) {
            throw new CdsProblem(503, "transient", "the service is starting or its rules failed to load; retry later");
        }
        return generation;
    }

    public Optional<RuleBase> ruleBase() {
        return current().map(Generation::ruleBase);
    }

    public void put(Generation generation) {
        current.set(generation);
    }

    /** Why nothing is in service yet, when a load fails before the first generation; kept for readiness. */
    public void noneBecause(String reason) {
        whyNone = reason;
    }

    /** Why nothing is in service, or empty when a generation is. */
    public Optional<String> whyNone() {
        return current.get() == null ? Optional.of(whyNone) : Optional.empty();
    }
}
