package org.alliancecds.check;

import org.alliancecds.cards.CardMemory;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.Instruments;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.fhir.scoring.ProfileException;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleEngine;
import org.alliancecds.rules.RuleFileException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The rules check: reads {@code fhir-profiles/} and validates it ({@link ProfileValidation}), compiles
 * {@code rules/}, and runs every scenario case, printing a line per case and exiting non-zero when anything is wrong.
 * Runs without the server: {@code mvn -q test-compile exec:java@rules-check} (arguments: rules directory, profiles
 * directory).
 */
public final class RulesCheck {

    private static final int TIMEOUT_MS = 2000;
    private static final int MAX_PAGES = 20;

    private final Path rules;
    private final Path profiles;
    private final Clock clock;
    private final Optional<ProfileValidation> validation;

    public RulesCheck(Path rules, Path profiles, Clock clock, Optional<ProfileValidation> validation) {
        this.rules = rules;
        this.profiles = profiles;
        this.clock = clock;
        this.validation = validation;
    }

    public static void main(String[] arguments) {
        Path rules = Path.of(arguments.length > 0 ? arguments[0] : "rules");
        Path profiles = Path.of(arguments.length > 1 ? arguments[1] : "fhir-profiles");
        Optional<ProfileValidation> validation = ServiceLoader.load(ProfileValidation.class).findFirst();
        boolean passed = new RulesCheck(rules, profiles, Clock.systemDefaultZone(), validation).run(System.out);
        System.exit(passed ? 0 : 1);
    }

    /** Runs the whole check, reporting to {@code out}; true when everything passed. */
    public boolean run(PrintStream out) {
        InstrumentScoring scoring = new InstrumentScoring(profiles.toString(), PatientFacts.DEFAULT_EPISODE_GAP_DAYS,
                clock);
        RuleEngine engine = new RuleEngine(rules.toString(), clock);
        Instruments instruments;
        try {
            instruments = scoring.load();
            out.println("profiles: " + profiles + " read");
        } catch (ProfileException e) {
            out.println("ERROR " + e.getMessage());
            return false;
        }
        if (!validated(out)) {
            return false;
        }
        RuleBase ruleBase;
        try {
            ruleBase = engine.compile();
            out.println("rules: " + ruleBase.rules().size() + " card rules compiled, version " + ruleBase.version());
        } catch (RuleFileException e) {
            e.problems().forEach(problem -> out.println("ERROR " + problem));
            return false;
        }
        HookHandler handler = new HookHandler(
                new PatientRecordResolver(new FhirResources(TIMEOUT_MS, TIMEOUT_MS), MAX_PAGES),
                InService.serving(new Generation(instruments, ruleBase)), CardMemory.NONE, clock);
        List<ScenarioResult> results = new ScenarioRunner(handler::answer)
                .run(ScenarioCases.read(rules, LocalDate.now(clock)));
        results.forEach(result -> out.println(result.line()));
        long failed = results.stream().filter(result -> !result.passed()).count();
        out.println("scenario cases: " + (results.size() - failed) + " of " + results.size() + " as expected");
        return failed == 0;
    }

    /** Full FHIR validation of the profiles when a validator is at hand; said plainly when it is not. */
    private boolean validated(PrintStream out) {
        if (validation.isEmpty()) {
            out.println("profiles: not validated against FHIR R4 (no validator on the class path; the documented "
                    + "command has one)");
            return true;
        }
        Map<String, List<String>> errors = validation.get().errors(profiles);
        errors.forEach((file, messages) -> messages.forEach(message -> out.println("ERROR " + file + ": " + message)));
        if (errors.isEmpty()) {
            out.println("profiles: valid FHIR R4, and every scoring definition agrees with its Questionnaire");
        }
        return errors.isEmpty();
    }
}
