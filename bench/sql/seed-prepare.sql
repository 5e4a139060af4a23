-- Before seeding: drop the demo requests so that ids and protocol numbers start clean.
-- The catalogue, departments and the demo API client that the service loaded stay.
TRUNCATE service_requests RESTART IDENTITY CASCADE;
DELETE FROM protocol_counters WHERE jurisdiction_id = :'jurisdiction';
