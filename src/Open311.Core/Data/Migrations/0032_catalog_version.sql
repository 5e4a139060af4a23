-- Conditional GETs (ETag, Last-Modified) of Open311 answers must compare the same on every instance,
-- so the catalogue's version and the time it last changed are kept in the database: each statement
-- that changes the catalogue bumps them in its own transaction, beside the notice every instance hears
-- (0003). Departments join the catalogue here: their names are in every request's agency_responsible.
CREATE TABLE catalog_version (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version    bigint NOT NULL,
    changed_at timestamptz NOT NULL
);
INSERT INTO catalog_version (version, changed_at) VALUES (1, now());

CREATE OR REPLACE FUNCTION notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET version = version + 1, changed_at = now();
    PERFORM pg_notify('open311_catalog', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER tr_departments_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
