package org.alliancecds.audit;

import jakarta.persistence.EntityManager;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** The installation's pseudonym key: read from the database, or made and stored by the first instance to start. */
final class InstallationKey {

    private static final int KEY_BYTES = 32;

    private InstallationKey() {
    }

    /**
     * The stored key, in the caller's transaction. When two instances store one at the same moment, the primary key
     * lets one commit; the other's transaction fails, and its next attempt reads the winner's key.
     */
    static String loadOrCreate(EntityManager em, Clock clock) {
        AuditInstallation installation = em.find(AuditInstallation.class, AuditInstallation.THE_ROW);
        if (installation != null) {
            return installation.pseudonymKey();
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        installation = new AuditInstallation(HexFormat.of().formatHex(key), OffsetDateTime.now(clock));
        em.persist(installation);
        return installation.pseudonymKey();
    }
}
