"""Read stage: paths, directories, globs and stdin → Records, each format in its own module.

Formats are chosen by extension, then by content; `fmt` overrides both.
"""
import glob
import gzip
import os
import re
import sys
import zlib
from dataclasses import dataclass

from ..model import Record
from .csvfile import read_csv
from .decode import decode
from .html import read_html
from .jsonfile import read_json, read_jsonl
from .text import read_text

READERS = {
    "text": read_text,
    "markdown": read_text,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
}
FORMATS = sorted(READERS)
# A saved page starts with a doctype, <html>, or (in fragments some tools save) <head>/<body>, after
# an optional XML declaration or comments.
HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
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
    if by_name in ("json", "jsonl", "csv", "html"):
        return by_name
    return _sniff_content(text) or by_name or "text"


def _sniff_content(text: str) -> str | None:
    start = text.lstrip()[:1]
    if start == "[":
        return "json"
    if start == "{":
        first_line = text.lstrip().split("\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith("}") and "\n" in text.strip() else "json"
    if text.startswith("---\n") or text.startswith("---\r"):
        return "markdown"
    if HTML_START.match(text):
        return "html"
    return None
