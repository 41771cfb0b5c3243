package org.alliancecds.view;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A view session as the shared cache keeps it: under a digest of the browser's cookie id, sealed (AES-256-GCM) with a
 * key derived from that id. The cache is shared by every instance of a cluster; what it holds — an EHR's access
 * token among it — is of no use to anyone without the cookie only the clinician's browser has, and an entry cannot
 * be moved to another key.
 */
final class Sealed {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Sealed() {
    }

    /** A new cookie id: 256 random bits. */
    static String newId() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** The cache key of a cookie id; the id itself is never stored. */
    static String key(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("key", id));
    }

    static String seal(String id, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, id, nonce);
            cipher.updateAAD(key(id).getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    /** The text, or empty when it was not sealed for this id (or was altered). */
    static Optional<String> open(String id, String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, id, nonce);
            cipher.updateAAD(key(id).getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    private static Cipher cipher(int mode, String id, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(digest("seal", id), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** Two unrelated values from one id: SHA-256 over a label and the id. */
    private static byte[] digest(String label, String id) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(label.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            return sha256.digest(id.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
