package org.alliancecds.release;

/** Files that cannot make a release, or a stored release that cannot be read back: what is wrong, in words. */
public class ReleaseContentException extends RuntimeException {

    public ReleaseContentException(String message) {
        super(message);
    }

    public ReleaseContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
