#!/usr/bin/env node
// The web platform's side of a shared database (issue 12): the seed's service loop
// (persistent-cron-service.js) with node-postgres, calling the platform's own functions exactly
// as a fixture's JSON says (SQL text with $1.. parameters, as node-postgres sends them).
//
//   platform_loop.js --spec F.json --check JOB
//       the seed's meaning of every call, on a new job JOB; prints a JSON report, exit 1 when a
//       check failed
//   platform_loop.js --spec F.json --add-jobs a,b,c [--hours N]
//       adds the jobs with the platform's own INSERT INTO cron_jobs
//   platform_loop.js --spec F.json --loop --jobs a,b,c --log ticks.log --seconds 40
//       deve_executar_cron -> iniciar_execucao_cron (only TRUE runs) -> work (start/end lines in
//       the shared log) -> finalizar_execucao_cron -> the platform's tenant_logs INSERT, per job,
//       until the deadline; prints its figures as JSON. A failed call is logged and counted.
//
// The connection comes from libpq's PG* variables (node-postgres reads the same ones).
'use strict';

const fs = require('fs');
let pg;
try {
    pg = require('pg');
} catch (error) {
    process.stderr.write('platform_loop: node-postgres (the npm package "pg") is not found '
        + `(NODE_PATH=${process.env.NODE_PATH || ''}): run installer/build-deps.sh\n`);
    process.exit(2);
}

function parseArgs(argv) {
    const args = {seconds: 40, poll: 0.25, workMin: 0.6, workMax: 1.8};
    for (let i = 0; i < argv.length; ++i) {
        const key = argv[i];
        const next = () => argv[++i];
        if (key === '--spec') args.spec = next();
        else if (key === '--check') args.check = next();
        else if (key === '--loop') args.loop = true;
        else if (key === '--add-jobs') args.addJobs = next().split(',').filter(Boolean);
        else if (key === '--hours') args.hours = Number(next());
        else if (key === '--jobs') args.jobs = next().split(',').filter(Boolean);
        else if (key === '--log') args.log = next();
        else if (key === '--seconds') args.seconds = Number(next());
        else if (key === '--poll') args.poll = Number(next());
        else if (key === '--work-min') args.workMin = Number(next());
        else if (key === '--work-max') args.workMax = Number(next());
        else throw new Error(`unknown argument ${key}`);
    }
    if (!args.spec || (!args.check && !args.loop && !args.addJobs))
        throw new Error('usage: platform_loop.js --spec F.json (--check JOB | --add-jobs a,b '
            + '[--hours N] | --loop --jobs a,b --log FILE [--seconds N])');
    return args;
}

// JSON text with sorted keys: jsonb stores keys in its own order.
function canonical(value) {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (value && typeof value === 'object')
        return `{${Object.keys(value).sort()
            .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
    return JSON.stringify(value);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The values a platform call's parameters name. node-postgres sends an object as
// JSON.stringify(object), a number or boolean as its text.
function parameterValues(call, spec, ctx) {
    const log = spec.tenant_log || {};
    const table = {
        job: ctx.job,
        descricao: `Job da plataforma ${ctx.job}`,
        intervalo_horas: ctx.intervaloHoras,
        status: ctx.success ? 'success' : 'error',
        sucesso: ctx.success,
        resultado: ctx.resultado,
        duracao: Math.round(ctx.duracao),
        duracao_exata: Number(ctx.duracao.toFixed(3)),
        horas: call.horas,
        tenant_id: log.tenant_id,
        user_id: null,
        acao: ctx.success ? log.acao_success : log.acao_error,
        detalhes: ctx.detalhes,
        detalhes_text: JSON.stringify(ctx.detalhes),
        ip_address: '127.0.0.1',
        user_agent: 'plataforma-node/cron',
    };
    return (call.params || []).map((name) => {
        if (!(name in table)) throw new Error(`spec names an unknown parameter "${name}"`);
        return table[name];
    });
}

function context(job, overrides) {
    return Object.assign({job, success: true, duracao: 0, resultado: null, detalhes: null,
        intervaloHoras: 1}, overrides);
}

async function call(pool, spec, name, ctx) {
    const entry = spec.calls[name] || spec[name];
    if (!entry) throw new Error(`spec has no call ${name}`);
    const result = await pool.query(entry.sql, parameterValues(entry, spec, ctx));
    const first = result.fields.length ? result.fields[0] : null;
    const value = first && result.rows.length ? result.rows[0][first.name] : undefined;
    return {result, value, type: first ? first.dataTypeID : null, entry};
}

// --- the service loop -------------------------------------------------------------------------

class Loop {
    constructor(pool, spec, args) {
        this.pool = pool;
        this.spec = spec;
        this.args = args;
        this.fd = fs.openSync(args.log, 'a'); // O_APPEND: one write(2) per line
        this.stopping = false;
        this.serial = 0;
        this.figures = {runs: 0, by_job: {}, by_status: {success: 0, error: 0}, deve_true: 0,
            claims_won: 0, claims_lost: 0, calls: {}, failures: {}, failed_calls: 0,
            errors: []};
    }

    line(job, runId, event, fields) {
        const parts = [job, runId, String(process.pid), (Date.now() / 1000).toFixed(3), event];
        for (const [key, value] of Object.entries(fields || {}))
            parts.push(`${key}=${String(value).split(/\s+/).join('_')}`);
        fs.writeSync(this.fd, parts.join(' ') + '\n');
    }

    failed(name, job, error) {
        this.figures.failed_calls += 1;
        this.figures.failures[name] = (this.figures.failures[name] || 0) + 1;
        const text = `${name} for ${job} failed: ${error.code || ''} ${error.message}`.trim();
        if (this.figures.errors.length < 20) this.figures.errors.push(text);
        process.stderr.write(`platform_loop: ${text}\n`);
    }

    async tryCall(name, ctx) {
        this.figures.calls[name] = (this.figures.calls[name] || 0) + 1;
        try {
            return await call(this.pool, this.spec, name, ctx);
        } catch (error) {
            this.failed(name, ctx.job, error);
            return null;
        }
    }

    // Wakes at the job's next_run when it is near (the platform's status query reads it), so
    // its claim races the runners' at the same instant instead of always coming late.
    async untilDue(job) {
        try {
            const result = await this.pool.query('SELECT EXTRACT(EPOCH FROM next_run - '
                + 'LOCALTIMESTAMP)::float8 AS wait FROM cron_jobs WHERE nome = $1', [job]);
            const wait = result.rows.length ? result.rows[0].wait : null;
            if (wait !== null && wait > 0 && wait < 5)
                await sleep(wait * 1000);
            else
                await sleep(this.args.poll * 1000 * (0.5 + Math.random()));
        } catch (error) {
            this.failed('status query', job, error);
            await sleep(this.args.poll * 1000);
        }
    }

    async runJob(job) {
        while (!this.stopping) {
            const deve = await this.tryCall('deve_executar_cron', context(job));
            if (deve && deve.value === true && !this.stopping) {
                this.figures.deve_true += 1;
                const claim = await this.tryCall('iniciar_execucao_cron', context(job));
                if (claim && claim.value === true)
                    await this.execute(job);
                else if (claim)
                    this.figures.claims_lost += 1;
            }
            await this.untilDue(job);
        }
    }

    async execute(job) {
        this.figures.claims_won += 1;
        this.serial += 1;
        const runId = `plat${process.pid}n${this.serial}`;
        // Every fifth run fails, so the error path (status, acao_error) is exercised too.
        const success = this.serial % 5 !== 0;
        const began = Date.now();
        this.line(job, runId, 'start', {runner: 'platform', token: '-'});
        const work = this.args.workMin + Math.random() * (this.args.workMax - this.args.workMin);
        await sleep(work * 1000);
        this.line(job, runId, 'end', {how: 'exit', runner: 'platform'});
        const duracao = (Date.now() - began) / 1000;
        this.figures.runs += 1;
        this.figures.by_job[job] = (this.figures.by_job[job] || 0) + 1;
        this.figures.by_status[success ? 'success' : 'error'] += 1;
        const resultado = {processados: this.serial, run_id: runId};
        if (!success) resultado.erro = 'falha simulada';
        const ctx = context(job, {success, duracao, resultado});
        const done = await this.tryCall('finalizar_execucao_cron', ctx);
        if (done && done.entry.returns === 'boolean' && done.value !== true)
            this.failed('finalizar_execucao_cron', job,
                new Error(`returned ${JSON.stringify(done.value)}, not true`));
        const detalhes = {job, run_id: runId, status: success ? 'success' : 'error',
            duracao_segundos: Number(duracao.toFixed(3)), origem: 'plataforma',
            total_provedores: 3};
        if (this.spec.nul_in_detalhes) detalhes.saida = 'linha 1\u0000linha 2';
        await this.tryCall('tenant_log', context(job, {success, duracao, detalhes}));
    }

    async run(jobs, seconds) {
        const timer = setTimeout(() => { this.stopping = true; }, seconds * 1000);
        const stop = () => { this.stopping = true; };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
        // Each job has its own loop, as the platform's checkJobs does per job on its pool.
        await Promise.all(jobs.map((job) => this.runJob(job)));
        clearTimeout(timer);
        fs.closeSync(this.fd);
        return this.figures;
    }
}

// --- the seed's meaning of every call ----------------------------------------------------------

class Checks {
    constructor(pool, spec) {
        this.pool = pool;
        this.spec = spec;
        this.results = [];
    }

    record(name, ok, detail) {
        this.results.push({name, ok: Boolean(ok), detail: detail === undefined ? '' : detail});
    }

    async step(name, fn) {
        try {
            const outcome = await fn();
            this.record(name, outcome.ok, outcome.detail);
            return outcome;
        } catch (error) {
            this.record(name, false, `${error.code || ''} ${error.message}`.trim());
            return {ok: false};
        }
    }

    async row(job) {
        const result = await this.pool.query(
            'SELECT total_execucoes, ultimo_status, ultimo_resultado, ultima_duracao_segundos, '
            + 'last_run IS NOT NULL AS ran, '
            + 'EXTRACT(EPOCH FROM next_run - LOCALTIMESTAMP)::float8 AS next_in '
            + 'FROM cron_jobs WHERE nome = $1', [job]);
        return result.rows[0];
    }

    async secondsAhead(outcome) {
        // timestamp (without zone) against this session's local time, timestamptz against NOW().
        const now = await this.pool.query('SELECT NOW() AS agora_tz, LOCALTIMESTAMP AS agora');
        const reference = outcome.type === 1184 ? now.rows[0].agora_tz : now.rows[0].agora;
        return (outcome.value.getTime() - reference.getTime()) / 1000;
    }

    // Rounds of `callers` concurrent iniciar calls on a due job; per round, the TRUE answers.
    // Between rounds the job is made due again as an admin's reset would.
    async concurrentClaims(job, callers, rounds) {
        const clients = [];
        const winners = [];
        try {
            for (let i = 0; i < callers; ++i) {
                const client = new pg.Client();
                await client.connect();
                clients.push(client);
            }
            for (let round = 0; round < rounds; ++round) {
                if (round > 0)
                    await this.pool.query("UPDATE cron_jobs SET ultimo_status = 'pending', "
                        + 'next_run = NOW() WHERE nome = $1', [job]);
                const answers = await Promise.all(clients.map(
                    (client) => call(client, this.spec, 'iniciar_execucao_cron', context(job))));
                winners.push(answers.filter((answer) => answer.value === true).length);
            }
            return winners;
        } finally {
            await Promise.all(clients.map((client) => client.end()));
        }
    }

    async run(job) {
        const spec = this.spec;
        const finalizar = spec.calls.finalizar_execucao_cron;
        const records = finalizar.records || [];
        const hours = 6;
        await this.step('add_job (the platform INSERT INTO cron_jobs)', async () => {
            await call(this.pool, spec, 'add_job', context(job, {intervaloHoras: hours}));
            return {ok: true};
        });
        await this.step('deve_executar_cron: TRUE for a due job (never ran)', async () => {
            const {value} = await call(this.pool, spec, 'deve_executar_cron', context(job));
            return {ok: value === true, detail: `returned ${JSON.stringify(value)}`};
        });
        await this.step('iniciar_execucao_cron: TRUE for the first caller', async () => {
            const {value} = await call(this.pool, spec, 'iniciar_execucao_cron', context(job));
            return {ok: value === true, detail: `returned ${JSON.stringify(value)}`};
        });
        await this.step('iniciar_execucao_cron: FALSE while the job runs', async () => {
            const {value} = await call(this.pool, spec, 'iniciar_execucao_cron', context(job));
            return {ok: value === false, detail: `returned ${JSON.stringify(value)}`};
        });
        await this.step('deve_executar_cron: FALSE while the job runs', async () => {
            const {value} = await call(this.pool, spec, 'deve_executar_cron', context(job));
            return {ok: value === false, detail: `returned ${JSON.stringify(value)}`};
        });
        const resultado = {verificacao: 'plataforma', itens: 3};
        const duracao = 2.6;
        await this.step('finalizar_execucao_cron: records the run', async () => {
            const done = await call(this.pool, spec, 'finalizar_execucao_cron',
                context(job, {success: true, duracao, resultado}));
            const problems = [];
            if (finalizar.returns === 'boolean' && done.value !== true)
                problems.push(`returned ${JSON.stringify(done.value)}, not true`);
            const row = await this.row(job);
            if (row.total_execucoes !== 1)
                problems.push(`total_execucoes ${row.total_execucoes}, not 1`);
            if (!row.ran) problems.push('last_run not set');
            if (row.ultimo_status !== 'success')
                problems.push(`ultimo_status ${JSON.stringify(row.ultimo_status)}, not "success"`);
            if (records.includes('resultado')
                && canonical(row.ultimo_resultado) !== canonical(resultado))
                problems.push(`ultimo_resultado ${JSON.stringify(row.ultimo_resultado)}`);
            if (records.includes('duracao') && row.ultima_duracao_segundos !== Math.round(duracao))
                problems.push(`ultima_duracao_segundos ${row.ultima_duracao_segundos}, not 3`);
            if (row.next_in === null || Math.abs(row.next_in - hours * 3600) > 120)
                problems.push(`next_run ${row.next_in} s ahead, not ${hours} h`);
            const ahead = `next_run ${(row.next_in / 3600).toFixed(3)} h ahead`;
            return {ok: problems.length === 0, detail: problems.join('; ') || ahead};
        });
        await this.step('deve_executar_cron: FALSE after the run (next_run ahead)', async () => {
            const {value} = await call(this.pool, spec, 'deve_executar_cron', context(job));
            return {ok: value === false, detail: `returned ${JSON.stringify(value)}`};
        });
        const calc = spec.calls.calcular_proximo_run;
        await this.step(`calcular_proximo_run: ${calc.horas} h ahead`, async () => {
            const outcome = await call(this.pool, spec, 'calcular_proximo_run', context(job));
            if (!(outcome.value instanceof Date))
                return {ok: false, detail: `returned ${JSON.stringify(outcome.value)}`};
            const ahead = await this.secondsAhead(outcome);
            return {ok: Math.abs(ahead - calc.horas * 3600) <= 120,
                detail: `${(ahead / 3600).toFixed(3)} h ahead (type oid ${outcome.type})`};
        });
        await this.step('iniciar_execucao_cron: of 8 concurrent callers exactly one wins '
            + '(20 rounds)', async () => {
            // The seed's "Forçar próxima execução".
            await this.pool.query('UPDATE cron_jobs SET next_run = NOW() WHERE nome = $1', [job]);
            const winners = await this.concurrentClaims(job, 8, 20);
            const bad = winners.filter((won) => won !== 1).length;
            return {ok: bad === 0, detail: `TRUE answers per round: ${winners.join(' ')}`};
        });
        await this.step('finalizar_execucao_cron: an error run is recorded', async () => {
            const done = await call(this.pool, spec, 'finalizar_execucao_cron',
                context(job, {success: false, duracao: 1, resultado: {erro: 'x'}}));
            const row = await this.row(job);
            const problems = [];
            if (finalizar.returns === 'boolean' && done.value !== true)
                problems.push(`returned ${JSON.stringify(done.value)}`);
            if (row.total_execucoes !== 2) problems.push(`total_execucoes ${row.total_execucoes}`);
            if (row.ultimo_status !== 'error') problems.push(`ultimo_status ${row.ultimo_status}`);
            return {ok: problems.length === 0, detail: problems.join('; ')};
        });
        // Issue 12, point 3: a platform caller finishing late never touches a runner's live
        // lease, and a job with a cron expression follows it.
        await this.step('finalizar_execucao_cron: no change while a runner lease holds the job',
            async () => {
                // What a runner's claim writes (cron_jobs columns of Cron Console).
                await this.pool.query("UPDATE cron_jobs SET ultimo_status = 'running', "
                    + "lease_owner = 'verifica-runner', lease_token = lease_token + 1, "
                    + "lease_expires_at = clock_timestamp() + INTERVAL '5 minutes' "
                    + 'WHERE nome = $1', [job]);
                const before = await this.pool.query('SELECT total_execucoes, lease_owner, '
                    + 'lease_token, ultimo_status FROM cron_jobs WHERE nome = $1', [job]);
                await call(this.pool, spec, 'finalizar_execucao_cron',
                    context(job, {success: true, duracao: 1, resultado: {tarde: true}}));
                const after = await this.pool.query('SELECT total_execucoes, lease_owner, '
                    + 'lease_token, ultimo_status FROM cron_jobs WHERE nome = $1', [job]);
                await this.pool.query("UPDATE cron_jobs SET ultimo_status = 'success', "
                    + 'lease_owner = NULL, lease_expires_at = NULL WHERE nome = $1', [job]);
                const same = canonical(before.rows[0]) === canonical(after.rows[0]);
                return {ok: same, detail: same ? '' : `before ${canonical(before.rows[0])}, `
                    + `after ${canonical(after.rows[0])}`};
            });
        await this.step('finalizar_execucao_cron: follows cron_expression (0 3 * * * in '
            + 'America/Sao_Paulo)', async () => {
            await this.pool.query("UPDATE cron_jobs SET cron_expression = '0 3 * * *', "
                + "schedule_timezone = 'America/Sao_Paulo', next_run = NOW() WHERE nome = $1",
                [job]);
            const claimed = await call(this.pool, spec, 'iniciar_execucao_cron', context(job));
            if (claimed.entry.returns === 'boolean' && claimed.value !== true)
                return {ok: false, detail: `iniciar returned ${JSON.stringify(claimed.value)}`};
            await call(this.pool, spec, 'finalizar_execucao_cron',
                context(job, {success: true, duracao: 1, resultado: {cron: true}}));
            // The next 03:00 in São Paulo after now, as an instant.
            const result = await this.pool.query(
                "WITH local AS (SELECT (NOW() AT TIME ZONE 'America/Sao_Paulo') AS t), "
                + "slot AS (SELECT date_trunc('day', t) + INTERVAL '3 hours' AS s, t FROM local) "
                + "SELECT (CASE WHEN s > t THEN s ELSE s + INTERVAL '1 day' END) "
                + "AT TIME ZONE 'America/Sao_Paulo' AS expected, next_run_tz, next_run "
                + 'FROM slot, cron_jobs WHERE nome = $1', [job]);
            await this.pool.query('UPDATE cron_jobs SET cron_expression = NULL, '
                + 'schedule_timezone = NULL WHERE nome = $1', [job]);
            const row = result.rows[0];
            const ok = row.next_run_tz instanceof Date
                && row.next_run_tz.getTime() === row.expected.getTime();
            return {ok, detail: `next_run_tz ${row.next_run_tz && row.next_run_tz.toISOString()}, `
                + `expected ${row.expected.toISOString()}`};
        });
        const log = spec.tenant_log;
        const inserts = [{label: 'tenant_logs INSERT', detalhes: {job, run_id: `${job}-log`,
            status: 'success', duracao_segundos: 1}}];
        if (spec.detalhes_type === 'json')
            inserts.push({label: 'tenant_logs INSERT with \\u0000 in detalhes (json)',
                detalhes: {job, run_id: `${job}-nul`, saida: 'antes\u0000depois'}});
        for (const insert of inserts) {
            await this.step(insert.label, async () => {
                await call(this.pool, spec, 'tenant_log',
                    context(job, {success: true, detalhes: insert.detalhes}));
                const found = await this.pool.query(
                    'SELECT count(*)::int AS n FROM tenant_logs WHERE acao = $1 '
                    + 'AND strpos(detalhes::text, $2) > 0',
                    [log.acao_success, insert.detalhes.run_id]);
                return {ok: found.rows[0].n === 1, detail: `${found.rows[0].n} row(s) stored`};
            });
        }
        for (const admin of spec.admin || []) {
            await this.step(`admin ${admin.name}`, async () => {
                const result = await this.pool.query(admin.sql,
                    parameterValues(admin, spec, context(job, {intervaloHoras: 8})));
                if (admin.name !== 'update_interval')
                    return {ok: true, detail: `${result.rowCount} row(s)`};
                const row = await this.row(job);
                return {ok: Math.abs(row.next_in - 8 * 3600) <= 120,
                    detail: `next_run ${(row.next_in / 3600).toFixed(3)} h ahead`};
            });
        }
        return this.results;
    }
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const spec = JSON.parse(fs.readFileSync(args.spec, 'utf8'));
    const pool = new pg.Pool({max: (args.jobs || []).length + 4,
        application_name: 'plataforma-node'});
    // An idle client's error (the server restarting) must not crash the platform.
    pool.on('error', (error) => process.stderr.write(`platform_loop: pool: ${error.message}\n`));
    try {
        if (args.addJobs) {
            for (const job of args.addJobs)
                await call(pool, spec, 'add_job', context(job, {intervaloHoras: args.hours || 1}));
            return 0;
        }
        if (args.check) {
            const results = await new Checks(pool, spec).run(args.check);
            process.stdout.write(JSON.stringify({checks: results}) + '\n');
            return results.every((r) => r.ok) ? 0 : 1;
        }
        const figures = await new Loop(pool, spec, args).run(args.jobs, args.seconds);
        process.stdout.write(JSON.stringify(figures) + '\n');
        return 0;
    } finally {
        await pool.end();
    }
}

main().then((code) => { process.exitCode = code; }, (error) => {
    process.stderr.write(`platform_loop: ${error.stack || error}\n`);
    process.exitCode = 2;
});
