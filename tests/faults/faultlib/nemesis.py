"""The nemeses of issue 11, one function each. Every fault is logged as fault_start/fault_end
so the checker knows when each runner was healthy; `held` names the runs the faulted runner
held when the fault began, and `lease_expires` the last lease expiry seen for them (server
time), for the partition margin."""
import os
import signal
import time

from .topology import log, on_cleanup, run


class Fault:
    def __init__(self, harness, kind, runner, undo, held=None):
        self.harness = harness
        self.kind = kind
        self.runner = runner  # a runner name, or "*" for the database
        self._undo = undo
        self.id = harness.events.next_id()
        self.start = time.time()
        self.held = held or []
        harness.events.emit("fault_start", id=self.id, fault=kind, runner=runner,
                            held=self.held)
        log("fault %d: %s of %s (holding %s)" % (self.id, kind, runner,
                                                 [h["job"] for h in self.held] or "-"))

    def heal(self):
        if self._undo is None:
            return
        expiries = []
        observer = self.harness.observer
        for held in self.held:
            seen = observer.expiry(self.runner, held["job"]) if observer else None
            if seen and seen[1] == held.get("token", seen[1]):
                expiries.append(dict(held, lease_expires=round(seen[0], 3)))
            else:
                expiries.append(dict(held, lease_expires=None))
        self._undo()
        self._undo = None
        self.harness.events.emit("fault_end", id=self.id, fault=self.kind, runner=self.runner,
                                 held=expiries)
        log("fault %d healed after %.1f s" % (self.id, time.time() - self.start))


def held_runs(harness, runner):
    """The runs a runner holds now: job, lease token, and the run-id ticking for it."""
    held = []
    rows = harness.query("SELECT nome, lease_token FROM cron_jobs WHERE lease_owner = %s "
                         "AND ultimo_status = 'running'", (runner,))
    for job, token in rows:
        run_id = None
        for line in reversed(harness.ticks_since().splitlines()):
            fields = line.split()
            if len(fields) > 4 and fields[0] == job and fields[4] == "start" \
                    and "runner=%s" % runner in fields:
                run_id = fields[1]
                break
        held.append({"job": job, "token": int(token), "run": run_id})
    return held


def partition_drop(harness, runner):
    """iptables DROP of every packet in and out of the runner's namespace's link."""
    ns = harness.topology.exec_prefix(runner)
    held = held_runs(harness, runner)
    run(ns + ["iptables", "-I", "INPUT", "-i", "eth0", "-j", "DROP"])
    run(ns + ["iptables", "-I", "OUTPUT", "-o", "eth0", "-j", "DROP"])

    def undo():
        run(ns + ["iptables", "-D", "INPUT", "-i", "eth0", "-j", "DROP"], check=False)
        run(ns + ["iptables", "-D", "OUTPUT", "-o", "eth0", "-j", "DROP"], check=False)
    return Fault(harness, "partition_drop", runner, undo, held)


def partition_link_down(harness, runner):
    """`ip link set down` of the runner's end of its veth pair."""
    ns = harness.topology.exec_prefix(runner)
    held = held_runs(harness, runner)
    run(ns + ["ip", "link", "set", "eth0", "down"])
    address = harness.topology.addresses[runner]

    def undo():
        run(ns + ["ip", "link", "set", "eth0", "up"], check=False)
        # The address and its route come back with the link; make sure of the address.
        run(ns + ["ip", "addr", "replace", address + "/24", "dev", "eth0"], check=False)
    return Fault(harness, "partition_link_down", runner, undo, held)


def stall_backend(harness, runner):
    """SIGSTOP of the server processes serving the runner (by client address)."""
    address = harness.topology.addresses[runner]
    held = held_runs(harness, runner)
    pids = [pid for pid, _app in harness.primary.backend_pids(address)]
    if not pids:
        log("stall: runner %s has no server backend right now" % runner)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)

    def undo():
        for pid in pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
    on_cleanup(undo)  # a stopped backend would block the server's shutdown
    fault = Fault(harness, "stall_backend", runner, undo, held)
    harness.events.emit("note", id=fault.id, backends=pids)
    return fault


def pause_runner(harness, runner):
    """SIGSTOP of the cronctl process only: its actions keep running."""
    process = harness.runners[runner].process
    held = held_runs(harness, runner)
    os.kill(process.pid, signal.SIGSTOP)

    def undo():
        try:
            os.kill(process.pid, signal.SIGCONT)
        except ProcessLookupError:
            pass
    return Fault(harness, "pause_runner", runner, undo, held)


def kill9_runner(harness, runner):
    """kill -9 of the runner; returns what it held. The runner is down until restarted."""
    held = held_runs(harness, runner)
    harness.events.emit("fault_start", id=harness.events.next_id(), fault="kill9",
                        runner=runner, held=held, instant=True)
    harness.runners[runner].kill9()
    return held


def restart_database(harness):
    """pg_ctl -m immediate restart of the primary: every runner is without a database."""
    fault = Fault(harness, "pg_restart_immediate", "*", lambda: None)
    harness.primary.restart_immediate()
    fault.heal()
    return fault


def reset_running(harness, job):
    return harness.reset(job)


def run_now(harness, job):
    return harness.run_now(job)
