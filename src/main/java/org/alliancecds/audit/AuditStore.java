package org.alliancecds.audit;

/** Where the audit queue writes; the database in service, a stand-in in tests. */
public interface AuditStore {

    /** Makes the store ready to write (schema, keys). Called until it succeeds, before the first write. */
    void prepare();

    /** Writes one entry in its own transaction; writing an entry already written changes nothing. */
    void write(AuditEntry entry);

    /** Whether the database answers at all: tells an outage (wait for it) from an entry it refuses (give up). */
    boolean reachable();
}
