-- Columns Cron Console adds. All nullable or defaulted, so the seed's writers keep working.
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS row_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS running_since TIMESTAMP;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS lease_owner VARCHAR(200);
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS lease_expires_at TIMESTAMP;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS lease_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS acao_sucesso VARCHAR(100);
ALTER TABLE cron_jobs ADD COLUMN IF NOT EXISTS acao_erro VARCHAR(100);

-- The seed's job logs under its own action names; set before the triggers below exist, so
-- this fills new columns only and leaves updated_at alone.
UPDATE cron_jobs
   SET acao_sucesso = 'sync_automatico_persistente', acao_erro = 'sync_automatico_erro'
 WHERE nome = 'sgp_sync_inteligente' AND acao_sucesso IS NULL AND acao_erro IS NULL;

-- A job that was running before this migration started "now" as far as the stuck rule goes
-- would be wrong; keep the seed's updated_at as its start.
UPDATE cron_jobs SET running_since = updated_at
 WHERE ultimo_status = 'running' AND running_since IS NULL;

-- Every write, by anyone: bump row_version when something meaningful changed (so an edit
-- based on a stale view is refused), and track when the job started running (the stuck rule).
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
        NEW.ultimo_resultado, NEW.lease_owner, NEW.lease_token, NEW.acao_sucesso, NEW.acao_erro)
       IS DISTINCT FROM
       (OLD.nome, OLD.descricao, OLD.intervalo_horas, OLD.ativo, OLD.last_run, OLD.next_run,
        OLD.total_execucoes, OLD.ultima_duracao_segundos, OLD.ultimo_status,
        OLD.ultimo_resultado, OLD.lease_owner, OLD.lease_token, OLD.acao_sucesso, OLD.acao_erro)
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

DROP TRIGGER IF EXISTS cron_jobs_before_write ON cron_jobs;
CREATE TRIGGER cron_jobs_before_write BEFORE INSERT OR UPDATE ON cron_jobs
    FOR EACH ROW EXECUTE FUNCTION cron_jobs_before_write();

-- Every change is announced, so consoles and runners see psql and the web platform at once.
CREATE OR REPLACE FUNCTION cron_jobs_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cron_jobs_changed',
                      CASE WHEN TG_OP = 'DELETE' THEN OLD.nome ELSE NEW.nome END);
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS cron_jobs_notify ON cron_jobs;
CREATE TRIGGER cron_jobs_notify AFTER INSERT OR UPDATE OR DELETE ON cron_jobs
    FOR EACH ROW EXECUTE FUNCTION cron_jobs_notify();
