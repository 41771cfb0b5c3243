package org.alliancecds.hooks.security;

/**
 * Where used token ids are kept (a cluster's shared cache in service), each for the replay window from when it was
 * added. It must not drop an id before then; {@link BoundedReplayStore} sees to it that it is never asked to hold
 * more than it can.
 */
interface UsedIds {

    /** Adds the id, atomically; false when it was there already. */
    boolean addIfAbsent(String tokenId);

    boolean contains(String tokenId);
}
