-- The seed's schema (persistent-cron.md), created only where it is missing. A database where
-- the seed's own script already ran keeps its table, rows and defaults untouched.
DO $$
BEGIN
    IF to_regclass('cron_jobs') IS NULL THEN
        CREATE TABLE cron_jobs (
          id SERIAL PRIMARY KEY,
          nome VARCHAR(100) UNIQUE NOT NULL,
          descricao TEXT,
          intervalo_horas INTEGER DEFAULT 12,
          ativo BOOLEAN DEFAULT TRUE,
          last_run TIMESTAMP,
          next_run TIMESTAMP,
          total_execucoes INTEGER DEFAULT 0,
          ultima_duracao_segundos INTEGER,
          ultimo_status VARCHAR(20),
          ultimo_resultado JSONB,
          created_at TIMESTAMP DEFAULT NOW(),
          updated_at TIMESTAMP DEFAULT NOW()
        );
        -- The seed's default job, only in a database that had no cron_jobs at all.
        INSERT INTO cron_jobs (nome, descricao, intervalo_horas, ativo)
        VALUES ('sgp_sync_inteligente',
                'Sincronização inteligente SGP: importa provedores e clientes novos e atualizados',
                12, TRUE);
    END IF;
END
$$;

-- The web platform's audit table; used as it is when it exists (it may have more columns).
CREATE TABLE IF NOT EXISTS tenant_logs (
  id BIGSERIAL PRIMARY KEY,
  tenant_id INTEGER,
  acao VARCHAR(100) NOT NULL,
  detalhes JSONB,
  created_at TIMESTAMP DEFAULT NOW()
);

-- The due-job query (ativo, next_run) and lookups by name are the hot paths.
CREATE INDEX IF NOT EXISTS idx_cron_jobs_ativo_next_run ON cron_jobs (ativo, next_run);
