-- What service levels, escalation and statistics read of each request, kept on its row so that
-- lists filter and sort by it on an index and statistics over 10⁶ requests need no history scan.
-- Targets are copied at intake (working minutes), so a later change of a category's target does
-- not move the clocks of requests already running. A due time is null while its clock is paused
-- (a waiting state) or when there is no target; the working time used so far is kept meanwhile.
ALTER TABLE service_requests
    ADD COLUMN priority text NOT NULL DEFAULT 'normal'
        CONSTRAINT service_requests_priority_check CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    -- The department area the point fell in at intake: service levels and statistics by area.
    ADD COLUMN area_id bigint REFERENCES department_areas (id) ON DELETE SET NULL,
    ADD COLUMN response_target_minutes integer CONSTRAINT service_requests_response_target_check CHECK (response_target_minutes > 0),
    ADD COLUMN resolution_target_minutes integer CONSTRAINT service_requests_resolution_target_check CHECK (resolution_target_minutes > 0),
    ADD COLUMN response_due_at timestamptz,
    ADD COLUMN resolution_due_at timestamptz,
    -- Set while the request is in a waiting state (for the citizen, for a contractor).
    ADD COLUMN clock_paused_at timestamptz,
    -- Working minutes the resolution clock ran before its latest pause.
    ADD COLUMN resolution_used_minutes integer NOT NULL DEFAULT 0,
    -- The first answer from staff, and the latest close; with the working minutes each took.
    ADD COLUMN first_response_at timestamptz,
    ADD COLUMN response_working_minutes integer,
    ADD COLUMN resolved_at timestamptz,
    ADD COLUMN resolution_working_minutes integer,
    ADD COLUMN reopened_count integer NOT NULL DEFAULT 0;

CREATE INDEX ix_requests_area ON service_requests (area_id) WHERE area_id IS NOT NULL;
