"""The extraction map on Dask distributed: chunks of pending articles go to a cluster's workers, results
come back, in order, to the single writer (the `news-archive extract --db` process).

ClusterRunner has ChunkRunner's interface (loader/extract/workers.py), so extract_groups drives either.
Each worker process loads the spaCy model once (nlp.get_nlp is cached per process) and keeps it for every
chunk it is sent; at most PENDING_PER_WORKER chunks per worker are in flight, so the writer's memory stays
flat. Workers must run the same news-archive (same extractor version): checked before any chunk is sent.

    news-archive extract --db archive.db --scheduler tcp://scheduler:8786   # a running cluster
    news-archive extract --db archive.db --scheduler local --workers 2       # a LocalCluster here
"""
from collections import deque

from .workers import LOST, PENDING_PER_WORKER


# Dask's nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536: glibc then maps and unmaps every large
# block afresh, and spaCy allocates and frees large arrays for every batch, so a worker spent ~15% more CPU per
# chunk than a local pool's (measured, page faults). Unset (None) for the workers of a LocalCluster; on a real
# cluster the same line goes in the workers' Dask configuration (README, "Extraction on a cluster").
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


class VersionMismatch(Exception):
    """A worker runs another extractor version than the writer: its results would be mislabelled."""


def connect(scheduler: str, workers: int = 2):
    """A dask.distributed Client: to the scheduler at `scheduler`, or to a new LocalCluster of `workers`
    single-threaded processes when it is "local" (closed with the client)."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler == "local":
        with dask.config.set(WORKER_CONFIG):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
        client.loader_cluster = cluster
        return client
    return Client(scheduler)


def check_versions(client, expected: str) -> None:
    from . import extractor_version

    found = client.run(extractor_version)
    other = {worker: version for worker, version in found.items() if version != expected}
    if other:
        raise VersionMismatch(f"workers run another extractor version than this process ({expected}): "
                              + ", ".join(f"{worker}: {version}" for worker, version in sorted(other.items())))


class ClusterRunner:
    def __init__(self, function, client, failed=None):
        self.function = function
        self.client = client
        self.failed = failed or (lambda item, reason: {"error": reason})
        self.workers = max(1, len(client.scheduler_info()["workers"]))
        self.pending: deque = deque()  # (owners, items, distributed Future)

    def submit(self, chunk: list, owners: list) -> None:
        self.pending.append((owners, chunk, self.client.submit(self.function, chunk, pure=False)))

    def has_room(self) -> bool:
        return len(self.pending) <= self.workers * PENDING_PER_WORKER

    def collect(self, until) -> None:
        from distributed import KilledWorker

        while self.pending and not until():
            owners, chunk, future = self.pending.popleft()
            try:
                results = future.result()
            except KilledWorker:  # Dask retried it on other workers, and each died: its articles fail
                results = [self.failed(item, LOST) for item in chunk]
            for owner, result in zip(owners, results):
                owner.append(result)

    def close(self) -> None:
        for _, _, future in self.pending:
            future.cancel()
        self.pending.clear()


def close(client) -> None:
    cluster = getattr(client, "loader_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()
