/**
 * What every layer may use, and which uses no other package of the service: the one log sanitiser for text a
 * client controls ({@link org.alliancecds.common.LogText}), reading a stream a client controls within a byte limit
 * ({@link org.alliancecds.common.LimitedInputStream}), who is calling ({@link org.alliancecds.common.Caller}, with
 * the request properties that carry it), what the admin calls are ({@link org.alliancecds.common.AdminPaths}) and
 * the caches a cluster's instances share ({@link org.alliancecds.common.ClusterCaches}).
 * <p>
 * Out of scope: deciding anything; these are the shared vocabulary of the layers above.
 */
package org.alliancecds.common;
