-- The seed's helper functions with its names and meaning. Earlier versions (the seed's own
-- script, perhaps with other parameter names or types) are replaced, not overloaded: two
-- overloads would make deve_executar_cron('x') ambiguous for every caller.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = current_schema()
           AND p.proname IN ('deve_executar_cron', 'iniciar_execucao_cron',
                             'finalizar_execucao_cron', 'calcular_proximo_run')
    LOOP
        EXECUTE 'DROP FUNCTION ' || f::text;
    END LOOP;
END
$$;

-- The seed's four criteria on one row's values. Taking the values (not the name) matters:
-- inside an UPDATE's WHERE, a concurrent writer's newer row is re-checked with these arguments,
-- which is what makes iniciar_execucao_cron an atomic claim.
CREATE OR REPLACE FUNCTION cron_job_claimable(
    p_ativo BOOLEAN, p_status VARCHAR, p_last_run TIMESTAMP, p_next_run TIMESTAMP,
    p_running_since TIMESTAMP, p_updated_at TIMESTAMP, p_lease_expires_at TIMESTAMP)
RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT COALESCE(p_ativo, FALSE) AND CASE
        WHEN p_status = 'running' THEN
            CASE WHEN p_lease_expires_at IS NOT NULL THEN p_lease_expires_at <= NOW()
                 ELSE COALESCE(p_running_since, p_updated_at, '-infinity'::timestamp)
                      <= NOW() - INTERVAL '2 hours'
            END
        WHEN p_last_run IS NULL THEN TRUE
        ELSE p_next_run IS NULL OR NOW() >= p_next_run
    END
$$;

-- calcular_proximo_run(intervalo_horas): the next run, that many hours from now.
CREATE FUNCTION calcular_proximo_run(intervalo_horas INTEGER) RETURNS TIMESTAMP
LANGUAGE sql STABLE AS $$
    SELECT (NOW() + make_interval(hours => intervalo_horas))::timestamp
$$;

-- deve_executar_cron(nome): active, and never ran, or next_run reached, or stuck.
CREATE FUNCTION deve_executar_cron(nome_job VARCHAR) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT COALESCE((
        SELECT cron_job_claimable(j.ativo, j.ultimo_status, j.last_run, j.next_run,
                                  j.running_since, j.updated_at, j.lease_expires_at)
          FROM cron_jobs j
         WHERE j.nome = nome_job), FALSE)
$$;

-- iniciar_execucao_cron(nome): marks the job running. Of any number of concurrent callers
-- exactly one gets TRUE; the others get FALSE. The caller does not heartbeat, so the job is
-- held by the seed's 2-hour rule, and any runner lease is fenced off.
CREATE FUNCTION iniciar_execucao_cron(nome_job VARCHAR) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    UPDATE cron_jobs
       SET ultimo_status = 'running',
           running_since = NOW(),
           updated_at = NOW(),
           lease_owner = NULL,
           lease_expires_at = NULL,
           lease_token = lease_token + 1
     WHERE nome = nome_job
       AND cron_job_claimable(ativo, ultimo_status, last_run, next_run,
                              running_since, updated_at, lease_expires_at);
    RETURN FOUND;
END
$$;

-- finalizar_execucao_cron(nome, status, resultado, duracao): records the end of a run and plans
-- the next one with calcular_proximo_run, as the seed does.
CREATE FUNCTION finalizar_execucao_cron(nome_job VARCHAR, status VARCHAR,
                                        resultado JSONB DEFAULT NULL,
                                        duracao_segundos INTEGER DEFAULT NULL)
RETURNS VOID LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    UPDATE cron_jobs
       SET last_run = NOW(),
           next_run = calcular_proximo_run(intervalo_horas),
           total_execucoes = COALESCE(total_execucoes, 0) + 1,
           ultima_duracao_segundos = duracao_segundos,
           ultimo_status = status,
           ultimo_resultado = resultado,
           running_since = NULL,
           lease_owner = NULL,
           lease_expires_at = NULL,
           updated_at = NOW()
     WHERE nome = nome_job;
END
$$;
