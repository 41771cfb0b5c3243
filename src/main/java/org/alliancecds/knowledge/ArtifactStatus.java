package org.alliancecds.knowledge;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

import java.util.Arrays;

/**
 * The publication status every artifact of a release carries, as the Canonical Resource Management Infrastructure IG
 * (CRMI) uses it: a release being prepared or reviewed is {@link #DRAFT}; once activated it is {@link #ACTIVE}, and
 * stays so after a newer release replaces it in service (it was published and may still be cited); one withdrawn
 * from use is {@link #RETIRED}.
 */
public enum ArtifactStatus {

    DRAFT("draft", PublicationStatus.DRAFT),
    ACTIVE("active", PublicationStatus.ACTIVE),
    RETIRED("retired", PublicationStatus.RETIRED);

    private final String code;
    private final PublicationStatus fhir;

    ArtifactStatus(String code, PublicationStatus fhir) {
        this.code = code;
        this.fhir = fhir;
    }

    /** The status by its FHIR code ({@code draft}, {@code active}, {@code retired}). */
    public static ArtifactStatus of(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a release status: " + code));
    }

    public String code() {
        return code;
    }

    PublicationStatus fhir() {
        return fhir;
    }
}
