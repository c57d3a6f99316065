-- The seed's claim rule, shared by its functions and by the runners' claim (core/runner).
-- The seed's own functions (deve_executar_cron, iniciar_execucao_cron, finalizar_execucao_cron,
-- calcular_proximo_run) are not touched here: a platform may already have them, with its own
-- parameter names and types, and its callers depend on those. 0009_platform_functions keeps each
-- signature it finds and creates the missing ones.
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
