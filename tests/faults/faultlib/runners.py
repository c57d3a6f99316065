"""Real `cronctl scheduler` processes, one per runner namespace, each with its own runner.json."""
import json
import os
import signal
import subprocess
import time

from .topology import log, on_cleanup

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICK = os.path.join(HERE, "actions", "tick.py")
PYTHON = "/usr/bin/python3"  # has python3-psycopg2 from build-deps.sh; the ticker is stdlib


def tick_command(tickfile, job, seconds, variant="loop", linger=0.0, pipeline=False,
                 timeout=3600):
    """A runner.json command action that ticks into tickfile."""
    argv = [PYTHON, TICK, "--file", tickfile, "--job", job, "--seconds", str(seconds),
            "--variant", variant, "--linger", str(linger)]
    if pipeline:
        # Under sh -c, through a pipe: the runner must stop the whole pipeline.
        script = " ".join("'%s'" % part for part in argv) + " | cat | cat >/dev/null"
        return {"type": "command", "program": "/bin/sh", "args": ["-c", script],
                "timeout_seconds": timeout}
    return {"type": "command", "program": argv[0], "args": argv[1:], "timeout_seconds": timeout}


class Runner:
    def __init__(self, harness, name, jobs, lease=10, timezone="UTC", url=None,
                 max_poll=5, grace=2, max_concurrent=8):
        self.harness = harness
        self.name = name
        self.jobs = jobs  # name -> action spec
        self.lease = lease
        self.timezone = timezone
        self.url = url
        self.process = None
        self.config_path = os.path.join(harness.workdir, "runner-%s.json" % name)
        self.log_path = os.path.join(harness.workdir, "runner-%s.log" % name)
        if name not in harness.topology.namespaces:
            harness.topology.add_member(name)
        self.address = harness.topology.addresses[name]
        config = {"runner_name": name, "lease_seconds": lease, "max_poll_seconds": max_poll,
                  "grace_seconds": grace, "max_concurrent_jobs": max_concurrent, "jobs": {}}
        for job, spec in jobs.items():
            spec = dict(spec)
            if spec.get("type") == "command":
                spec["env"] = dict(spec.get("env", {}), FAULTS_RUNNER=name)
            config["jobs"][job] = spec
        # Owner-only: a runner may refuse a runner.json that others can write (G9).
        descriptor = os.open(self.config_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            json.dump(config, handle, indent=2)
        on_cleanup(self.kill)

    def start(self):
        env = dict(os.environ, PGTZ=self.timezone, TZ="UTC",
                   QT_LOGGING_RULES="cron.runner.info=true")
        env.pop("JOURNAL_STREAM", None)
        for key in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSERVICE"):
            env.pop(key, None)  # only the URL says where the database is
        url = self.url or self.harness.runner_url()
        argv = self.harness.topology.exec_prefix(self.name) + [
            self.harness.cronctl, "--db", url, "scheduler", "--config", self.config_path,
            "--name", self.name]
        self.logfile = open(self.log_path, "ab")
        self.logfile.write(("=== start %s: %s\n" % (time.time(), " ".join(argv))).encode())
        self.logfile.flush()
        # `ip netns exec` execs the program: the pid is cronctl's.
        self.process = subprocess.Popen(argv, stdout=self.logfile, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=env)
        self.harness.events.emit("runner_start", runner=self.name, pid=self.process.pid,
                                 jobs=sorted(self.jobs), lease=self.lease, tz=self.timezone)
        log("runner %s started (pid %d, lease %d s, PGTZ %s)"
            % (self.name, self.process.pid, self.lease, self.timezone))
        return self

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def exited_with(self):
        return None if self.process is None else self.process.poll()

    def stop(self, timeout=15):
        """SIGTERM and wait: the runner's own orderly stop."""
        if not self.alive():
            return
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.harness.events.emit("runner_stop", runner=self.name, how="sigterm")

    def kill9(self):
        self.process.kill()
        self.process.wait(5)
        self.harness.events.emit("runner_stop", runner=self.name, how="kill9")
        log("runner %s killed with SIGKILL" % self.name)

    def kill(self):
        if self.alive():
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(5)

    def wait_registered(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError("runner %s exited with %s before registering:\n%s"
                                   % (self.name, self.exited_with(), self.log_tail()))
            rows = self.harness.query("SELECT 1 FROM cron_runners WHERE runner_name = %s "
                                      "AND stopped_at IS NULL AND pid = %s",
                                      (self.name, self.pid))
            if rows:
                self.harness.events.emit("runner_ready", runner=self.name, pid=self.pid)
                return
            time.sleep(0.1)
        raise RuntimeError("runner %s did not register in %d s:\n%s"
                           % (self.name, timeout, self.log_tail()))

    def log_tail(self, lines=15):
        try:
            with open(self.log_path, errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        except OSError:
            return ""
