-- Every call of the admin API: who (the admin credential's name; null when refused), what (method and path),
-- when, from where, and the status it got. Portable SQL, as V1: the same file runs on H2 and on PostgreSQL.
CREATE TABLE audit_admin_action (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    admin_name     VARCHAR(64),
    action         VARCHAR(512)             NOT NULL,
    remote_address VARCHAR(64),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status         INTEGER                  NOT NULL
);
CREATE INDEX audit_admin_action_received_at ON audit_admin_action (received_at);
