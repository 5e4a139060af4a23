-- Statistics over 10⁶ requests read only the rows each figure counts (Core/Statistics):
-- resolved in a period, first answered in a period, and not resolved yet (the backlog at a
-- period's end is "not resolved, requested before it" plus "resolved after it"). Received in a
-- period already has ix_requests_requested, and a staff account's department ix_requests_department.
-- Partial: the rows without the time are the ones the other index holds.
CREATE INDEX ix_requests_resolved ON service_requests (jurisdiction_id, resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ix_requests_first_response ON service_requests (jurisdiction_id, first_response_at) WHERE first_response_at IS NOT NULL;
CREATE INDEX ix_requests_unresolved ON service_requests (jurisdiction_id, requested_at) WHERE resolved_at IS NULL;
