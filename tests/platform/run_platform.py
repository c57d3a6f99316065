#!/usr/bin/python3
"""Cron Console beside the web platform that already uses the database (issue 12).

  run_platform.py --cronctl build/app/cronctl/cronctl [--fixture NAME ...] [--seconds 40] [--keep]

On the PostgreSQL server libpq's PG* variables point at (it FAILS, never skips, without one), for
each platform fixture (fixtures/NAME.sql, a database the platform made before Cron Console, and
fixtures/NAME.json, how the platform calls its functions):
  a. a fresh database from the fixture; its schema (pg_dump --schema-only) and rows kept;
  b. `cronctl migrate` twice: both succeed and the second changes nothing, the platform's rows
     keep their values; for a fixture whose signature cannot be served (`expect_refusal`), both
     exit 1 naming the function and its signature, and schema and rows stay byte-identical;
  c. every platform call of the JSON through node-postgres, with the seed's meaning;
  d. the platform's service loop (node-postgres) and two `cronctl scheduler` runners share six
     jobs (made due again and again) for --seconds: no overlapping executions of a job, both
     sides ran, every execution has exactly one tenant_logs row, total_execucoes counts them all.
Prints the figures per fixture; exit 0 when every check of every fixture holds.
Needs python3-psycopg2, the PostgreSQL client tools (psql, pg_dump) and Node with node-postgres
(installer/build-deps.sh).
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
LOOP = os.path.join(HERE, "platform_loop.js")
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "faults"))

ORDER = ["seed_like", "text_boolean", "short_finalizar", "no_functions", "refused"]
JOBS = ["plataforma_job_%d" % i for i in range(1, 7)]
CHECK_JOB = "plataforma_verifica"
LEASE = 10
TMP_PREFIX = "/tmp/cronplatform-"


def log(message):
    print("[platform %s] %s" % (time.strftime("%H:%M:%S", time.gmtime()), message), flush=True)


def node_path():
    """Where Debian's node-pg, a distribution's nodejs modules and a global npm install live."""
    paths = ["/usr/share/nodejs", "/usr/lib/nodejs"]
    if shutil.which("npm"):
        done = subprocess.run(["npm", "root", "-g"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
        if done.returncode == 0 and done.stdout.strip():
            paths.append(done.stdout.strip())
    existing = os.environ.get("NODE_PATH")
    return ":".join(([existing] if existing else []) + paths)


def preflight(cronctl):
    problems = []
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        problems.append("python3-psycopg2 missing for %s" % sys.executable)
    for tool in ("psql", "pg_dump"):
        if shutil.which(tool) is None:
            problems.append("%s not found (postgresql-client)" % tool)
    if not os.access(cronctl, os.X_OK):
        problems.append("cronctl not executable: %s" % cronctl)
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        problems.append("node not found: run installer/build-deps.sh (Debian's nodejs node-pg)")
    else:
        done = subprocess.run([node, "-e", "require('pg')"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              env=dict(os.environ, NODE_PATH=node_path()))
        if done.returncode != 0:
            problems.append("node-postgres (npm package pg) not found by %s in NODE_PATH=%s: run "
                            "installer/build-deps.sh" % (node, node_path()))
    if not problems:
        import psycopg2  # noqa: F811 (only now known to be there)
        try:
            psycopg2.connect(dbname=os.environ.get("PGDATABASE", "postgres"),
                             connect_timeout=10).close()
        except psycopg2.Error as error:
            problems.append("no PostgreSQL server where libpq's PG* variables point (PGHOST=%s "
                            "PGPORT=%s): %s" % (os.environ.get("PGHOST", ""),
                                                os.environ.get("PGPORT", ""),
                                                str(error).strip()))
    return node, problems


class Verdict:
    """The checks of one fixture: each with a name, a result and what was seen."""

    def __init__(self, fixture):
        self.fixture = fixture
        self.checks = []
        self.figures = {}

    def check(self, name, ok, detail=""):
        self.checks.append((name, bool(ok), detail))
        log("%s %s: %s%s" % ("ok  " if ok else "FAIL", self.fixture, name,
                             (" (%s)" % detail) if detail else ""))
        return ok

    @property
    def passed(self):
        return bool(self.checks) and all(ok for _, ok, _ in self.checks)


class Fixture:
    def __init__(self, name, args, node, workdir):
        import psycopg2
        self.name = name
        self.args = args
        self.node = node
        self.workdir = os.path.join(workdir, name)
        os.makedirs(self.workdir, exist_ok=True)
        self.spec = json.load(open(os.path.join(FIXTURES, name + ".json")))
        self.database = "cc_platform_%s_%d" % (name, os.getpid())
        self.verdict = Verdict(name)
        self.processes = []
        self.logfiles = []
        self.before = {}  # platform check -> held before migrate
        self.psycopg2 = psycopg2

    # --- the database ---------------------------------------------------------------------

    def env(self, **extra):
        env = dict(os.environ, PGDATABASE=self.database, TZ="UTC", NODE_PATH=node_path())
        env.pop("JOURNAL_STREAM", None)
        env.update(extra)
        return env

    def connect(self, database=None):
        conn = self.psycopg2.connect(dbname=database or self.database, connect_timeout=10)
        conn.autocommit = True
        return conn

    def query(self, sql, params=None):
        conn = self.connect()
        try:
            cur = conn.cursor()
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def create(self, database=None):
        from psycopg2 import sql
        database = database or self.database
        admin = self.connect(os.environ.get("PGDATABASE", "postgres"))
        try:
            admin.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(
                sql.Identifier(database)))
            admin.cursor().execute(sql.SQL("CREATE DATABASE {}").format(
                sql.Identifier(database)))
        finally:
            admin.close()
        done = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                               "-f", os.path.join(FIXTURES, self.name + ".sql")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=self.env(PGDATABASE=database))
        if done.returncode != 0:
            raise RuntimeError("loading fixtures/%s.sql failed: %s" % (self.name, done.stdout))

    def drop(self, database=None):
        from psycopg2 import sql
        admin = self.connect(os.environ.get("PGDATABASE", "postgres"))
        try:
            admin.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database or self.database)))
        finally:
            admin.close()

    def dump(self, what):
        flag = {"schema": "--schema-only", "rows": "--data-only"}[what]
        done = subprocess.run(["pg_dump", flag, "--no-sync"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env())
        if done.returncode != 0:
            raise RuntimeError("pg_dump %s failed: %s" % (flag, done.stderr.decode()))
        # pg_dump 15.14+ writes a random \restrict key on every run: not part of the schema.
        text = b"".join(line for line in done.stdout.splitlines(keepends=True)
                        if not line.startswith((b"\\restrict ", b"\\unrestrict ")))
        with open(os.path.join(self.workdir, "%s-%d.sql" % (what, time.monotonic_ns())),
                  "wb") as handle:
            handle.write(text)
        return text

    def platform_rows(self):
        """The platform's tables as they were: their own columns of every existing row, as text."""
        tables = {}
        for table in ("cron_jobs", "tenant_logs", "tenants"):
            columns = [row[0] for row in self.query(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = %s ORDER BY ordinal_position", (table,))]
            if columns:
                tables[table] = columns
        return tables

    def row_values(self, tables):
        values = {}
        for table, columns in tables.items():
            select = ", ".join('"%s"::text' % column for column in columns)  # catalog names
            values[table] = self.query('SELECT %s FROM "%s" ORDER BY 1' % (select, table))
        return values

    # --- cronctl and node -----------------------------------------------------------------

    def cronctl(self, *args):
        return subprocess.run([self.args.cronctl, "--db", "postgresql:///%s" % self.database]
                              + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=self.env(), timeout=120)

    def node_run(self, *args, timeout=60, database=None):
        return subprocess.run([self.node, LOOP, "--spec", os.path.join(FIXTURES,
                                                                       self.name + ".json")]
                              + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=self.env(PGDATABASE=database or self.database),
                              timeout=timeout)

    def platform_checks(self, database=None):
        """platform_loop.js --check: [(name, ok, detail)], or None and why it gave no report."""
        done = self.node_run("--check", CHECK_JOB, database=database)
        try:
            report = json.loads(done.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return None, "exit %d: %s %s" % (done.returncode, done.stdout[-300:],
                                             done.stderr[-600:])
        return [(c["name"], c["ok"], c["detail"]) for c in report["checks"]], ""

    def checks_before_migrate(self):
        """The same calls on a twin of the fixture that was never migrated: what worked before
        (the platform's own functions, not all of them right)."""
        twin = self.database + "_before"
        try:
            self.create(twin)
            checks, why = self.platform_checks(twin)
        finally:
            self.drop(twin)
        if checks is None:
            log("%s: the platform's calls before migrate gave no report: %s" % (self.name, why))
            return {}
        held = sum(1 for _, ok, _ in checks if ok)
        log("%s: before migrate, %d of %d platform checks held (their own functions)%s"
            % (self.name, held, len(checks), "".join("\n  not before: %s (%s)" % (n, d)
                                                     for n, ok, d in checks if not ok)))
        return {name: ok for name, ok, _ in checks}

    # --- a. b. migrate ----------------------------------------------------------------------

    def migrate_steps(self):
        v = self.verdict
        self.create()
        schema0, rows0 = self.dump("schema"), self.dump("rows")
        tables = self.platform_rows()
        values0 = self.row_values(tables)
        refusal = self.spec.get("expect_refusal")
        outcomes = []
        for attempt in (1, 2):
            began = time.monotonic()
            done = self.cronctl("migrate")
            outcomes.append(done)
            log("%s: migrate #%d exit %d in %.1f s\n  stdout: %s\n  stderr: %s"
                % (self.name, attempt, done.returncode, time.monotonic() - began,
                   done.stdout.strip().replace("\n", "\n          "),
                   done.stderr.strip().replace("\n", "\n          ")))
            if refusal:
                v.check("migrate #%d refuses (exit 1)" % attempt, done.returncode == 1,
                        "exit %d" % done.returncode)
                v.check("migrate #%d names %s" % (attempt, refusal["identity"]),
                        refusal["identity"] in done.stderr, done.stderr.strip()[:300])
                v.check("migrate #%d leaves the schema byte-identical" % attempt,
                        self.dump("schema") == schema0)
                v.check("migrate #%d leaves the rows byte-identical" % attempt,
                        self.dump("rows") == rows0)
            else:
                v.check("migrate #%d exits 0" % attempt, done.returncode == 0,
                        "exit %d: %s" % (done.returncode, done.stderr.strip()[-400:]))
                invalid = [row[0] for row in self.query(
                    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "WHERE NOT i.indisvalid")]
                v.check("migrate #%d leaves no invalid index" % attempt, not invalid,
                        ", ".join(invalid))
                if attempt == 1:
                    schema1, rows1 = self.dump("schema"), self.dump("rows")
                else:
                    v.check("migrate #2 changes no schema", self.dump("schema") == schema1)
                    v.check("migrate #2 changes no row", self.dump("rows") == rows1)
        if refusal:
            return False
        if outcomes[0].returncode != 0:
            # What the platform meets after a migrate that stopped half-way.
            self.call_steps(after="a failed migrate")
            return False
        values1 = self.row_values(tables)
        for table, columns in tables.items():
            keep = [i for i, c in enumerate(columns) if c != "updated_at"]
            before = [tuple(row[i] for i in keep) for row in values0[table]]
            after = [tuple(row[i] for i in keep) for row in values1[table]]
            v.check("%s: the platform's rows keep their values" % table, before == after,
                    "" if before == after else "%d of %d rows differ" % (
                        sum(1 for a, b in zip(before, after) if a != b) + abs(len(before) -
                                                                               len(after)),
                        len(before)))
            if "updated_at" in columns:
                i = columns.index("updated_at")
                changed = sum(1 for a, b in zip(values0[table], values1[table]) if a[i] != b[i])
                log("%s: %s.updated_at changed by migrate in %d of %d existing rows (not checked)"
                    % (self.name, table, changed, len(values0[table])))
        return True

    # --- c. the platform's calls -------------------------------------------------------------

    def call_steps(self, after="migrate"):
        checks, why = self.platform_checks()
        if checks is None:
            self.verdict.check("platform calls (node-postgres) after %s report" % after, False,
                               why)
            return
        for name, ok, detail in checks:
            if not ok and self.before.get(name):
                detail = "held before migrate; now: " + detail
            self.verdict.check("platform after %s: %s" % (after, name), ok, detail)

    # --- d. the shared loop ------------------------------------------------------------------

    def start_runner(self, name, tickfile):
        from faultlib.runners import tick_command
        config = {"runner_name": name, "lease_seconds": LEASE, "max_poll_seconds": 5,
                  "grace_seconds": 2, "max_concurrent_jobs": 8, "jobs": {}}
        for i, job in enumerate(JOBS):
            spec = tick_command(tickfile, job, 0.8 + 0.3 * (i % 4), timeout=60)
            spec["env"] = {"FAULTS_RUNNER": name}
            config["jobs"][job] = spec
        path = os.path.join(self.workdir, "runner-%s.json" % name)
        # Owner-only: a runner refuses a runner.json that others can write.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            json.dump(config, handle, indent=2)
        logfile = open(os.path.join(self.workdir, "runner-%s.log" % name), "ab")
        self.logfiles.append(logfile)
        process = subprocess.Popen(
            [self.args.cronctl, "--db", "postgresql:///%s" % self.database, "scheduler",
             "--config", path, "--name", name], stdout=logfile, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, env=self.env(QT_LOGGING_RULES="cron.runner.info=true"))
        self.processes.append(process)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("runner %s exited with %s before registering:\n%s"
                                   % (name, process.returncode, self.tail("runner-%s.log" % name)))
            if self.query("SELECT 1 FROM cron_runners WHERE runner_name = %s AND pid = %s "
                          "AND stopped_at IS NULL", (name, process.pid)):
                return process
            time.sleep(0.1)
        raise RuntimeError("runner %s did not register in 20 s:\n%s"
                           % (name, self.tail("runner-%s.log" % name)))

    def tail(self, filename, lines=15):
        try:
            with open(os.path.join(self.workdir, filename), errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        except OSError:
            return ""

    def keep_due(self, stop):
        """Makes every idle job due again and again: a job that finished (next_run an interval
        ahead) gets a next_run a moment from now, so the platform's poll and the runners' timers
        race for it at that instant (a next_run in the past would go to whoever hears the
        change first: the runners, by NOTIFY)."""
        conn = self.connect()
        try:
            cur = conn.cursor()
            while not stop.wait(0.2):
                cur.execute("UPDATE cron_jobs SET next_run = (clock_timestamp() "
                            "+ (0.3 + random()) * INTERVAL '1 second')::timestamp "
                            "WHERE nome = ANY(%s) AND ultimo_status IS DISTINCT FROM 'running' "
                            "AND (next_run IS NULL OR next_run > LOCALTIMESTAMP "
                            "+ INTERVAL '10 seconds')", (JOBS,))
        finally:
            conn.close()

    def wait_idle(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            running = self.query("SELECT nome FROM cron_jobs WHERE nome = ANY(%s) AND "
                                 "ultimo_status = 'running'", (JOBS,))
            if not running:
                return []
            time.sleep(0.2)
        return [row[0] for row in running]

    def loop_steps(self):
        from checker import overlap_seconds, read_ticks
        v = self.verdict
        done = self.node_run("--add-jobs", ",".join(JOBS), "--hours", "1")
        if not v.check("the platform adds the six jobs (its INSERT INTO cron_jobs)",
                       done.returncode == 0, done.stderr.strip()[-300:]):
            return
        tickfile = os.path.join(self.workdir, "ticks.log")
        open(tickfile, "w").close()
        first_log_id = self.query("SELECT COALESCE(MAX(id), 0) FROM tenant_logs")[0][0]
        runners = {}
        try:
            for name in ("r1", "r2"):
                runners[name] = self.start_runner(name, tickfile)
        except RuntimeError as error:
            v.check("two cronctl scheduler runners start", False, str(error))
            return
        stop = threading.Event()
        due = threading.Thread(target=self.keep_due, args=(stop,), daemon=True)
        due.start()
        began = time.monotonic()
        platform = subprocess.Popen(
            [self.node, LOOP, "--spec", os.path.join(FIXTURES, self.name + ".json"), "--loop",
             "--jobs", ",".join(JOBS), "--log", tickfile, "--seconds", str(self.args.seconds),
             "--poll", "0.05"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env())
        self.processes.append(platform)
        try:
            out, err = platform.communicate(timeout=self.args.seconds + 60)
        except subprocess.TimeoutExpired:
            platform.kill()
            out, err = platform.communicate()
            v.check("the platform loop ends by its deadline", False, err[-400:])
        stop.set()
        due.join(5)
        still = self.wait_idle(LEASE * 3)
        v.check("every job idle after the window", not still, ", ".join(still))
        for name, process in runners.items():
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
            v.check("runner %s stops cleanly" % name, process.returncode == 0,
                    "exit %s: %s" % (process.returncode, self.tail("runner-%s.log" % name, 5)))
        window = time.monotonic() - began
        try:
            figures = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            v.check("the platform loop reports its figures", False,
                    "exit %s: %s" % (platform.returncode, err[-600:]))
            return
        if err.strip():
            with open(os.path.join(self.workdir, "platform.stderr"), "w") as handle:
                handle.write(err)

        runs = [r for r in read_ticks(tickfile) if r.job in JOBS]
        by_side = {"platform": 0, "r1": 0, "r2": 0}
        for run in runs:
            by_side[run.runner] = by_side.get(run.runner, 0) + 1
        unfinished = [r for r in runs if not r.exited]
        overlap_total, pairs = 0.0, []
        for job in JOBS:
            seconds, job_pairs = overlap_seconds([r for r in runs if r.job == job])
            overlap_total += seconds
            pairs += job_pairs

        # Every execution's tenant_logs row: ours by lease token, the platform's by its run_id.
        # detalhes may be json holding \u0000, which ->> cannot read: parsed here instead.
        rows = self.query("SELECT id, acao, detalhes::text FROM tenant_logs WHERE id > %s",
                          (first_log_id,))
        keys = {}
        for row_id, acao, text in rows:
            try:
                detalhes = json.loads(text) if text else {}
            except ValueError:
                detalhes = {}
            if not isinstance(detalhes, dict) or detalhes.get("job") not in JOBS:
                continue
            if "run_id" in detalhes:
                key = (detalhes["job"], str(detalhes["run_id"]))
            elif "lease_token" in detalhes:
                key = (detalhes["job"], str(detalhes["lease_token"]))
            else:
                key = (detalhes["job"], "?%d" % row_id)
            keys.setdefault(key, []).append((row_id, acao))
        executions = {(r.job, r.run_id) for r in runs}
        unrecorded = sorted(k for k in executions if k not in keys)
        doubled = sorted(k for k in executions if len(keys.get(k, [])) > 1)
        orphans = sorted(k for k in keys if k not in executions)
        totals = dict(self.query("SELECT nome, total_execucoes FROM cron_jobs WHERE nome = ANY(%s)",
                                 (JOBS,)))
        counted = {job: sum(1 for r in runs if r.job == job) for job in JOBS}
        total_mismatch = {job: (totals.get(job), counted[job]) for job in JOBS
                          if totals.get(job) != counted[job]}

        self.verdict.figures = {
            "window_s": round(window, 1), "executions": len(runs),
            "platform_runs": by_side.get("platform", 0), "r1_runs": by_side.get("r1", 0),
            "r2_runs": by_side.get("r2", 0), "overlap_s": round(overlap_total, 3),
            "overlapping_pairs": len(pairs), "unfinished": len(unfinished),
            "unrecorded": len(unrecorded), "doubled": len(doubled), "orphan_rows": len(orphans),
            "total_execucoes": sum(v or 0 for v in totals.values()),
            "platform_failed_calls": figures["failed_calls"],
            "platform_claims_lost": figures["claims_lost"]}
        log("%s figures: %s" % (self.name, json.dumps(self.verdict.figures)))
        v.check("0 overlapping executions per job", not pairs,
                "; ".join("%r and %r overlap %.3f s" % p for p in pairs[:5]))
        v.check("the platform executed runs", by_side.get("platform", 0) > 0,
                "%d runs" % by_side.get("platform", 0))
        v.check("our runners executed runs", by_side.get("r1", 0) + by_side.get("r2", 0) > 0,
                "r1 %d, r2 %d" % (by_side.get("r1", 0), by_side.get("r2", 0)))
        v.check("the platform's calls never failed", figures["failed_calls"] == 0,
                "%d failed: %s; %s" % (figures["failed_calls"], json.dumps(figures["failures"]),
                                       " | ".join(figures["errors"][:3])))
        v.check("the platform's runs in the log are the runs it counted",
                by_side.get("platform", 0) == figures["runs"],
                "log %d, loop %d" % (by_side.get("platform", 0), figures["runs"]))
        v.check("every execution finished", not unfinished, ", ".join(map(repr, unfinished[:5])))
        v.check("every execution has exactly one tenant_logs row",
                not unrecorded and not doubled and not orphans,
                "unrecorded %s, doubled %s, rows without an execution %s"
                % (unrecorded[:5], doubled[:5], orphans[:5]))
        v.check("total_execucoes equals the executions counted", not total_mismatch,
                "; ".join("%s: total_execucoes %s, executions %d" % (job, t, c)
                          for job, (t, c) in total_mismatch.items()))

    def run(self):
        try:
            self.before = self.checks_before_migrate()
            if self.migrate_steps():
                self.call_steps()
                self.loop_steps()
        except Exception as error:  # one fixture's trouble must not hide the others'
            self.verdict.check("the fixture's steps ran", False, "%s: %s"
                               % (type(error).__name__, error))
        finally:
            self.stop_processes()
            if not self.args.keep:
                try:
                    self.drop()
                except Exception as error:
                    log("%s: dropping %s failed: %s" % (self.name, self.database, error))
        return self.verdict

    def stop_processes(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(5)
        for logfile in self.logfiles:
            logfile.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cronctl", required=True)
    parser.add_argument("--fixture", action="append", choices=ORDER,
                        help="only this fixture (repeatable; default: all)")
    parser.add_argument("--seconds", type=int, default=40, help="the shared loop's window")
    parser.add_argument("--keep", action="store_true",
                        help="keep the databases and the temp dir (logs, dumps, ticks)")
    parser.add_argument("--deadline", type=int, default=0,
                        help="stop and clean up after this many seconds (0: none)")
    args = parser.parse_args()
    args.cronctl = os.path.abspath(args.cronctl)

    node, problems = preflight(args.cronctl)
    if problems:
        print("FAIL: the platform tests cannot run here:\n  " + "\n  ".join(problems),
              file=sys.stderr)
        return 1

    def on_signal(number, _frame):
        raise SystemExit("stopped by signal %d" % number)

    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM):
        signal.signal(number, on_signal)
    if args.deadline:
        signal.alarm(args.deadline)

    workdir = "%s%d" % (TMP_PREFIX, os.getpid())
    os.makedirs(workdir, exist_ok=True)
    began = time.time()
    verdicts = []
    try:
        for name in args.fixture or ORDER:
            log("fixture %s (%s)" % (name, json.load(open(os.path.join(
                FIXTURES, name + ".json")))["about"]))
            verdicts.append(Fixture(name, args, node, workdir).run())
    finally:
        if args.keep:
            log("kept %s and the databases cc_platform_*_%d" % (workdir, os.getpid()))
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    print("\n== platform fixtures (%.0f s)" % (time.time() - began))
    for verdict in verdicts:
        failed = [c for c in verdict.checks if not c[1]]
        print("%-16s %s  %d checks, %d failed%s" % (
            verdict.fixture, "PASS" if verdict.passed else "FAIL", len(verdict.checks),
            len(failed), ("  " + json.dumps(verdict.figures)) if verdict.figures else ""))
        for name, _, detail in failed:
            print("    FAIL %s%s" % (name, (": " + detail) if detail else ""))
    passed = sum(1 for v in verdicts if v.passed)
    print("%d passed, %d failed" % (passed, len(verdicts) - passed))
    return 0 if passed == len(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
