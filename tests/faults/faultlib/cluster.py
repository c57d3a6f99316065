"""A PostgreSQL 15 cluster of the harness's own, run as postgres inside a network namespace.

The harness itself talks to it over its Unix socket (in the cluster's temp dir, reachable from
every namespace); runners reach it over TCP on the bridge.
"""
import os
import pwd
import shutil
import time

import psycopg2

from .topology import log, on_cleanup, run

BIN = "/usr/lib/postgresql/15/bin"
PORT = 5432  # each server has a namespace of its own: no port is shared


class Cluster:
    def __init__(self, topology, namespace, workdir, name, timezone="UTC"):
        self.topology = topology
        self.namespace = namespace  # short name in the topology
        self.address = topology.addresses[namespace]
        self.name = name
        self.dir = os.path.join(workdir, name)
        self.data = os.path.join(self.dir, "data")
        self.socket_dir = os.path.join(self.dir, "socket")
        self.logfile = os.path.join(self.dir, "server.log")
        self.timezone = timezone
        postgres = pwd.getpwnam("postgres")
        for path in (self.dir, self.socket_dir):
            os.makedirs(path, exist_ok=True)
            os.chown(path, postgres.pw_uid, postgres.pw_gid)
        on_cleanup(self._remove)

    def _as_postgres(self, argv, check=True):
        return run(self.topology.exec_prefix(self.namespace)
                   + ["runuser", "-u", "postgres", "--"] + argv, check=check)

    def _pg_ctl(self, *args, check=True):
        return self._as_postgres([BIN + "/pg_ctl", "-D", self.data, "-l", self.logfile, "-w",
                                  "-t", "60"] + list(args), check=check)

    def init(self):
        self._as_postgres([BIN + "/initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                           "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"])
        self._configure()

    def init_replica_of(self, primary):
        """A streaming replica made with pg_basebackup -R from the primary, over the bridge."""
        self._as_postgres([BIN + "/pg_basebackup", "-h", primary.address, "-p", str(PORT),
                           "-U", "postgres", "-D", self.data, "-R", "-X", "stream", "-c", "fast",
                           "--no-sync"])
        self._configure()

    def _configure(self):
        with open(os.path.join(self.data, "postgresql.auto.conf"), "a") as conf:
            conf.write("\n# fault harness\n"
                       "listen_addresses = '%s'\nport = %d\nunix_socket_directories = '%s'\n"
                       "fsync = off\nfull_page_writes = off\nwal_level = replica\n"
                       "max_wal_senders = 5\nhot_standby = on\ntimezone = '%s'\n"
                       "log_timezone = 'UTC'\nmax_connections = 100\n"
                       "log_line_prefix = '%%m [%%p] %%h %%a '\n"
                       % (self.address, PORT, self.socket_dir, self.timezone))
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as hba:
            hba.write("local all all trust\n"
                      "host all all 10.251.0.0/24 trust\n"
                      "host replication all 10.251.0.0/24 trust\n")

    def start(self):
        self._pg_ctl("start")
        self.wait_ready()

    def stop(self, mode="fast", check=True):
        self._pg_ctl("stop", "-m", mode, check=check)

    def restart_immediate(self):
        """pg_ctl -m immediate restart: a crash of the server, then crash recovery."""
        self._pg_ctl("restart", "-m", "immediate")
        self.wait_ready()

    def promote(self):
        self._pg_ctl("promote")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if not self.scalar("SELECT pg_is_in_recovery()", database="postgres"):
                    return
            except psycopg2.Error:
                pass
            time.sleep(0.1)
        raise RuntimeError("%s: still in recovery 30 s after promotion" % self.name)

    def wait_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.connect("postgres").close()
                return
            except psycopg2.Error as error:
                if time.monotonic() > deadline:
                    raise RuntimeError("%s not ready after %d s: %s" % (self.name, timeout, error))
                time.sleep(0.1)

    def _remove(self):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            self._pg_ctl("stop", "-m", "immediate", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def dsn(self, database="cron"):
        return "host=%s port=%d user=postgres dbname=%s connect_timeout=5" % (
            self.socket_dir, PORT, database)

    def connect(self, database="cron"):
        conn = psycopg2.connect(self.dsn(database))
        conn.autocommit = True
        return conn

    def admin_url(self, database="cron"):
        """The libpq URL cronctl gets from the harness (root namespace, Unix socket)."""
        return "postgresql://postgres@/%s?host=%s&port=%d" % (database, self.socket_dir, PORT)

    def tcp_host(self):
        return "%s:%d" % (self.address, PORT)

    def create_database(self, name="cron"):
        self.execute("CREATE DATABASE %s" % name, database="postgres")  # our fixed identifier

    def backend_pids(self, client_addr):
        """Server processes serving connections from one runner's address."""
        return self.execute("SELECT pid, application_name FROM pg_stat_activity "
                            "WHERE client_addr = %s::inet", (client_addr,), database="postgres")

    def execute(self, sql, params=None, database="cron"):
        """One statement in autocommit (psycopg2's `with conn` would open a transaction)."""
        conn = self.connect(database)
        try:
            cur = conn.cursor()
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def scalar(self, sql, params=None, database="cron"):
        rows = self.execute(sql, params, database)
        return rows[0][0] if rows else None


def log_tail(path, lines=20):
    try:
        with open(path, errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""


__all__ = ["Cluster", "log", "log_tail"]
