package org.alliancecds.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.facts.Threshold;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a {@link RuleBase} from a rules directory: compiles every {@code .drl}, reads the thresholds and the
 * evidence, and checks that they fit together. All problems are collected, so an informaticist sees every error of
 * an edit at once.
 */
public final class RuleBaseCompiler {

    /** The folder of the DRL package {@code alliance.rules}, so that Drools finds package and folder agree. */
    private static final String PACKAGE_FOLDER = "alliance/rules/";
    private static final String RESOURCE_ROOT = "src/main/resources/" + PACKAGE_FOLDER;

    private final Clock clock;

    public RuleBaseCompiler(Clock clock) {
        this.clock = clock;
    }

    /** @throws RuleFileException listing every problem, when the directory does not make a usable rule base */
    public RuleBase compile(Path rulesDirectory) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSources sources = RuleSources.read(rulesDirectory);
        List<Threshold> thresholds = ThresholdTable.read(rulesDirectory, problems);
        Map<String, Evidence> evidence = EvidenceList.read(rulesDirectory, problems);
        Map<String, JsonNode> suggestions = SuggestionTemplates.read(rulesDirectory, problems);
        Set<String> thresholdIds = thresholds.stream().map(Threshold::id).collect(Collectors.toSet());
        RuleFileScanner.checkThresholdReferences(sources.drlFiles(), thresholdIds, problems);
        CardSettings.check(thresholds, problems);
        KieBase kieBase = build(sources, problems);
        List<RuleMetadata> rules = kieBase == null ? List.of()
                : RuleMetadataReader.read(kieBase, sources.drlFiles(), evidence, suggestions.keySet(), problems);
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return new RuleBase(sources.version(), kieBase, rules, thresholds, suggestions, clock.instant(),
                sources.drlFiles());
    }

    private static KieBase build(RuleSources sources, List<RuleProblem> problems) {
        KieServices kie = KieServices.Factory.get();
        ClassLoader classLoader = RuleBaseCompiler.class.getClassLoader();
        ReleaseId releaseId = kie.newReleaseId("org.alliancecds", "rules", sources.version().replace('+', '-'));
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.drlFiles().forEach((path, text) -> files.write(RESOURCE_ROOT + path, text));
        KieBuilder builder = kie.newKieBuilder(files, classLoader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message error : errors) {
            String file = error.getPath() == null ? "rules"
                    : error.getPath().substring(error.getPath().indexOf(PACKAGE_FOLDER) + PACKAGE_FOLDER.length());
            problems.add(new RuleProblem(file, Math.max(error.getLine(), 0), error.getText().trim()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        KieBase kieBase = kie.newKieContainer(releaseId, classLoader).getKieBase();
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }
}
