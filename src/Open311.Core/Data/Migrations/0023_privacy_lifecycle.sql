-- The privacy lifecycle: how long a closed request keeps its requester's contact data, when it
-- was anonymised, and the indexes that find a data subject's requests without a scan.

-- Months after closure (resolved_at) that contact data is kept; editable by admins, audited.
ALTER TABLE jurisdictions ADD COLUMN contact_retention_months integer NOT NULL DEFAULT 12
    CHECK (contact_retention_months BETWEEN 1 AND 120);

-- Set once the contact data is gone, so the retention job never takes the request again.
ALTER TABLE service_requests ADD COLUMN contact_anonymised_at timestamptz;

-- The retention job's batches: closed requests still holding contact data, oldest closure first.
CREATE INDEX ix_requests_retention ON service_requests (jurisdiction_id, resolved_at)
    WHERE contact_anonymised_at IS NULL AND resolved_at IS NOT NULL;

-- Data-subject requests: everything held about an e-mail address or a phone number (compared as
-- phone_key compares them, 0012).
CREATE INDEX ix_requests_contact_email ON service_requests (jurisdiction_id, lower(contact_email))
    WHERE contact_email IS NOT NULL;
CREATE INDEX ix_requests_contact_phone ON service_requests (jurisdiction_id, phone_key(contact_phone))
    WHERE contact_phone IS NOT NULL;
-- It serves the SMS gateway's STOP replies too (notify_sms is then a filter on a number's few requests),
-- so 0012's partial index would only be a second copy of the same keys.
DROP INDEX ix_requests_sms_phone;
CREATE INDEX ix_citizen_updates_email ON citizen_updates (lower(email)) WHERE email IS NOT NULL;
