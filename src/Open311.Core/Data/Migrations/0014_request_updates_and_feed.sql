-- Open311 request updates (mySociety's servicerequestupdates) and the supervisors' live feed.

-- A history event may carry a photo: a citizen's follow-up sent with one.
ALTER TABLE request_events ADD COLUMN media_id uuid REFERENCES request_media (id);

-- What a client app sent with a citizen's follow-up, beside the history event it became. The
-- client's own update_id makes a repeated POST find the first answer instead of recording twice.
-- first_name, last_name and email are personal data: never shown through Open311 or the feed.
CREATE TABLE citizen_updates (
    request_event_id   bigint PRIMARY KEY REFERENCES request_events (id),
    api_client_id      bigint NOT NULL REFERENCES api_clients (id),
    client_update_id   text NOT NULL,
    sent_at            timestamptz NOT NULL,
    asked_status       text NOT NULL CHECK (asked_status IN ('open', 'closed')),
    reopened           boolean NOT NULL,
    external_media_url text,
    first_name         text,
    last_name          text,
    email              text,
    UNIQUE (api_client_id, client_update_id)
);

-- GET servicerequestupdates: the public history in a time window, oldest first.
CREATE INDEX ix_request_events_public_time ON request_events (occurred_at, id) WHERE is_public;

-- The live feed: every instance listens (FeedListener) and hears of each event once it commits,
-- whichever instance (or hand-written SQL) recorded it.
CREATE FUNCTION notify_request_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('open311_events', NEW.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER tr_request_events_notify AFTER INSERT ON request_events
    FOR EACH ROW EXECUTE FUNCTION notify_request_event();
