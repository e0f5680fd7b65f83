"""Serve stage: Datasette over the archive, configured by metadata.yml (the UI contract)."""
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

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
        metadata["description_html"] = metadata["description_html"].replace(f"/{DATABASE_KEY}/", f"/{name}/")
    return metadata


def write_metadata(db_path: str) -> str:
    """A JSON copy of metadata_for(db_path) beside nothing of the user's: in the temp directory."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="news-archive-", delete=False)
    with handle:
        json.dump(metadata_for(db_path), handle)
    return handle.name


def datasette_command(db_path: str, host: str, port: int, immutable: bool = True) -> list[str]:
    datasette = shutil.which("datasette", path=os.path.dirname(sys.executable)) or "datasette"
    command = [datasette, "serve", "-i" if immutable else "", db_path, "--metadata", write_metadata(db_path),
               "--host", host, "--port", str(port)]
    for name, value in settings().items():
        command += ["--setting", name, _setting_text(value)]
    return [part for part in command if part]


def _setting_text(value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
