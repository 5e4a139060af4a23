-- Failed sign-ins per username typed, known or not: an unknown name locks like a real one, so the
-- lockout does not tell which accounts exist. A success deletes the row.
CREATE TABLE sign_in_failures (
    username     text        PRIMARY KEY,
    failures     integer     NOT NULL,
    locked_until timestamptz
);
