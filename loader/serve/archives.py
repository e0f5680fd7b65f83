"""The archive files Datasette serves: immutable while no load runs on them, read live from the moment one does.

Datasette reads an immutable file without locking and, given the counts `datasette inspect` would write,
never counts a table's rows again: at a million articles that is ~100 ms less on every table page. But
an immutable reader must not read a file that changes. So each file is served immutable only when no
load holds its writer lock (loader/lock.py, read from the kernel's lock table without taking it) and no
write-ahead log waits to be checkpointed; before every request the server looks again (a few
microseconds), and from the first request after a load starts, the file is read live (mode=ro, seeing each
file the load commits), on new connections, to the end of the serve. A query already running when the
load starts finishes on its immutable connection; SQLite changes the file itself only at a checkpoint,
after the load has written ~1,000 pages.
"""
import asyncio
import hashlib
import os

from datasette.database import Database, connections

from ..lock import load_running

COUNT_LIMIT_MS = 60_000  # per table, for the counts cached at startup


def names_for(db_paths: list[str]) -> list[str]:
    """Datasette's names for the files: the stem, then stem_2, stem_3 … for repeats (a/archive.db, b/archive.db)."""
    names = []
    for path in db_paths:
        stem = os.path.splitext(os.path.basename(path))[0]
        name, number = stem, 2
        while name in names:
            name, number = f"{stem}_{number}", number + 1
        names.append(name)
    return names


def quiet(db_path: str) -> bool:
    """No load is writing db_path and its write-ahead log holds nothing to checkpoint."""
    wal = db_path + "-wal"
    return load_running(db_path) is False and not (os.path.exists(wal) and os.path.getsize(wal) > 0)


class ArchiveDatabase(Database):
    """One served archive file (see the module docstring)."""

    def __init__(self, ds, path: str, live: bool):
        super().__init__(ds, path=path, is_mutable=live or not quiet(path))
        self.generation = 0  # connections of an earlier generation (immutable ones) are not reused

    async def cache_counts(self) -> None:
        """What `datasette inspect` would write for this file, so that no page of it counts rows again."""
        if self.is_mutable:
            return
        counts = await self.table_counts(limit=COUNT_LIMIT_MS)  # cached by Datasette for an immutable file
        info = os.stat(self.path)
        # The identity of this version of the file, not a hash of its content (gigabytes to read).
        self.cached_hash = hashlib.sha256(f"{info.st_size}:{info.st_mtime_ns}".encode()).hexdigest()
        self.ds.inspect_data = {**(self.ds.inspect_data or {}), self.name: {
            "hash": self.cached_hash, "size": info.st_size, "file": self.path,
            "tables": {table: {"count": count} for table, count in counts.items()}}}

    def notice_load(self) -> None:
        """Before each request: read the file live from the moment a load holds its writer lock."""
        if not self.is_mutable and load_running(self.path) is not False:
            self.is_mutable = True
            self.generation += 1
            self._cached_table_counts = self.cached_hash = self.cached_size = None
            if self.ds.inspect_data:
                self.ds.inspect_data.pop(self.name, None)

    async def execute_fn(self, fn):
        """Datasette's execute_fn, with each thread's connection kept per generation."""
        if self.ds.executor is None:  # Datasette's non-threaded mode
            if self._read_connection is None or getattr(self, "_read_generation", 0) != self.generation:
                self._read_connection, self._read_generation = self.connect(), self.generation
                self.ds._prepare_connection(self._read_connection, self.name)
            return fn(self._read_connection)

        def in_thread():
            key = f"{self.name}\0{self.generation}"
            conn = getattr(connections, key, None)
            if not conn:
                stale = f"{self.name}\0{self.generation - 1}"
                if getattr(connections, stale, None):
                    getattr(connections, stale).close()
                    delattr(connections, stale)
                conn = self.connect()
                self.ds._prepare_connection(conn, self.name)
                setattr(connections, key, conn)
            return fn(conn)

        return await asyncio.get_event_loop().run_in_executor(self.ds.executor, in_thread)


def watch_loads(app, datasette):
    """ASGI middleware: each archive looks for a running load before a request reads it."""
    async def watched(scope, receive, send):
        if scope["type"] == "http":
            for database in datasette.databases.values():
                if isinstance(database, ArchiveDatabase):
                    database.notice_load()
        await app(scope, receive, send)

    return watched
