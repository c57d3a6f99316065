#!/usr/bin/python3
"""The checker's figures on made-up tick files, history rows and events (no server needed)."""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import checker  # noqa: E402


class Case:
    def __init__(self, directory):
        self.ticks = os.path.join(directory, "ticks.log")
        self.events = os.path.join(directory, "events.jsonl")
        self.lines = []
        self.records = []

    def run(self, job, run_id, pid, start, end, runner="r1", token=None, exited=True):
        self.lines.append("%s %s %d %.3f start runner=%s token=%s" % (
            job, run_id, pid, start, runner, token or "-"))
        at = start
        while at < end:
            at = min(end, at + 0.2)
            self.lines.append("%s %s %d %.3f" % (job, run_id, pid, at))
        if exited:
            self.lines.append("%s %s %d %.3f end how=exit" % (job, run_id, pid, end))

    def event(self, kind, t, **fields):
        self.records.append(dict(fields, type=kind, t=t))

    def check(self, rows, definitions=None, now=None):
        with open(self.ticks, "w") as handle:
            handle.write("\n".join(self.lines) + "\n")
        with open(self.events, "w") as handle:
            for record in self.records:
                handle.write(json.dumps(record) + "\n")
        return checker.check(self.ticks, None, self.events, 10, now=now,
                             definitions=definitions or {}, rows=rows)


def row(job, token):
    return {"id": 0, "acao": "cron_job_success", "job": job, "token": str(token),
            "runner": "r1", "status": "success", "duration": "1"}


class TestChecker(unittest.TestCase):
    def case(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        return Case(directory.name)

    def test_clean_runs_pass(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["a"], lease=10)
        case.event("job_added", 1, job="a")
        case.run("a", "1", 100, 10.0, 15.0, token=1)
        case.run("a", "2", 101, 20.0, 25.0, token=2)
        report = case.check([row("a", 1), row("a", 2)], now=40)
        self.assertTrue(report["pass"], report["verdicts"])
        self.assertEqual(report["totals"]["overlap"], 0)

    def test_overlap_unrecorded_and_doubled(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["a"], lease=10)
        case.event("runner_start", 0, runner="r2", jobs=["a"], lease=10)
        case.run("a", "1", 100, 10.0, 30.0, token=1)
        case.run("a", "2", 101, 22.5, 40.0, runner="r2", token=2)
        case.run("a", "3", 102, 41.0, 42.0, token=3)
        report = case.check([row("a", 2), row("a", 3), row("a", 3)], now=60)
        self.assertFalse(report["pass"])
        self.assertAlmostEqual(report["jobs"]["a"]["overlap"], 7.5, places=3)
        self.assertEqual(report["jobs"]["a"]["unrecorded"], 1)
        self.assertEqual(report["jobs"]["a"]["doubled"], 1)

    def test_missed_slot_with_a_healthy_runner_and_lateness(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["m"], lease=10)
        case.event("job_added", 5, job="m")
        case.run("m", "1", 100, 60.3, 63.0, token=1)    # slot 60, on time
        case.run("m", "2", 101, 135.0, 138.0, token=2)  # slot 120, 15 s late
        # slot 180: nothing
        definitions = {"m": {"cron": "* * * * *", "hours": 12, "token": 2}}
        report = case.check([row("m", 1), row("m", 2)], definitions, now=250)
        figures = report["jobs"]["m"]
        self.assertEqual(figures["missed"], 1)
        self.assertAlmostEqual(figures["lateness"], 15.0, places=3)
        self.assertFalse(report["pass"])

    def test_slot_without_a_healthy_runner_is_not_missed(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["m"], lease=10)
        case.event("job_added", 5, job="m")
        case.event("fault_start", 55, id=1, fault="partition_drop", runner="r1", held=[])
        case.event("fault_end", 80, id=1, fault="partition_drop", runner="r1", held=[])
        definitions = {"m": {"cron": "* * * * *", "hours": 12, "token": 0}}
        report = case.check([], definitions, now=100)
        self.assertEqual(report["jobs"]["m"]["missed"], 0)

    def test_interrupted_run_needs_a_takeover(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["k"], lease=10)
        case.event("runner_start", 0, runner="r2", jobs=["k"], lease=10)
        case.run("k", "1", 100, 10.0, 20.0, token=1, exited=False)
        report = case.check([row("k", 1)], now=60)
        self.assertEqual(report["jobs"]["k"]["missed"], 1)
        case.run("k", "2", 101, 26.0, 30.0, runner="r2", token=2)
        report = case.check([row("k", 1), row("k", 2)], now=60)
        self.assertEqual(report["jobs"]["k"]["missed"], 0)
        self.assertAlmostEqual(report["jobs"]["k"]["lateness"], 6.0, places=3)

    def test_partition_margin(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["p"], lease=10)
        case.run("p", "7", 100, 10.0, 22.0, token=1, exited=False)
        case.event("fault_start", 12, id=1, fault="partition_drop", runner="r1",
                   held=[{"job": "p", "token": 1, "run": "7"}])
        case.event("fault_end", 30, id=1, fault="partition_drop", runner="r1",
                   held=[{"job": "p", "token": 1, "run": "7", "lease_expires": 21.0}])
        report = case.check([row("p", 1)], now=40)
        self.assertEqual(len(report["margins"]), 1)
        self.assertAlmostEqual(report["margins"][0][0], -1.0, places=3)
        self.assertIn(("partition margin", False, "-1.000 s", ">= 1.0 s before expiry"),
                      report["verdicts"])

    def test_tokens_from_observed_claims(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["c"], lease=10)
        case.event("claim", 9.9, job="c", token=4, owner="r1", seen=9.9)
        case.run("c", "555", 555, 10.0, 12.0)
        report = case.check([row("c", 4)], now=40)
        self.assertEqual(report["jobs"]["c"]["unrecorded"], 0)
        self.assertEqual(report["jobs"]["c"]["unmatched"], 0)

    def test_a_claim_too_quick_to_see_gets_the_token_between(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["q"], lease=10)
        case.event("runner_start", 0, runner="r2", jobs=["q"], lease=10)
        case.event("claim", 10.1, job="q", token=2, owner="r2", seen=10.1)
        case.run("q", "500", 500, 10.0, 11.0)                # token 1, never seen
        case.run("q", "501", 501, 10.05, 12.0, runner="r2")  # token 2
        report = case.check([row("q", 1), row("q", 2)], {"q": {"cron": None, "token": 2}},
                            now=40)
        self.assertEqual(report["jobs"]["q"]["unmatched"], 0)
        self.assertEqual(report["jobs"]["q"]["unrecorded"], 0)

    def test_a_run_nobody_asked_for(self):
        case = self.case()
        case.event("runner_start", 0, runner="r1", jobs=["u"], lease=10)
        case.event("job_added", 5, job="u")
        case.run("u", "1", 100, 5.2, 6.0, token=1)    # due at once when added
        case.run("u", "2", 101, 30.0, 31.0, token=2)  # nothing asked for it
        report = case.check([row("u", 1), row("u", 2)], now=60)
        self.assertEqual(report["jobs"]["u"]["unasked"], 1)
        self.assertEqual(report["jobs"]["u"]["missed"], 0)


if __name__ == "__main__":
    unittest.main()
