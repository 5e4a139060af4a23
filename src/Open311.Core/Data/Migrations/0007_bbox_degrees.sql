-- bbox is containment in degrees, no longer a geography box overlap, which follows great circles:
-- it listed points outside the box (928 rows for 717 inside, a 1 km box over 10⁶ requests), found
-- nothing in boxes 180° wide or more and failed on the whole world. These GiST indexes hold the
-- planar (geometry) box of each point: "location::geometry && box" finds the candidates through
-- them, and RequestSearch's lat/long ranges decide exactly. As for a radius (0001, 0004): one
-- index for every status, one for open requests only.
-- Measured at 10⁶ requests (1 km box, 90 days, medians of 7): every status 12.7 ms (geography
-- overlap 21 ms), open 1.5 ms (2.0 ms). A btree_gist index on (long, lat, requested_at, status)
-- took 34 and 20 ms: GiST splits its pages on the first column only.
-- The price: two more GiST entries per new request (50,000 inserts there: 5.5 s instead of 3.3 s,
-- about 40 µs of PostgreSQL time each, against ~3.5 ms of PostgreSQL CPU per POST in bench/README.md).
CREATE INDEX ix_requests_point ON service_requests USING gist ((location::geometry), requested_at);
CREATE INDEX ix_requests_point_open ON service_requests USING gist ((location::geometry), requested_at) WHERE status = 'open';
