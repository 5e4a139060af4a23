-- The reporting page (/report) is a client app like any other, one per jurisdiction, made the first time the
-- page is opened there. Its key is public by design: every browser that opens the page receives it, so the
-- service keeps it readable to hand out (every other app's key is secret and kept only as its hash).
-- Revoking it, as any key, stops it at once; the page then gets a new one.
ALTER TABLE api_clients ADD COLUMN page_key text;

-- At most one live page app per jurisdiction, also when two instances make it at the same moment; it serves
-- the page's look-up of its key.
CREATE UNIQUE INDEX ux_api_clients_page ON api_clients (jurisdiction_id) WHERE page_key IS NOT NULL AND revoked_at IS NULL;
