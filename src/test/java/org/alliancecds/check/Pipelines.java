package org.alliancecds.check;

import org.alliancecds.cards.CardMemory;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleBaseCompiler;
import org.alliancecds.rules.RuleEngine;

import java.nio.file.Path;
import java.time.Clock;

/** The service's pipeline built without a container, on the shipped fhir-profiles, for tests. */
public final class Pipelines {

    private static final int TIMEOUT_MS = 1000;

    private Pipelines() {
    }

    public static HookHandler handler(Path rules) {
        return handler(rules, CardMemory.NONE);
    }

    /** The pipeline with a memory of the cards shown and answered. */
    public static HookHandler handler(Path rules, CardMemory memory) {
        Clock clock = Clock.systemDefaultZone();
        InstrumentScoring scoring = new InstrumentScoring("fhir-profiles", PatientFacts.DEFAULT_EPISODE_GAP_DAYS,
                clock);
        Generation generation = new Generation(scoring.load(), new RuleEngine(rules.toString(), clock).compile());
        return new HookHandler(new PatientRecordResolver(new FhirResources(TIMEOUT_MS, TIMEOUT_MS), 1),
                InService.serving(generation), memory, clock);
    }

    public static RuleBase ruleBase(Path rules) {
        return new RuleBaseCompiler(Clock.systemUTC()).compile(rules);
    }
}
