-- Issue 15: fewer writes and notifications per run.
--
-- Writes: cron_runs.action_backend_pid, set by the runner's pooled sql session itself, in the
-- same round trip as its session settings, before the job's statement starts. It replaces the
-- runner's separate UPDATE of cron_jobs.action_backend_pid for each run (a second write of the
-- job row, and a second change notification to every listener). A runner that takes a job over
-- reads cron_jobs.action_backend_pid first (still written when the run row is missing, by older
-- runners and by revertClaim), then the run's.
ALTER TABLE cron_runs ADD COLUMN IF NOT EXISTS action_backend_pid INTEGER;

-- A runner's own writes (claims, finishes: thousands a second in a burst) are announced by the
-- runner itself, coalesced: its session sets cron_console.quiet, and it sends one
-- cron_jobs_changed at once after a quiet spell, then at most one every 250 ms while it keeps
-- writing (the job's name when one job changed, '' for several). Every NOTIFY takes a
-- database-wide lock at commit: two per run made the runners' commits queue behind each other
-- (4 runners: 298 runs/s with them, 931 without). Everybody else's changes (the seed's
-- functions, the platform, psql, cronctl, the console) are announced by the trigger as before.
--
-- cron_jobs_changed once per transaction, not once per statement: a runner records a burst of
-- finished runs in one transaction (one UPDATE per job). The first statement of a transaction
-- notifies as before (the job's name when it changed one job, '' for several); every later one
-- sends '', and identical notifications of one transaction are delivered once. So a
-- transaction sends at most two, and a one-statement transaction (the seed's, the platform's)
-- exactly what it sent before.
CREATE OR REPLACE FUNCTION cron_jobs_notify_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    first_name TEXT;
    several BOOLEAN;
BEGIN
    IF current_setting('cron_console.quiet', true) = 'on' THEN
        RETURN NULL; -- a runner's session: it announces its writes itself
    END IF;
    SELECT min(nome), count(DISTINCT nome) > 1 INTO first_name, several FROM changed;
    IF first_name IS NULL THEN
        RETURN NULL; -- the statement changed no row
    END IF;
    IF current_setting('cron_console.notified', true) = 'on' THEN
        PERFORM pg_notify('cron_jobs_changed', '');
    ELSE
        PERFORM set_config('cron_console.notified', 'on', true); -- until the transaction ends
        PERFORM pg_notify('cron_jobs_changed', CASE WHEN several THEN '' ELSE first_name END);
    END IF;
    RETURN NULL;
END
$$;

-- A job deleted and created again under the same name starts its lease tokens again at 1, and
-- its first runs were taken for replays of the old job's (the key was the name and the token):
-- nothing was recorded, and each stayed running until its lease ran out and it ran again. Runs
-- are now keyed by the job's id, which a new job never shares. Rows of jobs that still exist get
-- their id, so a result recorded before this migration and replayed after it is still known.
ALTER TABLE cron_run_records ADD COLUMN IF NOT EXISTS job_id INTEGER;
UPDATE cron_run_records r SET job_id = j.id FROM cron_jobs j
 WHERE r.job_id IS NULL AND j.nome = r.job;
ALTER TABLE cron_run_records DROP CONSTRAINT IF EXISTS cron_run_records_pkey;
CREATE UNIQUE INDEX IF NOT EXISTS cron_run_records_job_id_token
    ON cron_run_records (job_id, lease_token);

-- The claim rule without the pause, so a claim checks the pause once (a one-time filter) and not
-- once per candidate row: cron_console_paused() is SECURITY DEFINER with its own search_path, a
-- costly call, and a burst's claim looks at every due row (20 ms per claim for 1,000 due jobs).
-- cron_job_claimable and cron_job_retry_due keep their signatures and their answers (the seed's
-- functions and the platform's cron_console_* call them) and are written in terms of these, so
-- the rule exists once.
CREATE OR REPLACE FUNCTION cron_job_due(
    p_ativo BOOLEAN, p_status VARCHAR, p_last_run TIMESTAMP, p_next_run TIMESTAMPTZ,
    p_running_since TIMESTAMPTZ, p_updated_at TIMESTAMP, p_lease_expires_at TIMESTAMPTZ,
    p_cron_expression VARCHAR, p_claimable_after TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT COALESCE(p_ativo, FALSE)
       AND (p_claimable_after IS NULL OR p_claimable_after <= NOW())
       AND CASE
        WHEN p_status = 'running' THEN
            CASE WHEN p_lease_expires_at IS NOT NULL THEN p_lease_expires_at <= NOW()
                 ELSE COALESCE(p_running_since, p_updated_at::timestamptz, '-infinity')
                      <= NOW() - INTERVAL '2 hours'
            END
        WHEN p_last_run IS NULL AND p_cron_expression IS NULL THEN TRUE
        ELSE p_next_run IS NULL OR NOW() >= p_next_run
    END
$$;

CREATE OR REPLACE FUNCTION cron_job_claimable(
    p_ativo BOOLEAN, p_status VARCHAR, p_last_run TIMESTAMP, p_next_run TIMESTAMPTZ,
    p_running_since TIMESTAMPTZ, p_updated_at TIMESTAMP, p_lease_expires_at TIMESTAMPTZ,
    p_cron_expression VARCHAR DEFAULT NULL, p_claimable_after TIMESTAMPTZ DEFAULT NULL)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT NOT cron_console_paused()
       AND cron_job_due(p_ativo, p_status, p_last_run, p_next_run, p_running_since, p_updated_at,
                        p_lease_expires_at, p_cron_expression, p_claimable_after)
$$;

CREATE OR REPLACE FUNCTION cron_job_retry_ready(p_ativo BOOLEAN, p_status VARCHAR,
                                                p_retry_at TIMESTAMPTZ,
                                                p_claimable_after TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT COALESCE(p_ativo, FALSE)
       AND p_retry_at IS NOT NULL AND p_retry_at <= NOW()
       AND p_status IS DISTINCT FROM 'running'
       AND (p_claimable_after IS NULL OR p_claimable_after <= NOW())
$$;

CREATE OR REPLACE FUNCTION cron_job_retry_due(p_ativo BOOLEAN, p_status VARCHAR,
                                              p_retry_at TIMESTAMPTZ,
                                              p_claimable_after TIMESTAMPTZ)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT NOT cron_console_paused()
       AND cron_job_retry_ready(p_ativo, p_status, p_retry_at, p_claimable_after)
$$;

-- A claim takes the earliest due rows (ORDER BY next_run_tz NULLS FIRST, id LIMIT n): with this
-- index it reads them in that order and stops after n, instead of sorting every due row of a
-- runner's ten thousand jobs for each claim of eight.
CREATE INDEX IF NOT EXISTS idx_cron_jobs_claim_order ON cron_jobs (next_run_tz NULLS FIRST, id);
