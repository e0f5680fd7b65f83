"""Read stage: paths, directories, globs and stdin → Records, each format in its own module.

Formats are chosen by extension, then by content; `fmt` overrides both.
"""
import glob
import gzip
import io
import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass

from ..model import Record
from ..normalize.fields import FIELD_ALIASES
from .csvfile import read_csv
from .decode import decode
from .jsonfile import read_json, read_jsonl
from .text import read_text


def read_html(text: str, origin: str) -> list[Record]:
    """Imported on first use: trafilatura and lxml take most of a second, which `--help` should not pay."""
    from .html import read_html as read

    return read(text, origin)


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
BODY_COLUMN_NAMES = set(FIELD_ALIASES["body"])
# A file is read whole: past this size (raw or decompressed) it is refused with a message instead of
# exhausting memory; a gzip bomb stops here too. Split bigger dumps into several files.
MAX_FILE_BYTES = 1 << 30
# A saved page starts with a doctype, <html>, or (in fragments some tools save) <head>/<body>, after
# an optional XML declaration or comments.
HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.I | re.S)
# C0 and C1 controls, DEL, the line and paragraph separators, and the bidi embeddings, overrides and
# isolates that reorder what a terminal shows.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Files the walker skips in directories (they are named explicitly if wanted).
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass
class InputFile:
    origin: str
    path: str | None  # None for stdin
    size: int


def expand_paths(paths, exclude=()) -> tuple[list[InputFile], list[Record]]:
    """Expand directories (recursively) and globs; a path that cannot be read is an error record.

    Files in `exclude` (the archive being written, with its journal files) are skipped.
    """
    files, problems = [], []
    for path in paths:
        if path == "-":
            files.append(InputFile("<stdin>", None, 0))
        elif os.path.isdir(path):
            _walk(path, files, problems)
        elif os.path.exists(path):
            _add_file(path, files, problems, regular_only=False)  # a named pipe given on purpose is read
        elif glob.has_magic(path) and (matches := expand_glob(path)):
            for match in matches:
                (_walk if os.path.isdir(match) else _add_file)(match, files, problems)
        else:
            problems.append(Record(shown_path(path), "path", "unknown", error="no such file or directory"))
    return _once(files, exclude), problems


def _once(files: list[InputFile], exclude) -> list[InputFile]:
    """Each file once, however many names, globs or symlinks reach it; never the archive itself."""
    seen = {os.path.realpath(path) for path in exclude}
    kept = []
    for item in files:
        real = item.path and os.path.realpath(item.path)
        if real not in seen:
            seen.add(real)
            kept.append(item)
    return kept


def expand_glob(pattern: str) -> list[str]:
    """The paths a glob matches, sorted. `**` is walked without following symlinked directories, so a
    link loop (`up -> ..`) cannot make it run forever, as Python's glob would (it follows them)."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = pattern.split("/")
    plain = next(index for index, part in enumerate(parts) if glob.has_magic(part))
    root = "/".join(parts[:plain]) or ("/" if pattern.startswith("/") else "")
    matcher = re.compile(_glob_regex(parts[plain:]), re.S)
    found = []
    for directory, dirs, names in os.walk(root or ".", followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        relative = os.path.relpath(directory, root or ".")
        for name in dirs + sorted(n for n in names if not n.startswith(".")):
            inside = name if relative == "." else f"{relative}/{name}"
            if matcher.fullmatch(inside):
                found.append(os.path.join(root, inside) if root else inside)
    return sorted(found)


def _glob_regex(parts: list[str]) -> str:
    """Path segments of a glob → a regex over the path below its plain root (`**` is any depth, even none)."""
    regex = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            regex += ".*" if last else "(?:[^/]+/)*"
        else:
            regex += _segment_regex(part) + ("" if last else "/")
    return regex


def _segment_regex(part: str) -> str:
    """One path segment of a glob: `*` and `?` never cross a `/`; `[abc]`, `[!abc]` are character sets."""
    regex, index = "", 0
    while index < len(part):
        char = part[index]
        end = part.find("]", index + 2) if char == "[" else -1
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif end != -1:
            chars = part[index + 1:end]
            regex += "[" + ("^" + chars[1:] if chars.startswith("!") else chars).replace("\\", "\\\\") + "]"
            index = end
        else:
            regex += re.escape(char)
        index += 1
    return regex


def _walk(directory: str, files: list, problems: list) -> None:
    def unreadable(error: OSError):
        problems.append(Record(shown_path(error.filename), "path", "unknown",
                               error=f"cannot read directory: {error.strerror}"))

    for root, dirs, names in os.walk(directory, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not (name.startswith(".") or name in SKIPPED_NAMES):
                _add_file(os.path.join(root, name), files, problems)


def _add_file(path: str, files: list, problems: list, regular_only: bool = True) -> None:
    """A pipe or device found inside a directory would block the load or never end: it is reported."""
    try:
        info = os.stat(path)
    except OSError as error:
        problems.append(Record(shown_path(path), "path", "unknown", error=f"cannot read file: {error.strerror}"))
        return
    if regular_only and not stat.S_ISREG(info.st_mode):
        problems.append(Record(shown_path(path), "path", "unknown", error="not a regular file (pipe, device, socket)"))
        return
    files.append(InputFile(shown_path(path), path, info.st_size))


def shown_path(path: str) -> str:
    """A file name that is not UTF-8 (os gives it as lone surrogates) as storable text, bad bytes as U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def printable(text: str) -> str:
    """Text for one terminal line: control characters (a newline forging a second `warning:` line, escape
    sequences that recolour or clear the terminal) and bidi overrides shown as Python escapes."""
    return UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def read_input(item: InputFile, fmt: str | None = None) -> list[Record]:
    """All records of one file; problems come back as records with `error` set, never raised."""
    try:
        data = _read_limited(sys.stdin.buffer) if item.path is None else _read_file(item.path)
    except OSError as error:
        return [Record(item.origin, "file", "unknown", error=f"cannot read file: {error.strerror or error}")]
    if len(data) > MAX_FILE_BYTES:
        return [_too_big(item.origin, "")]
    name = item.origin
    if name.endswith(".gz") or data[:2] == b"\x1f\x8b":
        try:
            data = _read_limited(gzip.GzipFile(fileobj=io.BytesIO(data)))
        except (OSError, EOFError, zlib.error) as error:
            return [Record(item.origin, "file", "gzip", error=f"broken gzip data: {error}")]
        if len(data) > MAX_FILE_BYTES:
            return [_too_big(item.origin, " decompressed")]
        name = name.removesuffix(".gz")
    if not data.strip():
        return [Record(item.origin, "file", "unknown", error="empty file")]
    try:
        text = decode(data)
    except ValueError as error:
        return [Record(item.origin, "file", "unknown", error=str(error), raw=repr(data[:200]))]
    chosen = fmt or detect_format(name, text)
    return READERS[chosen](text, item.origin)


def _too_big(origin: str, how: str) -> Record:
    return Record(origin, "file", "unknown", error=f"over {MAX_FILE_BYTES:,} bytes{how}: split it into smaller files")


def _read_file(path: str) -> bytes:
    with open(path, "rb") as handle:
        return _read_limited(handle)


def _read_limited(handle) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes, so the caller can tell an oversized file without holding it."""
    return handle.read(MAX_FILE_BYTES + 1)


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
    if text.startswith("---\n"):
        return "markdown"
    if HTML_START.match(text):
        return "html"
    if _looks_like_csv_header(text.split("\n", 1)[0]):
        return "csv"
    return None


def _looks_like_csv_header(line: str) -> bool:
    """A first line that names an article body column among delimited fields."""
    names = {name.strip().strip('"').lower() for name in re.split(r"[,\t;|]", line)}
    return len(names) > 1 and bool(names & BODY_COLUMN_NAMES)
