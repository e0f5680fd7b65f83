"""Run a function over chunks of items, here or in worker processes, in order, a few chunks ahead.

A lone chunk runs in this process (no pool to start for a handful of articles); from the second
chunk on, with more than one worker, chunks go to a process pool whose workers each run
`initializer` once (loading the spaCy model). At most PENDING_PER_WORKER chunks per worker are in
flight, so the loader's memory stays flat however long the input is.

A worker's own memory grows with what it has parsed (spaCy's vocabulary keeps every new word; the heap
fragments), so the pool is renewed once it has been sent `renew_chars` characters of text per worker: no
new chunk is started, the chunks in flight finish and are collected as usual, the old workers exit, and
a new pool (a fresh model load per worker) takes the next chunk. Each chunk goes to exactly one pool, so
nothing is lost or done twice. (Not ProcessPoolExecutor's max_tasks_per_child, which can hang on 3.11.)

Failures of the processes themselves, not of the function (which reports its own errors per item):
- a worker killed mid-chunk (the OOM killer's SIGKILL) breaks the whole pool: a new pool is started
  and the chunk retried, alone, so that a chunk which kills its worker again is known to be the
  culprit; its items then get `failed(item, reason)` results instead of the load ending;
- the loader killed (even by SIGKILL, which runs no cleanup): every worker watches the loader's
  process and exits as soon as it is gone, so no worker (nor the forkserver, which then has no
  one left to serve) is left holding memory and the loader's stderr;
- the loader interrupted (Ctrl-C, SIGTERM turned into KeyboardInterrupt by the CLI): close() with
  chunks still unfinished terminates the workers instead of waiting for their chunks.
"""
import multiprocessing
import os
import select
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

PENDING_PER_WORKER = 2
MAX_ATTEMPTS = 2  # a chunk whose worker dies this many times is given up, item by item
LOST = "the worker process died twice on this chunk (out of memory?)"
WATCH_SECONDS = 1.0  # how often a worker looks for its loader where pidfd_open is missing
# Characters of text per worker before the pool is renewed (~1,250 Reuters articles, ~250 long ones):
# a renewal costs ~0.5 s (measured: new workers, model loaded) plus the drain's idle tail (under one
# chunk on one worker), ~1-2% of the ~3 minutes 2 workers take to parse this much; memory stops growing
# past what this much text leaves behind.
RENEW_CHARS = 1_000_000


@dataclass
class _Chunk:
    items: list
    owners: list
    future: Future | None = None  # None: not started (the lone first chunk, or waiting after a crash)
    attempts: int = 0


class ChunkRunner:
    def __init__(self, function, workers: int, initializer=None, failed=None, renew_chars: int | None = None):
        self.function = function
        self.workers = max(1, workers or 1)
        self.initializer = initializer
        self.failed = failed or (lambda item, reason: {"error": reason})
        self.renew_chars = renew_chars  # per worker, then a new pool (None: never)
        self.pool = None
        self.pool_chars = 0  # text sent to the current pool
        self.renewals = 0
        self.pending: deque[_Chunk] = deque()

    def submit(self, chunk: list, owners: list) -> None:
        """Queue `chunk`; its results go to `owners` (one entry per item) when collected."""
        if self.workers == 1:
            self.pending.append(_Chunk(chunk, owners, _finished(self.function(chunk))))
        elif self.pool is None and not self.pending:
            self.pending.append(_Chunk(chunk, owners))  # maybe the only chunk: decide when the next comes
        else:
            self._start_pool()
            self.pending.append(_Chunk(chunk, owners))
            self._start_waiting()

    def _start_pool(self) -> None:
        if self.pool is None:
            self._open_pool()
            self._start_waiting()

    def _open_pool(self) -> None:
        # forkserver, not fork: the loader has threads (progress bar) that fork would copy badly.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["spacy", "loader.extract"])  # imported once, not per worker
        self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_start,
                                        initargs=(os.getpid(), self.initializer))
        self.pool_chars = 0

    def _start_waiting(self) -> None:
        """Start the chunks not yet started; after a crash, only the oldest, so a culprit is found."""
        retrying = any(chunk.attempts for chunk in self.pending)
        for chunk in list(self.pending)[:1] if retrying else self.pending:
            if chunk.future is None:
                try:
                    if not self._submit(chunk):
                        return  # the pool is draining before its renewal
                except BrokenProcessPool:  # a worker died meanwhile: _results restarts the pool
                    return

    def _submit(self, chunk: _Chunk) -> bool:
        """Start `chunk`, in a new pool if this one has had its share of text; False while it still drains."""
        if self.renew_chars and self.pool_chars >= self.renew_chars * self.workers:
            if any(waiting.future is not None and not _succeeded(waiting.future) for waiting in self.pending):
                return False  # chunks still running (or a broken pool, which _results restarts)
            self.pool.shutdown(wait=True)  # nothing left running: the old workers exit now
            self.renewals += 1
            self._open_pool()
        chunk.future = self.pool.submit(self.function, chunk.items)
        self.pool_chars += sum(len(item.get("text") or "") for item in chunk.items if isinstance(item, dict))
        return True

    def has_room(self) -> bool:
        return len(self.pending) <= self.workers * PENDING_PER_WORKER

    def collect(self, until) -> None:
        """Hand finished results to their owners, oldest chunk first, until `until()` holds or none are left."""
        while self.pending and not until():
            results = self._results(self.pending[0])
            chunk = self.pending.popleft()
            for owner, result in zip(chunk.owners, results):
                owner.append(result)
            if self.pool is not None:
                self._start_waiting()

    def _results(self, chunk: _Chunk) -> list:
        while True:
            if chunk.future is None and self.pool is None:
                return self.function(chunk.items)  # the lone chunk, here
            if chunk.future is None:
                try:
                    if not self._submit(chunk):  # cannot happen for the oldest chunk; if it did, start afresh
                        self._restart_pool()
                        continue
                except BrokenProcessPool:  # broken by another chunk's worker: not this chunk's fault
                    self._restart_pool()
                    continue
            try:
                return chunk.future.result()
            except BrokenProcessPool:
                chunk.attempts += 1
                self._restart_pool()
                if chunk.attempts >= MAX_ATTEMPTS:
                    return [self.failed(item, LOST) for item in chunk.items]

    def _restart_pool(self) -> None:
        """A dead worker takes the pool with it: every unfinished chunk starts again in a new one."""
        _terminate_workers(self.pool)  # the survivors too, now rather than whenever the pool notices
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None
        for chunk in self.pending:
            if chunk.future is not None and not _succeeded(chunk.future):
                chunk.future = None
        self._start_pool()

    def close(self) -> None:
        if self.pool is None:
            return
        if any(chunk.future is not None and not chunk.future.done() for chunk in self.pending):
            _terminate_workers(self.pool)  # interrupted: do not wait for chunks nobody will collect
        self.pool.shutdown(wait=True, cancel_futures=True)


def _worker_start(loader_pid: int, initializer) -> None:
    """In each worker: leave Ctrl-C to the loader, exit when the loader is gone, then the initializer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(loader_pid,), daemon=True, name="loader-watch").start()
    if initializer:
        initializer()


def _exit_with(pid: int) -> None:
    """Block until process `pid` ends (a pidfd becomes readable), then end this process at once."""
    try:
        descriptor = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd_open (old kernel, not Linux): poll
        while _exists(pid):
            time.sleep(WATCH_SECONDS)
        os._exit(1)
    select.select([descriptor], [], [])
    os._exit(1)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _terminate_workers(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public way to stop running tasks before Python 3.14 (terminate_workers).
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _finished(value) -> Future:
    future = Future()
    future.set_result(value)
    return future
