package org.alliancecds.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What may go into a log line. Patient ids appear only as pseudonyms: a keyed hash with a key drawn at start-up,
 * so that lines of one process can be correlated but a pseudonym cannot be turned back into an id (there are too
 * few ids to make a plain hash safe). Text a client controls is cut short and stripped of line breaks, so that it
 * cannot forge log lines.
 */
public final class LogText {

    private static final int MAX_CHARS = 300;
    private static final int PSEUDONYM_BYTES = 6;
    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private LogText() {
    }

    /** A stable-per-process pseudonym for a patient id, e.g. {@code pt-3fa85f64a1b2}. */
    public static String patient(String patientId) {
        if (patientId == null) {
            return "pt-none";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8));
            return "pt-" + HexFormat.of().formatHex(digest, 0, PSEUDONYM_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Client-controlled text made safe for one log line. */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= MAX_CHARS ? flat : flat.substring(0, MAX_CHARS) + "…";
    }
}
