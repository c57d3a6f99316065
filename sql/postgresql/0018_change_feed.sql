-- A console re-reads only the jobs that changed since its last read (issue 15). A burst of runs
-- notifies '' ("several jobs changed"), and each open console read every job again, two or three
-- times a burst: 10,000 rows each time at N = 10,000.
--
-- Each row version carries the writing transaction's id (the top-level one, also when written
-- inside a savepoint or a PL/pgSQL exception block, whose row versions have a subtransaction's
-- xmin). A console keeps the snapshot it last read with (pg_current_snapshot() in the same
-- statement) and asks for the rows whose transaction that snapshot did not see:
--   NOT pg_visible_in_snapshot(change_xid, :since)
-- Commit order is not xid order, so "xid greater than the last one seen" would miss a
-- transaction that took its xid earlier and committed later; the snapshot's list of transactions
-- in progress is what makes this exact. Deleted rows leave no version: the console compares the
-- table's row count with its own and reads everything again when they differ.
--
-- No index on the column: every write changes it, and an index on it would make every runner's
-- update of a job row a non-HOT update. A console's filter over cron_jobs is a sequential scan
-- (10,000 rows: about 2 ms), much cheaper than sending and parsing every row.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS change_xid xid8;

CREATE OR REPLACE FUNCTION cron_jobs_change_xid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS cron_jobs_change_xid ON cron_jobs;
CREATE TRIGGER cron_jobs_change_xid BEFORE INSERT OR UPDATE ON cron_jobs
    FOR EACH ROW EXECUTE FUNCTION cron_jobs_change_xid();
