package org.alliancecds.hooks.security;

import com.nimbusds.jose.KeySourceException;

/** No key to verify a token with, and why: what nimbus's processor passes on from {@link IssuerKeySelector}. */
final class RefusedKey extends KeySourceException implements Refusal.Reasoned {

    private final Refusal refusal;

    RefusedKey(Refusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    RefusedKey(Refusal refusal, String detail, Throwable cause) {
        super(detail, cause);
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
