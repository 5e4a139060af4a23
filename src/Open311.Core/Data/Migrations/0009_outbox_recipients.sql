-- A consumer may owe one change to several recipients (each webhook subscription, each staff
-- member to alert), each delivered and retried on its own; and it may leave a word on a message
-- it postponed (quiet hours) or found nothing to send for (a citizen who unsubscribed).
ALTER TABLE outbox_messages
    ADD COLUMN recipient text NOT NULL DEFAULT '',
    ADD COLUMN note text,
    DROP CONSTRAINT outbox_messages_consumer_request_event_id_key,
    ADD CONSTRAINT outbox_messages_once UNIQUE (consumer, request_event_id, recipient);
