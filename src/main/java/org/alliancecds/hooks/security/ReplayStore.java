package org.alliancecds.hooks.security;

/** Remembers the token ids ({@code jti}) already used, so that a captured token cannot be sent again. */
public interface ReplayStore {

    /** What recording an id found. */
    enum Use {
        FIRST,
        REPLAY,
        /** the store holds as many ids as it may and the id is not among them: refuse, never forget one */
        STORE_FULL
    }

    /**
     * Records a token id as used, atomically, for as long as a token carrying it could be accepted.
     *
     * @param tokenId the issuer and {@code jti} of a verified token, as one key
     */
    Use record(String tokenId);
}
