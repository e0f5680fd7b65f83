"""Serve stage: Datasette over the archive, in this process, configured by metadata.yml (the UI contract).

metadata.yml, the templates and the static files ship inside the package and are read through
importlib.resources, so a wheel install serves exactly like a checkout; nothing is written to disk to
serve (the metadata goes to Datasette as a dict). The plugins are declared entry points (pyproject.toml).
Serving imports nothing from extraction: it reads what the store wrote. Several archive files (an archive
sharded by period: `news-archive serve 2016.db 2017.db`) are served side by side, each with the whole UI
under its own name; archives.py decides, file by file, whether it is read immutable or live.
"""
import asyncio
import copy
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


def metadata_for(db_paths) -> dict:
    """metadata.yml, with its database section under the name Datasette gives each file (one path or a list)."""
    from .archives import names_for

    metadata = read_metadata()
    metadata.pop("settings", None)
    names = names_for([db_paths] if isinstance(db_paths, str) else list(db_paths))
    databases = metadata.get("databases", {})
    if DATABASE_KEY in databases:
        section = databases.pop(DATABASE_KEY)
        for name in names:
            databases[name] = copy.deepcopy(section)
        route = str(escape(tilde_encode(names[0])))  # a file may be named anything, even <script>.db
        metadata["description_html"] = metadata["description_html"].replace(f"/{DATABASE_KEY}/", f"/{route}/")
    return metadata


def make_datasette(db_paths, live: bool = False):
    """The Datasette app for the files, to be used from serving_directory(db_paths).

    Each file is named by its path under that directory, so no page (not even /-/databases) shows where
    it lives. Datasette reads it read-only (mode=ro, or immutable while no load runs on it: archives.py;
    the plugin also sets query_only on every connection). `live` reads every file live, always.
    """
    from datasette.app import Datasette

    from .archives import ArchiveDatabase, names_for

    paths = [db_paths] if isinstance(db_paths, str) else list(db_paths)
    root = serving_directory(paths)
    datasette = Datasette([], metadata=metadata_for(paths), settings=settings())
    datasette.remove_database("_memory")  # Datasette adds it when given no file
    for path, name in zip(paths, names_for(paths)):
        relative = os.path.relpath(os.path.abspath(path), root)
        datasette.add_database(ArchiveDatabase(datasette, relative, live=live), name=name)
    return datasette


def serving_directory(db_paths) -> str:
    """The directory the files are named from: the one holding them all."""
    paths = [db_paths] if isinstance(db_paths, str) else list(db_paths)
    return os.path.commonpath([os.path.dirname(os.path.abspath(path)) for path in paths])


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


def serve(db_paths, host: str, port: int, live: bool = False, announce=print) -> None:
    """Serve the archive files until interrupted."""
    import uvicorn

    paths = [db_paths] if isinstance(db_paths, str) else list(db_paths)
    sock = listening_socket(host, port)
    root = serving_directory(paths)
    os.chdir(root)
    datasette = make_datasette([os.path.relpath(os.path.abspath(path), root) for path in paths], live=live)
    asyncio.new_event_loop().run_until_complete(datasette.invoke_startup())
    modes = ", ".join(f"{name} ({'live' if db.is_mutable else 'immutable'})"
                      for name, db in datasette.databases.items() if db.path)
    announce(f"Serving {modes} on http://{host}:{port}/ (Ctrl-C to stop)")
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning", lifespan="off"))
    server.run(sockets=[sock])
