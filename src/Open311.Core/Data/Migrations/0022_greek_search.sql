-- Greek search as people type it (TextSearch.cs): without accents, in capitals, in another
-- inflection, a partial word or a typo. Both indexes read one folded text of the public fields
-- (description, address, public notes, protocol number): never contact data.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so a generated column or an index
-- cannot call it; this wrapper names the dictionary itself and promises immutability. Final
-- sigma becomes σ so that a query typed in capitals (ΛΑΜΠΕΣ → λαμπεσ) folds like the text.
CREATE FUNCTION open311_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, $1)), 'ς', 'σ') $$;

ALTER TABLE service_requests
    ADD COLUMN search_text text GENERATED ALWAYS AS (open311_fold(
        coalesce(description, '') || ' ' || coalesce(address, '') || ' ' || coalesce(status_notes, '') || ' ' || protocol_number)) STORED,
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('greek'::regconfig, open311_fold(
        coalesce(description, '') || ' ' || coalesce(address, '') || ' ' || coalesce(status_notes, '') || ' ' || protocol_number))) STORED;

-- Stemmed words (λάμπες and λάμπα share 'λαμπ'), prefixes included.
CREATE INDEX ix_requests_search_vector ON service_requests USING gin (search_vector);
-- Typos and parts of words (word_similarity, <%).
CREATE INDEX ix_requests_search_trgm ON service_requests USING gin (search_text gin_trgm_ops);

-- The plain ILIKE search these served is gone; they only cost every write.
DROP INDEX ix_requests_description_trgm;
DROP INDEX ix_requests_address_trgm;
