package org.alliancecds.release;

import org.alliancecds.check.ProfileValidation;
import org.alliancecds.check.RulesCheck;
import org.alliancecds.check.ScenarioCases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs the rules check ({@link RulesCheck}: profiles read, rules compiled, every scenario case) on a release's own
 * bytes, written to a temporary folder for the purpose and removed afterwards, so that what is checked is exactly
 * what is stored. The check names files relative to the folder it read; the problems here name them as the release
 * does ({@code rules/foo.drl:12: ...}).
 */
final class ReleaseCheck {

    private static final Logger LOG = Logger.getLogger(ReleaseCheck.class.getName());
    private static final String ERROR = "ERROR ";
    private static final String FAIL = "FAIL  ";

    private final Clock clock;
    private final Optional<ProfileValidation> validation;

    ReleaseCheck(Clock clock, Optional<ProfileValidation> validation) {
        this.clock = clock;
        this.validation = validation;
    }

    /** What the rules check found wrong, one line each; empty when it passed. */
    List<String> problems(ReleaseContent content) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("alliance-cds-release-").toAbsolutePath();
            content.materialise(folder);
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            boolean passed = new RulesCheck(folder.resolve(ReleaseContent.RULES),
                    folder.resolve(ReleaseContent.PROFILES), clock, validation)
                    .run(new PrintStream(report, true, StandardCharsets.UTF_8));
            return passed ? List.of() : problems(report.toString(StandardCharsets.UTF_8), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder to check the release in", e);
        } finally {
            delete(folder);
        }
    }

    private static List<String> problems(String report, Path folder) {
        List<String> problems = report.lines().filter(line -> line.startsWith(ERROR) || line.startsWith(FAIL))
                .map(line -> named(line.substring(ERROR.length()).strip(), folder)).toList();
        // Never refuse without a reason: a check that failed without a problem line shows its whole report.
        return problems.isEmpty() ? report.lines().toList() : problems;
    }

    /**
     * The problem with its file named from the release's root: a path into the temporary folder loses the folder; a
     * name relative to the rules folder, its scenario cases or the profiles folder gains that folder.
     */
    private static String named(String problem, Path folder) {
        String text = problem.replace(folder + folder.getFileSystem().getSeparator(), "");
        int colon = text.indexOf(':');
        if (colon <= 0 || text.startsWith(ReleaseContent.RULES + "/")
                || text.startsWith(ReleaseContent.PROFILES + "/")) {
            return text;
        }
        String file = text.substring(0, colon);
        for (String prefix : List.of(ReleaseContent.RULES + "/",
                ReleaseContent.RULES + "/" + ScenarioCases.FOLDER + "/", ReleaseContent.PROFILES + "/")) {
            if (Files.isRegularFile(folder.resolve(prefix + file))) {
                return prefix + text;
            }
        }
        return text;
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Logged, not thrown: the check's verdict stands; a leftover folder under the temporary directory is
            // only untidy.
            LOG.log(Level.WARNING, "the release's temporary folder " + folder + " could not be removed", e);
        }
    }
}
