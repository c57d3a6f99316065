-- One clock (issue 11, G4) and safe resets (G5). The seed's TIMESTAMP columns keep their type and
-- their meaning (the writer's local wall time); beside them live instants (timestamptz) that every
-- due check, lease and the 2-hour rule use, so no session's TimeZone and no DST hour moves them.
-- ALTER TABLE takes an exclusive lock on cron_jobs: the migrator waits for it at most its
-- lock_timeout (1 s), so platform queries never queue behind us for longer, and retries.

-- Instants of next_run and running_since, kept by cron_jobs_before_write() for every writer.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS next_run_tz TIMESTAMPTZ;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS running_since_tz TIMESTAMPTZ;
-- After a forced reset: nobody may start the job before this instant (the fenced holder's lease
-- expiry), so no second copy starts while the holder is still stopping.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS claimable_after TIMESTAMPTZ;

-- The runner lease is ours alone: it becomes an instant. Values written before are read in this
-- session's zone (a live lease is at most lease_seconds long, so the guess matters briefly).
DO $$
BEGIN
    IF (SELECT a.atttypid FROM pg_attribute a
         WHERE a.attrelid = 'cron_jobs'::regclass AND a.attname = 'lease_expires_at'
           AND NOT a.attisdropped) = 'timestamp'::regtype THEN
        ALTER TABLE cron_jobs ALTER COLUMN lease_expires_at TYPE TIMESTAMPTZ
            USING lease_expires_at::timestamptz;
    END IF;
END
$$;

-- Backfill, once: the rows' existing local times read in this session's zone (the best guess
-- there is for values written before the instants existed).
UPDATE cron_jobs SET next_run_tz = next_run::timestamptz
 WHERE next_run IS NOT NULL AND next_run_tz IS NULL;
UPDATE cron_jobs SET running_since_tz = running_since::timestamptz
 WHERE running_since IS NOT NULL AND running_since_tz IS NULL;

-- A local time written by this session as an instant. A value equal to this session's NOW() is
-- NOW() exactly (so NOW() written in a repeated DST hour is not read an hour off); any other
-- value is read in this session's zone, which is the zone its writer meant.
CREATE OR REPLACE FUNCTION cron_job_instant(local_time TIMESTAMP) RETURNS TIMESTAMPTZ
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN local_time IS NULL THEN NULL
        WHEN local_time = NOW()::timestamp THEN NOW()
        ELSE local_time::timestamptz
    END
$$;

CREATE OR REPLACE FUNCTION cron_jobs_before_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.row_version := 1;
        IF NEW.ultimo_status = 'running' AND NEW.running_since IS NULL THEN
            NEW.running_since := NOW();
        END IF;
        IF NEW.next_run IS NULL THEN
            NEW.next_run_tz := NULL;
        ELSIF NEW.next_run_tz IS NULL THEN
            NEW.next_run_tz := cron_job_instant(NEW.next_run);
        END IF;
        IF NEW.running_since IS NULL THEN
            NEW.running_since_tz := NULL;
        ELSIF NEW.running_since_tz IS NULL THEN
            NEW.running_since_tz := cron_job_instant(NEW.running_since);
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.ultimo_status IS DISTINCT FROM OLD.ultimo_status THEN
        IF NEW.ultimo_status = 'running' THEN
            IF NEW.running_since IS NOT DISTINCT FROM OLD.running_since THEN
                NEW.running_since := NOW();
            END IF;
        ELSE
            NEW.running_since := NULL;
            NEW.lease_owner := NULL;
            NEW.lease_expires_at := NULL;
        END IF;
    END IF;
    -- A writer that changed a local time without its instant (the seed, psql, the platform)
    -- gets the instant from its own session; our own writes set both.
    IF NEW.next_run IS NULL THEN
        NEW.next_run_tz := NULL;
    ELSIF NEW.next_run IS DISTINCT FROM OLD.next_run
          AND NEW.next_run_tz IS NOT DISTINCT FROM OLD.next_run_tz THEN
        NEW.next_run_tz := cron_job_instant(NEW.next_run);
    END IF;
    IF NEW.running_since IS NULL THEN
        NEW.running_since_tz := NULL;
    ELSIF NEW.running_since IS DISTINCT FROM OLD.running_since
          AND NEW.running_since_tz IS NOT DISTINCT FROM OLD.running_since_tz THEN
        NEW.running_since_tz := cron_job_instant(NEW.running_since);
    END IF;
    IF (NEW.nome, NEW.descricao, NEW.intervalo_horas, NEW.ativo, NEW.last_run, NEW.next_run,
        NEW.total_execucoes, NEW.ultima_duracao_segundos, NEW.ultimo_status,
        NEW.ultimo_resultado, NEW.lease_owner, NEW.lease_token, NEW.acao_sucesso, NEW.acao_erro,
        NEW.cron_expression, NEW.schedule_timezone, NEW.claimable_after)
       IS DISTINCT FROM
       (OLD.nome, OLD.descricao, OLD.intervalo_horas, OLD.ativo, OLD.last_run, OLD.next_run,
        OLD.total_execucoes, OLD.ultima_duracao_segundos, OLD.ultimo_status,
        OLD.ultimo_resultado, OLD.lease_owner, OLD.lease_token, OLD.acao_sucesso, OLD.acao_erro,
        OLD.cron_expression, OLD.schedule_timezone, OLD.claimable_after)
    THEN
        NEW.row_version := OLD.row_version + 1;
        IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
            NEW.updated_at := NOW();
        END IF;
    ELSE
        NEW.row_version := OLD.row_version;
    END IF;
    RETURN NEW;
END
$$;

-- The claim rule on instants. Expiry and due checks compare with NOW() (the transaction's start,
-- never later than the real time), so a lease is never taken early, only up to the time a
-- statement waits. The defaults keep calls with the earlier 7 or 8 arguments working.
DROP FUNCTION IF EXISTS cron_job_claimable(BOOLEAN, VARCHAR, TIMESTAMP, TIMESTAMP, TIMESTAMP,
                                           TIMESTAMP, TIMESTAMP, VARCHAR);
CREATE OR REPLACE FUNCTION cron_job_claimable(
    p_ativo BOOLEAN, p_status VARCHAR, p_last_run TIMESTAMP, p_next_run TIMESTAMPTZ,
    p_running_since TIMESTAMPTZ, p_updated_at TIMESTAMP, p_lease_expires_at TIMESTAMPTZ,
    p_cron_expression VARCHAR DEFAULT NULL, p_claimable_after TIMESTAMPTZ DEFAULT NULL)
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

-- deve_executar_cron and iniciar_execucao_cron follow this rule from 0009_platform_functions on.

