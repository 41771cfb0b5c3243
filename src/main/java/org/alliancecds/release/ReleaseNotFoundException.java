package org.alliancecds.release;

/** A step named a release the database does not hold. */
public class ReleaseNotFoundException extends RuntimeException {

    public ReleaseNotFoundException(SemanticVersion version) {
        super("no release " + version + " is stored");
    }
}
