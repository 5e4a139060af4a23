-- The generic-plan check of the baseline's two list statements (bench/Baseline/BaselineApi.cs ListAsync, the same text):
-- each prepared, executed 6 times (after 5 custom plans PostgreSQL may switch a prepared statement to a generic one),
-- then EXPLAIN ANALYZE of the 7th execution as plan_cache_mode = auto chose it, and of a forced generic and a forced
-- custom plan. The baseline runs the radius statement with force_custom_plan and the service_code one with auto.
-- Variables: jurisdiction, lat, long, code (bench/run.sh sets them). Output appended to results/plans-baseline.txt.
\pset pager off
SELECT coalesce(array_agg(id ORDER BY code), '{}')::text AS public_ids,
       (SELECT id FROM service_categories WHERE jurisdiction_id = :'jurisdiction' AND code = :'code') AS service_id
FROM service_categories WHERE jurisdiction_id = :'jurisdiction' AND is_public AND active \gset

PREPARE radius(text, timestamptz, timestamptz, bigint[], double precision, double precision, double precision, integer) AS
SELECT r.id, r.status, r.status_notes, r.service_id, r.description, r.department_id, r.requested_at, r.updated_at,
       coalesce(r.expected_at, r.resolution_due_at), r.address, r.address_id, r.zipcode, r.lat, r.long, r.external_media_url, r.media_id
FROM service_requests r WHERE r.jurisdiction_id = $1 AND r.requested_at >= $2 AND r.requested_at <= $3 AND r.service_id = ANY($4)
  AND r.status = 'open' AND ST_DWithin(r.location, ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, $7)
ORDER BY r.requested_at DESC, r.id DESC LIMIT $8;

PREPARE filtered(text, timestamptz, timestamptz, bigint, integer) AS
SELECT r.id, r.status, r.status_notes, r.service_id, r.description, r.department_id, r.requested_at, r.updated_at,
       coalesce(r.expected_at, r.resolution_due_at), r.address, r.address_id, r.zipcode, r.lat, r.long, r.external_media_url, r.media_id
FROM service_requests r WHERE r.jurisdiction_id = $1 AND r.requested_at >= $2 AND r.requested_at <= $3 AND r.service_id = $4
  AND r.status = 'open'
ORDER BY r.requested_at DESC, r.id DESC LIMIT $5;

\o /dev/null
EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
\o

\echo '=== baseline-radius, prepared, 7th execution, plan_cache_mode = auto'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
SET plan_cache_mode = force_generic_plan;
\echo '=== baseline-radius, prepared, generic plan (force_generic_plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
SET plan_cache_mode = force_custom_plan;
\echo '=== baseline-radius, prepared, custom plan (force_custom_plan: what the baseline runs)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE radius(:'jurisdiction', now() - interval '90 days', now(), :'public_ids', :long, :lat, 500, 1001);
RESET plan_cache_mode;
\echo '=== baseline-filtered, prepared, 7th execution, plan_cache_mode = auto (what the baseline runs)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
SET plan_cache_mode = force_generic_plan;
\echo '=== baseline-filtered, prepared, generic plan (force_generic_plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
SET plan_cache_mode = force_custom_plan;
\echo '=== baseline-filtered, prepared, custom plan (force_custom_plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE filtered(:'jurisdiction', now() - interval '90 days', now(), :service_id, 1001);
