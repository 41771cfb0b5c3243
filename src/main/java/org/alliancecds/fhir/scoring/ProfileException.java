package org.alliancecds.fhir.scoring;

import java.nio.file.Path;

/** A file in {@code fhir-profiles/} that cannot be used, with where and why. */
public class ProfileException extends RuntimeException {

    private final transient Path file;

    public ProfileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
