"""Serve stage: Datasette over the archive, in this process, configured by metadata.yml (the UI contract).

metadata.yml, the templates and the static files ship inside the package and are read through
importlib.resources, so a wheel install serves exactly like a checkout; nothing is written to disk to
serve (the metadata goes to Datasette as a dict). The plugins are declared entry points (pyproject.toml).
Serving imports nothing from extraction: it reads what the store wrote.
"""
import asyncio
import errno
import os
import socket
from importlib import resources
from pathlib import Path

import yaml
from datasette.utils import tilde_encode
from markupsafe import escape

DATABASE_KEY = "archive"  # metadata.yml describes the database under this name


class PortBusy(Exception):
    """The port asked for is taken: the message says what to do."""


def read_metadata() -> dict:
    """metadata.yml as shipped in the package (settings included)."""
    text = resources.files(__package__).joinpath("metadata.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def settings() -> dict:
    """Datasette settings kept in metadata.yml under `settings:`, so one file configures the UI."""
    return read_metadata().get("settings", {})


def database_name(db_path: str) -> str:
    """The name Datasette gives the file: its stem ("archive" for archive.db)."""
    return Path(db_path).stem


def metadata_for(db_path: str) -> dict:
    """metadata.yml, with its database section under the name Datasette gives `db_path`."""
    metadata = read_metadata()
    metadata.pop("settings", None)
    name = database_name(db_path)
    databases = metadata.get("databases", {})
    if DATABASE_KEY in databases and name != DATABASE_KEY:
        databases[name] = databases.pop(DATABASE_KEY)
        route = str(escape(tilde_encode(name)))  # a file may be named anything, even <script>.db
        metadata["description_html"] = metadata["description_html"].replace(f"/{DATABASE_KEY}/", f"/{route}/")
    return metadata


def make_datasette(db_path: str, immutable: bool = False):
    """The Datasette app for db_path, to be used from serving_directory(db_path).

    The file is named without its directory, so no page (not even /-/databases) shows where it lives.
    By default Datasette reads it read-only (mode=ro; the plugin also sets query_only on every
    connection), seeing each file a running load commits (WAL). `immutable` skips locking and caches
    counts: faster, but only for an archive no load touches while it is served.
    """
    from datasette.app import Datasette

    name = os.path.basename(db_path)
    return Datasette([] if immutable else [name], immutables=[name] if immutable else [],
                     metadata=metadata_for(db_path), settings=settings())


def serving_directory(db_path: str) -> str:
    return os.path.dirname(os.path.abspath(db_path))


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or PortBusy with a hint; handed to the server as it is, so the
    port cannot be taken between the check and the start."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortBusy(f"port {port} on {host} is already in use (another `news-archive serve`?): "
                           f"stop it, or pick another port with --port {port + 1}") from None
        raise PortBusy(f"cannot listen on {host}:{port}: {error.strerror}") from None
    sock.listen(128)
    return sock


def serve(db_path: str, host: str, port: int, immutable: bool = False, announce=print) -> None:
    """Serve db_path until interrupted."""
    import uvicorn

    sock = listening_socket(host, port)
    os.chdir(serving_directory(db_path))
    datasette = make_datasette(db_path, immutable=immutable)
    asyncio.new_event_loop().run_until_complete(datasette.invoke_startup())
    announce(f"Serving {os.path.basename(db_path)} on http://{host}:{port}/ (Ctrl-C to stop)")
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning", lifespan="off"))
    server.run(sockets=[sock])
