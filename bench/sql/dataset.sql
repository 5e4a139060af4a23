-- What the benchmark runs on: how many requests, how many the default 90-day window holds, and sizes.
SELECT count(*) AS requests,
       count(*) FILTER (WHERE requested_at >= now() - interval '90 days') AS last_90_days,
       count(*) FILTER (WHERE requested_at >= now() - interval '90 days' AND status = 'open') AS open_last_90_days,
       count(*) FILTER (WHERE status = 'open') AS open_all,
       min(requested_at)::date AS oldest, max(requested_at)::date AS newest
FROM service_requests;

SELECT s.code, count(*) FILTER (WHERE r.status = 'open') AS open_last_90_days, count(*) AS all_last_90_days
FROM service_requests r JOIN service_categories s ON s.id = r.service_id
WHERE r.requested_at >= now() - interval '90 days'
GROUP BY s.code ORDER BY s.code;

SELECT c.relname AS relation, pg_size_pretty(pg_relation_size(c.oid)) AS size
FROM pg_class c
WHERE c.relname = 'service_requests'
   OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'service_requests'::regclass)
ORDER BY pg_relation_size(c.oid) DESC;
