package org.alliancecds.hooks.security;

import java.time.Instant;

/** Remembers the token ids ({@code jti}) already used, so that a captured token cannot be sent again. */
public interface ReplayStore {

    /**
     * Records a token id as used, atomically.
     *
     * @param tokenId   the issuer and {@code jti} of a verified token, as one key
     * @param expiresAt after this the token is refused anyway, so the id need not be kept longer
     * @return true the first time an id is seen; false for a replay
     */
    boolean firstUse(String tokenId, Instant expiresAt);
}
