package org.alliancecds.rules;

import java.util.Objects;

/**
 * One entry of the evidence list ({@code rules/evidence.csv}) that cards cite.
 *
 * @param id       the key rules use in {@code @evidence}
 * @param citation the reference as clinicians read it
 * @param url      where to read it, or empty
 */
public record Evidence(String id, String citation, String url) {

    public Evidence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
        url = url == null ? "" : url;
    }

    public boolean hasUrl() {
        return !url.isBlank();
    }
}
