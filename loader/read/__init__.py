"""Read stage: paths, directories, globs and stdin → Records, each format in its own module.

Formats are chosen by extension, then by content; `fmt` overrides both.
"""
import glob
import re
import gzip
import os
import sys
import zlib
from dataclasses import dataclass

from ..model import Record
from ..normalize.fields import FIELD_ALIASES
from .csvfile import read_csv
from .decode import decode
from .jsonfile import read_json, read_jsonl
from .text import read_text

READERS = {
    "text": read_text,
    "markdown": read_text,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}
FORMATS = sorted(READERS)
BODY_COLUMN_NAMES = set(FIELD_ALIASES["body"])
# Files the walker skips in directories (they are named explicitly if wanted).
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class InputFile:
    origin: str
    path: str | None  # None for stdin
    size: int


def expand_paths(paths, exclude=()) -> tuple[list[InputFile], list[Record]]:
    """Expand directories (recursively) and globs; a path that matches nothing is an error record.

    Files in `exclude` (the archive being written, with its journal files) are skipped.
    """
    files, missing = [], []
    for path in paths:
        if path == "-":
            files.append(InputFile("<stdin>", None, 0))
        elif os.path.isdir(path):
            files.extend(_walk(path))
        elif os.path.isfile(path):
            files.append(InputFile(path, path, os.path.getsize(path)))
        elif glob.has_magic(path) and glob.glob(path, recursive=True):
            for match in sorted(glob.glob(path, recursive=True)):
                files.extend(_walk(match) if os.path.isdir(match) else [InputFile(match, match, os.path.getsize(match))])
        else:
            missing.append(Record(path, "path", "unknown", error="no such file or directory"))
    skip = {os.path.realpath(path) for path in exclude}
    return [f for f in files if f.path is None or os.path.realpath(f.path) not in skip], missing


def _walk(directory: str) -> list[InputFile]:
    found = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or name in SKIPPED_NAMES:
                continue
            path = os.path.join(root, name)
            found.append(InputFile(path, path, os.path.getsize(path)))
    return found


def read_input(item: InputFile, fmt: str | None = None) -> list[Record]:
    """All records of one file; problems come back as records with `error` set, never raised."""
    try:
        data = sys.stdin.buffer.read() if item.path is None else _read_bytes(item.path)
    except OSError as error:
        return [Record(item.origin, "file", "unknown", error=f"cannot read file: {error.strerror or error}")]
    name = item.origin
    if name.endswith(".gz") or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            return [Record(item.origin, "file", "gzip", error=f"broken gzip data: {error}")]
        name = name.removesuffix(".gz")
    if not data.strip():
        return [Record(item.origin, "file", "unknown", error="empty file")]
    try:
        text = decode(data)
    except ValueError as error:
        return [Record(item.origin, "file", "unknown", error=str(error), raw=repr(data[:200]))]
    chosen = fmt or detect_format(name, text)
    return READERS[chosen](text, item.origin)


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def detect_format(name: str, text: str) -> str:
    extension = os.path.splitext(name)[1].lower()
    by_name = EXTENSIONS.get(extension)
    if by_name in ("json", "jsonl", "csv"):
        return by_name
    return _sniff_content(text) or by_name or "text"


def _sniff_content(text: str) -> str | None:
    start = text.lstrip()[:1]
    if start == "[":
        return "json"
    if start == "{":
        first_line = text.lstrip().split("\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith("}") and "\n" in text.strip() else "json"
    if text.startswith("---\n"):
        return "markdown"
    if _looks_like_csv_header(text.split("\n", 1)[0]):
        return "csv"
    return None


def _looks_like_csv_header(line: str) -> bool:
    """A first line that names an article body column among delimited fields."""
    names = {name.strip().strip('"').lower() for name in re.split(r"[,\t;|]", line)}
    return len(names) > 1 and bool(names & BODY_COLUMN_NAMES)
