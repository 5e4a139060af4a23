-- Measured at 10⁶ requests (bench/README.md): most list calls ask for open requests, and the
-- general indexes made them read every status and sort. These partial indexes hold only open
-- requests, so "one category, open, newest first" stops at the page's end and a radius search
-- touches only open requests near the point.
CREATE INDEX ix_requests_service_open ON service_requests (service_id, requested_at DESC, id DESC) WHERE status = 'open';
CREATE INDEX ix_requests_location_open ON service_requests USING gist (location, requested_at) WHERE status = 'open';

-- The self-referencing key: without it every deleted request scans the table for duplicates pointing at it.
CREATE INDEX ix_requests_duplicate_of ON service_requests (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL;
