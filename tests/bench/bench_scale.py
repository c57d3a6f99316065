#!/usr/bin/python3
"""N jobs due at one minute boundary (issue 15): Cron Console runners vs pg_cron, same server.

Creates its own PostgreSQL 15 cluster in a temporary directory (pg_cron preloaded when
`postgresql-15-cron` is installed), then for every N and runner count: N jobs on `* * * * *`
whose action is one INSERT of clock_timestamp(), R `cronctl scheduler` processes, one minute
boundary. Prints, per row: median and last start after the boundary, executions per second end
to end (N / time until the N-th run was recorded), runner CPU per execution, server CPU. pg_cron
runs the same N with the same INSERT at its own boundary.

  /usr/bin/python3 tests/bench/bench_scale.py --cronctl build/app/cronctl/cronctl [--n 100,1000]
      [--runners 1,2,4] [--console build/app/console/cron-console --consoles 10]

With --consoles K, the largest runner count at N = --consoles-n (1,000) runs again with K real
consoles open (offscreen, each listening and showing every job), and the slowdown of that
batch is printed. The consoles share this machine's cores with the runners and the server; in
production they run on the admins' own machines. --consoles-nice 19 runs that row once more with
the consoles at that nice level: their database work is the same, their own CPU (painting,
parsing rows) yields to the runners and the server, so the slowdown left is what the consoles
cost the database. --rounds K alternates the rows without and with consoles K times and
prints the median slowdown: one batch varies by ±25 % from run to run.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import psycopg2

PG_BIN = '/usr/lib/postgresql/15/bin'
TICKS = os.sysconf('SC_CLK_TCK')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def as_postgres(cmd, **kw):
    if os.geteuid() == 0:
        cmd = ['runuser', '-u', 'postgres', '--'] + cmd
    return subprocess.run(cmd, check=True, **kw)


def cpu_seconds(pid, children=False):
    """utime+stime (and the reaped children's with children=True) of a process, in seconds."""
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
    except FileNotFoundError:
        return 0.0
    total = int(fields[11]) + int(fields[12])
    if children:
        total += int(fields[13]) + int(fields[14])
    return total / TICKS


def server_cpu(postmaster):
    """The whole server: the postmaster, its reaped backends, and its live children."""
    total = cpu_seconds(postmaster, children=True)
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[1]) == postmaster:
            total += cpu_seconds(int(entry), children=True)
    return total


class Cluster:
    def __init__(self, parent, with_pg_cron, with_statements=False, explain_ms=0):
        # The server's own folder, writable by the postgres user; runner configs stay outside.
        root = os.path.join(parent, 'pg')
        os.mkdir(root)
        os.chmod(parent, 0o755)
        os.chmod(root, 0o777)
        self.root = root
        self.data = os.path.join(root, 'data')
        self.port = free_port()
        as_postgres([f'{PG_BIN}/initdb', '-D', self.data, '-A', 'trust', '-U', 'postgres'],
                    stdout=subprocess.DEVNULL)
        conf = [
            f"port = {self.port}", f"unix_socket_directories = '{root}'",
            "listen_addresses = '127.0.0.1'", "max_connections = 1200",
            "shared_buffers = '256MB'", "fsync = off", "synchronous_commit = off",
        ]
        preload = (['pg_cron'] if with_pg_cron else []) + (
            ['pg_stat_statements'] if with_statements else []) + (
            ['auto_explain'] if explain_ms else [])
        if explain_ms:
            conf += [f"auto_explain.log_min_duration = {explain_ms}"]
        self.log = os.path.join(root, 'log')
        if preload:
            conf += [f"shared_preload_libraries = '{','.join(preload)}'"]
        if with_pg_cron:
            conf += ["cron.database_name = 'bench'", f"cron.host = '{root}'",
                     "cron.max_running_jobs = 32"]
        with open(os.path.join(self.data, 'postgresql.conf'), 'a') as f:
            f.write('\n'.join(conf) + '\n')
        as_postgres([f'{PG_BIN}/pg_ctl', '-D', self.data, '-l', os.path.join(root, 'log'), '-w',
                     'start'], stdout=subprocess.DEVNULL)
        with open(os.path.join(self.data, 'postmaster.pid')) as f:
            self.postmaster = int(f.readline())
        admin = self.connect('postgres')
        admin.autocommit = True
        admin.cursor().execute('CREATE DATABASE bench')
        admin.close()

    def connect(self, db='bench'):
        return psycopg2.connect(host='127.0.0.1', port=self.port, user='postgres', dbname=db)

    def env(self):
        env = dict(os.environ, PGHOST='127.0.0.1', PGPORT=str(self.port), PGUSER='postgres',
                   PGDATABASE='bench',
                   CRON_CONSOLE_DB=f'postgresql://postgres@127.0.0.1:{self.port}/bench')
        return env

    def stop(self):
        as_postgres([f'{PG_BIN}/pg_ctl', '-D', self.data, '-m', 'immediate', 'stop'],
                    stdout=subprocess.DEVNULL)


def next_boundary(cur, lead):
    """The first minute boundary at least `lead` seconds away, on the server's clock."""
    cur.execute("SELECT EXTRACT(EPOCH FROM date_trunc('minute', clock_timestamp() "
                "+ make_interval(secs => %s)) + INTERVAL '1 minute')", (lead,))
    return float(cur.fetchone()[0])


def wait_until(epoch_server, offset):
    while time.time() + offset < epoch_server:
        time.sleep(min(0.2, max(0.0, epoch_server - time.time() - offset)))


def clock_offset(cur):
    cur.execute('SELECT EXTRACT(EPOCH FROM clock_timestamp())')
    return float(cur.fetchone()[0]) - time.time()


def starts_summary(cur, table, boundary, n, deadline_s, done_query):
    """Polls until n runs are recorded (done_query) or the deadline; returns the figures."""
    begin = time.time()
    done_at = None
    while time.time() - begin < deadline_s:
        cur.execute(done_query, (boundary,))
        if cur.fetchone()[0] >= n:
            cur.execute('SELECT EXTRACT(EPOCH FROM clock_timestamp())')
            done_at = float(cur.fetchone()[0])
            break
        time.sleep(0.05)
    cur.execute(f'SELECT EXTRACT(EPOCH FROM at) - %s FROM {table} WHERE at >= to_timestamp(%s)',
                (boundary, boundary - 5))
    offsets = sorted(float(r[0]) for r in cur.fetchall())
    return offsets, done_at


SPAWNED = []


def spawn(args, **kwargs):
    """A runner or console, killed at exit whatever happens (a failed row left runners behind)."""
    proc = subprocess.Popen(args, **kwargs)
    SPAWNED.append(proc)
    return proc


def kill_spawned():
    for proc in SPAWNED:
        if proc.poll() is None:
            proc.kill()


def start_consoles(cluster, console, count, workdir, nice=0):
    """`count` real consoles (offscreen), each listening for changes and showing every job."""
    procs = []
    for c in range(count):
        home = os.path.join(workdir, f'console{c}')
        os.makedirs(home, exist_ok=True)
        env = dict(cluster.env(), QT_QPA_PLATFORM='offscreen', HOME=home,
                   XDG_CONFIG_HOME=os.path.join(home, 'config'),
                   XDG_DATA_HOME=os.path.join(home, 'data'))
        log = open(os.path.join(workdir, f'console{c}.log'), 'w')
        procs.append(spawn([console, '--db', env['CRON_CONSOLE_DB']], env=env,
                           stdout=log, stderr=subprocess.STDOUT,
                           preexec_fn=(lambda: os.nice(nice)) if nice else None))
    return procs


def run_cron_console(cluster, cronctl, n, runners, concurrency, workdir, console=None,
                     consoles=0, nice=0):
    db = cluster.connect()
    db.autocommit = True
    cur = db.cursor()
    cur.execute('TRUNCATE cron_jobs, tenant_logs')
    cur.execute('CREATE TABLE IF NOT EXISTS bench_starts (job TEXT, at TIMESTAMPTZ)')
    cur.execute('TRUNCATE bench_starts')
    names = [f'bench_{i:05d}' for i in range(n)]
    jobs = {name: {'type': 'sql', 'timeout_seconds': 60,
                   'sql': f"INSERT INTO bench_starts VALUES ('{name}', clock_timestamp())"}
            for name in names}
    offset = clock_offset(cur)
    boundary = next_boundary(cur, 20 + n / 1000)
    # next_run, the seed's column, with its instant: a row without next_run is due at once (the
    # write trigger clears next_run_tz then), and would run before the boundary too.
    cur.execute("INSERT INTO cron_jobs (nome, descricao, intervalo_horas, cron_expression, "
                "schedule_timezone, ativo, next_run, next_run_tz) SELECT n, 'bench', 1, "
                "'* * * * *', 'UTC', TRUE, to_timestamp(%s)::timestamp, to_timestamp(%s) "
                "FROM unnest(%s::text[]) AS n", (boundary, boundary, names))
    # Statistics, as a production table has them (autovacuum's analyze comes later than the
    # boundary): without them the planner guesses for 10,000 rows it has never counted.
    cur.execute('ANALYZE cron_jobs')
    procs = []
    for r in range(runners):
        config = os.path.join(workdir, f'runner{r}.json')
        with open(config, 'w') as f:
            json.dump({'runner_name': f'bench-{r}', 'max_poll_seconds': 60, 'lease_seconds': 60,
                       'grace_seconds': 5, 'max_concurrent_jobs': concurrency, 'jobs': jobs}, f)
        env = dict(cluster.env(), XDG_DATA_HOME=os.path.join(workdir, f'data{r}'))
        log = open(os.path.join(workdir, f'runner{r}.log'), 'w')
        procs.append(spawn([cronctl, 'scheduler', '--config', config], env=env,
                           stdout=log, stderr=subprocess.STDOUT))
    viewers = start_consoles(cluster, console, consoles, workdir, nice) if consoles else []
    # Registered and idle before the boundary (and the consoles connected and listening).
    deadline = time.time() + 15
    while viewers and time.time() < deadline:
        cur.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE "
                    "'cron-console/%%' AND query LIKE 'LISTEN%%'")
        if cur.fetchone()[0] >= consoles:
            break
        time.sleep(0.1)
    while time.time() < deadline:
        cur.execute("SELECT count(*) FROM cron_runners WHERE runner_name LIKE 'bench-%%' "
                    "AND stopped_at IS NULL AND heartbeat_at > NOW() - INTERVAL '30 seconds'")
        if cur.fetchone()[0] >= runners:
            break
        time.sleep(0.1)
    # The consoles' own server backends: what their reads and notifications cost the server.
    cur.execute("SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'cron-console/%%'")
    viewer_backends = [row[0] for row in cur.fetchall()] if viewers else []
    wait_until(boundary - 1, offset)
    cpu0 = [cpu_seconds(p.pid) for p in procs]
    viewers0 = [cpu_seconds(p.pid) for p in viewers]
    backends0 = [cpu_seconds(pid) for pid in viewer_backends]
    server0 = server_cpu(cluster.postmaster)
    offsets, done_at = starts_summary(
        cur, 'bench_starts', boundary, n, 55,
        "SELECT count(*) FROM tenant_logs WHERE acao = 'cron_job_success' "
        "AND created_at >= to_timestamp(%s)::timestamp")
    cpu1 = [cpu_seconds(p.pid) for p in procs]
    viewers1 = [cpu_seconds(p.pid) for p in viewers]
    backends1 = [cpu_seconds(pid) for pid in viewer_backends]
    server1 = server_cpu(cluster.postmaster)
    if viewers:
        # What the open consoles cost the machine during the batch (they share its 2 cores).
        print(f'bench_scale: {len(viewers)} consoles used {sum(viewers1) - sum(viewers0):.2f} s '
              f'of CPU during the batch, their {len(viewer_backends)} server backends '
              f'{sum(backends1) - sum(backends0):.2f} s', flush=True)
    # Every job once, at the boundary: a run before it or a second one spoils the figures.
    cur.execute('SELECT count(*), count(DISTINCT job) FROM bench_starts')
    runs, distinct = cur.fetchone()
    if runs != distinct or runs != len(offsets):
        print(f'bench_scale: WARNING: {runs} runs of {distinct} jobs, {len(offsets)} of them '
              'after the boundary: the figures do not measure one batch', flush=True)
    for p in viewers:
        p.terminate()
    for p in viewers:
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
    for p in procs:
        p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(30)
        except subprocess.TimeoutExpired:
            p.kill()
    cur.execute("DELETE FROM cron_runners WHERE runner_name LIKE 'bench-%%'")
    db.close()
    if len(offsets) < n:
        for r in range(runners):
            with open(os.path.join(workdir, f'runner{r}.log')) as f:
                print(f'bench_scale: runner {r} said:\n' + ''.join(f.readlines()[-15:]))
    return figures(n, offsets, boundary, done_at, sum(cpu1) - sum(cpu0), server1 - server0)


def run_pg_cron(cluster, n):
    db = cluster.connect()
    db.autocommit = True
    cur = db.cursor()
    cur.execute('CREATE EXTENSION IF NOT EXISTS pg_cron')
    cur.execute('CREATE TABLE IF NOT EXISTS bench_starts_pgcron (job TEXT, at TIMESTAMPTZ)')
    cur.execute('TRUNCATE bench_starts_pgcron')
    cur.execute('SELECT cron.unschedule(jobid) FROM cron.job')
    cur.execute('TRUNCATE cron.job_run_details')
    offset = clock_offset(cur)
    boundary = next_boundary(cur, 10 + n / 1000)
    cur.execute("SELECT count(cron.schedule(n, '* * * * *', format("
                "'INSERT INTO bench_starts_pgcron VALUES (%%L, clock_timestamp())', n))) "
                "FROM unnest(%s::text[]) AS n", ([f'pgc_{i:05d}' for i in range(n)],))
    wait_until(boundary - 1, offset)
    server0 = server_cpu(cluster.postmaster)
    offsets, done_at = starts_summary(
        cur, 'bench_starts_pgcron', boundary, n, 55,
        "SELECT count(*) FROM cron.job_run_details WHERE status = 'succeeded' "
        "AND start_time >= to_timestamp(%s)")
    server1 = server_cpu(cluster.postmaster)
    cur.execute('SELECT cron.unschedule(jobid) FROM cron.job')
    db.close()
    return figures(n, offsets, boundary, done_at, None, server1 - server0)


def figures(n, offsets, boundary, done_at, runner_cpu, server_cpu_s):
    return {
        'n': n, 'started': len(offsets),
        'median_start': statistics.median(offsets) if offsets else None,
        'last_start': offsets[-1] if offsets else None,
        'exec_per_s': n / (done_at - boundary) if done_at and done_at > boundary else None,
        'runner_cpu_ms_per_exec': runner_cpu * 1000 / n if runner_cpu is not None else None,
        'server_cpu_s': server_cpu_s,
    }


def fmt(value, pattern):
    return '—' if value is None else pattern.format(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cronctl', required=True)
    parser.add_argument('--n', default='100,1000,10000')
    parser.add_argument('--runners', default='1,2,4')
    parser.add_argument('--concurrency', type=int, default=8, help='max_concurrent_jobs')
    parser.add_argument('--console', help='cron-console binary, for --consoles')
    parser.add_argument('--consoles', type=int, default=0,
                        help='also run the largest runner count with this many open consoles, '
                             'and say how much they slowed it down')
    parser.add_argument('--consoles-n', type=int, default=1000,
                        help='the N whose largest runner row is run again with --consoles')
    parser.add_argument('--consoles-nice', type=int, default=0, metavar='LEVEL',
                        help='run the consoles row once more with the consoles at this nice '
                             'level (19: as if on other machines)')
    parser.add_argument('--rounds', type=int, default=1, metavar='K',
                        help='alternate the rows without and with consoles K times and print '
                             'the median slowdown')
    parser.add_argument('--no-pg-cron', action='store_true', help='leave pg_cron out')
    parser.add_argument('--top-statements', type=int, default=0, metavar='K',
                        help='after every Cron Console row, the K statements that took the '
                             'server longest (pg_stat_statements), to see where time goes')
    parser.add_argument('--explain-slower-than', type=int, default=0, metavar='MS',
                        help='after every Cron Console row, the plan of each statement that '
                             'took longer than MS (auto_explain), once per statement')
    parser.add_argument('--keep-logs', help='copy the runners\' logs of every row to this folder')
    args = parser.parse_args()
    cronctl = os.path.abspath(args.cronctl)
    with_pg_cron = os.path.exists('/usr/lib/postgresql/15/lib/pg_cron.so') and not args.no_pg_cron
    if not with_pg_cron and not args.no_pg_cron:
        print('bench_scale: pg_cron is not installed (postgresql-15-cron): its rows are skipped')
    root = tempfile.mkdtemp(prefix='bench_scale.')
    cluster = Cluster(root, with_pg_cron, args.top_statements > 0, args.explain_slower_than)
    rows = []
    try:
        subprocess.run([cronctl, 'migrate'], env=cluster.env(), check=True,
                       stdout=subprocess.DEVNULL)
        if args.top_statements:
            statements(cluster, 0)
        for n in [int(x) for x in args.n.split(',')]:
            for r in [int(x) for x in args.runners.split(',')]:
                row = run_cron_console(cluster, cronctl, n, r, args.concurrency, root)
                if args.keep_logs:
                    os.makedirs(args.keep_logs, exist_ok=True)
                    for i in range(r):
                        shutil.copy(os.path.join(root, f'runner{i}.log'),
                                    os.path.join(args.keep_logs, f'n{n}-r{r}-runner{i}.log'))
                row['who'] = f'Cron Console, {r} runner(s) × {args.concurrency}'
                rows.append(row)
                print_row(row)
                if args.top_statements:
                    statements(cluster, args.top_statements)
                if args.explain_slower_than:
                    slow_plans(cluster)
            if args.consoles and args.console and n == args.consoles_n:
                r = max(int(x) for x in args.runners.split(','))
                base = next(x for x in rows if x['n'] == n and x['who'].startswith(f'Cron Console, {r} '))
                # One batch lasts about a second and varies by ±25 % from run to run: with
                # --rounds K the rows without and with consoles alternate K times, and the
                # median of the K slowdowns is the figure.
                slowdowns = {}
                for round_ in range(args.rounds):
                    if round_ > 0:
                        base = run_cron_console(cluster, cronctl, n, r, args.concurrency, root)
                        base['who'] = f'Cron Console, {r} runner(s) × {args.concurrency} (round {round_ + 1})'
                        rows.append(base)
                        print_row(base)
                    for nice in [0] + ([args.consoles_nice] if args.consoles_nice else []):
                        row = run_cron_console(cluster, cronctl, n, r, args.concurrency, root,
                                               os.path.abspath(args.console), args.consoles, nice)
                        row['who'] = (f'Cron Console, {r} runner(s) × {args.concurrency}, '
                                      f'{args.consoles} consoles open'
                                      + (f' (nice {nice})' if nice else '')
                                      + (f' (round {round_ + 1})' if args.rounds > 1 else ''))
                        rows.append(row)
                        print_row(row)
                        if base['exec_per_s'] and row['exec_per_s']:
                            slowdown = (base['exec_per_s'] / row['exec_per_s'] - 1) * 100
                            slowdowns.setdefault(nice, []).append(slowdown)
                            print(f"bench_scale: N={n}: {args.consoles} open consoles"
                                  f"{f' at nice {nice}' if nice else ''} slowed the batch by "
                                  f"{slowdown:+.1f} %", flush=True)
                if args.rounds > 1:
                    for nice, values in slowdowns.items():
                        print(f"bench_scale: N={n}: {args.consoles} open consoles"
                              f"{f' at nice {nice}' if nice else ''}: median slowdown "
                              f"{statistics.median(values):+.1f} % over {len(values)} rounds "
                              f"({', '.join(f'{v:+.1f}' for v in values)})", flush=True)
            if with_pg_cron:
                row = run_pg_cron(cluster, n)
                row['who'] = 'pg_cron 1.4 (cron.max_running_jobs 32)'
                rows.append(row)
                print_row(row)
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
    print('\n| N | who | started | median start | last start | executions/s | '
          'runner CPU/exec | server CPU |')
    print('|---|---|---|---|---|---|---|---|')
    for row in rows:
        print(f"| {row['n']:,} | {row['who']} | {row['started']:,} | "
              f"{fmt(row['median_start'], '+{:.2f} s')} | {fmt(row['last_start'], '+{:.2f} s')} | "
              f"{fmt(row['exec_per_s'], '{:,.0f}')} | "
              f"{fmt(row['runner_cpu_ms_per_exec'], '{:.2f} ms')} | "
              f"{fmt(row['server_cpu_s'], '{:.1f} s')} |")
    return 0


def statements(cluster, top):
    """Prints the `top` statements by server time since the last call, then resets the counts."""
    db = cluster.connect()
    db.autocommit = True
    cur = db.cursor()
    cur.execute('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
    if top:
        cur.execute('SELECT total_exec_time, calls, rows, left(regexp_replace(query, '
                    "'\\s+', ' ', 'g'), 140) FROM pg_stat_statements ORDER BY total_exec_time "
                    'DESC LIMIT %s', (top,))
        for total, calls, rows, query in cur.fetchall():
            print(f'bench_scale:   {total:9.0f} ms {calls:7d} calls {rows:8d} rows  {query}')
    cur.execute('SELECT pg_stat_statements_reset()')
    db.close()


def slow_plans(cluster):
    """Prints auto_explain's plans logged since the last call, the first one of each query."""
    with open(cluster.log) as f:
        f.seek(getattr(cluster, 'log_read', 0))
        text = f.read()
        cluster.log_read = f.tell()
    seen = set()
    for block in text.split('LOG:  duration: ')[1:]:
        block = block.split('\n20')[0]  # up to the next log line
        query = block.split('Query Text:', 1)[-1].split('\n', 1)[0].strip()[:80]
        if query in seen:
            continue
        seen.add(query)
        print('bench_scale: slow statement: ' + block.rstrip())


def print_row(row):
    print(f"bench_scale: N={row['n']} {row['who']}: started {row['started']}, median "
          f"{fmt(row['median_start'], '+{:.3f} s')}, last {fmt(row['last_start'], '+{:.3f} s')}, "
          f"{fmt(row['exec_per_s'], '{:.0f}')} exec/s, runner "
          f"{fmt(row['runner_cpu_ms_per_exec'], '{:.2f} ms')}/exec, server "
          f"{fmt(row['server_cpu_s'], '{:.1f} s')}", flush=True)


if __name__ == '__main__':
    try:
        sys.exit(main())
    finally:
        kill_spawned()
