package org.alliancecds.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alliancecds.cards.AssembledCards;
import org.alliancecds.cards.Card;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.cards.CardMemory;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.DataRequest;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.Instruments;
import org.alliancecds.fhir.PatientRecord;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issue #15: how the cost of a hook call grows with the patient's history. A patient of 1, 10, 100 or 1,000 weekly
 * sessions ({@link WeeklyHistory}, two forms a session) through the whole pipeline, and through each of its stages
 * on the previous stage's output, so that the per-session cost of each stage can be compared across sizes:
 * reading the request and the prefetch Bundles with HAPI, scoring and placing in sessions and episodes, judging
 * recency, rule evaluation (which judges again, as a call does), and card assembly. The set-up, done once per
 * trial, prints the request body's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HistoryBenchmarks {

    private static final int TIMEOUT_MS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({"1", "10", "100", "1000"})
    public int sessions;

    private HookHandler handler;
    private PatientRecordResolver resolver;
    private Instruments instruments;
    private RuleBase ruleBase;
    private CardAssembler assembler;
    private String body;
    private PatientRecord record;
    private PatientFacts facts;
    private Evaluation evaluation;

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.systemDefaultZone();
        instruments = new InstrumentScoring("fhir-profiles", PatientFacts.DEFAULT_EPISODE_GAP_DAYS, clock).load();
        ruleBase = new RuleEngine("rules", clock).compile();
        resolver = new PatientRecordResolver(new FhirResources(TIMEOUT_MS, TIMEOUT_MS), 1);
        handler = new HookHandler(resolver, InService.serving(new Generation(instruments, ruleBase)), CardMemory.NONE,
                clock);
        assembler = new CardAssembler(UUID::randomUUID);
        body = WeeklyHistory.request(sessions, LocalDate.now(clock));
        List<Card> cards = handler.answer("alliance-patient-view", body);
        record = read();
        facts = instruments.score(record).facts();
        evaluation = RuleEngine.evaluate(ruleBase, facts);
        System.out.printf("%n%d sessions: body %,d bytes, %d scores, %d cards%n", sessions,
                body.getBytes(StandardCharsets.UTF_8).length, facts.scores().size(), cards.size());
    }

    @Benchmark
    public List<Card> wholePipeline() {
        return handler.answer("alliance-patient-view", body);
    }

    /** The request's JSON, then HAPI reading the prefetch Bundles into resources. */
    @Benchmark
    public PatientRecord read() {
        try {
            Map<String, JsonNode> prefetch = new HashMap<>();
            JSON.readTree(body).path("prefetch").properties()
                    .forEach(entry -> prefetch.put(entry.getKey(), entry.getValue()));
            DataRequest request = DataRequest.prefetchOnly(WeeklyHistory.PATIENT,
                    Map.of("patientId", WeeklyHistory.PATIENT), prefetch);
            return resolver.resolve(request, instruments.queries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scoring the forms, placing the scores in sessions and episodes, and the alliance facts. */
    @Benchmark
    public PatientFacts score() {
        return instruments.score(record).facts();
    }

    /** The recency policy alone: every score judged current or historical, the alliance facts derived again. */
    @Benchmark
    public PatientFacts judge() {
        return facts.judgedBy(ruleBase.windows());
    }

    /** Judging, the Drools session (facts inserted, rules fired) and the findings merged. */
    @Benchmark
    public Evaluation rules() {
        return RuleEngine.evaluate(ruleBase, facts);
    }

    @Benchmark
    public AssembledCards cards() {
        return assembler.assemble(evaluation, List.of(), ZoneId.systemDefault());
    }
}
