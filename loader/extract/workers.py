"""Run a function over chunks of items, here or in worker processes, in order, a few chunks ahead.

A lone chunk runs in this process (no pool to start for a handful of articles); from the second
chunk on, with more than one worker, chunks go to a process pool whose workers each run
`initializer` once (loading the spaCy model). At most PENDING_PER_WORKER chunks per worker are in
flight, so memory stays flat however long the input is.
"""
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor

PENDING_PER_WORKER = 2


class ChunkRunner:
    def __init__(self, function, workers: int, initializer=None):
        self.function = function
        self.workers = max(1, workers or 1)
        self.initializer = initializer
        self.pool = None
        self.pending: deque = deque()  # (owners, Future or list of items not started yet)

    def submit(self, chunk: list, owners: list) -> None:
        """Queue `chunk`; its results go to `owners` (one entry per item) when collected."""
        if self.workers == 1:
            self.pending.append((owners, _finished(self.function(chunk))))
        elif self.pool is None and not self.pending:
            self.pending.append((owners, chunk))  # maybe the only chunk: decide when the next comes
        else:
            self._start_pool()
            self.pending.append((owners, self.pool.submit(self.function, chunk)))

    def _start_pool(self) -> None:
        if self.pool is None:
            # forkserver, not fork: the loader has threads (progress bar) that fork would copy badly.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["spacy", "loader.extract"])  # imported once, not per worker
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=self.initializer)
            self.pending = deque((owners, self.pool.submit(self.function, task) if isinstance(task, list) else task)
                                 for owners, task in self.pending)

    def has_room(self) -> bool:
        return len(self.pending) <= self.workers * PENDING_PER_WORKER

    def collect(self, until) -> None:
        """Hand finished results to their owners, oldest chunk first, until `until()` holds or none are left."""
        while self.pending and not until():
            owners, task = self.pending.popleft()
            results = self.function(task) if isinstance(task, list) else task.result()
            for owner, result in zip(owners, results):
                owner.append(result)

    def close(self) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)


def _finished(value) -> Future:
    future = Future()
    future.set_result(value)
    return future
