package org.alliancecds.release;

/** The checks every recorded step shares: who did it and why must be given, and fit their columns. */
final class Required {

    static final int NAME_LENGTH = 64;
    static final int COMMENT_LENGTH = 2000;

    private Required() {
    }

    /** The admin credential's name, stripped. */
    static String admin(String admin) {
        return text(admin, "the admin's name", NAME_LENGTH);
    }

    /** Why the step is taken, stripped: required, since the record is for the people who ask why later. */
    static String comment(String comment) {
        return text(comment, "a comment saying why", COMMENT_LENGTH);
    }

    private static String text(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }
}
