#!/usr/bin/python3
"""Runs one fault scenario of issue 11 against real `cronctl scheduler` runners and checks it.

  run_faults.py --cronctl build/app/cronctl/cronctl SCENARIO [--keep] [--seconds N]

Needs root (network namespaces, iptables), PostgreSQL 15 server binaries, iproute2, iptables
and python3-psycopg2 (installer/build-deps.sh). Without them it FAILS, never skips. It makes
its own topology and removes it on every exit path; names carry this process's pid, and what
a dead earlier run left behind is removed first. Exit 0 when every target holds, 1 otherwise.
"""
import argparse
import os
import shutil
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

SERVER_ZONES = {"timezones": "Europe/Berlin"}  # a server zone with DST


def preflight(cronctl):
    problems = []
    if os.geteuid() != 0:
        problems.append("must run as root (it creates network namespaces and iptables rules)")
    for path in ("/usr/lib/postgresql/15/bin/initdb", "/usr/lib/postgresql/15/bin/pg_ctl",
                 "/usr/lib/postgresql/15/bin/pg_basebackup"):
        if not os.access(path, os.X_OK):
            problems.append("PostgreSQL 15 server binary missing: %s (apt-get install "
                            "postgresql-15)" % path)
    for tool in ("ip", "iptables", "runuser"):
        if shutil.which(tool) is None:
            problems.append("%s not found (iproute2, iptables, util-linux)" % tool)
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        problems.append("python3-psycopg2 missing for %s" % sys.executable)
    if not os.access(cronctl, os.X_OK):
        problems.append("cronctl not executable: %s" % cronctl)
    try:
        import pwd
        pwd.getpwnam("postgres")
    except KeyError:
        problems.append("no postgres user (the PostgreSQL server package makes it)")
    return problems


def main():
    from scenarios import SCENARIOS
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--cronctl", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, ticks)")
    parser.add_argument("--seconds", type=int,
                        default=int(os.environ.get("FAULTS_NEMESIS_SECONDS", "300")),
                        help="faults_nemesis: how long (at least 300 for the issue's target)")
    parser.add_argument("--deadline", type=int, default=0,
                        help="stop and clean up after this many seconds (0: none)")
    args = parser.parse_args()

    problems = preflight(args.cronctl)
    if problems:
        print("FAIL: the fault harness cannot run here:\n  " + "\n  ".join(problems),
              file=sys.stderr)
        return 1

    from checker import check, print_report
    from faultlib import topology
    from faultlib.harness import Harness

    topology.install_exit_handlers()
    if args.deadline:
        signal.alarm(args.deadline)
    topology.remove_leftovers()
    began = time.time()
    h = Harness(os.path.abspath(args.cronctl), SERVER_ZONES.get(args.scenario, "UTC"),
                keep=args.keep)
    topology.log("scenario %s in %s" % (args.scenario, h.workdir))
    h.start_database()
    h.start_observer()
    function = SCENARIOS[args.scenario]
    try:
        if args.scenario == "nemesis":
            seed = os.environ.get("FAULTS_SEED")
            function(h, args.seconds, int(seed) if seed else None)
        else:
            function(h)
    finally:
        h.events.emit("window_end")
        for runner in h.runners.values():
            for fault_cont in (signal.SIGCONT,):
                if runner.alive():
                    os.kill(runner.pid, fault_cont)
        h.stop_all_runners()
        time.sleep(0.5)  # let the observer see the last claims
        if h.observer:
            h.observer.stop()
        for name, runner in h.runners.items():
            topology.log("runner %s log tail:\n%s" % (name, runner.log_tail(6)))

    report = check(h.tickfile, h.dsn(), h.events.path)
    print_report(report, title="faults_%s (%.0f s)" % (args.scenario, time.time() - began))
    if args.keep:
        topology.log("kept %s" % h.workdir)
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
