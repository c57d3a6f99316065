"""The fault scenarios of issue 11, one function per CTest entry. Each builds what it needs on
the harness, applies its faults, and returns when the runners can be stopped and checked."""
import random
import time

from faultlib import nemesis
from faultlib.runners import tick_command
from faultlib.topology import SUBNET, log


def wait_until(predicate, timeout, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def started_on(h, job, runner):
    """Runs of job started on runner so far (their run-ids)."""
    ids = []
    for line in h.ticks_since().splitlines():
        f = line.split()
        if len(f) > 4 and f[0] == job and f[4] == "start" and "runner=%s" % runner in f:
            ids.append(f[1])
    return ids


SETTLE = 5.0  # after a heal: the faulted runner learns it lost the lease (heartbeat lease/3)
HOLD_AFTER_TAKEOVER = 6.0  # how long a fault stays on once another runner took the job


def held_stopped(h, fault):
    return all(not held.get("run") or not h.run_alive(held["job"], held["run"])
               for held in fault.held)


def hold_fault(h, fault, job, holder, others, lease):
    """Keeps a fault on until the faulted runner's action stopped (and another runner took the
    job), or HOLD_AFTER_TAKEOVER seconds after the takeover, or lease + 12 s."""
    took = wait_until(lambda: any(started_on(h, job, r) for r in others), lease + 12)
    log("%s: %s" % (job, "taken over by another runner" if took else "not taken over"))
    if took:
        wait_until(lambda: held_stopped(h, fault), HOLD_AFTER_TAKEOVER)
    fault.heal()


def check_event(h, name, ok, value, target):
    h.events.emit("check", name=name, **{"pass": bool(ok)}, value=value, target=target)
    log("check %s: %s (%s, target %s)" % (name, "ok" if ok else "FAILED", value, target))


# -- partition: iptables DROP at the default lease (60) and at 10, link down at the smallest
# allowed lease (5), side by side ------------------------------------------------------------

def partition(h):
    t = h.tickfile
    pairs = [("part_drop_l60", 60, "r5", "r6", nemesis.partition_drop),
             ("part_drop_l10", 10, "r1", "r2", nemesis.partition_drop),
             ("part_link_l5", 5, "r3", "r4", nemesis.partition_link_down)]
    longest = max(lease for _, lease, *_ in pairs)
    for job, lease, a, b, _ in pairs:
        spec = {job: tick_command(t, job, lease + 40)}
        h.add_runner(a, spec, lease=lease).start().wait_registered()
        h.add_runner(b, spec, lease=lease)
    for job, *_ in pairs:
        h.add_job(job)
    for job, _lease, a, b, _ in pairs:
        h.wait_run_started(job, a)
        h.runners[b].start().wait_registered()
    time.sleep(1)
    faults = [(apply(h, a), job, a, b, lease) for job, lease, a, b, apply in pairs]
    wait_until(lambda: all(started_on(h, job, b) for _, job, _, b, _ in faults), longest + 12)
    wait_until(lambda: all(held_stopped(h, fault) for fault, *_ in faults), HOLD_AFTER_TAKEOVER)
    for fault, *_ in faults:
        fault.heal()
    time.sleep(SETTLE)


def single_holder_fault(h, job, apply):
    """One job on r1 with r2 standing by; `apply` (a nemesis) hits r1 while it runs the job."""
    spec = {job: tick_command(h.tickfile, job, 40)}
    h.add_runner("r1", spec).start().wait_registered()
    h.add_runner("r2", spec)
    h.add_job(job)
    h.wait_run_started(job, "r1")
    h.runners["r2"].start().wait_registered()
    time.sleep(1)
    hold_fault(h, apply(h, "r1"), job, "r1", ["r2"], 10)
    time.sleep(SETTLE)


# -- stall: SIGSTOP of the runner's server backend -------------------------------------------

def stall(h):
    single_holder_fault(h, "stall_l10", nemesis.stall_backend)


# -- pause: SIGSTOP of the runner process; its child keeps running ---------------------------

def pause(h):
    single_holder_fault(h, "pause_l10", nemesis.pause_runner)


# -- kill -9 of a runner whose actions forked ------------------------------------------------

SQL_SLEEP = "SELECT pg_sleep(40) /* faults k9_sql */"


def sql_statements(h):
    return h.query("SELECT pid, host(client_addr) FROM pg_stat_activity "
                   "WHERE query LIKE %s AND state = 'active' AND pid <> pg_backend_pid()",
                   ("%faults k9_sql%",))


def kill9_tree(h):
    t = h.tickfile
    jobs = {"k9_fork": tick_command(t, "k9_fork", 30, variant="fork"),
            "k9_pipe": tick_command(t, "k9_pipe", 30, pipeline=True),
            "k9_sql": {"type": "sql", "sql": SQL_SLEEP, "timeout_seconds": 60}}
    h.add_runner("r1", jobs).start().wait_registered()
    for job in jobs:
        h.add_job(job)
    h.wait_run_started("k9_fork", "r1")
    h.wait_run_started("k9_pipe", "r1")
    r1 = h.topology.addresses["r1"]
    if not wait_until(lambda: any(addr == r1 for _, addr in sql_statements(h)), 10):
        log("k9_sql: its statement never showed in pg_stat_activity")
    bgexit = {"k9_bgexit": tick_command(t, "k9_bgexit", 1, variant="fork", linger=12)}
    h.add_runner("r2", dict(jobs, **bgexit)).start().wait_registered()
    time.sleep(1)
    nemesis.kill9_runner(h, "r1")
    h.add_job("k9_bgexit")  # only r2 runs it: it exits at once and leaves tickers behind
    time.sleep(3)
    left = [pid for pid, addr in sql_statements(h) if addr == r1]
    check_event(h, "sql statement ends with runner", not left,
                "%d statement(s) of the killed runner still running 3 s later" % len(left), "0")
    first = wait_until(lambda: "exit" in h.ticks_since() and _ended(h, "k9_bgexit"), 10)
    if first:
        h.run_now("k9_bgexit")  # the first run's tickers are still alive
    wait_until(lambda: started_on(h, "k9_fork", "r2"), 12)
    time.sleep(2)
    both = sql_statements(h)
    check_event(h, "one k9_sql statement at a time", len(both) <= 1,
                "%d concurrent statement(s) after the takeover" % len(both), "<= 1")
    time.sleep(3)


def _ended(h, job):
    for line in h.ticks_since().splitlines():
        f = line.split()
        if len(f) > 5 and f[0] == job and f[4] == "end" and "how=exit" in f:
            return True
    return False


# -- reset and run-now of a running job ------------------------------------------------------

def reset(h):
    t = h.tickfile
    jobs = {"reset_long": tick_command(t, "reset_long", 30),
            "runnow_long": tick_command(t, "runnow_long", 30)}
    h.add_runner("r1", jobs).start().wait_registered()
    for job in jobs:
        h.add_job(job)
    h.wait_run_started("reset_long", "r1")
    h.wait_run_started("runnow_long", "r1")
    h.add_runner("r2", jobs).start().wait_registered()
    time.sleep(2)
    h.reset("reset_long")
    h.run_now("runnow_long")
    time.sleep(14)


# -- sessions in three time zones, server zone with DST --------------------------------------

def timezones(h):
    t = h.tickfile
    long_job = {"tz_long": tick_command(t, "tz_long", 25)}
    minute = {"tz_minute": tick_command(t, "tz_minute", 3)}
    dead = {"tz_dead": tick_command(t, "tz_dead", 20)}
    h.add_runner("sp", dict(long_job, **minute), timezone="America/Sao_Paulo")
    h.add_runner("tokyo", dict(long_job, **minute, **dead), timezone="Asia/Tokyo")
    h.add_runner("utc", dict(long_job, **minute, **dead), timezone="UTC")
    h.runners["sp"].start().wait_registered()
    h.add_job("tz_long")
    h.wait_run_started("tz_long", "sp")
    h.runners["tokyo"].start().wait_registered()
    h.runners["utc"].start().wait_registered()
    h.add_job("tz_minute", cron="* * * * *")
    h.add_job("tz_dead")
    holder = wait_until(lambda: _owner(h, "tz_dead") == "tokyo", 15)
    log("tz_dead held by %s" % (_owner(h, "tz_dead") or "nobody"))
    if holder:
        time.sleep(1)
        nemesis.kill9_runner(h, "tokyo")
    # Long enough for a takeover (lease + 2 s), and for a served minute slot when the next one
    # is near (waiting up to a minute for it would cost the suite its time budget).
    started = time.time()
    next_slot = (int(started // 60) + 1) * 60
    end = started + 20
    if next_slot - started <= 30:
        end = max(end, next_slot + 14)
    else:
        log("tz_minute: next slot in %.0f s, not waited for" % (next_slot - started))
    time.sleep(max(0, end - time.time()))


def _owner(h, job):
    rows = h.query("SELECT lease_owner FROM cron_jobs WHERE nome = %s", (job,))
    return rows[0][0] if rows else None


# -- output the history cannot store as it is ------------------------------------------------

def output(h):
    t = h.tickfile
    jobs = {"out_nul": tick_command(t, "out_nul", 1, variant="nul"),
            "out_bigline": tick_command(t, "out_bigline", 1, variant="bigline")}
    h.add_runner("r1", jobs).start().wait_registered()
    h.add_runner("r2", jobs).start().wait_registered()
    for job in jobs:
        h.add_job(job)
    time.sleep(22)  # two leases and more: a result that was dropped runs again
    for job in jobs:
        status = h.query("SELECT ultimo_status FROM cron_jobs WHERE nome = %s", (job,))[0][0]
        runs = len({line.split()[1] for line in h.ticks_since().splitlines()
                    if line.split()[0] == job})
        check_event(h, "%s ran once, finished" % job, runs == 1 and status != "running",
                    "%d run(s), status %s" % (runs, status), "1 run, not running")


# -- pg_ctl -m immediate restarts under load -------------------------------------------------

def run_now_load(h, jobs, seconds, actions=()):
    """Asks for runs of idle jobs round-robin, one a second; actions: (at, function)."""
    started = time.monotonic()
    pending = sorted(actions, key=lambda a: a[0])
    index = 0
    while time.monotonic() - started < seconds:
        if pending and time.monotonic() - started >= pending[0][0]:
            pending.pop(0)[1]()
            continue
        job = jobs[index % len(jobs)]
        index += 1
        try:
            if not h.is_running(job):
                h.run_now(job)
        except Exception as error:  # the server is restarting or failing over
            log("run-now of %s not possible now: %s" % (job, str(error).splitlines()[0]))
        time.sleep(1)


def restart(h):
    t = h.tickfile
    names = ["rs_a", "rs_b", "rs_c", "rs_d"]
    jobs = {name: tick_command(t, name, 1 + i * 0.5) for i, name in enumerate(names)}
    h.add_runner("r1", jobs).start().wait_registered()
    h.add_runner("r2", jobs).start().wait_registered()
    for job in names:
        h.add_job(job)
    run_now_load(h, names, 20, [(5, lambda: nemesis.restart_database(h)),
                                (13, lambda: nemesis.restart_database(h))])
    wait_until(lambda: not any(h.is_running(j) for j in names), 15)


# -- promotion of the streaming replica ------------------------------------------------------

def failover(h):
    from faultlib.cluster import Cluster
    h.topology.add_member("rep", address=SUBNET + ".2")
    replica = Cluster(h.topology, "rep", h.workdir, "replica", h.primary.timezone)
    replica.init_replica_of(h.primary)
    replica.start()
    h.replica = replica
    multi = "postgresql://postgres@%s,%s/cron?target_session_attrs=read-write&connect_timeout=3" \
        % (h.primary.tcp_host(), replica.tcp_host())
    # The form the current runner takes (one port for both hosts; issue 11, point 12).
    fallback = ("postgresql://postgres@/cron?host=%s,%s"
                "&target_session_attrs=read-write&connect_timeout=3"
                % (h.primary.address, replica.address))
    t = h.tickfile
    names = ["fo_a", "fo_b"]
    jobs = {name: tick_command(t, name, 2) for name in names}
    jobs["fo_long"] = tick_command(t, "fo_long", 40)
    probe = h.add_runner("r1", jobs, url=multi).start()
    refused = wait_until(lambda: not probe.alive(), 3)
    check_event(h, "multi-host URL accepted", not refused,
                "exit %s" % probe.exited_with() if refused else "running", "running (G7)")
    if refused:
        log("multi-host URL refused:\n%s" % probe.log_tail(4))
        h.events.emit("runner_stop", runner="r1", how="exited")
        h.url_override = fallback
        probe.url = fallback
        probe.start()
    probe.wait_registered()
    h.add_job("fo_long")
    h.wait_run_started("fo_long", "r1")
    h.add_runner("r2", jobs, url=h.url_override or multi).start().wait_registered()
    for job in names:
        h.add_job(job)

    def promote():
        fault = nemesis.Fault(h, "failover", "*", lambda: None)
        h.primary.stop("immediate")
        replica.promote()
        h.primary = replica  # the harness, its observer and cronctl follow the new primary
        fault.heal()

    run_now_load(h, names, 18, [(5, promote)])
    wait_until(lambda: not any(h.is_running(j) for j in names), 15)


# -- faults_nemesis: random faults in sequence over three runners and six jobs ---------------

def nemesis_run(h, seconds=300, seed=None):
    seed = seed if seed is not None else int(time.time())
    rng = random.Random(seed)
    h.events.emit("note", seed=seed)
    log("nemesis: %d s, seed %d (FAULTS_SEED to repeat)" % (seconds, seed))
    t = h.tickfile
    jobs = {"n_min3": tick_command(t, "n_min3", 3),
            "n_min8": tick_command(t, "n_min8", 8),
            "n_min15": tick_command(t, "n_min15", 15, pipeline=True),
            "n_min40": tick_command(t, "n_min40", 40, variant="fork"),
            "n_now5": tick_command(t, "n_now5", 5),
            "n_now20": tick_command(t, "n_now20", 20, pipeline=True)}
    names = ["r1", "r2", "r3"]
    for name in names:
        h.add_runner(name, jobs).start().wait_registered()
    for job in ("n_min3", "n_min8", "n_min15", "n_min40"):
        h.add_job(job, cron="* * * * *")
    for job in ("n_now5", "n_now20"):
        h.add_job(job)
    faults = ["partition_drop", "partition_link_down", "stall_backend", "pause_runner",
              "kill9", "reset", "run_now", "pg_restart"]
    started = time.monotonic()
    while time.monotonic() - started < seconds - 20:
        time.sleep(rng.uniform(3, 7))
        for job in ("n_now5", "n_now20"):
            if rng.random() < 0.5 and not h.is_running(job):
                h.run_now(job)
        kind = rng.choice(faults)
        holders = [n for n in names if h.runners[n].alive()
                   and h.query("SELECT 1 FROM cron_jobs WHERE lease_owner = %s", (n,))]
        target = rng.choice(holders or [n for n in names if h.runners[n].alive()])
        if kind in ("partition_drop", "partition_link_down", "stall_backend", "pause_runner"):
            fault = getattr(nemesis, {"partition_drop": "partition_drop",
                                      "partition_link_down": "partition_link_down",
                                      "stall_backend": "stall_backend",
                                      "pause_runner": "pause_runner"}[kind])(h, target)
            time.sleep(rng.uniform(12, 18))
            fault.heal()
        elif kind == "kill9":
            nemesis.kill9_runner(h, target)
            time.sleep(rng.uniform(3, 6))
            h.runners[target].start().wait_registered()
        elif kind == "reset":
            running = [j for j in jobs if h.is_running(j)]
            if running:
                h.reset(rng.choice(running))
        elif kind == "run_now":
            h.run_now(rng.choice(list(jobs)))
        elif kind == "pg_restart":
            nemesis.restart_database(h)
    # The last 20 s without faults: what the last fault left is served and recorded.
    time.sleep(max(0, seconds - (time.monotonic() - started)))


SCENARIOS = {"partition": partition, "stall": stall, "pause": pause, "kill9_tree": kill9_tree,
             "reset": reset, "timezones": timezones, "output": output, "restart": restart,
             "failover": failover, "nemesis": nemesis_run}
