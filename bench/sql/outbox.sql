-- The outbox under the POST load: every message queued after :before (the measured run and the
-- drain after it), when it was made, when a worker first tried it, when it was delivered.
--   :before      the last outbox_messages.id before the run
--   :load_start  :load_end  when wrk started and stopped (timestamptz)
-- Prints the RESULT line bench/run.sh and summary.sh read, then the same by consumer.
\set QUIET on
\pset tuples_only on
\pset format unaligned
WITH m AS (
    SELECT m.consumer, m.status, m.created_at, m.delivered_at,
           (SELECT a.started_at FROM outbox_attempts a WHERE a.message_id = m.id ORDER BY a.number LIMIT 1) AS first_attempt,
           (SELECT count(*) FROM outbox_attempts a WHERE a.message_id = m.id AND NOT a.succeeded) AS failures
    FROM outbox_messages m
    WHERE m.id > :before
), lag AS (
    SELECT *, extract(epoch FROM first_attempt - created_at) * 1000 AS lag_ms FROM m
)
SELECT format('RESULT messages=%s delivered=%s undelivered=%s failed_attempts=%s delivered_per_s_load=%s delivered_per_s=%s '
              'lag_p50_ms=%s lag_p99_ms=%s lag_max_ms=%s backlog_at_load_end=%s drain_s=%s',
       count(*), count(*) FILTER (WHERE status = 'delivered'), count(*) FILTER (WHERE status <> 'delivered'), coalesce(sum(failures), 0),
       -- Delivered while the load ran, per second of load; and over the whole span, first message to last delivery.
       round(count(*) FILTER (WHERE delivered_at <= :'load_end') / extract(epoch FROM :'load_end'::timestamptz - :'load_start'::timestamptz), 1),
       round(count(*) FILTER (WHERE status = 'delivered') / nullif(extract(epoch FROM max(delivered_at) - min(created_at)), 0), 1),
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms))::numeric, 1),
       round((percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms))::numeric, 1),
       round(max(lag_ms)::numeric, 1),
       -- Made before the load stopped but not delivered by then: what the workers still had to do.
       count(*) FILTER (WHERE created_at <= :'load_end' AND (delivered_at IS NULL OR delivered_at > :'load_end')),
       round(greatest(extract(epoch FROM max(delivered_at) - :'load_end'::timestamptz), 0)::numeric, 1))
FROM lag;

\pset tuples_only off
\pset format aligned
\echo
WITH m AS (
    SELECT m.consumer, m.status, m.created_at,
           (SELECT a.started_at FROM outbox_attempts a WHERE a.message_id = m.id ORDER BY a.number LIMIT 1) AS first_attempt
    FROM outbox_messages m
    WHERE m.id > :before
)
SELECT consumer, count(*) AS messages, count(*) FILTER (WHERE status = 'delivered') AS delivered,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_attempt - created_at) * 1000))::numeric, 1) AS lag_p50_ms,
       round((percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM first_attempt - created_at) * 1000))::numeric, 1) AS lag_p99_ms
FROM m GROUP BY consumer ORDER BY consumer;
