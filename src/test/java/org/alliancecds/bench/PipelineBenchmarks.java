package org.alliancecds.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alliancecds.cards.Card;
import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.DataRequest;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.Instruments;
import org.alliancecds.fhir.PatientRecord;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.cards.CardMemory;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sample-time benchmarks (so medians and tails are reported) of a twelve-session patient: the rules alone on
 * ready facts, and the whole pipeline from the request body to the cards (parse the prefetch, score, place in
 * sessions, evaluate, assemble cards); and the pipeline over the scenario cases the load benchmark sends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmarks {

    private static final int TIMEOUT_MS = 1000;

    private HookHandler handler;
    private RuleBase ruleBase;
    private PatientFacts facts;
    private String body;
    private List<ScenarioCase> scenarios;
    private int nextScenario;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemDefaultZone();
        InstrumentScoring scoring = new InstrumentScoring("fhir-profiles", PatientFacts.DEFAULT_EPISODE_GAP_DAYS,
                clock);
        Instruments instruments = scoring.load();
        ruleBase = new RuleEngine("rules", clock).compile();
        PatientRecordResolver resolver = new PatientRecordResolver(new FhirResources(TIMEOUT_MS, TIMEOUT_MS), 1);
        handler = new HookHandler(resolver, InService.serving(new Generation(instruments, ruleBase)), CardMemory.NONE,
                clock);
        body = TwelveSessions.request(LocalDate.now(clock));
        List<Card> cards = handler.answer("alliance-patient-view", body);
        if (cards.size() < 3) {
            throw new IllegalStateException("the benchmark patient should fire several rules, fired " + cards.size());
        }
        DataRequest request = DataRequest.prefetchOnly(TwelveSessions.PATIENT,
                Map.of("patientId", TwelveSessions.PATIENT), prefetchOf(body));
        PatientRecord record = resolver.resolve(request, instruments.queries());
        facts = instruments.score(record).facts();
        scenarios = ScenarioCases.read(Path.of("rules"), LocalDate.now(clock));
    }

    @Benchmark
    public Evaluation ruleEvaluation() {
        return RuleEngine.evaluate(ruleBase, facts);
    }

    @Benchmark
    public List<Card> wholePipeline() {
        return handler.answer("alliance-patient-view", body);
    }

    /** The load benchmark's requests, in turn: what a hook call costs in-process, for comparing with HTTP. */
    @Benchmark
    public List<Card> scenarioPipeline() {
        ScenarioCase scenario = scenarios.get(nextScenario++ % scenarios.size());
        return handler.answer(scenario.serviceId(), scenario.request().toString());
    }

    private static Map<String, JsonNode> prefetchOf(String body) {
        try {
            Map<String, JsonNode> byKey = new HashMap<>();
            new ObjectMapper().readTree(body).path("prefetch").properties()
                    .forEach(entry -> byKey.put(entry.getKey(), entry.getValue()));
            return byKey;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
