-- Finding what a citizen follows or stops, without a scan.
--
-- The one definition of "the same phone number": digits only, with Greece's country code
-- (30, +30 or 0030) optional before a ten-digit number, so "+30 691 234 5678", "00306912345678"
-- and "6912345678" are one number. The service compares numbers only through this function
-- (mapped for EF as PhoneNumbers.Key), so the index below serves the SMS gateway's STOP replies.
CREATE FUNCTION phone_key(phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN regexp_replace(regexp_replace(phone, '\D', '', 'g'), '^(00)?30(\d{10})$', '\2');

-- Only requests that still wait for SMS: the rest have nothing left to stop.
CREATE INDEX ix_requests_sms_phone ON service_requests (jurisdiction_id, phone_key(contact_phone)) WHERE notify_sms;

-- The follow link names a request by its protocol number alone (its code proves the right to see it);
-- the unique (jurisdiction_id, protocol_number) index cannot serve a lookup without the jurisdiction.
CREATE INDEX ix_requests_protocol_number ON service_requests (protocol_number);
