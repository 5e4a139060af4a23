-- Service levels and escalation rules are kept in memory too (ServiceLevelRules): every submission reads them.
-- Like the catalogue (0003), every instance forgets them when told they changed, however they changed.
CREATE TRIGGER tr_service_levels_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_levels
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
CREATE TRIGGER tr_escalation_rules_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON escalation_rules
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
