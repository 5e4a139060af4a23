-- Rate limits every instance shares (Core/RateLimits/SharedRateLimits): one row per key (what is
-- limited and for whom: "client:7", "login:10.0.0.5") holding its current window, counted by one
-- INSERT … ON CONFLICT … DO UPDATE per call. A window starts at its key's first call, as the
-- in-process limiters it replaces did.
--
-- UNLOGGED: the counters are worth nothing after a crash (PostgreSQL empties the table on crash
-- recovery, which at worst gives every client one fresh window), and writing them skips the WAL,
-- a good part of the cost of a one-row upsert (bench/rate-limit.sh measures both). An unlogged
-- table is not streamed to standbys either: nothing there needs it, and a promoted standby starts
-- with fresh windows, like a crash.
--
-- No index on window_start: the clean-up of ended windows (every 5 minutes) reads the whole table,
-- which holds one row per client address or app seen in the last hour.
CREATE UNLOGGED TABLE rate_limit_windows (
    key          text        PRIMARY KEY,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL
);
