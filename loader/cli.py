"""`news-archive`: a thin shell over loader.load, loader.extract and loader.serve.

The stages are imported inside the commands that use them, so `news-archive --help` answers in a
fraction of a second instead of paying for sqlite-utils, dateutil, lxml and spaCy's imports.
"""
import json
import os
import signal
import sqlite3
import sys
import threading
from contextlib import contextmanager

import click

from .model import BadInput


class _ReaderFormats(click.Choice):
    """--format's choices, the readers' FORMATS, looked up only when an option is checked or shown."""

    def __init__(self):
        self.case_sensitive = True

    @property
    def choices(self):
        from .read import FORMATS

        return tuple(FORMATS)


def _warn(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(message, file=sys.stderr)


# A fixed width keeps `--help` identical everywhere, so the README can show it verbatim.
HELP_WIDTH = {"terminal_width": 100, "max_content_width": 100}


@click.group(context_settings=HELP_WIDTH)
@click.version_option(package_name="news-archive")
def cli():
    """Build a searchable SQLite archive of news articles and browse it with Datasette."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default="archive.db", show_default=True, help="SQLite file to create or update")
@click.option("--source", help="Source profile slug (reuters, scmp, …) instead of detecting it from content")
@click.option("--format", "fmt", type=_ReaderFormats(), help="Input format instead of detecting it")
@click.option("--map", "mappings", multiple=True, metavar="FIELD=PATH",
              help="Take FIELD from PATH in JSON/CSV records (dotted: body=content.text); repeatable")
@click.option("--no-nlp", is_flag=True, help="Store only; extraction waits for the next load or `extract --db`")
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default="all cores",
              help="Processes for extraction")
@click.option("--quiet", is_flag=True, help="No progress bar")
def load(paths, db_path, source, fmt, mappings, no_nlp, workers, quiet):
    """Load files, directories, globs or - (stdin) into the archive.

    Re-loading the same input changes nothing; bad files and records are listed in load_errors.
    """
    from . import store
    from .load import LoadOptions, load_paths
    from .normalize.fields import parse_mappings

    try:
        field_map = parse_mappings(mappings)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--map")
    options = LoadOptions(source=source, fmt=fmt, nlp=not no_nlp, workers=workers, progress=not quiet,
                          field_map=field_map)
    with _writing(db_path):
        result = load_paths(store.open_db(db_path), list(paths), options, arguments=sys.argv[1:], warn=_warn)
    click.echo(result.summary(), err=True)
    if result.loaded == 0:
        raise click.ClickException("nothing could be loaded")


@cli.command()
@click.argument("infile", type=click.File("r", encoding="utf-8"), required=False)
@click.option("--db", "db_path", help="Instead: bring this archive's extraction up to date (after an upgrade, "
              "or a load with --no-nlp)")
@click.option("--workers", type=int, default=os.cpu_count() or 1, show_default="all cores",
              help="Processes for extraction (small inputs run in this process)")
@click.option("--quiet", is_flag=True, help="No progress bar (with --db)")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --db: run the extraction on this Dask scheduler (tcp://host:8786), or on a local "
                   "cluster of --workers processes with 'local'")
def extract(infile, db_path, workers, quiet, scheduler):
    """Read {"id", "text", …} JSON lines, write mentions, quotes and locations as JSON lines.

    With --db instead of INFILE: extract every stored article whose annotations are missing or were made by
    another version of the rules, data or model, and save them in the archive.
    """
    if (infile is None) == (db_path is None):
        raise click.UsageError("give either INFILE (JSON lines, - for stdin) or --db ARCHIVE")
    if scheduler and not db_path:
        raise click.UsageError("--scheduler goes with --db ARCHIVE")
    if db_path:
        return _extract_archive(db_path, workers, not quiet, scheduler)
    from .extract import extract_items

    items = []
    for number, line in enumerate(infile, 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise click.ClickException(f"{infile.name} line {number}: invalid JSON: {error.msg}")
    for found in extract_items(items, workers):
        click.echo(json.dumps(found, ensure_ascii=False))


def _extract_archive(db_path: str, workers: int, progress: bool, scheduler: str | None = None) -> None:
    from . import store
    from .extract import extractor_version
    from .load import extract_archive

    if not os.path.exists(db_path):
        raise click.ClickException(f"{db_path} does not exist: run `news-archive load PATH --db {db_path}` first")
    with _writing(db_path), _cluster(scheduler, workers) as client:
        done = extract_archive(store.open_db(db_path), sys.argv[1:], workers, progress, warn=_warn, client=client)
    click.echo(f"Extracted {done.saved} of {done.pending} pending article(s); {done.failed} failed "
               f"(extractor {extractor_version()})", err=True)


@contextmanager
def _cluster(scheduler: str | None, workers: int):
    """A Dask client for --scheduler (None without it), checked to run this extractor version."""
    if not scheduler:
        yield None
        return
    from .extract import cluster, extractor_version

    try:
        client = cluster.connect(scheduler, workers)
    except (OSError, ValueError, TimeoutError) as error:
        raise click.ClickException(f"cannot reach the Dask scheduler {scheduler}: {error}")
    try:
        cluster.check_versions(client, extractor_version())
        yield client
    except cluster.VersionMismatch as error:
        raise click.ClickException(str(error))
    finally:
        cluster.close(client)


@contextmanager
def _writing(db_path: str):
    """The archive's writer lock, with every user-facing failure turned into a one-line message."""
    from .lock import ArchiveBusy, exclusive_writer

    try:
        with exclusive_writer(db_path), _sigterm_as_interrupt():
            yield
    except ArchiveBusy as error:
        raise click.ClickException(str(error))
    except (BadInput, sqlite3.Error) as error:  # not an archive, a newer one, disk full, read-only
        raise click.ClickException(f"{db_path}: {error}")
    except OSError as error:  # no such directory, no permission (the lock file is the first write)
        raise click.ClickException(f"{db_path}: cannot write here: {error.strerror}")


@contextmanager
def _sigterm_as_interrupt():
    """`kill PID` (SIGTERM) stops a load as cleanly as Ctrl-C: the same KeyboardInterrupt unwinds it."""
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@cli.command()
@click.argument("files", nargs=-1)
@click.option("--db", "db_path", default=None, help="SQLite file to serve  [default: archive.db]")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on")
@click.option("--port", default=8001, show_default=True, help="Port to listen on")
@click.option("--live", is_flag=True,
              help="Always read the files live; by default a file is read immutable (faster) until a load starts")
def serve(files, db_path, host, port, live):
    """Serve the archive with Datasette (read-only, on 127.0.0.1 by default).

    FILES: archive files to serve side by side (e.g. one per year), each with the whole UI."""
    from .serve import PortBusy, serve as serve_archive

    paths = list(files) + ([db_path] if db_path else []) or ["archive.db"]
    for path in paths:
        if not os.path.exists(path):
            raise click.ClickException(f"{path} does not exist: run `news-archive load PATH --db {path}` first")
    try:
        serve_archive(paths, host, port, live=live, announce=click.echo)
    except PortBusy as busy:
        raise click.ClickException(str(busy))
