-- cron-console: preflight
-- The seed's four functions, on the platform's own terms (issue 12). The seed names them without
-- fixing their parameters, so every platform wrote its own: other names, TEXT or VARCHAR, a
-- status as text or as a success flag, fewer or more arguments. Their callers depend on those
-- signatures, so each function found keeps its signature (names, types, defaults, return type,
-- owner, grants, SECURITY DEFINER, SET options) and gets a body that calls ours:
-- cron_console_should_run / _start_run / _finish_run, which keep the claim atomic against every
-- runner, fence a late finish off a runner's live lease and follow cron_expression. A missing
-- function is created with the seed's signature. A signature that cannot be served without
-- overlapping runs is refused before anything changes: the migrator rehearses this file in a
-- transaction it rolls back (the "preflight" line above) before it applies any migration.
-- calcular_proximo_run has no part in the claim: a platform's own is left as it is.

CREATE OR REPLACE FUNCTION cron_console_should_run(p_job TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT COALESCE((
        SELECT cron_job_claimable(j.ativo, j.ultimo_status, j.last_run, j.next_run_tz,
                                  j.running_since_tz, j.updated_at, j.lease_expires_at,
                                  j.cron_expression, j.claimable_after)
          FROM cron_jobs j
         WHERE j.nome = p_job), FALSE)
$$;

-- Of any number of concurrent callers (platform or runner) exactly one gets TRUE. The caller does
-- not heartbeat, so the job is held by the seed's 2-hour rule, and any runner lease is fenced off.
CREATE OR REPLACE FUNCTION cron_console_start_run(p_job TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    UPDATE cron_jobs
       SET ultimo_status = 'running',
           running_since = NOW(),
           running_since_tz = NOW(),
           updated_at = NOW(),
           lease_owner = NULL,
           lease_expires_at = NULL,
           lease_token = lease_token + 1,
           claimable_after = NULL
     WHERE nome = p_job
       AND cron_job_claimable(ativo, ultimo_status, last_run, next_run_tz, running_since_tz,
                              updated_at, lease_expires_at, cron_expression, claimable_after);
    RETURN FOUND;
END
$$;

-- One field of a cron expression as the sorted values it allows (cron(8) syntax, as
-- core/schedule/cronexpression.h reads it). Raises on anything else.
CREATE OR REPLACE FUNCTION cron_console_cron_field(p_spec TEXT, p_lo INTEGER, p_hi INTEGER,
                                                   p_names TEXT[] DEFAULT NULL)
RETURNS INTEGER[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    item TEXT;
    range_part TEXT;
    step INTEGER;
    first_value INTEGER;
    last_value INTEGER;
    bounds TEXT[];
    result INTEGER[] := '{}';
    v INTEGER;
BEGIN
    FOREACH item IN ARRAY string_to_array(lower(p_spec), ',') LOOP
        range_part := split_part(item, '/', 1);
        step := CASE WHEN position('/' IN item) > 0 THEN split_part(item, '/', 2)::INTEGER ELSE 1 END;
        IF step < 1 THEN
            RAISE EXCEPTION 'cron step % in "%"', step, p_spec;
        END IF;
        IF range_part = '*' THEN
            first_value := p_lo;
            last_value := p_hi;
        ELSE
            bounds := string_to_array(range_part, '-');
            FOR i IN 1 .. array_length(bounds, 1) LOOP
                IF p_names IS NOT NULL AND array_position(p_names, bounds[i]) IS NOT NULL THEN
                    bounds[i] := (array_position(p_names, bounds[i]) - 1 + p_lo)::TEXT;
                END IF;
            END LOOP;
            first_value := bounds[1]::INTEGER;
            last_value := CASE WHEN array_length(bounds, 1) > 1 THEN bounds[2]::INTEGER
                               WHEN position('/' IN item) > 0 THEN p_hi
                               ELSE first_value END;
        END IF;
        IF first_value < p_lo OR last_value > p_hi OR first_value > last_value THEN
            RAISE EXCEPTION 'cron field "%" is outside %-%', p_spec, p_lo, p_hi;
        END IF;
        v := first_value;
        WHILE v <= last_value LOOP
            result := result || v;
            v := v + step;
        END LOOP;
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT unnest(result) ORDER BY 1);
END
$$;

-- The first instant a wall-clock time of p_zone has (the earlier one in a repeated DST hour);
-- NULL when the wall time does not exist (skipped by a spring-forward transition).
CREATE OR REPLACE FUNCTION cron_console_wall_instant(p_wall TIMESTAMP, p_zone TEXT)
RETURNS TIMESTAMPTZ LANGUAGE plpgsql STABLE AS $$
DECLARE
    guess TIMESTAMPTZ := p_wall AT TIME ZONE p_zone;
    candidate TIMESTAMPTZ;
BEGIN
    -- PostgreSQL reads an ambiguous wall time as the later instant; look up to 3 h earlier.
    FOR k IN REVERSE 6 .. 0 LOOP
        candidate := guess - k * INTERVAL '30 minutes';
        IF (candidate AT TIME ZONE p_zone) = p_wall THEN
            RETURN candidate;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The first fire instant strictly after p_after of a 5-field cron expression on the wall clock of
-- p_zone, with the rules of core/schedule/cronexpression.h: a wall time skipped by DST fires at
-- the first instant after the transition, a repeated one at its first occurrence, either-day rule,
-- macros, a 5-year horizon (NULL when nothing fires in it). tst_schedules compares it with the C++.
CREATE OR REPLACE FUNCTION cron_console_cron_next(p_expression TEXT, p_zone TEXT,
                                                  p_after TIMESTAMPTZ)
RETURNS TIMESTAMPTZ LANGUAGE plpgsql STABLE AS $$
DECLARE
    expression TEXT := lower(btrim(p_expression));
    fields TEXT[];
    minute_set INTEGER[];
    hour_set INTEGER[];
    day_set INTEGER[];
    month_set INTEGER[];
    weekday_set INTEGER[];
    day_star BOOLEAN;
    weekday_star BOOLEAN;
    start_wall TIMESTAMP;
    this_day DATE;
    last_day DATE;
    day_ok BOOLEAN;
    wall TIMESTAMP;
    fire TIMESTAMPTZ;
    h INTEGER;
    m INTEGER;
BEGIN
    expression := CASE expression
        WHEN '@hourly' THEN '0 * * * *'
        WHEN '@daily' THEN '0 0 * * *'
        WHEN '@midnight' THEN '0 0 * * *'
        WHEN '@weekly' THEN '0 0 * * 0'
        WHEN '@monthly' THEN '0 0 1 * *'
        WHEN '@yearly' THEN '0 0 1 1 *'
        WHEN '@annually' THEN '0 0 1 1 *'
        ELSE expression END;
    fields := regexp_split_to_array(expression, '[ \t]+');
    IF array_length(fields, 1) <> 5 THEN
        RAISE EXCEPTION 'cron expression "%" does not have 5 fields', p_expression;
    END IF;
    minute_set := cron_console_cron_field(fields[1], 0, 59);
    hour_set := cron_console_cron_field(fields[2], 0, 23);
    day_set := cron_console_cron_field(fields[3], 1, 31);
    month_set := cron_console_cron_field(fields[4], 1, 12,
        ARRAY['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec']);
    weekday_set := ARRAY(SELECT DISTINCT v % 7 FROM unnest(cron_console_cron_field(fields[5], 0, 7,
        ARRAY['sun','mon','tue','wed','thu','fri','sat'])) v);
    day_star := left(fields[3], 1) = '*';
    weekday_star := left(fields[5], 1) = '*';

    start_wall := date_trunc('minute', p_after AT TIME ZONE p_zone) + INTERVAL '1 minute';
    this_day := start_wall::DATE;
    last_day := (this_day + INTERVAL '5 years')::DATE;
    WHILE this_day <= last_day LOOP
        IF EXTRACT(MONTH FROM this_day)::INTEGER = ANY (month_set) THEN
            IF day_star OR weekday_star THEN
                day_ok := EXTRACT(DAY FROM this_day)::INTEGER = ANY (day_set)
                      AND EXTRACT(DOW FROM this_day)::INTEGER = ANY (weekday_set);
            ELSE
                day_ok := EXTRACT(DAY FROM this_day)::INTEGER = ANY (day_set)
                       OR EXTRACT(DOW FROM this_day)::INTEGER = ANY (weekday_set);
            END IF;
            IF day_ok THEN
                FOREACH h IN ARRAY hour_set LOOP
                    CONTINUE WHEN this_day = start_wall::DATE AND h < EXTRACT(HOUR FROM start_wall);
                    FOREACH m IN ARRAY minute_set LOOP
                        wall := this_day + make_interval(hours => h, mins => m);
                        CONTINUE WHEN wall < start_wall;
                        fire := cron_console_wall_instant(wall, p_zone);
                        IF fire IS NULL THEN
                            -- Skipped by DST: the first wall time after the gap, which is the
                            -- instant of the transition.
                            FOR k IN 1 .. 240 LOOP
                                fire := cron_console_wall_instant(
                                    wall + k * INTERVAL '1 minute', p_zone);
                                EXIT WHEN fire IS NOT NULL;
                            END LOOP;
                        END IF;
                        IF fire > p_after THEN
                            RETURN fire;
                        END IF;
                    END LOOP;
                END LOOP;
            END IF;
        END IF;
        this_day := this_day + 1;
    END LOOP;
    RETURN NULL;
END
$$;

-- A platform's json result as jsonb. jsonb refuses \u0000 (22P05) where json keeps it; such a
-- result is stored with U+FFFD in its place (as the runner stores NUL bytes) instead of failing
-- the platform's call.
CREATE OR REPLACE FUNCTION cron_console_jsonb(p_value JSON) RETURNS JSONB
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    text_value TEXT := p_value::TEXT;
    replaced TEXT;
BEGIN
    RETURN p_value::JSONB;
EXCEPTION WHEN untranslatable_character THEN
    LOOP
        -- An escape is \u0000 preceded by an even number of backslashes.
        replaced := regexp_replace(text_value, '(^|[^\\])((\\\\)*)\\u0000', '\1\2\\ufffd', 'gi');
        EXIT WHEN replaced = text_value;
        text_value := replaced;
    END LOOP;
    RETURN text_value::JSONB;
END
$$;

-- The end of a run. Refused (FALSE, a notice, nothing changed) while a runner's live lease holds
-- the job: a caller finishing late must not end the run a runner took over. The next run follows
-- cron_expression when the job has one, else intervalo_horas as the seed's calcular_proximo_run.
CREATE OR REPLACE FUNCTION cron_console_finish_run(p_job TEXT, p_status TEXT, p_result JSONB,
                                                   p_duration_seconds NUMERIC)
RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    job_id INTEGER;
    holder TEXT;
    holder_until TIMESTAMPTZ;
    expression TEXT;
    zone TEXT;
    interval_hours INTEGER;
    next_at TIMESTAMPTZ;
BEGIN
    SELECT id, lease_owner, lease_expires_at, cron_expression, schedule_timezone, intervalo_horas
      INTO job_id, holder, holder_until, expression, zone, interval_hours
      FROM cron_jobs WHERE nome = p_job FOR UPDATE;
    IF NOT FOUND THEN
        RETURN FALSE;
    END IF;
    IF holder IS NOT NULL AND holder_until > clock_timestamp() THEN
        RAISE NOTICE 'finalizar_execucao_cron(%): runner % holds the job until %; nothing changed',
            p_job, holder, holder_until;
        RETURN FALSE;
    END IF;
    IF expression IS NOT NULL THEN
        BEGIN
            next_at := cron_console_cron_next(expression, COALESCE(zone, 'UTC'), NOW());
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'finalizar_execucao_cron(%): cron expression "%": %', p_job, expression,
                SQLERRM;
        END;
    END IF;
    IF next_at IS NULL THEN
        next_at := NOW() + make_interval(hours => COALESCE(interval_hours, 12));
    END IF;
    UPDATE cron_jobs
       SET last_run = NOW(),
           next_run = next_at::TIMESTAMP,
           next_run_tz = next_at,
           total_execucoes = COALESCE(total_execucoes, 0) + 1,
           ultima_duracao_segundos = round(p_duration_seconds)::INTEGER,
           ultimo_status = left(COALESCE(p_status, 'success'), 20),
           ultimo_resultado = p_result,
           running_since = NULL,
           lease_owner = NULL,
           lease_expires_at = NULL,
           updated_at = NOW()
     WHERE id = job_id;
    RETURN TRUE;
END
$$;

-- What to do with each seed function: one row per function found (or missing), with the DDL that
-- gives it our body, or why it cannot be served.
CREATE OR REPLACE FUNCTION cron_console_seed_function_plan()
RETURNS TABLE (function_name TEXT, signature TEXT, action TEXT, detail TEXT, ddl TEXT)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    schema_name TEXT := current_schema();
    wanted TEXT;
    f RECORD;
    arg_types OID[];
    arg_names TEXT[];
    category "char";
    job_expr TEXT;
    status_expr TEXT;
    result_expr TEXT;
    duration_expr TEXT;
    extras TEXT[];
    notes TEXT[];
    problems TEXT[];
    body TEXT;
    options TEXT;
    returns TEXT;
    arg_label TEXT;
    found_any BOOLEAN;
BEGIN
    FOREACH wanted IN ARRAY ARRAY['deve_executar_cron', 'iniciar_execucao_cron',
                                  'finalizar_execucao_cron', 'calcular_proximo_run'] LOOP
        found_any := FALSE;
        FOR f IN
            SELECT p.oid, p.proname, p.prokind, p.proretset, p.prorettype, p.prosecdef,
                   p.proconfig, p.proargmodes, p.proargnames, string_to_array(p.proargtypes::TEXT, ' ')::OID[] AS types,
                   pg_get_function_identity_arguments(p.oid) AS identity,
                   pg_get_function_arguments(p.oid) AS arguments,
                   format_type(p.prorettype, NULL) AS return_type
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = schema_name AND p.proname = wanted
             ORDER BY p.oid
        LOOP
            found_any := TRUE;
            function_name := wanted;
            signature := format('%s(%s) returns %s', wanted, f.identity, f.return_type);
            arg_types := f.types;
            arg_names := f.proargnames;
            problems := '{}';
            notes := '{}';
            extras := '{}';
            job_expr := NULL;
            status_expr := NULL;
            result_expr := NULL;
            duration_expr := NULL;

            IF wanted = 'calcular_proximo_run' THEN
                action := 'keep';
                detail := 'the platform''s own, unchanged (it takes no part in the claim)';
                ddl := NULL;
                RETURN NEXT;
                CONTINUE;
            END IF;
            IF f.prokind <> 'f' OR f.proretset
               OR (f.proargmodes IS NOT NULL AND f.proargmodes::TEXT[] && ARRAY['o', 'b', 'v', 't'])
            THEN
                problems := problems || 'it is a procedure, returns a set or has OUT/VARIADIC parameters'::TEXT;
            END IF;
            -- The job: the first parameter, a name (any string type) or the row's id.
            IF coalesce(array_length(arg_types, 1), 0) = 0 THEN
                problems := problems || 'it has no parameter naming the job'::TEXT;
            ELSE
                SELECT t.typcategory INTO category FROM pg_type t WHERE t.oid = arg_types[1];
                IF category = 'S' THEN
                    job_expr := '$1::text';
                ELSIF arg_types[1] IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) THEN
                    job_expr := format('(SELECT j.nome::text FROM %I.cron_jobs j WHERE j.id = $1)',
                                       schema_name);
                    notes := notes || 'the job by its id'::TEXT;
                ELSE
                    problems := problems || format('its first parameter is %s, neither a job name nor an id',
                                                   format_type(arg_types[1], NULL));
                END IF;
            END IF;

            IF wanted = 'finalizar_execucao_cron' THEN
                FOR i IN 2 .. coalesce(array_length(arg_types, 1), 0) LOOP
                    arg_label := coalesce(nullif(arg_names[i], ''), 'arg' || i);
                    SELECT t.typcategory INTO category FROM pg_type t WHERE t.oid = arg_types[i];
                    IF category = 'S' AND status_expr IS NULL THEN
                        status_expr := format('$%s::text', i);
                        notes := notes || format('status from %s', arg_label);
                    ELSIF arg_types[i] = 'bool'::regtype AND status_expr IS NULL THEN
                        status_expr := format('CASE WHEN $%s THEN ''success'' WHEN NOT $%s THEN ''error'' END', i, i);
                        notes := notes || format('status from %s (true: success, false: error)', arg_label);
                    ELSIF arg_types[i] IN ('json'::regtype, 'jsonb'::regtype) AND result_expr IS NULL THEN
                        result_expr := format(CASE WHEN arg_types[i] = 'json'::regtype
                                                   THEN '%1$I.cron_console_jsonb($%2$s)' ELSE '$%2$s' END,
                                              schema_name, i);
                        notes := notes || format('result from %s', arg_label);
                    ELSIF category = 'N' AND duration_expr IS NULL THEN
                        duration_expr := format('$%s::numeric', i);
                        notes := notes || format('duration in seconds from %s', arg_label);
                    ELSIF arg_types[i] = 'interval'::regtype AND duration_expr IS NULL THEN
                        duration_expr := format('EXTRACT(EPOCH FROM $%s)', i);
                        notes := notes || format('duration from %s', arg_label);
                    ELSIF category IN ('S', 'N', 'B', 'D') OR arg_types[i] IN ('json'::regtype, 'jsonb'::regtype) THEN
                        -- Nothing is dropped: any further value is kept in the result.
                        extras := extras || format('%L, $%s', arg_label, i);
                        notes := notes || format('%s kept in the result', arg_label);
                    ELSE
                        problems := problems || format('its parameter %s is %s, which has no meaning for a finished run',
                                                       arg_label, format_type(arg_types[i], NULL));
                    END IF;
                END LOOP;
                IF result_expr IS NULL THEN
                    result_expr := 'NULL::jsonb';
                END IF;
                IF array_length(extras, 1) > 0 THEN
                    result_expr := format('(COALESCE(%s, ''{}''::jsonb) || jsonb_build_object(%s))',
                                          result_expr, array_to_string(extras, ', '));
                END IF;
                IF f.prorettype = 'void'::regtype THEN
                    body := format('BEGIN PERFORM %I.cron_console_finish_run(%s, %s, %s, %s); END',
                                   schema_name, job_expr, coalesce(status_expr, '''success'''),
                                   result_expr, coalesce(duration_expr, 'NULL'));
                ELSIF f.prorettype = 'bool'::regtype THEN
                    body := format('BEGIN RETURN %I.cron_console_finish_run(%s, %s, %s, %s); END',
                                   schema_name, job_expr, coalesce(status_expr, '''success'''),
                                   result_expr, coalesce(duration_expr, 'NULL'));
                ELSE
                    problems := problems || format('it returns %s; Cron Console serves void or boolean', f.return_type);
                END IF;
            ELSE
                FOR i IN 2 .. coalesce(array_length(arg_types, 1), 0) LOOP
                    notes := notes || format('%s ignored', coalesce(nullif(arg_names[i], ''), 'arg' || i));
                END LOOP;
                IF f.prorettype <> 'bool'::regtype THEN
                    problems := problems || CASE WHEN wanted = 'iniciar_execucao_cron' THEN
                        format('it returns %s, so a caller cannot learn that another runner holds the job and would run it beside that runner',
                               f.return_type)
                    ELSE format('it returns %s, not boolean', f.return_type) END;
                END IF;
                body := format('BEGIN RETURN %I.%s(%s); END', schema_name,
                               CASE wanted WHEN 'deve_executar_cron' THEN 'cron_console_should_run'
                                           ELSE 'cron_console_start_run' END, job_expr);
            END IF;

            IF array_length(problems, 1) > 0 THEN
                action := 'refuse';
                detail := array_to_string(problems, '; ');
                ddl := NULL;
            ELSE
                options := CASE WHEN f.prosecdef THEN ' SECURITY DEFINER' ELSE '' END;
                IF f.proconfig IS NOT NULL THEN
                    SELECT options || string_agg(format(CASE WHEN split_part(c, '=', 1) = 'search_path'
                                                            THEN ' SET %I = %s' ELSE ' SET %I = %L' END,
                                                       split_part(c, '=', 1),
                                                       substr(c, length(split_part(c, '=', 1)) + 2)), '')
                      INTO options FROM unnest(f.proconfig) c;
                END IF;
                action := 'adapt';
                detail := 'signature kept, body replaced'
                    || CASE WHEN array_length(notes, 1) > 0 THEN ' (' || array_to_string(notes, ', ') || ')' ELSE '' END;
                ddl := format('CREATE OR REPLACE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql %s%s AS %L',
                              schema_name, wanted, f.arguments, f.return_type,
                              CASE WHEN wanted = 'deve_executar_cron' THEN 'STABLE' ELSE 'VOLATILE' END,
                              options, body);
            END IF;
            RETURN NEXT;
        END LOOP;

        IF NOT found_any THEN
            function_name := wanted;
            action := 'create';
            detail := 'missing: created with the seed''s signature';
            CASE wanted
            WHEN 'deve_executar_cron' THEN
                signature := 'deve_executar_cron(nome_job character varying) returns boolean';
                ddl := format('CREATE FUNCTION %I.deve_executar_cron(nome_job VARCHAR) RETURNS BOOLEAN '
                              'LANGUAGE sql STABLE AS %L', schema_name,
                              format('SELECT %I.cron_console_should_run(nome_job)', schema_name));
            WHEN 'iniciar_execucao_cron' THEN
                signature := 'iniciar_execucao_cron(nome_job character varying) returns boolean';
                ddl := format('CREATE FUNCTION %I.iniciar_execucao_cron(nome_job VARCHAR) RETURNS BOOLEAN '
                              'LANGUAGE sql VOLATILE AS %L', schema_name,
                              format('SELECT %I.cron_console_start_run(nome_job)', schema_name));
            WHEN 'finalizar_execucao_cron' THEN
                signature := 'finalizar_execucao_cron(nome_job character varying, status character varying, '
                             'resultado jsonb, duracao_segundos integer) returns void';
                ddl := format('CREATE FUNCTION %I.finalizar_execucao_cron(nome_job VARCHAR, status VARCHAR, '
                              'resultado JSONB DEFAULT NULL, duracao_segundos INTEGER DEFAULT NULL) '
                              'RETURNS VOID LANGUAGE sql VOLATILE AS %L', schema_name,
                              format('SELECT %I.cron_console_finish_run(nome_job, status, resultado, '
                                     'duracao_segundos)', schema_name));
            ELSE
                signature := 'calcular_proximo_run(intervalo_horas integer) returns timestamp without time zone';
                ddl := format('CREATE FUNCTION %I.calcular_proximo_run(intervalo_horas INTEGER) '
                              'RETURNS TIMESTAMP LANGUAGE sql STABLE AS %L', schema_name,
                              'SELECT (NOW() + make_interval(hours => intervalo_horas))::timestamp');
            END CASE;
            RETURN NEXT;
        END IF;
    END LOOP;
END
$$;

-- Applies the plan, or changes nothing and names every function it cannot serve. Returns one line
-- per function: what was done (cronctl migrate --dry-run prints them from a rolled-back rehearsal).
CREATE OR REPLACE FUNCTION cron_console_apply_seed_functions() RETURNS SETOF TEXT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    step RECORD;
    refused TEXT[] := '{}';
BEGIN
    FOR step IN SELECT * FROM cron_console_seed_function_plan() WHERE action = 'refuse' LOOP
        refused := refused || format('%s: %s', step.signature, step.detail);
    END LOOP;
    IF array_length(refused, 1) > 0 THEN
        RAISE EXCEPTION E'the platform''s own functions cannot be served as they are:\n  %',
            array_to_string(refused, E'\n  ')
            USING ERRCODE = 'CC001',
                  HINT = 'Change the function so that it returns boolean and takes the job''s name or id first '
                         '(DROP it and CREATE it again; update its callers to check the result), '
                         'or drop it to let Cron Console create the seed''s own; then run migrate again.';
    END IF;
    FOR step IN SELECT * FROM cron_console_seed_function_plan() LOOP
        IF step.ddl IS NOT NULL THEN
            EXECUTE step.ddl;
        END IF;
        RETURN NEXT format('%s: %s', step.signature, step.detail);
    END LOOP;
END
$$;

SELECT cron_console_apply_seed_functions();
