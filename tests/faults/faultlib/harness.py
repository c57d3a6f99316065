"""One harness run: a temp dir, the topology, a cluster, the event log, the tick file."""
import os
import subprocess
import time


from .cluster import Cluster
from .events import ClaimObserver, Events
from .runners import Runner
from .topology import TMP_PREFIX, Topology, log, on_cleanup, run


class Harness:
    def __init__(self, cronctl, server_timezone="UTC", keep=False):
        self.cronctl = cronctl
        self.workdir = "%s%d" % (TMP_PREFIX, os.getpid())
        os.makedirs(self.workdir, exist_ok=True)
        os.chmod(self.workdir, 0o755)  # postgres must reach its cluster dir inside
        if not keep:
            import shutil
            on_cleanup(lambda: shutil.rmtree(self.workdir, ignore_errors=True))
        self.tickfile = os.path.join(self.workdir, "ticks.log")
        open(self.tickfile, "a").close()
        self.events = Events(os.path.join(self.workdir, "events.jsonl"))
        self.topology = Topology()
        self.primary = Cluster(self.topology, "db", self.workdir, "primary", server_timezone)
        self.replica = None
        self.runners = {}
        self.observer = None
        self.url_override = None

    def start_database(self):
        self.primary.init()
        self.primary.start()
        self.primary.create_database("cron")
        self.cronctl_admin(["migrate"])
        log("PostgreSQL 15 up at %s (server TimeZone %s), schema migrated"
            % (self.primary.tcp_host(), self.primary.timezone))

    def start_observer(self):
        self.observer = ClaimObserver(self)
        self.observer.start()
        on_cleanup(self.observer.stop)

    def dsn(self):
        return self.primary.dsn()

    def runner_url(self):
        if self.url_override:
            return self.url_override
        return "postgresql://postgres@%s/cron" % self.primary.tcp_host()

    def runner_zone(self, owner):
        runner = self.runners.get(owner)
        return runner.timezone if runner else "UTC"

    def query(self, sql, params=None):
        return self.primary.execute(sql, params)

    def cronctl_admin(self, args, check=True):
        """An admin command from the root namespace over the Unix socket."""
        done = subprocess.run([self.cronctl, "--db", self.primary.admin_url()] + args,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=dict(os.environ, TZ="UTC"))
        if check and done.returncode != 0:
            raise RuntimeError("cronctl %s failed (exit %d): %s"
                               % (" ".join(args), done.returncode, done.stdout.strip()))
        return done

    def add_job(self, name, cron=None, interval_hours=24):
        args = ["add", name]
        args += ["--cron", cron] if cron else ["--interval-hours", str(interval_hours)]
        self.cronctl_admin(args)
        self.events.emit("job_added", job=name, cron=cron, interval_hours=interval_hours)

    def add_runner(self, name, jobs, **kwargs):
        runner = Runner(self, name, jobs, **kwargs)
        self.runners[name] = runner
        return runner

    def run_now(self, job):
        running = self.is_running(job)
        done = self.cronctl_admin(["run-now", job], check=False)
        self.events.emit("run_now", job=job, running=running, exit=done.returncode,
                         output=done.stdout.strip()[:200])
        log("cronctl run-now %s (running: %s): exit %d %s"
            % (job, running, done.returncode, done.stdout.strip()[:120]))
        return done

    def reset(self, job):
        running = self.is_running(job)
        done = self.cronctl_admin(["reset", job, "--reason", "fault harness"], check=False)
        self.events.emit("reset", job=job, running=running, exit=done.returncode,
                         output=done.stdout.strip()[:200])
        log("cronctl reset %s (running: %s): exit %d %s"
            % (job, running, done.returncode, done.stdout.strip()[:120]))
        return done

    def is_running(self, job):
        rows = self.query("SELECT ultimo_status FROM cron_jobs WHERE nome = %s", (job,))
        return bool(rows) and rows[0][0] == "running"

    def ticks_since(self, offset=0):
        with open(self.tickfile) as handle:
            handle.seek(offset)
            return handle.read()

    def wait_for_tick(self, predicate, timeout, what):
        """Polls the tick file until a line satisfies predicate(fields); returns the fields."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.ticks_since().splitlines():
                fields = line.split()
                if len(fields) >= 4 and predicate(fields):
                    return fields
            time.sleep(0.1)
        raise RuntimeError("timed out after %d s waiting for %s" % (timeout, what))

    def wait_run_started(self, job, runner, timeout=30):
        """Waits for a start line of job on runner; returns its run-id."""
        fields = self.wait_for_tick(
            lambda f: f[0] == job and len(f) > 4 and f[4] == "start"
            and ("runner=%s" % runner) in f,
            timeout, "%s to start on %s" % (job, runner))
        return fields[1]

    def run_alive(self, job, run_id, within=1.0):
        """True when the run ticked in the last `within` seconds."""
        now = time.time()
        for line in reversed(self.ticks_since().splitlines()):
            fields = line.split()
            if len(fields) >= 4 and fields[0] == job and fields[1] == run_id:
                return now - float(fields[3]) <= within
        return False

    def stop_all_runners(self):
        for runner in self.runners.values():
            runner.stop()


__all__ = ["Harness", "run"]
