-- Statistics over 10⁶ requests read only the rows each figure counts (Core/Statistics):
-- resolved in a period, first answered in a period, and not resolved yet (the backlog at a
-- period's end is "not resolved, requested before it" plus "resolved after it"). Received in a
-- period already has ix_requests_requested, and a staff account's department ix_requests_department.
-- Partial: the rows without the time are the ones the other index holds.
CREATE INDEX ix_requests_resolved ON service_requests (jurisdiction_id, resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ix_requests_first_response ON service_requests (jurisdiction_id, first_response_at) WHERE first_response_at IS NOT NULL;
CREATE INDEX ix_requests_unresolved ON service_requests (jurisdiction_id, requested_at) WHERE resolved_at IS NULL;

-- Requests closed before the clock columns existed (0016) count as resolved when they were last
-- closed, as the statistics counted them before (the latest event leaving them closed); they have
-- no working minutes, so only their calendar times enter the figures.
UPDATE service_requests r SET resolved_at = closed.at
FROM (SELECT e.request_id, max(e.occurred_at) AS at FROM request_events e WHERE e.status_after = 'closed' GROUP BY e.request_id) closed
WHERE r.id = closed.request_id AND r.status = 'closed' AND r.resolved_at IS NULL;
