// cron-console-guard: runs one job's command as a process tree that can always be stopped.
//
// The runner starts one guard per command action. The guard starts the command in a new session
// and is a child subreaper, so every process the command starts (a pipeline, a program that
// forks, a daemon that double-forks) stays its descendant. It kills the whole tree
//   - at its deadline (the runner's lease, measured on CLOCK_BOOTTIME), even while the runner is
//     paused, hung inside a database call or cut off from the server;
//   - at once when its control channel (standard input) closes: the runner died (kill -9);
//   - when the main program has exited, whatever it left running in the background.
// Standard input carries lines from the runner:
//   "deadline <ms>"  the new hard deadline, CLOCK_BOOTTIME in milliseconds
//   "stop <ms>"      SIGTERM the tree now, SIGKILL whatever is left after <ms>
//   "kill"           SIGKILL the tree now
// On exit the guard writes the outcome to the --report file (key=value lines) and exits 0; the
// runner reads it, so the recorded duration is the program's own even if the runner was paused.
//
// Usage: cron-console-guard --deadline MS --term-before MS --report FILE -- PROGRAM [ARG...]
// Plain C++ and POSIX only: it starts for every command run, so it stays small and quick.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

constexpr long long never = -1;
constexpr long long leftoverGraceMs = 1000; // background leftovers get this long after SIGTERM
constexpr long long killRetryMs = 100; // stragglers (just forked, or in D state) are re-killed

long long bootMs()
{
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1'000'000;
}

[[noreturn]] void usage(const char *message)
{
    std::fprintf(stderr,
        "cron-console-guard: %s\nusage: cron-console-guard --deadline MS --term-before MS "
        "--report FILE -- PROGRAM [ARG...]\n",
        message);
    std::exit(125);
}

long long number(const char *text)
{
    char *end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0')
        usage("not a number");
    return value;
}

// Every live descendant of this process, found through the parent links in /proc.
std::vector<pid_t> descendants()
{
    std::unordered_map<pid_t, std::vector<pid_t>> children;
    if (DIR *proc = opendir("/proc")) {
        while (dirent *entry = readdir(proc)) {
            char *end = nullptr;
            const long pid = std::strtol(entry->d_name, &end, 10);
            if (pid <= 0 || *end != '\0')
                continue;
            char path[64];
            std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
            const int fd = open(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            char buffer[512];
            const ssize_t n = read(fd, buffer, sizeof buffer - 1);
            close(fd);
            if (n <= 0)
                continue;
            buffer[n] = '\0';
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses; the last ')' ends
            // it.
            const char *close = std::strrchr(buffer, ')');
            char state = 0;
            long ppid = 0;
            if (!close || std::sscanf(close + 1, " %c %ld", &state, &ppid) != 2)
                continue;
            if (state != 'Z' && state != 'X')
                children[pid_t(ppid)].push_back(pid_t(pid));
        }
        closedir(proc);
    }
    std::vector<pid_t> found;
    std::vector<pid_t> queue{getpid()};
    while (!queue.empty()) {
        const pid_t parent = queue.back();
        queue.pop_back();
        if (const auto it = children.find(parent); it != children.end()) {
            for (const pid_t child : it->second) {
                found.push_back(child);
                queue.push_back(child);
            }
        }
    }
    return found;
}

// SIGKILL without races against fork: stop every descendant until no new one appears, then kill
// them all. A process forked meanwhile is either stopped in a later pass or, orphaned, becomes
// our child and is found by the next call.
void killTree()
{
    std::unordered_set<pid_t> stopped;
    for (int pass = 0; pass < 50; ++pass) {
        bool fresh = false;
        for (const pid_t pid : descendants()) {
            if (stopped.insert(pid).second) {
                kill(pid, SIGSTOP);
                fresh = true;
            }
        }
        if (!fresh)
            break;
    }
    for (const pid_t pid : stopped)
        kill(pid, SIGKILL);
}

void signalTree(int signal)
{
    for (const pid_t pid : descendants())
        kill(pid, signal);
}

struct Outcome {
    int code = -1;
    int signal = 0;
    long long durationMs = 0;
    const char *reason = "exited";
    int leftovers = 0;
};

void writeReport(const char *path, const Outcome &outcome)
{
    char text[256];
    const int n = std::snprintf(text, sizeof text,
        "code=%d\nsignal=%d\nduration_ms=%lld\nreason=%s\nleftovers=%d\n", outcome.code,
        outcome.signal, outcome.durationMs, outcome.reason, outcome.leftovers);
    const std::string temporary = std::string(path) + ".tmp";
    const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    const bool written = write(fd, text, size_t(n)) == n;
    close(fd);
    if (written)
        rename(temporary.c_str(), path);
}

} // namespace

int main(int argc, char **argv)
{
    long long deadline = never;
    long long termBefore = 0;
    const char *reportPath = nullptr;
    int first = -1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) {
            first = i + 1;
            break;
        }
        if (i + 1 >= argc)
            usage("missing value");
        if (std::strcmp(argv[i], "--deadline") == 0)
            deadline = number(argv[++i]);
        else if (std::strcmp(argv[i], "--term-before") == 0)
            termBefore = number(argv[++i]);
        else if (std::strcmp(argv[i], "--report") == 0)
            reportPath = argv[++i];
        else
            usage("unknown option");
    }
    if (first < 0 || first >= argc || !reportPath)
        usage("missing program or report file");

    // Orphaned descendants are reparented to us, not to init: the whole tree stays reachable.
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    sigset_t handled;
    sigemptyset(&handled);
    for (const int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP})
        sigaddset(&handled, s);
    sigprocmask(SIG_BLOCK, &handled, nullptr);
    signal(SIGPIPE, SIG_IGN);
    const int signals = signalfd(-1, &handled, SFD_CLOEXEC | SFD_NONBLOCK);
    if (signals < 0)
        usage("signalfd failed");

    const long long startedAt = bootMs();
    const pid_t guard = getpid();
    const pid_t main = fork();
    if (main < 0) {
        std::fprintf(stderr, "cron-console-guard: cannot fork: %s\n", std::strerror(errno));
        return 125;
    }
    if (main == 0) {
        // The program's own session and process group; it dies with the guard at the latest.
        setsid();
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != guard)
            _exit(127);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        signal(SIGPIPE, SIG_DFL);
        const int null = open("/dev/null", O_RDONLY);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            close(null);
        }
        execvp(argv[first], argv + first);
        std::fprintf(stderr, "cannot start %s: %s\n", argv[first], std::strerror(errno));
        _exit(127);
    }

    Outcome outcome;
    bool mainAlive = true;
    bool killing = false; // SIGKILL sent to the tree; only reaping is left
    bool termSent = false;
    long long killAt = never; // after a stop request or for leftovers
    long long nextKillRetry = never;
    bool controlOpen = true;
    std::string pending;

    const auto startKilling = [&](const char *reason) {
        if (mainAlive && std::strcmp(outcome.reason, "exited") == 0)
            outcome.reason = reason;
        killing = true;
        killTree();
        nextKillRetry = bootMs() + killRetryMs;
    };

    for (;;) {
        // Reap everything that ended; the main program's status is the outcome.
        for (;;) {
            int status = 0;
            const pid_t pid = waitpid(-1, &status, WNOHANG);
            if (pid <= 0) {
                if (pid < 0 && errno == ECHILD && !mainAlive) {
                    writeReport(reportPath, outcome);
                    return 0;
                }
                break;
            }
            if (pid == main) {
                mainAlive = false;
                outcome.durationMs = bootMs() - startedAt;
                if (WIFEXITED(status))
                    outcome.code = WEXITSTATUS(status);
                else if (WIFSIGNALED(status))
                    outcome.signal = WTERMSIG(status);
                if (!killing) {
                    // Whatever it left behind goes with it: SIGTERM now, SIGKILL after a grace.
                    const std::vector<pid_t> left = descendants();
                    outcome.leftovers = int(left.size());
                    for (const pid_t p : left)
                        kill(p, SIGTERM);
                    const long long at = bootMs() + leftoverGraceMs;
                    killAt = killAt == never ? at : std::min(killAt, at);
                }
            }
        }

        const long long now = bootMs();
        if (!killing && deadline != never && now >= deadline)
            startKilling("deadline");
        if (!killing && killAt != never && now >= killAt)
            startKilling("stopped");
        if (!killing && !termSent && deadline != never && now >= deadline - termBefore) {
            termSent = true;
            if (mainAlive && std::strcmp(outcome.reason, "exited") == 0)
                outcome.reason = "deadline"; // whatever ends it now, the deadline did
            signalTree(SIGTERM);
        }
        if (killing && now >= nextKillRetry) {
            killTree();
            nextKillRetry = now + killRetryMs;
        }

        long long wakeAt = never;
        const auto earliest = [&wakeAt](long long at) {
            if (at != never && (wakeAt == never || at < wakeAt))
                wakeAt = at;
        };
        if (killing) {
            earliest(nextKillRetry);
        } else {
            earliest(deadline);
            earliest(killAt);
            if (!termSent && deadline != never)
                earliest(deadline - termBefore);
        }
        const int timeout = wakeAt == never ? -1 : int(std::max(0LL, wakeAt - now) + 1);

        pollfd fds[2] = {{signals, POLLIN, 0}, {STDIN_FILENO, short(controlOpen ? POLLIN : 0), 0}};
        const int ready = poll(fds, controlOpen ? 2 : 1, timeout);
        if (ready < 0 && errno != EINTR)
            startKilling("killed");
        if (fds[0].revents & POLLIN) {
            signalfd_siginfo info{};
            while (read(signals, &info, sizeof info) == ssize_t(sizeof info)) {
                if (info.ssi_signo != SIGCHLD && !killing)
                    signalTree(SIGTERM); // stopped by the service manager: pass it on
            }
        }
        if (controlOpen && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            char buffer[512];
            const ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0) {
                // The runner is gone (or closed the channel): nobody can renew the lease.
                controlOpen = false;
                if (!killing)
                    startKilling("runner-gone");
            } else {
                pending.append(buffer, size_t(n));
                std::size_t end;
                while ((end = pending.find('\n')) != std::string::npos) {
                    const std::string line = pending.substr(0, end);
                    pending.erase(0, end + 1);
                    long long value = 0;
                    if (std::sscanf(line.c_str(), "deadline %lld", &value) == 1) {
                        deadline = value;
                        termSent = false;
                    } else if (std::sscanf(line.c_str(), "stop %lld", &value) == 1) {
                        if (!killing) {
                            signalTree(SIGTERM);
                            killAt = bootMs() + value;
                            if (std::strcmp(outcome.reason, "exited") == 0 && mainAlive)
                                outcome.reason = "stopped";
                        }
                    } else if (line == "kill") {
                        if (!killing)
                            startKilling("killed");
                    }
                }
            }
        }
    }
}
