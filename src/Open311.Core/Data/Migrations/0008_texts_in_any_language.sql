-- Texts in any language a jurisdiction enables, not in two hard-wired columns. Each text becomes
-- one jsonb map, {"el":"…","en":"…","de":"…"}, on its own row: a new language is data, not a
-- schema change; the catalogue cache and every projection still read a row's texts with the row
-- (no join, no extra query), and no index or filter ever looked inside a text. Blank texts are
-- left out of the map, as the service itself stores them (LocalizedText).
ALTER TABLE jurisdictions
    ADD COLUMN languages text[] NOT NULL DEFAULT ARRAY['el', 'en'],
    DROP CONSTRAINT jurisdictions_default_locale_check,
    ADD CONSTRAINT jurisdictions_languages_check
        CHECK (array_to_string(languages, ',') ~ '^[a-z]{2,3}(,[a-z]{2,3})*$' AND default_locale = ANY (languages));

CREATE FUNCTION pg_temp.merge_texts(tab text, col text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ADD COLUMN %I jsonb', tab, col);
    EXECUTE format(
        $sql$UPDATE %1$I SET %2$I = jsonb_strip_nulls(jsonb_build_object(
                 'el', CASE WHEN btrim(%3$I) = '' THEN NULL ELSE %3$I END,
                 'en', CASE WHEN btrim(%4$I) = '' THEN NULL ELSE %4$I END))$sql$,
        tab, col, col || '_el', col || '_en');
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET NOT NULL, DROP COLUMN %I, DROP COLUMN %I', tab, col, col || '_el', col || '_en');
END $$;

SELECT pg_temp.merge_texts(tab, col) FROM (VALUES
    ('jurisdictions', 'name'),
    ('departments', 'name'),
    ('service_categories', 'name'),
    ('service_categories', 'description'),
    ('service_categories', 'group'),
    ('service_categories', 'notice'),
    ('service_attributes', 'description'),
    ('service_attributes', 'datatype_description'),
    ('attribute_values', 'name'),
    ('workflows', 'name'),
    ('workflow_states', 'label')
) AS texts (tab, col);
-- Optional texts, '' before, are {} now.
ALTER TABLE service_categories ALTER COLUMN notice SET DEFAULT '{}';
ALTER TABLE service_attributes ALTER COLUMN datatype_description SET DEFAULT '{}';

-- The default workflow of every new jurisdiction, as in 0002, with its texts as maps.
CREATE OR REPLACE FUNCTION create_default_workflow(jurisdiction text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    workflow bigint;
BEGIN
    INSERT INTO workflows (jurisdiction_id, name, is_default)
    VALUES (jurisdiction, '{"el": "Βασική ροή", "en": "Standard workflow"}', true) RETURNING id INTO workflow;

    INSERT INTO workflow_states (workflow_id, code, label, status, is_initial, sort_order) VALUES
        (workflow, 'received',     '{"el": "Παραλήφθηκε", "en": "Received"}',       'open',   true,  1),
        (workflow, 'acknowledged', '{"el": "Επιβεβαιώθηκε", "en": "Acknowledged"}', 'open',   false, 2),
        (workflow, 'in_progress',  '{"el": "Σε εξέλιξη", "en": "In progress"}',     'open',   false, 3),
        (workflow, 'resolved',     '{"el": "Επιλύθηκε", "en": "Resolved"}',         'closed', false, 4),
        (workflow, 'rejected',     '{"el": "Απορρίφθηκε", "en": "Rejected"}',       'closed', false, 5),
        (workflow, 'duplicate',    '{"el": "Διπλό αίτημα", "en": "Duplicate"}',     'closed', false, 6);

    INSERT INTO workflow_transitions (workflow_id, from_state_id, to_state_id, allowed_roles, requires_public_note)
    SELECT workflow, f.id, t.id, x.roles, x.note
    FROM (VALUES
        ('received',     'acknowledged', ARRAY['admin', 'dispatcher', 'staff'], false),
        ('received',     'in_progress',  ARRAY['admin', 'dispatcher', 'staff'], false),
        ('received',     'rejected',     ARRAY['admin', 'dispatcher'],          true),
        ('received',     'duplicate',    ARRAY['admin', 'dispatcher', 'staff'], false),
        ('acknowledged', 'in_progress',  ARRAY['admin', 'dispatcher', 'staff'], false),
        ('acknowledged', 'resolved',     ARRAY['admin', 'dispatcher', 'staff'], true),
        ('acknowledged', 'rejected',     ARRAY['admin', 'dispatcher'],          true),
        ('acknowledged', 'duplicate',    ARRAY['admin', 'dispatcher', 'staff'], false),
        ('in_progress',  'resolved',     ARRAY['admin', 'dispatcher', 'staff'], true),
        ('in_progress',  'duplicate',    ARRAY['admin', 'dispatcher', 'staff'], false),
        ('resolved',     'in_progress',  ARRAY['admin', 'dispatcher'],          true),
        ('rejected',     'received',     ARRAY['admin', 'dispatcher'],          false)
    ) AS x (from_code, to_code, roles, note)
    JOIN workflow_states f ON f.workflow_id = workflow AND f.code = x.from_code
    JOIN workflow_states t ON t.workflow_id = workflow AND t.code = x.to_code;
    RETURN workflow;
END $$;

-- A jurisdiction's languages are read on every call from an in-memory copy (JurisdictionDirectory):
-- changes reach every instance the way catalogue changes do (0003).
CREATE TRIGGER tr_jurisdictions_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jurisdictions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();
