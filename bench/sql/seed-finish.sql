-- After seeding: counters and sequences past the seeded rows, so that POST numbers new requests
-- after them; then VACUUM ANALYZE (statistics and visibility map as a live, autovacuumed table has
-- them) and a CHECKPOINT so that the seeding's writes do not land in the middle of a measurement.
\set ON_ERROR_STOP on
INSERT INTO protocol_counters (jurisdiction_id, year, last_number)
SELECT jurisdiction_id, split_part(protocol_number, '/', 1)::int, max(split_part(protocol_number, '/', 2)::int)
FROM service_requests
GROUP BY 1, 2
ON CONFLICT (jurisdiction_id, year) DO UPDATE SET last_number = EXCLUDED.last_number;
SELECT setval(pg_get_serial_sequence('service_requests', 'id'), COALESCE(max(id), 0) + 1, false) FROM service_requests \g /dev/null
SELECT setval(pg_get_serial_sequence('request_events', 'id'), COALESCE(max(id), 0) + 1, false) FROM request_events \g /dev/null
VACUUM (ANALYZE) service_requests;
VACUUM (ANALYZE) request_events;
ANALYZE;
CHECKPOINT;
