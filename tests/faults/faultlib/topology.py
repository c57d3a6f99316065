"""Network namespaces joined by veth pairs to a bridge, and the cleanup that removes them.

Every name carries the harness pid (`cf<pid>...`), so parallel runs never collide and a later
run can remove what a killed run left behind. Addresses are in 10.251.0.0/24 and exist only
inside the namespaces made here.
"""
import atexit
import os
import shutil
import signal
import subprocess
import sys

PREFIX = "cf"
TMP_PREFIX = "/tmp/cronfaults-"
SUBNET = "10.251.0"

_cleanups = []
_cleaning = False


def log(message):
    print("[faults %s] %s" % (_stamp(), message), flush=True)


def _stamp():
    import time
    return time.strftime("%H:%M:%S", time.gmtime()) + ".%03d" % (int(time.time() * 1000) % 1000)


def run(argv, check=True, quiet=False, **kwargs):
    """Runs a command; a failure raises with its output so the cause is in the test log."""
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          **kwargs)
    if check and done.returncode != 0:
        raise RuntimeError("command failed (exit %d): %s\n%s"
                           % (done.returncode, " ".join(argv), done.stdout.strip()))
    if not quiet and done.returncode != 0:
        log("(exit %d) %s: %s" % (done.returncode, " ".join(argv), done.stdout.strip()))
    return done


def on_cleanup(function):
    """Registers a cleanup step; they run in reverse order on every exit path."""
    _cleanups.append(function)


def cleanup_all():
    global _cleaning
    if _cleaning:
        return
    _cleaning = True
    while _cleanups:
        function = _cleanups.pop()
        try:
            function()
        except Exception as error:  # keep removing the rest
            print("[faults] cleanup step failed: %s" % error, file=sys.stderr, flush=True)


def _on_signal(number, _frame):
    raise SystemExit("stopped by signal %d" % number)


def install_exit_handlers():
    atexit.register(cleanup_all)
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM):
        signal.signal(number, _on_signal)


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _netns_list():
    done = run(["ip", "netns", "list"], check=False, quiet=True)
    return [line.split()[0] for line in done.stdout.splitlines() if line.strip()]


def _owner_pid(name, prefix):
    rest = name[len(prefix):]
    digits = ""
    for char in rest:
        if not char.isdigit():
            break
        digits += char
    return int(digits) if digits else None


def kill_pids(pids, sig=signal.SIGKILL):
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


def pids_with_text(text):
    """Pids whose command line contains text (our unique temp dir): our own processes only."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as handle:
                if text.encode() in handle.read():
                    found.append(int(entry))
        except OSError:
            pass
    return found


def remove_leftovers():
    """Removes namespaces, processes and temp dirs of harness runs whose pid is dead."""
    for name in _netns_list():
        if not name.startswith(PREFIX):
            continue
        pid = _owner_pid(name, PREFIX)
        if pid is None or pid_alive(pid):
            continue
        log("removing leftover namespace %s of dead harness pid %d" % (name, pid))
        pids = [int(p) for p in run(["ip", "netns", "pids", name], check=False,
                                    quiet=True).stdout.split()]
        kill_pids(pids)
        run(["ip", "netns", "del", name], check=False)
    for entry in os.listdir("/tmp"):
        path = "/tmp/" + entry
        if not path.startswith(TMP_PREFIX):
            continue
        pid = _owner_pid(path, TMP_PREFIX)
        if pid is None or pid_alive(pid):
            continue
        log("removing leftover %s of dead harness pid %d" % (path, pid))
        kill_pids(pids_with_text(path))
        shutil.rmtree(path, ignore_errors=True)


class Topology:
    """A namespace `db` with a bridge holding the server's address, and member namespaces
    (runners, a replica) each joined to the bridge by a veth pair."""

    def __init__(self):
        self.tag = "%s%d" % (PREFIX, os.getpid())
        self.namespaces = {}  # short name -> netns name
        self.addresses = {}   # short name -> address
        self._next_host = 10
        self.db = self._add_namespace("db")
        run(["ip", "-n", self.db, "link", "add", "br0", "type", "bridge"])
        run(["ip", "-n", self.db, "addr", "add", SUBNET + ".1/24", "dev", "br0"])
        run(["ip", "-n", self.db, "link", "set", "br0", "up"])
        self.addresses["db"] = SUBNET + ".1"

    def _add_namespace(self, short):
        name = self.tag + short
        run(["ip", "netns", "add", name])
        on_cleanup(lambda: self._remove_namespace(name))
        run(["ip", "-n", name, "link", "set", "lo", "up"])
        self.namespaces[short] = name
        return name

    @staticmethod
    def _remove_namespace(name):
        pids = [int(p) for p in run(["ip", "netns", "pids", name], check=False,
                                    quiet=True).stdout.split()]
        kill_pids(pids)
        run(["ip", "netns", "del", name], check=False)

    def add_member(self, short, address=None):
        """A namespace joined to the bridge; returns its address."""
        name = self._add_namespace(short)
        if address is None:
            address = "%s.%d" % (SUBNET, self._next_host)
            self._next_host += 1
        outside = "%sh%s" % (self.tag, short)[-15:]
        inside = "%sm%s" % (self.tag, short)[-15:]
        run(["ip", "link", "add", outside, "type", "veth", "peer", "name", inside])
        run(["ip", "link", "set", outside, "netns", self.db])
        run(["ip", "link", "set", inside, "netns", name])
        run(["ip", "-n", self.db, "link", "set", outside, "master", "br0"])
        run(["ip", "-n", self.db, "link", "set", outside, "up"])
        run(["ip", "-n", name, "link", "set", inside, "name", "eth0"])
        run(["ip", "-n", name, "addr", "add", address + "/24", "dev", "eth0"])
        run(["ip", "-n", name, "link", "set", "eth0", "up"])
        self.namespaces[short] = name
        self.addresses[short] = address
        return address

    def exec_prefix(self, short):
        return ["ip", "netns", "exec", self.namespaces[short]]
