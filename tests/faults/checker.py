#!/usr/bin/python3
"""A checker in the manner of Jepsen's Chronos, for Cron Console runners (issue 11).

Reads a tick file (lines `<job> <run-id> <pid> <epoch> [event k=v...]`, written by every
action, see actions/tick.py), the database (`cron_jobs`, `tenant_logs`) and, when there is one,
the harness's event log (runner lifetimes, faults, run-now and reset requests, observed claims).
Reports, per job and in total:
  overlap     seconds (ms resolution) in which two runs of one job were alive
  missed      demands (cron slots, run-now of an idle job, takeover of an interrupted run) that
              no run served while a healthy runner for the job existed
  recorded    executions not recorded exactly once in tenant_logs (matched by lease token:
              the action's CRON_CONSOLE_TOKEN when present, else the claim the harness saw)
  lateness    the largest start minus due time (slot, run-now, or end of the interrupted run)
  margin      for partitions, stalls and pauses: how long before its lease expired (server
              time, last expiry seen) the faulted runner's action stopped
then PASS/FAIL against the issue's targets. Usable on its own:
  checker.py --ticks ticks.log --dsn 'host=... dbname=cron' [--events events.jsonl] [--lease 10]
"""
import argparse
import collections
import json
import sys
import time

TARGET_MARGIN = 1.0
SLACK = 2.0  # lateness target: lease + 2 s
HEALTHY_SECONDS = 2.0  # a demand counts when a runner was healthy this long after it fell due


class Run:
    def __init__(self, job, run_id):
        self.job = job
        self.run_id = run_id
        self.start = None
        self.end = None
        self.main_pid = None
        self.runner = ""
        self.token = None
        self.scheduled = ""
        self.exited = False  # the main process wrote `end how=exit`
        self.pids = set()

    def add(self, pid, at, event, fields):
        self.pids.add(pid)
        self.start = at if self.start is None else min(self.start, at)
        self.end = at if self.end is None else max(self.end, at)
        if event == "start" and "role" not in fields:
            self.main_pid = pid
            self.runner = fields.get("runner", "")
            token = fields.get("token", "-")
            self.token = None if token in ("", "-") else int(token)
            self.scheduled = fields.get("scheduled", "")
        if event == "end" and fields.get("how") == "exit" and pid == self.main_pid:
            self.exited = True

    def __repr__(self):
        return "%s#%s@%s[%.3f..%.3f]" % (self.job, self.run_id, self.runner or "?", self.start,
                                          self.end)


def read_ticks(path):
    runs = {}
    with open(path, errors="replace") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 4:
                continue
            job, run_id, pid, at = parts[0], parts[1], int(parts[2]), float(parts[3])
            event = parts[4] if len(parts) > 4 else ""
            fields = dict(p.split("=", 1) for p in parts[5:] if "=" in p)
            runs.setdefault((job, run_id), Run(job, run_id)).add(pid, at, event, fields)
    return list(runs.values())


def read_events(path):
    if not path:
        return []
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_database(dsn, jobs):
    import psycopg2
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT nome, cron_expression, intervalo_horas, lease_token "
                        "FROM cron_jobs WHERE nome = ANY(%s)", (list(jobs),))
            definitions = {row[0]: {"cron": row[1], "hours": row[2], "token": row[3]}
                           for row in cur.fetchall()}
            cur.execute("SELECT id, acao, detalhes->>'job', detalhes->>'lease_token', "
                        "detalhes->>'runner', detalhes->>'status', "
                        "detalhes->>'duracao_segundos' FROM tenant_logs "
                        "WHERE detalhes->>'job' = ANY(%s) AND acao NOT LIKE 'cron_admin_%%' "
                        "ORDER BY id", (list(jobs),))
            rows = [dict(zip(("id", "acao", "job", "token", "runner", "status", "duration"),
                             row)) for row in cur.fetchall()]
    finally:
        conn.close()
    return definitions, rows


def overlap_seconds(runs):
    """Time in which two or more of the runs were alive, and the pairs that overlapped."""
    points = sorted([(r.start, 1) for r in runs] + [(r.end, -1) for r in runs],
                    key=lambda p: (p[0], p[1]))
    alive, last, total = 0, None, 0.0
    for at, delta in points:
        if alive >= 2 and last is not None:
            total += at - last
        alive += delta
        last = at
    pairs = []
    ordered = sorted(runs, key=lambda r: r.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.start >= a.end:
                continue
            pairs.append((a, b, min(a.end, b.end) - b.start))
    return total, pairs


class Health:
    """When each runner was healthy: started, not stopped, not partitioned/stalled/paused,
    the database up."""

    def __init__(self, events):
        self.lives = collections.defaultdict(list)  # runner -> [start, stop]
        self.jobs = collections.defaultdict(set)    # runner -> jobs
        self.lease = {}
        self.faults = []                             # (runner or *, start, end)
        open_faults = {}
        for event in events:
            kind = event["type"]
            if kind == "runner_start":
                # [start, stop, seconds it may take to register before it counts as healthy]
                self.lives[event["runner"]].append([event["t"], float("inf"), 2.0])
                self.jobs[event["runner"]].update(event.get("jobs", []))
                for job in event.get("jobs", []):
                    self.lease[job] = max(self.lease.get(job, 0), event.get("lease", 0))
            elif kind == "runner_ready":
                lives = self.lives.get(event["runner"])
                if lives and lives[-1][1] == float("inf"):
                    lives[-1][0], lives[-1][2] = event["t"], 0.0  # healthy once registered
            elif kind == "runner_stop":
                lives = self.lives.get(event["runner"])
                if lives and lives[-1][1] == float("inf"):
                    lives[-1][1] = event["t"]
            elif kind == "fault_start":
                if event.get("instant"):
                    continue
                open_faults[event["id"]] = (event["runner"], event["t"])
            elif kind == "fault_end":
                runner, start = open_faults.pop(event["id"], (event["runner"], event["t"]))
                self.faults.append((runner, start, event["t"]))
        for runner, start in open_faults.values():
            self.faults.append((runner, start, float("inf")))
        self.known = bool(self.lives)

    def healthy_runner(self, job, start, end):
        if not self.known:
            return True
        for runner, lives in self.lives.items():
            if job not in self.jobs[runner]:
                continue
            # A new runner needs a moment to connect and register.
            if not any(a + ready <= start and b >= end for a, b, ready in lives):
                continue
            if any(r in (runner, "*") and s < end and e > start for r, s, e in self.faults):
                continue
            return True
        return False


def cron_minutes(expression):
    """The step in minutes of `* * * * *` or `*/N * * * *`; None for other expressions."""
    if not expression:
        return None
    fields = expression.split()
    if len(fields) != 5 or any(f != "*" for f in fields[1:]):
        return None
    if fields[0] == "*":
        return 1
    if fields[0].startswith("*/") and fields[0][2:].isdigit():
        return int(fields[0][2:])
    return None


def check(ticks, dsn=None, events_path=None, default_lease=10, now=None, definitions=None,
          rows=None):
    runs = read_ticks(ticks)
    events = read_events(events_path)
    health = Health(events)
    jobs = sorted({r.job for r in runs} | {e["job"] for e in events if e["type"] == "job_added"})
    if dsn is not None:
        definitions, rows = read_database(dsn, jobs)
    definitions = definitions or {}
    rows = rows or []
    window_end = now or time.time()
    for event in events:
        if event["type"] == "window_end":
            window_end = event["t"]
    by_job = collections.defaultdict(list)
    for run in runs:
        by_job[run.job].append(run)
    notes = []
    report = {"jobs": {}, "notes": notes}

    # Tokens of runs whose action did not get CRON_CONSOLE_TOKEN: the claim the harness saw.
    claims = [e for e in events if e["type"] == "claim"]
    env_tokens = sum(1 for r in runs if r.token is not None)
    for run in runs:
        if run.token is not None:
            continue
        best = None
        for claim in claims:
            if claim["job"] != run.job or claim["owner"] != run.runner:
                continue
            distance = abs(claim["seen"] - run.start)
            if claim["seen"] - run.start < 3.0 and run.start - claim["seen"] < 3.0 and (
                    best is None or distance < best[0]):
                best = (distance, claim["token"])
        if best is not None:
            run.token = best[1]
    # A claim taken over within one poll was never seen: the token between its neighbours'.
    for job in {r.job for r in runs if r.token is None}:
        job_runs = sorted((r for r in runs if r.job == job), key=lambda r: r.start)
        highest = int((definitions.get(job) or {}).get("token") or 0)
        known = {r.token for r in job_runs if r.token is not None}
        missing = [t for t in range(1, highest + 1) if t not in known]
        for i, run in enumerate(job_runs):
            if run.token is not None:
                continue
            low = max([r.token for r in job_runs[:i] if r.token is not None] or [0])
            high = min([r.token for r in job_runs[i + 1:] if r.token is not None]
                       or [highest + 1])
            candidates = [t for t in missing if low < t < high]
            if len(candidates) == 1:
                run.token = candidates[0]
                missing.remove(candidates[0])
        # Two claims within milliseconds may start in the other order: as many runs as tokens
        # left over match in claim order.
        leftover = [r for r in job_runs if r.token is None]
        if leftover and len(leftover) == len(missing):
            for run, token in zip(leftover, missing):
                run.token = token
    if runs and env_tokens == 0:
        notes.append("actions got no CRON_CONSOLE_TOKEN (G8 not there yet): runs matched to "
                     "history rows by the claims the harness observed")

    resets = [e for e in events if e["type"] == "reset"]
    run_nows = [e for e in events if e["type"] == "run_now"]
    added = {e["job"]: e["t"] for e in events if e["type"] == "job_added"}
    totals = collections.Counter()
    worst_late, worst_late_all = 0.0, 0.0
    details = []
    for job in jobs:
        job_runs = sorted(by_job.get(job, []), key=lambda r: r.start)
        lease = health.lease.get(job, default_lease)
        allowed = lease + SLACK
        figures = {"runs": len(job_runs)}
        total, pairs = overlap_seconds(job_runs)
        figures["overlap"] = round(total, 3)
        for a, b, seconds in pairs:
            details.append("overlap %s: %r and %r alive together for %.3f s"
                           % (job, a, b, seconds))

        # Recorded exactly once, by lease token.
        job_rows = [r for r in rows if r["job"] == job]
        row_tokens = collections.Counter(r["token"] for r in job_rows)
        unrecorded = doubled = unmatched = 0
        run_tokens = set()
        for run in job_runs:
            if run.token is None:
                unmatched += 1
                details.append("unmatched %s: %r: no lease token known" % (job, run))
                continue
            run_tokens.add(str(run.token))
            count = row_tokens.get(str(run.token), 0)
            if count == 0:
                unrecorded += 1
                details.append("unrecorded %s: %r (token %s) has no history row"
                               % (job, run, run.token))
            elif count > 1:
                doubled += 1
                details.append("doubled %s: %r (token %s) has %d history rows"
                               % (job, run, run.token, count))
        orphan_rows = sum(c for t, c in row_tokens.items() if t not in run_tokens)
        if orphan_rows:
            details.append("rows without a run %s: %d (tokens %s)" % (
                job, orphan_rows, sorted(t for t in row_tokens if t not in run_tokens)))
        figures.update(rows=len(job_rows), unrecorded=unrecorded, doubled=doubled,
                       unmatched=unmatched, orphan_rows=orphan_rows)

        # Demands: cron slots, run-now of an idle job, the takeover of an interrupted run.
        demands = []
        step = cron_minutes((definitions.get(job) or {}).get("cron"))
        if step and job in added:
            # A slot counts once the window lasts long enough to see it served.
            slot = (int(added[job] // 60) + 1) * 60.0
            while slot + allowed + 1.0 <= window_end:
                if slot % (step * 60) == 0:
                    demands.append(("slot", slot, min(slot + step * 60, window_end)))
                slot += 60.0
        elif (definitions.get(job) or {}).get("cron") and not step:
            notes.append("%s: cron %r is not checked for missed slots" % (
                job, definitions[job]["cron"]))
        elif job in added:
            demands.append(("added", added[job], added[job] + allowed + 60))  # due at once
        for event in run_nows:
            if event["job"] == job and event.get("exit") == 0:
                # Of a running job: it may run after the current run; never counted missing.
                kind = "run-now (running)" if event.get("running") else "run-now"
                demands.append((kind, event["t"], event["t"] + allowed + 60))
        for run in job_runs:
            if run.exited or run.end > window_end - allowed - 3:
                continue
            if any(e["job"] == job and run.start - 1 <= e["t"] <= run.end + 1 for e in resets):
                continue  # a reset that stopped the run does not ask for another
            demands.append(("takeover", run.end, run.end + allowed + 60, run))
        missed = 0
        asked = set()  # runs that served a demand; the others ran without one
        for demand in demands:
            kind, due, until = demand[0], demand[1], demand[2]
            if kind == "takeover":
                interrupted = demand[3]
                later = [r for r in job_runs if r.start > interrupted.start and r is not
                         interrupted and r.start < until]
                served = later[0] if later else None
                late = max(0.0, served.start - due) if served else None
            else:
                starters = [r for r in job_runs if due - 1.0 <= r.start < until]
                served = starters[0] if starters else None
                alive = [r for r in job_runs if r.start < due - 1.0 and r.end >= due]
                if served is None and any(r.end >= until - 1.0 for r in alive):
                    continue  # coalesced: a run covered the whole slot
                base = max([due] + [r.end for r in alive if served and r.end < served.start])
                late = max(0.0, served.start - base) if served else None
            if served is not None:
                asked.add(id(served))
            if kind == "run-now (running)":
                continue
            # Healthy when it fell due: a fault that begins later still leaves it to be served.
            healthy = health.healthy_runner(job, due, due + HEALTHY_SECONDS)
            if served is None:
                if healthy:
                    missed += 1
                    details.append("missed %s: %s due at %.3f, no run started by %.3f"
                                   % (job, kind, due, until))
                continue
            worst_late_all = max(worst_late_all, late)
            if healthy:
                if late > allowed:
                    details.append("late %s: %s due at %.3f started %.3f s late by %r"
                                   % (job, kind, due, late, served))
                worst_late = max(worst_late, late)
                figures["lateness"] = round(max(figures.get("lateness", 0.0), late), 3)
        figures["missed"] = missed
        # A run started beside another is counted as overlap already.
        unasked = [r for r in job_runs if id(r) not in asked and not any(
            o is not r and o.start <= r.start <= o.end for o in job_runs)]
        figures["unasked"] = len(unasked)
        for run in unasked:
            details.append("unasked %s: %r served no slot, run-now or takeover" % (job, run))
        figures.setdefault("lateness", 0.0)
        figures["lease"] = lease
        for key in ("overlap", "unrecorded", "doubled", "unmatched", "missed", "orphan_rows",
                    "unasked"):
            totals[key] += figures[key]
        totals["runs"] += len(job_runs)
        totals["rows"] += len(job_rows)
        report["jobs"][job] = figures

    # Margins: how long before its lease expired a faulted runner's action stopped.
    margins = []
    runs_by_key = {(r.job, r.run_id): r for r in runs}
    starts = {e["id"]: e for e in events if e["type"] == "fault_start"}
    for event in events:
        if event["type"] != "fault_end" or event["fault"] not in (
                "partition_drop", "partition_link_down", "stall_backend", "pause_runner"):
            continue
        start = starts.get(event["id"], {}).get("t", event["t"])
        for held in event.get("held", []):
            run = runs_by_key.get((held["job"], str(held.get("run"))))
            expires = held.get("lease_expires")
            if run is None or expires is None:
                notes.append("margin of %s on %s (fault %s): not measurable (run %s, expiry %s)"
                             % (held["job"], event["runner"], event["id"], held.get("run"),
                                expires))
                continue
            if event["t"] < expires:
                continue  # healed before the lease could expire: the run may go on
            if run.end < start:
                continue  # finished before the fault
            margin = expires - run.end
            margins.append((margin, event["fault"], event["runner"], held["job"], run))

    extra = [e for e in events if e["type"] == "check"]
    report.update(totals=dict(totals), lateness=round(worst_late, 3),
                  lateness_all=round(worst_late_all, 3), margins=margins, details=details,
                  extra=extra)
    max_lease = max([f["lease"] for f in report["jobs"].values()] or [default_lease])
    verdicts = [
        ("no overlap", totals["overlap"] == 0, "%.3f s" % totals["overlap"], "0 s"),
        ("no missed demand", totals["missed"] == 0, str(totals["missed"]), "0"),
        ("every run recorded once",
         totals["unrecorded"] + totals["doubled"] + totals["unmatched"] == 0,
         "%d unrecorded, %d doubled, %d unmatched" % (totals["unrecorded"], totals["doubled"],
                                                      totals["unmatched"]), "0"),
        ("lateness", all(f["lateness"] <= f["lease"] + SLACK for f in report["jobs"].values()),
         "%.3f s" % worst_late, "<= lease + %.0f s (%.0f s)" % (SLACK, max_lease + SLACK)),
    ]
    if margins:
        worst = min(m[0] for m in margins)
        verdicts.append(("partition margin", worst >= TARGET_MARGIN, "%.3f s" % worst,
                         ">= %.1f s before expiry" % TARGET_MARGIN))
    for event in extra:
        verdicts.append((event["name"], bool(event["pass"]), str(event["value"]),
                         str(event["target"])))
    report["verdicts"] = verdicts
    report["pass"] = all(v[1] for v in verdicts)
    return report


def print_report(report, out=sys.stdout, title="checker"):
    print("== %s ==" % title, file=out)
    header = ("job", "lease", "runs", "rows", "overlap_s", "missed", "unrec", "double",
              "unmatch", "late_s", "unasked")
    print("%-22s %5s %5s %5s %10s %6s %6s %6s %7s %8s %7s" % header, file=out)
    for job, f in report["jobs"].items():
        print("%-22s %5d %5d %5d %10.3f %6d %6d %6d %7d %8.3f %7d" % (
            job[:22], f["lease"], f["runs"], f["rows"], f["overlap"], f["missed"],
            f["unrecorded"], f["doubled"], f["unmatched"], f["lateness"], f["unasked"]),
            file=out)
    t = report["totals"]
    print("%-22s %5s %5d %5d %10.3f %6d %6d %6d %7d %8.3f %7d" % (
        "TOTAL", "", t.get("runs", 0), t.get("rows", 0), t.get("overlap", 0), t.get("missed", 0),
        t.get("unrecorded", 0), t.get("doubled", 0), t.get("unmatched", 0), report["lateness"],
        t.get("unasked", 0)), file=out)
    print("unasked: runs that served no slot, run-now or takeover (a figure, not a target)",
          file=out)
    if report["lateness_all"] != report["lateness"]:
        print("largest lateness including times without a healthy runner: %.3f s"
              % report["lateness_all"], file=out)
    for line in report["details"][:60]:
        print("  " + line, file=out)
    if len(report["details"]) > 60:
        print("  ... %d more" % (len(report["details"]) - 60), file=out)
    for margin, fault, runner, job, run in report["margins"]:
        print("  margin %s on %s (%s): action stopped %.3f s %s its lease expired" % (
            job, runner, fault, abs(margin), "before" if margin >= 0 else "AFTER"), file=out)
    for note in report["notes"]:
        print("note: " + note, file=out)
    for name, ok, value, target in report["verdicts"]:
        print("%s  %-28s %s (target %s)" % ("PASS" if ok else "FAIL", name, value, target),
              file=out)
    print("RESULT: %s" % ("PASS" if report["pass"] else "FAIL"), file=out)
    out.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ticks", required=True)
    parser.add_argument("--dsn", required=True, help="libpq connection string of the database")
    parser.add_argument("--events", help="the harness's event log (JSON lines)")
    parser.add_argument("--lease", type=int, default=10,
                        help="lease seconds when no event log says")
    args = parser.parse_args()
    report = check(args.ticks, args.dsn, args.events, args.lease)
    print_report(report)
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
