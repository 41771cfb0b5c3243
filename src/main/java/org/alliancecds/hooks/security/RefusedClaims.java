package org.alliancecds.hooks.security;

import com.nimbusds.jwt.proc.BadJWTException;

/** Claims that do not pass, and which check they failed: what nimbus's processor passes on from {@link ClaimsVerifier}. */
final class RefusedClaims extends BadJWTException implements Refusal.Reasoned {

    private final Refusal refusal;

    RefusedClaims(Refusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
