package org.alliancecds.release;

import java.time.Instant;

/**
 * What one instance last said it serves.
 *
 * @param instanceId     the instance's id in the cluster
 * @param servingVersion the version it serves (a release's, or a folder's in laptop mode); null when nothing is
 * @param servingSince   since when it serves that version; null when nothing is served
 * @param seenAt         when it last said so: an instance not seen for a while has stopped or lost the database
 */
public record InstanceHeartbeat(String instanceId, String servingVersion, Instant servingSince, Instant seenAt) {
}
