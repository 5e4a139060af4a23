-- What a citizen needs to follow a request and to stop hearing of it: the language to write to
-- them in, a short unguessable code that with the protocol number opens the request's public
-- page, and a token for the one-click unsubscribe link in every message.
ALTER TABLE service_requests
    ADD COLUMN language text,
    ADD COLUMN follow_code text,
    ADD COLUMN unsubscribe_token uuid NOT NULL DEFAULT gen_random_uuid();
UPDATE service_requests r SET language = j.default_locale,
                              follow_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 10))
FROM jurisdictions j WHERE j.id = r.jurisdiction_id;
ALTER TABLE service_requests
    ALTER COLUMN language SET NOT NULL,
    ALTER COLUMN follow_code SET NOT NULL,
    ALTER COLUMN unsubscribe_token DROP DEFAULT;
CREATE UNIQUE INDEX ux_requests_unsubscribe_token ON service_requests (unsubscribe_token);
