package org.alliancecds.release;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A stored release without its files: what lists show.
 *
 * @param version      its semantic version, unique
 * @param contentHash  the SHA-256 of its files ({@link ReleaseContent#hash()})
 * @param createdAt    when it was created (to the millisecond, as every database here keeps it)
 * @param createdBy    the admin credential that created it
 * @param comment      why it was created
 * @param ruleFiles    how many {@code .drl} files it holds
 * @param contentBytes the bytes of its files, unzipped
 */
public record ReleaseSummary(SemanticVersion version, String contentHash, Instant createdAt, String createdBy,
                             String comment, int ruleFiles, long contentBytes) {

    public ReleaseSummary {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        createdBy = Required.admin(createdBy);
        comment = Required.comment(comment);
    }
}
