-- One batch of benchmark requests, ids :lo..:hi out of :total.
--
-- As a live system has them: requested_at rises with the id, one request every :step seconds,
-- the last one at :'anchor' (so two years hold :total rows and the last 90 days about 12% of them);
-- the older a request, the likelier it is closed (like the demo data: age/30 days, at most 95%);
-- points uniform over the city centre ± :km km; services uniform over the public categories;
-- protocol numbers YEAR/NNNNNN numbered per year in id order, as the service numbers them.
\set ON_ERROR_STOP on
SELECT setseed(:lo::float8 / (:total + 1)) \g /dev/null

-- Schemas with workflows (0002) keep each request's workflow state beside its open/closed status:
-- "received" for open and "resolved" for closed, as that migration's backfill sets them.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'service_requests' AND column_name = 'state_id') AS has_states \gset
\if :has_states
SELECT ', state_id' AS state_column,
       format(', CASE WHEN n.closed THEN %s ELSE %s END',
              max(s.id) FILTER (WHERE s.code = 'resolved'), max(s.id) FILTER (WHERE s.code = 'received')) AS state_value
FROM workflows w JOIN workflow_states s ON s.workflow_id = w.id
WHERE w.jurisdiction_id = :'jurisdiction' AND w.is_default \gset
\else
\set state_column ''
\set state_value ''
\endif

-- Schemas from 0010 on give each request the language its citizen is written to in, a follow code
-- and an unsubscribe token.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'service_requests' AND column_name = 'follow_code') AS has_follow \gset
\if :has_follow
SELECT ', language, follow_code, unsubscribe_token' AS follow_columns,
       format(', %L, upper(substr(md5(random()::text), 1, 10)), gen_random_uuid()', default_locale) AS follow_values
FROM jurisdictions WHERE id = :'jurisdiction' \gset
\else
\set follow_columns ''
\set follow_values ''
\endif

-- Schemas from 0016 on carry the service-level clock columns that statistics read. A closed request
-- was resolved when it was last updated (the same draw), first answered a quarter of the way there;
-- its working minutes are the calendar time's share of working hours (32.5 of a week's 168); every
-- third service has a resolution target of five working days; one closed request in 50 was reopened once.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'service_requests' AND column_name = 'resolved_at') AS has_clocks \gset
\if :has_clocks
SELECT ', resolved_at, resolution_working_minutes, first_response_at, response_working_minutes, resolution_target_minutes, reopened_count'
           AS clock_columns,
       format($$, CASE WHEN n.closed THEN LEAST(%1$L::timestamptz, n.requested_at + interval '1 hour' * (4 + n.r_fix * 332)) END,
                  CASE WHEN n.closed THEN round((4 + n.r_fix * 332) * 60 * 32.5 / 168)::int END,
                  CASE WHEN n.closed THEN LEAST(%1$L::timestamptz, n.requested_at + interval '15 minutes' * (4 + n.r_fix * 332)) END,
                  CASE WHEN n.closed THEN round((4 + n.r_fix * 332) * 15 * 32.5 / 168)::int END,
                  CASE WHEN svc.k %% 3 = 0 THEN 1950 END,
                  CASE WHEN n.closed AND n.id %% 50 = 0 THEN 1 ELSE 0 END$$, :'anchor') AS clock_values \gset
\else
\set clock_columns ''
\set clock_values ''
\endif

-- Schemas from 0008 on keep each text as a jsonb map by language, earlier ones as name_el/name_en.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'service_categories' AND column_name = 'name') AS has_text_maps \gset
\if :has_text_maps
\set service_name '(s.name ->> ''el'')'
\else
\set service_name 's.name_el'
\endif

WITH svc AS MATERIALIZED (
    -- Each public service with the answers its required attributes need, so the rows pass its definition.
    SELECT s.id, :service_name AS name_el, s.type, s.default_department_id AS department_id,
           (row_number() OVER (ORDER BY s.code) - 1)::int AS k,
           COALESCE((SELECT jsonb_object_agg(a.code, jsonb_build_array(COALESCE(
                        (SELECT v.key FROM attribute_values v WHERE v.attribute_id = a.id ORDER BY v.sort_order, v.id LIMIT 1),
                        CASE a.datatype WHEN 'number' THEN '2'
                                        WHEN 'datetime' THEN '2026-01-15T09:00:00+02:00'
                                        ELSE 'Κλαδί κρέμεται πάνω από το πεζοδρόμιο' END)))
                     FROM service_attributes a
                     WHERE a.service_id = s.id AND a.variable AND a.required), '{}'::jsonb) AS answers
    FROM service_categories s
    WHERE s.jurisdiction_id = :'jurisdiction' AND s.is_public AND s.active
),
client AS (SELECT min(id) AS id FROM api_clients),
base AS MATERIALIZED (
    -- Every random draw once per row (a materialised CTE, so no draw is repeated).
    SELECT g AS id,
           :'anchor'::timestamptz - make_interval(secs => (:total - g) * :step) AS requested_at,
           (:total - g) * :step / 86400.0 AS age_days,
           floor(random() * (SELECT count(*) FROM svc))::int AS k,
           random() AS r_closed, random() AS r_fix, random() AS r_lat, random() AS r_long,
           random() AS r_street, random() AS r_number, random() AS r_text, random() AS r_channel
    FROM generate_series(:lo, :hi) AS g
),
numbered AS (
    -- Per-year protocol numbers: the first id of a year is the first whose time falls in it.
    SELECT b.*, y.year,
           b.id - GREATEST(1, ceil(:total - extract(epoch FROM :'anchor'::timestamptz
                                   - make_timestamptz(y.year, 1, 1, 0, 0, 0, 'Europe/Athens')) / :step))::bigint + 1 AS number,
           b.r_closed < LEAST(0.95, b.age_days / 30) AS closed
    FROM base b
    CROSS JOIN LATERAL (SELECT extract(year FROM b.requested_at AT TIME ZONE 'Europe/Athens')::int AS year) y
)
INSERT INTO service_requests (id, jurisdiction_id, service_id, status, status_notes, description, lat, long, address, attributes,
                              channel, api_client_id, department_id, protocol_number, token, requested_at, updated_at :state_column :follow_columns :clock_columns)
SELECT n.id, :'jurisdiction', svc.id,
       CASE WHEN n.closed THEN 'closed' ELSE 'open' END,
       CASE WHEN n.closed THEN 'Το πρόβλημα αποκαταστάθηκε. Ευχαριστούμε για την ενημέρωση.' END,
       svc.name_el || ': ' || (ARRAY['Το πρόβλημα υπάρχει εδώ και μέρες.', 'Παρακαλώ να το δείτε το συντομότερο.',
                                     'Κινδυνεύουν πεζοί, ιδίως ηλικιωμένοι.', 'Έχει ξαναδηλωθεί χωρίς αποτέλεσμα.',
                                     'Βρίσκεται δίπλα σε σχολείο.', 'Problem near the bus stop, please check.'])[1 + floor(n.r_text * 6)::int],
       round((:lat + (n.r_lat - 0.5) * 2 * :km / 111.32)::numeric, 6)::float8,
       round((:long + (n.r_long - 0.5) * 2 * :km / (111.32 * cos(radians(:lat))))::numeric, 6)::float8,
       (ARRAY['Λεωφόρος Ικάρου', '25ης Αυγούστου', 'Πλατεία Ελευθερίας', 'Λεωφόρος Κνωσού', 'Καλοκαιρινού', 'Έβανς',
              'Δικαιοσύνης', 'Μαρτύρων', 'Λεωφόρος Δημοκρατίας', 'Χάνδακος', 'Λεωφόρος 62 Μαρτύρων', 'Μεραμβέλλου'])[1 + floor(n.r_street * 12)::int]
           || ' ' || (1 + floor(n.r_number * 119))::int,
       svc.answers,
       CASE WHEN n.r_channel < 0.3 THEN 'phone' ELSE 'open311' END,
       CASE WHEN n.r_channel < 0.3 THEN NULL ELSE client.id END,
       svc.department_id,
       n.year || '/' || lpad(n.number::text, GREATEST(6, length(n.number::text)), '0'),
       CASE WHEN svc.type = 'batch' THEN gen_random_uuid() END,
       n.requested_at,
       CASE WHEN n.closed THEN LEAST(:'anchor'::timestamptz, n.requested_at + interval '1 hour' * (4 + n.r_fix * 332))
            ELSE n.requested_at END
       :state_value :follow_values :clock_values
FROM numbered n
JOIN svc ON svc.k = n.k
CROSS JOIN client;

-- Optional (BENCH_EVENTS=1): the "submitted" history event every request has. GET requests reads
-- events only with extensions=true, which the benchmark does not ask for.
\if :events
INSERT INTO request_events (request_id, occurred_at, kind, actor, is_public, status_after)
SELECT id, requested_at, 'submitted', COALESCE('client:' || api_client_id, 'staff'), true, 'open'
FROM service_requests WHERE id BETWEEN :lo AND :hi;
\endif
