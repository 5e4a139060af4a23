-- A built-in login token carries the account's credentials version; a password change raises it,
-- so every token issued before the change stops working at once (StaffAccountCheck), as a role
-- change or deactivation already made it.
ALTER TABLE staff_accounts ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;

-- A jurisdiction's area for intake: a point outside this box (lat=0 long=0, a typo, another
-- country) is refused. A box rather than the union of department areas, because a municipality
-- may draw areas for some departments only; null = no check.
ALTER TABLE jurisdictions
    ADD COLUMN area_south double precision,
    ADD COLUMN area_west double precision,
    ADD COLUMN area_north double precision,
    ADD COLUMN area_east double precision;
