"""The harness's event log (JSON lines) and an observer that records every claim it sees.

The checker reads both: runner lifetimes and fault windows tell it when a healthy runner
existed; observed claims (job, lease token, owner, first seen) let it match runs to history
rows by lease token even when the action does not get CRON_CONSOLE_TOKEN.
"""
import datetime
import json
import threading
import time
import zoneinfo

import psycopg2


class Events:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._handle = open(path, "a")
        self._ids = 0

    def emit(self, kind, **fields):
        record = {"t": round(time.time(), 3), "type": kind}
        record.update(fields)
        with self._lock:
            self._handle.write(json.dumps(record, sort_keys=True) + "\n")
            self._handle.flush()
        return record

    def next_id(self):
        with self._lock:
            self._ids += 1
            return self._ids


def to_epoch(value, zone_name):
    """A lease timestamp as epoch seconds: aware values as they are, naive ones read in the
    time zone of the session that wrote them (the seed's columns are TIMESTAMP)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))
    return value.timestamp()


class ClaimObserver(threading.Thread):
    """Polls cron_jobs every 50 ms; emits `claim` when a (job, token, owner) appears, and keeps
    the last lease expiry seen per owner and job for the partition margin."""

    def __init__(self, harness, interval=0.05):
        super().__init__(daemon=True)
        self.harness = harness
        self.interval = interval
        self._halt = threading.Event()
        self.seen = set()
        self.last_expiry = {}  # (owner, job) -> (epoch, token, seen_at)
        self.lock = threading.Lock()

    def stop(self):
        self._halt.set()
        self.join(5)

    def run(self):
        conn = None
        while not self._halt.is_set():
            try:
                if conn is None:
                    conn = psycopg2.connect(self.harness.dsn() + " application_name=observer")
                    conn.autocommit = True
                with conn.cursor() as cur:
                    cur.execute("SELECT nome, lease_token, lease_owner, lease_expires_at, "
                                "ultimo_status FROM cron_jobs WHERE lease_owner IS NOT NULL")
                    rows = cur.fetchall()
                now = time.time()
                for job, token, owner, expires, _status in rows:
                    key = (job, int(token), owner)
                    zone = self.harness.runner_zone(owner)
                    epoch = to_epoch(expires, zone)
                    with self.lock:
                        if epoch is not None:
                            self.last_expiry[(owner, job)] = (epoch, int(token), now)
                        if key not in self.seen:
                            self.seen.add(key)
                            self.harness.events.emit("claim", job=job, token=int(token),
                                                     owner=owner, seen=round(now, 3))
            except psycopg2.Error:
                # The server may be restarting or failing over: try again next round.
                if conn is not None:
                    try:
                        conn.close()
                    except psycopg2.Error:
                        pass
                conn = None
            self._halt.wait(self.interval)
        if conn is not None:
            conn.close()

    def expiry(self, owner, job):
        with self.lock:
            return self.last_expiry.get((owner, job))


__all__ = ["Events", "ClaimObserver", "to_epoch", "datetime"]
