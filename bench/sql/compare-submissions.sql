-- What the smoke step's two submissions stored, side by side (bench/run.sh): the service's request :service_id and the
-- baseline's :baseline_id. One line per aspect: aspect, the service's, the baseline's. The filled columns of the request
-- row, its history events, its outbox messages by consumer and recipient must be the same; the duplicate suggestions
-- are shown (the baseline's request came later at the same point, so it may have more candidates).
WITH ids(side, id) AS (VALUES ('service', :service_id::bigint), ('baseline', :baseline_id::bigint)),
aspects AS (
    SELECT ids.side, 'request columns filled' AS aspect,
           (SELECT string_agg(k, ',' ORDER BY k) FROM service_requests r, jsonb_object_keys(jsonb_strip_nulls(to_jsonb(r) - 'search_vector' - 'search_text')) k
            WHERE r.id = ids.id) AS value
    FROM ids
    UNION ALL
    SELECT ids.side, 'history events', (SELECT string_agg(e.kind || ' by ' || e.actor || ' ' || e.status_after || coalesce(' state ' || e.state_after_id, ''), '; ')
                                          FROM request_events e WHERE e.request_id = ids.id)
    FROM ids
    UNION ALL
    SELECT ids.side, 'outbox messages', (SELECT string_agg(m.consumer || ' to ' || m.recipient, '; ' ORDER BY m.consumer, m.recipient)
                                           FROM outbox_messages m JOIN request_events e ON e.id = m.request_event_id WHERE e.request_id = ids.id)
    FROM ids
    UNION ALL
    SELECT ids.side, 'duplicate suggestions (may differ)', (SELECT count(*)::text FROM duplicate_suggestions s WHERE s.request_id = ids.id)
    FROM ids
    UNION ALL
    SELECT ids.side, 'service-level targets, minutes (due times may differ)', (SELECT r.response_target_minutes || '/' || r.resolution_target_minutes
                                                                     FROM service_requests r WHERE r.id = ids.id)
    FROM ids)
SELECT s.aspect, coalesce(s.value, '-') AS service, coalesce(b.value, '-') AS baseline,
       CASE WHEN s.aspect LIKE '%may differ%' OR s.value IS NOT DISTINCT FROM b.value THEN 'same' ELSE 'DIFFERENT' END AS verdict
FROM aspects s JOIN aspects b ON b.aspect = s.aspect AND b.side = 'baseline'
WHERE s.side = 'service'
ORDER BY s.aspect;
