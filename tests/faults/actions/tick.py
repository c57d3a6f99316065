#!/usr/bin/python3
"""The action every fault-harness job runs: it proves it is alive by ticking.

Appends `<job> <run-id> <pid> <epoch.ms> [event key=value...]` to a shared tick file every
200 ms, with `start` and `end` lines. Each line is one O_APPEND write(2) below PIPE_BUF, so
lines from processes in different network namespaces never interleave.

run-id is CRON_CONSOLE_TOKEN when the runner provides it (issue 11, G8), else this process's
pid; forked tickers inherit the run-id of the run they belong to.

Variants (--variant):
  loop      tick for --seconds, then exit 0
  fork      also fork a background ticker and a setsid double-forked daemon ticker that both
            outlive the parent by --linger seconds (a crash or a normal exit leaves them behind)
  nul       print a NUL byte on stdout, then tick
  bigline   print one 1 MB line on stdout, then tick
A pipeline (`sh -c 'tick.py ... | cat'`) is built in the runner's config, not here.
"""
import argparse
import os
import signal
import sys
import time

TICK_SECONDS = 0.2


class Ticker:
    def __init__(self, path, job, run_id, runner):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.job = job
        self.run_id = run_id
        self.runner = runner

    def line(self, event="", **fields):
        parts = [self.job, self.run_id, str(os.getpid()), "%.3f" % time.time()]
        if event:
            parts.append(event)
            # One line of space-separated fields: values never carry whitespace.
            parts.extend("%s=%s" % (k, "_".join(str(v).split()))
                         for k, v in fields.items() if v not in (None, ""))
        os.write(self.fd, (" ".join(parts) + "\n").encode())

    def tick_for(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            self.line()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(TICK_SECONDS, left))


def child_ticker(ticker, seconds, label):
    """Runs in a forked child: ticks under the parent's run-id, then exits without cleanup."""
    try:
        ticker.line("start", role=label, ppid=os.getppid())
        ticker.tick_for(seconds)
        ticker.line("end", role=label)
    finally:
        os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", required=True)
    parser.add_argument("--job", required=True)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--variant", default="loop", choices=["loop", "fork", "nul", "bigline"])
    parser.add_argument("--linger", type=float, default=0.0,
                        help="fork: how much longer the background tickers run than the parent")
    args = parser.parse_args()

    token = os.environ.get("CRON_CONSOLE_TOKEN", "")
    run_id = token or str(os.getpid())
    # The harness's own name for the runner (runner.json env) matches lease_owner.
    runner = os.environ.get("FAULTS_RUNNER") or os.environ.get("CRON_CONSOLE_RUNNER", "")
    ticker = Ticker(args.file, args.job, run_id, runner)

    def on_term(number, _frame):
        ticker.line("end", how="signal%d" % number)
        os._exit(128 + number)

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    ticker.line("start", runner=runner, token=token or "-",
                scheduled=os.environ.get("CRON_CONSOLE_SCHEDULED_AT", ""),
                envjob=os.environ.get("CRON_CONSOLE_JOB", ""),
                envrunner=os.environ.get("CRON_CONSOLE_RUNNER", ""), variant=args.variant)

    if args.variant == "fork":
        if os.fork() == 0:
            child_ticker(ticker, args.seconds + args.linger, "background")
        if os.fork() == 0:
            # Daemonize: a new session, and the grandchild is re-parented to init.
            os.setsid()
            if os.fork() == 0:
                child_ticker(ticker, args.seconds + args.linger, "daemon")
            os._exit(0)
    elif args.variant == "nul":
        sys.stdout.write("before\0after\n")
        sys.stdout.flush()
    elif args.variant == "bigline":
        sys.stdout.write("x" * (1024 * 1024) + "\n")
        sys.stdout.flush()

    ticker.tick_for(args.seconds)
    ticker.line("end", how="exit")
    if args.variant == "loop":
        print('{"ticked_seconds": %s}' % args.seconds)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
