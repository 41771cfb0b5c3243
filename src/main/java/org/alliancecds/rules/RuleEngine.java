package org.alliancecds.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.facts.Threshold;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Compiles the rule base and evaluates patients against a given one. It keeps no rule base: the one in service is
 * part of a whole generation held above (with the instruments it was compiled for), which a call reads once.
 */
@ApplicationScoped
public class RuleEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class.getName());

    private Path rulesDirectory;
    private RuleBaseCompiler compiler;

    protected RuleEngine() {
        // for CDI proxies
    }

    @Inject
    public RuleEngine(@ConfigProperty(name = "cds.rules.dir", defaultValue = "rules") String rulesDirectory,
                      Clock clock) {
        this.rulesDirectory = Path.of(rulesDirectory);
        this.compiler = new RuleBaseCompiler(clock);
    }

    /**
     * Compiles the rules directory.
     *
     * @throws RuleFileException with every problem at its file and line
     */
    public RuleBase compile() {
        return compile(rulesDirectory);
    }

    /**
     * Compiles another rules directory: a release's, written out from the database.
     *
     * @throws RuleFileException with every problem at its file and line
     */
    public RuleBase compile(Path directory) {
        RuleBase compiled = compiler.compile(directory);
        LOG.info(() -> "rule base " + compiled.version() + " compiled: " + compiled.rules().size()
                + " card rules from " + directory.toAbsolutePath());
        return compiled;
    }

    /** Runs one rule base on one patient's facts; usable without a container. */
    public static Evaluation evaluate(RuleBase ruleBase, PatientFacts unjudged) {
        PatientFacts facts = unjudged.judgedBy(ruleBase.windows());
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            ruleBase.thresholds().forEach(session::insert);
            facts.currentScores().forEach(session::insert);
            facts.historicalScores().forEach(session::insert);
            facts.baselines().forEach(session::insert);
            facts.currentAnswers().forEach(session::insert);
            facts.episodes().forEach(session::insert);
            facts.alliance().currentEpisodeRatings().forEach(session::insert);
            facts.alliance().changes().forEach(session::insert);
            facts.alliance().trajectories().forEach(session::insert);
            session.insert(facts.alliance().trajectory());
            session.fireAllRules();
            // A class filter reads only the findings' own store; any other filter walks every fact inserted,
            // which grows with the patient's history (BENCHMARKS.md, History size).
            List<Finding> fired = session.getObjects(new ClassObjectFilter(Finding.class)).stream()
                    .map(Finding.class::cast).toList();
            return new Evaluation(ruleBase, facts, mergedPerRule(fired, ruleBase));
        } finally {
            session.dispose();
        }
    }

    /**
     * One finding per rule: a rule that matched several times keeps every score it matched, once, and the category
     * of its most urgent variant (lowest priority). Matches are merged in a fixed order (by what they matched), so
     * the same facts always give the same card text.
     */
    private static List<Finding> mergedPerRule(List<Finding> fired, RuleBase ruleBase) {
        Map<String, Finding> byRule = new LinkedHashMap<>();
        List<Finding> ordered = fired.stream().sorted(Comparator.comparing(Finding::ruleId)
                .thenComparing(finding -> priorityOf(finding, ruleBase))
                .thenComparing(RuleEngine::matchKey)).toList();
        for (Finding finding : ordered) {
            byRule.merge(finding.ruleId(), finding, (first, second) -> {
                List<InstrumentScore> scores = new ArrayList<>(first.scores());
                second.scores().stream().filter(score -> !scores.contains(score)).forEach(scores::add);
                var thresholds = new ArrayList<>(first.thresholds());
                second.thresholds().stream().filter(t -> !thresholds.contains(t)).forEach(thresholds::add);
                var answers = new ArrayList<>(first.answers());
                second.answers().stream().filter(a -> !answers.contains(a)).forEach(answers::add);
                return new Finding(first.ruleId(), first.category(), scores, answers, thresholds,
                        first.concern() || second.concern(), first.named(), first.phrases());
            });
        }
        return List.copyOf(byRule.values());
    }

    private static int priorityOf(Finding finding, RuleBase ruleBase) {
        return ruleBase.rule(finding.ruleId(), finding.category()).map(RuleMetadata::priority)
                .orElse(Integer.MAX_VALUE);
    }

    private static String matchKey(Finding finding) {
        return finding.scores().stream().map(score -> score.date() + " " + score.measure() + " " + score.source())
                .collect(Collectors.joining(";")) + "|" + finding.thresholds().stream().map(Threshold::id)
                .collect(Collectors.joining(";"));
    }
}
