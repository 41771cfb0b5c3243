package org.alliancecds.release;

import java.nio.file.Path;

/**
 * The names a release's files may have: under {@code rules/} or {@code fhir-profiles/}, forward slashes, and no part
 * that is empty, {@code .} or {@code ..}. Anything else is refused rather than cleaned, so that a zip read from the
 * database can never write outside the folder it is materialised in (zip slip).
 */
final class ReleasePaths {

    private ReleasePaths() {
    }

    /** @throws ReleaseContentException naming the file and what is wrong with its name */
    static void check(String name) {
        if (!name.startsWith(ReleaseContent.RULES + "/") && !name.startsWith(ReleaseContent.PROFILES + "/")) {
            throw new ReleaseContentException("'" + name + "' is outside " + ReleaseContent.RULES + "/ and "
                    + ReleaseContent.PROFILES + "/");
        }
        if (name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new ReleaseContentException("'" + name + "' has a backslash or a NUL in its name");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new ReleaseContentException("'" + name + "' has an empty, '.' or '..' part");
            }
        }
    }

    /** Where a checked name goes under {@code target}; refused if it would land anywhere else. */
    static Path resolve(Path target, String name) {
        check(name);
        Path root = target.toAbsolutePath().normalize();
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new ReleaseContentException("'" + name + "' would be written outside " + root);
        }
        return path;
    }
}
