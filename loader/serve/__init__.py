"""Serve stage: Datasette over the archive, configured by metadata.yml (the UI contract)."""
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from datasette.utils import tilde_encode
from markupsafe import escape

ROOT = Path(__file__).resolve().parents[2]
METADATA = ROOT / "metadata.yml"


DATABASE_KEY = "archive"  # metadata.yml describes the database under this name


def _read_metadata() -> dict:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def settings() -> dict:
    """Datasette settings kept in metadata.yml under `settings:`, so one file configures the UI."""
    return _read_metadata().get("settings", {})


def metadata_for(db_path: str) -> dict:
    """metadata.yml, with its database section under the name Datasette gives `db_path`."""
    metadata = _read_metadata()
    metadata.pop("settings", None)
    name = Path(db_path).stem
    databases = metadata.get("databases", {})
    if DATABASE_KEY in databases and name != DATABASE_KEY:
        databases[name] = databases.pop(DATABASE_KEY)
        route = str(escape(tilde_encode(name)))  # a file may be named anything, even <script>.db
        metadata["description_html"] = metadata["description_html"].replace(f"/{DATABASE_KEY}/", f"/{route}/")
    return metadata


def write_metadata(db_path: str) -> str:
    """A JSON copy of metadata_for(db_path) beside nothing of the user's: in the temp directory."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="news-archive-", delete=False)
    with handle:
        json.dump(metadata_for(db_path), handle)
    return handle.name


def datasette_command(db_path: str, host: str, port: int, immutable: bool = False) -> list[str]:
    """`datasette serve` for db_path, to be run in serving_directory(db_path).

    The file is named without its directory, so no page (not even /-/databases) shows where it lives.
    By default Datasette reads it read-only (mode=ro; the plugin also sets query_only on every
    connection), seeing each file a running load commits (WAL). `immutable` skips locking and caches
    counts: faster, but only for an archive no load touches while it is served.
    """
    datasette = shutil.which("datasette", path=os.path.dirname(sys.executable)) or "datasette"
    name = os.path.basename(db_path)
    command = [datasette, "serve", *(["-i", name] if immutable else [name]), "--metadata", write_metadata(db_path),
               "--host", host, "--port", str(port)]
    for setting, value in settings().items():
        command += ["--setting", setting, _setting_text(value)]
    return command


def serving_directory(db_path: str) -> str:
    return os.path.dirname(os.path.abspath(db_path))


def _setting_text(value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
