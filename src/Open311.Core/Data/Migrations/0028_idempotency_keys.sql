-- Idempotency-Key: the answer to a change, kept per caller and key so a retry gets it again instead of
-- making a second change. The row is written in the change's own transaction, so a change and its
-- remembered answer are stored together or not at all; a concurrent retry waits on the primary key.
CREATE TABLE idempotency_keys (
    scope        text        NOT NULL,  -- who asked: 'staff:{id}', or 'client:' and the SHA-256 of the api_key
    key          text        NOT NULL,
    request_hash bytea       NOT NULL,  -- SHA-256 of method, path, query and body: the same key with another call is refused
    status       integer,               -- null until the answer is stored, in the same transaction
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The cleaning job deletes by age.
CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);
