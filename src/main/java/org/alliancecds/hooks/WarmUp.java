package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.cards.CardMemory;
import org.alliancecds.fhir.PatientRecordResolver;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a few calls with a generation before it goes into service, so that the first EHR call after start-up or a
 * switch costs what any call does: the first session of a newly compiled rule base, the scoring of each instrument
 * and the writing of cards each pay a one-time price (class loading, Drools' lazily built network, the JIT) that a
 * call would otherwise pay. The calls are the rules' own scenario cases; nothing is fetched, remembered or audited.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    @Inject
    PatientRecordResolver resolver;

    @Inject
    Clock clock;

    /** One call of a hook: the service it is sent to and its body. */
    public record Call(String serviceId, String body) {
    }

    /** Runs the calls with the generation; a call that fails is skipped (the scenario check reports it). */
    public void warm(Generation generation, List<Call> calls) {
        long start = System.nanoTime();
        HookHandler handler = new HookHandler(resolver, InService.serving(generation), CardMemory.NONE, clock);
        int answered = 0;
        for (Call call : calls) {
            try {
                Json.write(Map.of("cards", handler.explain(call.serviceId(), call.body()).cards()));
                answered++;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a warm-up call failed", e);
            }
        }
        int done = answered;
        LOG.info(() -> "rule base " + generation.ruleBase().version() + " warmed up with " + done + " of "
                + calls.size() + " scenario calls in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
