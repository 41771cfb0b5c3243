package org.alliancecds.hooks.security;

/**
 * Which check refused a token, in the words the 401 log line uses. An EHR user cannot tell a refused call from a
 * call without findings (the CDS Hooks sandbox shows "All clear" on a 401), so whoever reads the log must be able
 * to tell at once what to fix.
 */
public enum Refusal {
    NO_TOKEN("no bearer token"),
    MALFORMED("malformed token"),
    UNSIGNED("unsigned token"),
    TYPE("typ"),
    ALGORITHM("algorithm"),
    NO_KID("no kid"),
    UNKNOWN_ISSUER("unknown issuer"),
    UNKNOWN_KEY("unknown key"),
    JKU_NOT_ALLOWED("jku not allowed"),
    KEYS_UNAVAILABLE("keys unavailable"),
    SIGNATURE("signature"),
    MISSING_CLAIM("missing claim"),
    EXPIRED("expired"),
    NOT_YET_VALID("not yet valid"),
    LIFETIME("lifetime too long"),
    AUDIENCE("audience"),
    CLAIMS("claims"),
    TENANT("tenant"),
    REPLAYED("replayed jti"),
    REPLAY_STORE_FULL("replay store full"),
    MISCONFIGURED("authentication misconfigured");

    private final String check;

    Refusal(String check) {
        this.check = check;
    }

    /** The failed check as the log names it. */
    public String check() {
        return check;
    }

    /** Carried by the nimbus exceptions our own key selector and claims verifier throw, so that the reason survives. */
    interface Reasoned {
        Refusal refusal();
    }
}
