-- Staff alerts by e-mail: what each department and each staff account chooses to hear of (every
-- kind it can get, unless an administrator turns one off), and the language a staff member's
-- alerts are written in (null: the jurisdiction's default, as for a department's address).
ALTER TABLE departments
    ADD COLUMN alerts text[] NOT NULL DEFAULT ARRAY['new_request', 'rerouted']
        CONSTRAINT departments_alerts_check CHECK (alerts <@ ARRAY['new_request', 'rerouted']);
ALTER TABLE staff_accounts
    ADD COLUMN alerts text[] NOT NULL DEFAULT ARRAY['assigned']
        CONSTRAINT staff_accounts_alerts_check CHECK (alerts <@ ARRAY['assigned']),
    ADD COLUMN language text;
