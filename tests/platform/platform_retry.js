// The platform's side of a retried job (issue 17, 0016_platform_retries.sql), as a web
// platform's service loop calls the seed's functions through node-postgres:
//   node platform_retry.js JOB STATUS SECONDS [MAX_RUNS]
// Every 200 ms for SECONDS (or until it made MAX_RUNS runs): deve_executar_cron(JOB); when true,
// iniciar_execucao_cron(JOB) and, when that claimed it, finalizar_execucao_cron(JOB, STATUS,
// '{"platform": true}', 0). Prints one JSON line per run it made ({"retry_attempt": n after
// the run, "at": ms}) and exits 0; any database error exits 1.
// Connection from libpq's PG* variables (node-postgres reads them).
const { Client } = require('pg');

async function main() {
    const [job, status, seconds, maxRuns] = process.argv.slice(2);
    let runs = 0;
    const client = new Client();
    await client.connect();
    const until = Date.now() + Number(seconds) * 1000;
    while (Date.now() < until && !(Number(maxRuns) > 0 && runs >= Number(maxRuns))) {
        const due = await client.query('SELECT deve_executar_cron($1) AS due', [job]);
        if (due.rows[0].due) {
            const started = await client.query('SELECT iniciar_execucao_cron($1) AS ok', [job]);
            if (started.rows[0].ok) {
                await client.query('SELECT finalizar_execucao_cron($1, $2, $3::jsonb, $4)',
                                   [job, status, JSON.stringify({ platform: true }), 0]);
                const row = await client.query(
                    'SELECT retry_attempt FROM cron_jobs WHERE nome = $1', [job]);
                ++runs;
                console.log(JSON.stringify({ retry_attempt: row.rows[0].retry_attempt,
                                             at: Date.now() }));
            }
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await client.end();
}

main().catch((error) => {
    console.error(error.message);
    process.exit(1);
});
