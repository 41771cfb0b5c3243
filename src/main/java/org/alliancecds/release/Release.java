package org.alliancecds.release;

/**
 * A release: its summary and its files, which the summary's hash identifies.
 *
 * @param summary what it is, who made it, when and why
 * @param content its files
 */
public record Release(ReleaseSummary summary, ReleaseContent content) {

    public Release {
        if (!summary.contentHash().equals(content.hash())) {
            throw new IllegalArgumentException("release " + summary.version() + " names content "
                    + summary.contentHash() + " but holds " + content.hash());
        }
    }

    public SemanticVersion version() {
        return summary.version();
    }
}
