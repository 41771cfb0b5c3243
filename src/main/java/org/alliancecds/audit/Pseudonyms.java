package org.alliancecds.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Patient ids, and the users' ids of hook contexts, as the audit keeps them: HMAC-SHA256 under a secret key, in hex.
 * The same patient gets the same pseudonym under the same key, so calls about one patient can be grouped; without the
 * key, a list of candidate ids cannot be hashed to find them, which a plain or salted-but-known hash would allow.
 * Thread-safe.
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private Pseudonyms(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the pseudonym key must not be empty");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static Pseudonyms withKey(String key) {
        return new Pseudonyms(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of a patient id; null for null (a call that never named a patient). */
    public String of(String patientId) {
        if (patientId == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
