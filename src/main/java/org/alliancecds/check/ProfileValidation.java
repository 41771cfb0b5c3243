package org.alliancecds.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Full validation of the files under {@code fhir-profiles/}, found through {@link java.util.ServiceLoader} when
 * HAPI's FHIR validator is on the class path: the rules check runs with the project's test class path, which has
 * it; the service does not carry it (tens of megabytes, and seconds per run).
 */
public interface ProfileValidation {

    /**
     * What is wrong, by file or definition, each with its messages; empty when everything is valid.
     *
     * @param profilesDirectory the {@code fhir-profiles/} directory
     */
    Map<String, List<String>> errors(Path profilesDirectory);
}
