"""One writer per archive: a second `news-archive load` on the same file refuses instead of interleaving.

SQLite would let two loads take turns file by file, but each decides what to extract before its
write transaction begins, so they would race on what is stored. An advisory lock on a file beside
the archive (`archive.db-lock`) makes the second one stop at once with a clear message. The kernel
drops the lock when its holder exits, however it exits (even SIGKILL), so no stale lock survives.
Readers (Datasette) never take it: WAL lets them read while a load writes. `news-archive serve` asks
whether a load holds it (`load_running`) by reading the kernel's lock table, never by taking the lock, so
a load that starts at that instant is not refused.
"""
import contextlib
import os

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; concurrent loads are then the user's care
    fcntl = None

LOCK_SUFFIX = "-lock"
PROC_LOCKS = "/proc/locks"  # Linux: every flock held, as "N: FLOCK ADVISORY WRITE pid major:minor:inode 0 EOF"


class ArchiveBusy(Exception):
    """Another process is loading into the same archive."""


def lock_path(db_path: str) -> str:
    """Beside the real file, so every name of one archive (a symlink, `./archive.db`) shares one lock."""
    return os.path.realpath(db_path) + LOCK_SUFFIX


@contextlib.contextmanager
def exclusive_writer(db_path: str):
    """Hold the archive's writer lock for the duration of the block; raise ArchiveBusy if taken."""
    if fcntl is None:
        yield
        return
    with open(lock_path(db_path), "a+", encoding="ascii") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise ArchiveBusy(f"another `news-archive load` (pid {holder}) is writing to {db_path}; "
                              "run this one when it has finished") from None
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def load_running(db_path: str) -> bool | None:
    """Whether a load holds db_path's writer lock now; None where the system cannot tell (no /proc/locks)."""
    try:
        info = os.stat(lock_path(db_path))
    except FileNotFoundError:
        return False  # no load ever ran on this file (a load creates the lock file first)
    try:
        with open(PROC_LOCKS, encoding="ascii", errors="replace") as table:
            held = table.read()
    except OSError:
        return None
    key = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    return any("FLOCK" in line and key in line.split() for line in held.splitlines())
