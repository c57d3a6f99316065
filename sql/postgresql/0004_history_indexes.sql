-- cron-console: no-transaction
-- Built CONCURRENTLY: a real tenant_logs holds millions of rows and must keep taking writes.
-- Every index built or dropped on tenant_logs here is CONCURRENTLY; if a statement fails,
-- Migrator (ConcurrentMigration) drops what this file built and leaves the version unchanged.

-- Which job a tenant_logs row belongs to, or NULL when it is not cron history. The seed's
-- legacy rows (sync_automatico_*, no "job" key) belong to sgp_sync_inteligente. One overload per
-- type detalhes may have (jsonb, json, text/varchar), so an index on cron_log_job(acao,
-- detalhes) never casts the column and never makes a platform INSERT fail: none of them raises,
-- whatever detalhes holds.
--
-- Measured on PostgreSQL 15 (DESIGN.md, "Platform facts"):
-- - json accepts \u0000, jsonb refuses it (22P05); every json operator (->, ->>,
--   json_extract_path_text) raises 22P05 when \u0000 is anywhere in the value, in another field
--   or in a key too, before or after the field asked for. json_typeof and ::text do not.
-- - json accepts numbers numeric cannot hold (1e1000000): ::jsonb raises 22003, json's ->> does
--   not. json accepts "\ud83d\u0000" (a high surrogate before \u0000); everything else raises on
--   it, even after \u0000 is replaced.
-- - jsonb's ? and ->> never raise: on an array ? matches its string elements and ->> 'job' is
--   NULL; on a scalar ->> is NULL.

-- The seed's rule; unchanged since 0004, so indexes built on it stay right.
CREATE OR REPLACE FUNCTION cron_log_job(acao TEXT, detalhes JSONB) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN acao LIKE 'cron\_%' OR (detalhes ? 'job' AND detalhes ? 'runner') THEN detalhes->>'job'
        WHEN acao LIKE 'sync\_automatico\_%' THEN COALESCE(detalhes->>'job', 'sgp_sync_inteligente')
    END
$$;

-- The same rule with json's operators, for a value jsonb cannot hold (1e1000000). It raises on
-- \u0000, so callers replace that first.
CREATE OR REPLACE FUNCTION cron_log_job_json(acao TEXT, detalhes JSON) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN acao LIKE 'cron\_%' OR (detalhes->'job' IS NOT NULL AND detalhes->'runner' IS NOT NULL)
            THEN detalhes->>'job'
        WHEN acao LIKE 'sync\_automatico\_%' THEN COALESCE(detalhes->>'job', 'sgp_sync_inteligente')
    END
$$;

-- Text may be anything. Most platform rows (logins, edits) cannot be cron history: without a
-- cron acao, the key "runner" must appear literally (no \u escape at all), so they are answered
-- without parsing. The rest is parsed with \u0000 replaced by U+FFFD (a "\\u0000" written as
-- text becomes "\\ufffd" too: only a job named with that text would change); what still does
-- not parse is treated as no detalhes. The exception blocks are subtransactions, hence PARALLEL
-- RESTRICTED; they only run for rows that may be cron history.
CREATE OR REPLACE FUNCTION cron_log_job(acao TEXT, detalhes TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE PARALLEL RESTRICTED AS $$
BEGIN
    IF acao NOT LIKE 'cron\_%' AND acao NOT LIKE 'sync\_automatico\_%'
       AND (detalhes IS NULL OR (strpos(detalhes, 'runner') = 0 AND strpos(detalhes, '\u') = 0)) THEN
        RETURN NULL;
    END IF;
    BEGIN
        RETURN cron_log_job(acao, replace(detalhes, '\u0000', '\ufffd')::jsonb);
    EXCEPTION WHEN OTHERS THEN
        BEGIN
            RETURN cron_log_job_json(acao, replace(detalhes, '\u0000', '\ufffd')::json);
        EXCEPTION WHEN OTHERS THEN
            RETURN cron_log_job(acao, NULL::jsonb);
        END;
    END;
END
$$;

-- json keeps its text as written, so its ::text is free.
CREATE OR REPLACE FUNCTION cron_log_job(acao TEXT, detalhes JSON) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL RESTRICTED AS $$
    SELECT cron_log_job(acao, detalhes::text)
$$;

-- detalhes as jsonb for reading (the history export), whatever its type: \u0000 becomes U+FFFD
-- (as the runner stores it), and a value jsonb cannot hold (not JSON, 1e1000000) is NULL.
CREATE OR REPLACE FUNCTION cron_log_details(detalhes JSONB) RETURNS JSONB
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT detalhes
$$;

CREATE OR REPLACE FUNCTION cron_log_details(detalhes TEXT) RETURNS JSONB
LANGUAGE plpgsql IMMUTABLE PARALLEL RESTRICTED AS $$
BEGIN
    RETURN replace(detalhes, '\u0000', '\ufffd')::jsonb;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION cron_log_details(detalhes JSON) RETURNS JSONB
LANGUAGE sql IMMUTABLE PARALLEL RESTRICTED AS $$
    SELECT cron_log_details(detalhes::text)
$$;

-- A failed CONCURRENTLY build leaves an invalid index that IF NOT EXISTS would keep forever
-- (and that inserts still maintain). Also the names the first version of this file used.
-- cron-console: run-results
SELECT format('DROP INDEX CONCURRENTLY IF EXISTS %I.%I', n.nspname, c.relname)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT i.indisvalid AND i.indrelid = 'tenant_logs'::regclass
   AND c.relname IN ('idx_tenant_logs_cron_log_job', 'idx_tenant_logs_cron_log_time',
                     'idx_tenant_logs_cron_job', 'idx_tenant_logs_cron_time');

-- cron_log_job(acao, detalhes) resolves to the overload of the column's type: no cast.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tenant_logs_cron_log_job
    ON tenant_logs (cron_log_job(acao, detalhes), created_at DESC, id DESC)
    WHERE cron_log_job(acao, detalhes) IS NOT NULL;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tenant_logs_cron_log_time
    ON tenant_logs (created_at DESC, id DESC)
    WHERE cron_log_job(acao, detalhes) IS NOT NULL;

-- The first version of this file cast detalhes::jsonb (a json detalhes then refuses \u0000);
-- a run of it that stopped before it was recorded may have left them.
DROP INDEX CONCURRENTLY IF EXISTS idx_tenant_logs_cron_job;
DROP INDEX CONCURRENTLY IF EXISTS idx_tenant_logs_cron_time;
