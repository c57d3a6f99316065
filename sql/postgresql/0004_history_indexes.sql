-- cron-console: no-transaction
-- Built CONCURRENTLY: a real tenant_logs holds millions of rows and must keep taking writes.

-- Which job a tenant_logs row belongs to, or NULL when it is not cron history. The seed's
-- legacy rows (sync_automatico_*, no "job" key) belong to sgp_sync_inteligente.
CREATE OR REPLACE FUNCTION cron_log_job(acao TEXT, detalhes JSONB) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN acao LIKE 'cron\_%' OR (detalhes ? 'job' AND detalhes ? 'runner') THEN detalhes->>'job'
        WHEN acao LIKE 'sync\_automatico\_%' THEN COALESCE(detalhes->>'job', 'sgp_sync_inteligente')
    END
$$;

-- A failed CONCURRENTLY build leaves an invalid index that IF NOT EXISTS would keep forever.
DO $$
DECLARE
    name TEXT;
BEGIN
    FOR name IN
        SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE NOT i.indisvalid
           AND c.relname IN ('idx_tenant_logs_cron_job', 'idx_tenant_logs_cron_time')
    LOOP
        EXECUTE format('DROP INDEX %I', name);
    END LOOP;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tenant_logs_cron_job
    ON tenant_logs (cron_log_job(acao, detalhes::jsonb), created_at DESC, id DESC)
    WHERE cron_log_job(acao, detalhes::jsonb) IS NOT NULL;

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tenant_logs_cron_time
    ON tenant_logs (created_at DESC, id DESC)
    WHERE cron_log_job(acao, detalhes::jsonb) IS NOT NULL;
