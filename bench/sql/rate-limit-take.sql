-- One call of SharedRateLimits.TryTakeAsync (Core/RateLimits), as the service sends it, for one of :keys
-- keys (bench/rate-limit.sh sets it, and swaps the table for its logged copy); the limit is high so that
-- every call is counted, which is a write.
\set n random(1, :keys)
WITH taken AS (
    INSERT INTO rate_limit_windows AS w (key, window_start, hits) VALUES ('client:' || :n, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
        window_start = CASE WHEN w.window_start <= now() - interval '1 minute' THEN now() ELSE w.window_start END,
        hits = CASE WHEN w.window_start <= now() - interval '1 minute' THEN 1 ELSE w.hits + 1 END
    WHERE w.window_start <= now() - interval '1 minute' OR w.hits < 100000000
    RETURNING 1)
SELECT EXISTS (SELECT FROM taken), (SELECT window_start + interval '1 minute' - now() FROM rate_limit_windows WHERE key = 'client:' || :n);
