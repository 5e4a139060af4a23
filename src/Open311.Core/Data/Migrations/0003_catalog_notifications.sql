-- Every instance keeps the catalogue in memory (CatalogCache) and forgets it when told that it
-- changed, however it changed: through the admin API of any instance or by hand in SQL.
CREATE FUNCTION notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('open311_catalog', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER tr_service_categories_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_categories
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
CREATE TRIGGER tr_service_attributes_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_attributes
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
CREATE TRIGGER tr_attribute_values_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attribute_values
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
CREATE TRIGGER tr_workflows_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
CREATE TRIGGER tr_workflow_states_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflow_states
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
CREATE TRIGGER tr_workflow_transitions_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflow_transitions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
