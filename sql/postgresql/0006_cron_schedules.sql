-- Cron expressions with time zones (issue 4). When cron_expression is set it drives next_run;
-- next_run is always filled, so deve_executar_cron keeps working for every other program.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS cron_expression VARCHAR(200);
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS schedule_timezone VARCHAR(64);

-- The claim rule learns one thing: a cron job that never ran waits for its next_run instead of
-- running at once (the seed's "never ran" criterion stays as it was for interval jobs).
DROP FUNCTION IF EXISTS cron_job_claimable(BOOLEAN, VARCHAR, TIMESTAMP, TIMESTAMP, TIMESTAMP,
                                           TIMESTAMP, TIMESTAMP);
CREATE OR REPLACE FUNCTION cron_job_claimable(
    p_ativo BOOLEAN, p_status VARCHAR, p_last_run TIMESTAMP, p_next_run TIMESTAMP,
    p_running_since TIMESTAMP, p_updated_at TIMESTAMP, p_lease_expires_at TIMESTAMP,
    p_cron_expression VARCHAR DEFAULT NULL)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT COALESCE(p_ativo, FALSE) AND CASE
        WHEN p_status = 'running' THEN
            CASE WHEN p_lease_expires_at IS NOT NULL THEN p_lease_expires_at <= NOW()
                 ELSE COALESCE(p_running_since, p_updated_at, '-infinity'::timestamp)
                      <= NOW() - INTERVAL '2 hours'
            END
        WHEN p_last_run IS NULL AND p_cron_expression IS NULL THEN TRUE
        ELSE p_next_run IS NULL OR NOW() >= p_next_run
    END
$$;

-- deve_executar_cron and iniciar_execucao_cron follow this rule from 0009_platform_functions on.

-- A schedule change is a meaningful change (row_version, updated_at).
CREATE OR REPLACE FUNCTION cron_jobs_before_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.row_version := 1;
        IF NEW.ultimo_status = 'running' AND NEW.running_since IS NULL THEN
            NEW.running_since := NOW();
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
    IF (NEW.nome, NEW.descricao, NEW.intervalo_horas, NEW.ativo, NEW.last_run, NEW.next_run,
        NEW.total_execucoes, NEW.ultima_duracao_segundos, NEW.ultimo_status,
        NEW.ultimo_resultado, NEW.lease_owner, NEW.lease_token, NEW.acao_sucesso, NEW.acao_erro,
        NEW.cron_expression, NEW.schedule_timezone)
       IS DISTINCT FROM
       (OLD.nome, OLD.descricao, OLD.intervalo_horas, OLD.ativo, OLD.last_run, OLD.next_run,
        OLD.total_execucoes, OLD.ultima_duracao_segundos, OLD.ultimo_status,
        OLD.ultimo_resultado, OLD.lease_owner, OLD.lease_token, OLD.acao_sucesso, OLD.acao_erro,
        OLD.cron_expression, OLD.schedule_timezone)
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
