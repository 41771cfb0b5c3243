package org.alliancecds.knowledge;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the export says about the release it describes.
 *
 * @param version     its semantic version ({@code 2.1.0}), the version of every artifact
 * @param contentHash the hash of its content, which identifies the exported Bundle
 * @param status      its publication status
 * @param date        when its status last changed (the artifacts' {@code date})
 */
public record Release(String version, String contentHash, ArtifactStatus status, Instant date) {

    private static final Pattern SEMANTIC_VERSION =
            Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");

    public Release {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(date, "date");
        if (!SEMANTIC_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a semantic version: " + version);
        }
        if (contentHash.isBlank()) {
            throw new IllegalArgumentException("a release needs its content hash");
        }
    }
}
