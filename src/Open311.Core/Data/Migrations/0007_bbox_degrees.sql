-- bbox is containment in degrees on the stored lat/long (RequestSearch), no longer a geography
-- box overlap: the geography GiST indexes answer great-circle questions, not this one. A GiST
-- index over the plain columns (btree_gist, see 0001) narrows longitude, latitude, time and
-- status together, so "open requests in this box in the last 90 days" reads only those rows,
-- as ix_requests_location_open does for a radius, with one index instead of two.
CREATE INDEX ix_requests_lat_long ON service_requests USING gist (long, lat, requested_at, status);
