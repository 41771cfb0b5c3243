package org.alliancecds.release;

import org.alliancecds.check.ProfileValidation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes a release from a rules folder and a profiles folder, or refuses with the reason. The files are read once;
 * the version, the check and the hash all come from those bytes, so an edit made while the check runs cannot slip
 * into the release unchecked. The cheap refusals (no comment, a bad or used version) come before the rules check,
 * which takes seconds. Storing the release is {@link ReleaseStore#save(Release)}.
 */
public final class ReleaseCreation {

    /** The file in the rules folder whose content is the version when none is asked for. */
    public static final String VERSION_FILE = ReleaseContent.RULES + "/VERSION";

    private final ReleaseStore store;
    private final ReleaseCheck check;
    private final Clock clock;

    /** @param validation full FHIR validation of the profiles, when the caller has a validator */
    public ReleaseCreation(ReleaseStore store, Clock clock, Optional<ProfileValidation> validation) {
        this.store = store;
        this.check = new ReleaseCheck(clock, validation);
        this.clock = clock;
    }

    /**
     * The release of the two folders' files, checked, not yet stored.
     *
     * @param version the version asked for; empty for the content of {@code rules/VERSION}
     * @param admin   the admin credential creating it
     * @param comment why, required
     * @throws ReleaseRefusedException when the comment or admin is missing, the files cannot make a release, the
     *                                 version is malformed, used or not above every stored one, or the rules check
     *                                 fails (its problems listed)
     */
    public Release create(Path rules, Path profiles, Optional<String> version, String admin, String comment) {
        String who;
        String why;
        try {
            who = Required.admin(admin);
            why = Required.comment(comment);
        } catch (IllegalArgumentException e) {
            throw new ReleaseRefusedException("release not created: " + e.getMessage());
        }
        ReleaseContent content;
        try {
            content = ReleaseContent.read(rules, profiles);
        } catch (ReleaseContentException e) {
            throw new ReleaseRefusedException("release not created: " + e.getMessage());
        }
        SemanticVersion asked = version(version, content);
        refuseUnlessAboveEveryStored(asked);
        List<String> problems = check.problems(content);
        if (!problems.isEmpty()) {
            throw new ReleaseRefusedException("release " + asked + " not created: the rules check found "
                    + problems.size() + " problem(s)", problems);
        }
        return new Release(new ReleaseSummary(asked, content.hash(), clock.instant(), who, why, content.ruleFiles(),
                content.size()), content);
    }

    private static SemanticVersion version(Optional<String> asked, ReleaseContent content) {
        String text = asked.filter(given -> !given.isBlank()).orElseGet(() -> {
            byte[] file = content.file(VERSION_FILE).orElseThrow(() -> new ReleaseRefusedException(
                    "release not created: no version given and no " + VERSION_FILE));
            return new String(file, StandardCharsets.UTF_8);
        });
        try {
            return SemanticVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ReleaseRefusedException("release not created: " + e.getMessage());
        }
    }

    private void refuseUnlessAboveEveryStored(SemanticVersion asked) {
        ReleaseStore.refuseUnlessAbove(store.releases().stream().map(ReleaseSummary::version).toList(), asked);
    }
}
