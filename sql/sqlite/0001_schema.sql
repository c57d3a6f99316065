-- The embedded database: the seed's tables and column names, times as UTC text
-- ('YYYY-MM-DD HH:MM:SS.SSS'), the console's additions in the same table.
CREATE TABLE IF NOT EXISTS cron_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  nome VARCHAR(100) UNIQUE NOT NULL,
  descricao TEXT,
  intervalo_horas INTEGER DEFAULT 12,
  ativo BOOLEAN DEFAULT 1,
  last_run TIMESTAMP,
  next_run TIMESTAMP,
  total_execucoes INTEGER DEFAULT 0,
  ultima_duracao_segundos INTEGER,
  ultimo_status VARCHAR(20),
  ultimo_resultado JSON,
  created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  updated_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  row_version INTEGER NOT NULL DEFAULT 1,
  running_since TIMESTAMP,
  lease_owner VARCHAR(200),
  lease_expires_at TIMESTAMP,
  lease_token INTEGER NOT NULL DEFAULT 0,
  acao_sucesso VARCHAR(100),
  acao_erro VARCHAR(100)
);

CREATE INDEX IF NOT EXISTS idx_cron_jobs_ativo_next_run ON cron_jobs (ativo, next_run);

CREATE TABLE IF NOT EXISTS tenant_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id INTEGER,
  acao VARCHAR(100) NOT NULL,
  detalhes JSON,
  created_at TIMESTAMP DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  -- Which job the row belongs to (NULL: not cron history); the same rule as PostgreSQL's
  -- cron_log_job().
  cron_job TEXT GENERATED ALWAYS AS (
    CASE
      WHEN acao LIKE 'cron\_%' ESCAPE '\'
           OR (json_type(detalhes, '$.job') IS NOT NULL AND json_type(detalhes, '$.runner') IS NOT NULL)
        THEN json_extract(detalhes, '$.job')
      WHEN acao LIKE 'sync\_automatico\_%' ESCAPE '\'
        THEN COALESCE(json_extract(detalhes, '$.job'), 'sgp_sync_inteligente')
    END) VIRTUAL
);

CREATE INDEX IF NOT EXISTS idx_tenant_logs_cron_job ON tenant_logs (cron_job, created_at DESC, id DESC)
  WHERE cron_job IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_tenant_logs_cron_time ON tenant_logs (created_at DESC, id DESC)
  WHERE cron_job IS NOT NULL;

-- Writers other than the store (sqlite3 by hand) still move row_version, so a console's
-- stale view is noticed.
CREATE TRIGGER IF NOT EXISTS cron_jobs_row_version AFTER UPDATE ON cron_jobs
FOR EACH ROW WHEN NEW.row_version = OLD.row_version
  AND (NEW.nome IS NOT OLD.nome OR NEW.descricao IS NOT OLD.descricao
       OR NEW.intervalo_horas IS NOT OLD.intervalo_horas OR NEW.ativo IS NOT OLD.ativo
       OR NEW.last_run IS NOT OLD.last_run OR NEW.next_run IS NOT OLD.next_run
       OR NEW.ultimo_status IS NOT OLD.ultimo_status OR NEW.lease_owner IS NOT OLD.lease_owner
       OR NEW.lease_token IS NOT OLD.lease_token)
BEGIN
  UPDATE cron_jobs SET row_version = OLD.row_version + 1,
                       updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
   WHERE id = NEW.id;
END;

-- When the job starts running and stops, as PostgreSQL's cron_jobs_before_write() does.
CREATE TRIGGER IF NOT EXISTS cron_jobs_running_since AFTER UPDATE OF ultimo_status ON cron_jobs
FOR EACH ROW WHEN NEW.ultimo_status IS NOT OLD.ultimo_status
BEGIN
  UPDATE cron_jobs
     SET running_since = CASE
           WHEN NEW.ultimo_status = 'running'
             THEN COALESCE(NEW.running_since, strftime('%Y-%m-%d %H:%M:%f', 'now'))
           ELSE NULL END,
         lease_owner = CASE WHEN NEW.ultimo_status = 'running' THEN NEW.lease_owner END,
         lease_expires_at = CASE WHEN NEW.ultimo_status = 'running' THEN NEW.lease_expires_at END
   WHERE id = NEW.id;
END;

INSERT OR IGNORE INTO cron_jobs (nome, descricao, intervalo_horas, ativo, acao_sucesso, acao_erro)
VALUES ('sgp_sync_inteligente',
        'Sincronização inteligente SGP: importa provedores e clientes novos e atualizados',
        12, 1, 'sync_automatico_persistente', 'sync_automatico_erro');
