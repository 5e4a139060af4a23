-- Before seeding: drop the demo requests so that ids and protocol numbers start clean.
-- The catalogue, departments and the demo API client that the service loaded stay.
TRUNCATE service_requests RESTART IDENTITY CASCADE;
DELETE FROM protocol_counters WHERE jurisdiction_id = :'jurisdiction';

-- Schemas with per-client submission limits (0002): lift the demo client's, so that POST measures
-- the service rather than its rate limiter.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'api_clients' AND column_name = 'rate_limit_per_minute') AS has_rate_limits \gset
\if :has_rate_limits
UPDATE api_clients SET rate_limit_per_minute = 1000000000;
\endif
