-- One cron_jobs_changed notification per statement instead of one per row (issue 15). Every
-- NOTIFY takes a database-wide lock at commit; a claim or a batch update of 1,000 rows sent
-- 1,000 of them to every listener (each runner and each console). The payload stays the job's
-- name when the statement changed one job (all the seed's and the platform's own writes); a
-- statement that changed several jobs sends one notification with an empty payload, which
-- means "several jobs changed: read them again". Our listeners read no payload at all.
CREATE OR REPLACE FUNCTION cron_jobs_notify_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    first_name TEXT;
    several BOOLEAN;
BEGIN
    -- Transition tables: "changed" holds the new rows (old ones for a DELETE).
    SELECT min(nome), count(DISTINCT nome) > 1 INTO first_name, several FROM changed;
    IF first_name IS NULL THEN
        RETURN NULL; -- the statement changed no row
    END IF;
    PERFORM pg_notify('cron_jobs_changed', CASE WHEN several THEN '' ELSE first_name END);
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS cron_jobs_notify ON cron_jobs;
-- A trigger with transition tables serves one event, so one per kind of statement.
DROP TRIGGER IF EXISTS cron_jobs_notify_insert ON cron_jobs;
CREATE TRIGGER cron_jobs_notify_insert AFTER INSERT ON cron_jobs
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cron_jobs_notify_statement();
DROP TRIGGER IF EXISTS cron_jobs_notify_update ON cron_jobs;
CREATE TRIGGER cron_jobs_notify_update AFTER UPDATE ON cron_jobs
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cron_jobs_notify_statement();
DROP TRIGGER IF EXISTS cron_jobs_notify_delete ON cron_jobs;
CREATE TRIGGER cron_jobs_notify_delete AFTER DELETE ON cron_jobs
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cron_jobs_notify_statement();

-- The per-row function is no longer used by any trigger.
DROP FUNCTION IF EXISTS cron_jobs_notify();
