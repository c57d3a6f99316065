-- Runs recorded by the job's id, not its name (see the PostgreSQL twin, 0017_scale.sql): a job
-- created again under an old name starts its lease tokens again at 1.
CREATE TABLE cron_run_records_by_id (
  job TEXT NOT NULL,
  job_id INTEGER,
  lease_token INTEGER NOT NULL,
  runner VARCHAR(200) NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  recorded_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
INSERT INTO cron_run_records_by_id (job, job_id, lease_token, runner, outcome, recorded_at)
  SELECT r.job, (SELECT j.id FROM cron_jobs j WHERE j.nome = r.job), r.lease_token, r.runner,
         r.outcome, r.recorded_at
    FROM cron_run_records r;
DROP TABLE cron_run_records;
ALTER TABLE cron_run_records_by_id RENAME TO cron_run_records;
CREATE UNIQUE INDEX cron_run_records_job_id_token ON cron_run_records (job_id, lease_token);
CREATE INDEX idx_cron_run_records_recorded_at ON cron_run_records (recorded_at);
