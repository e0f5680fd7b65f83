"""Guards around Datasette: what its own settings cannot restrict.

ASGI (the `asgi_wrapper` hook), outermost first: requests for a Host this server was not started
for are refused (a DNS-rebinding page would otherwise read a local archive); only GET and HEAD are
answered (the archive is read-only; a POST made Datasette fail with a 500); `_search` values FTS5
cannot parse (blank, a lone `"`, a NUL) are dropped or cleaned before Datasette sees them; then the
CSV defusing below. On each connection (`limit_connection`): a result may hold at most
MAX_RESULT_CHARS, and `pragma_database_list` shows no file path.

CSV exports that a spreadsheet will not run: cells starting with = + - @ tab or CR get a leading '.
Datasette 0.65 has no hook into its CSV writer, so CSV responses are rewritten here. Datasette sends
each CSV record as one body message (one csv.writer call per row), so each message is parsed, defused
and written again; a message that is not exactly one record (an error text) passes unchanged. Plain
numbers such as -5 are left alone. This is the
OWASP "CSV injection" advice; JSON exports keep every value exactly as stored.
"""
import csv
import io
import os
import re
import socket
import sqlite3
import weakref
from urllib.parse import parse_qsl, urlencode

from datasette.utils import escape_fts
from datasette.views.base import DatasetteError

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
CSV_TYPES = (b"text/plain", b"text/csv")
# Introspection pages that show the server's own files: /-/threads lists tasks with their source paths.
HIDDEN_PAGES = ("/-/threads",)
# Host names always served (with the server's own address); more, comma-separated, from this variable
# (a reverse proxy's public name).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
EXTRA_HOSTS_VARIABLE = "NEWS_ARCHIVE_ALLOWED_HOSTS"
READ_METHODS = ("GET", "HEAD")
# Characters (bytes for blobs) one query's rows may hold in all: a full page of 1,000 articles of
# 50,000 characters. A page of the longest articles (1,000,000 characters) is refused, 50 at a time pass.
MAX_RESULT_CHARS = 50_000_000
# Datasette's own errors for a mistyped URL parameter, which it answers with a 500.
USER_MISTAKES = ("Cannot sort table by ", "Cannot use _sort and _sort_desc at the same time")


def defuse(cell: str) -> str:
    if cell.startswith(TRIGGERS) and not NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def defuse_record(body: bytes) -> bytes:
    """One CSV record (bytes) with its formula-like cells defused; anything else as it came."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) != 1 or not text.endswith("\r\n"):
        return body
    cells = [defuse(cell) for cell in rows[0]]
    if cells == rows[0]:
        return body
    out = io.StringIO()
    csv.writer(out).writerow(cells)
    return out.getvalue().encode("utf-8")


def _wants_csv(scope) -> bool:
    return scope["path"].endswith(".csv") or b"_format=csv" in scope.get("query_string", b"")


def guard_csv(app):
    """ASGI middleware: defuse every record of a streamed CSV response."""
    async def guarded(scope, receive, send):
        if scope["type"] != "http" or not _wants_csv(scope):
            return await app(scope, receive, send)
        rewrite = False

        async def send_defused(message):
            nonlocal rewrite
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                rewrite = headers.get(b"content-type", b"").startswith(CSV_TYPES) and b"content-length" not in headers
            elif message["type"] == "http.response.body" and rewrite and message.get("body"):
                message = {**message, "body": defuse_record(message["body"])}
            await send(message)

        await app(scope, receive, send_defused)

    return guarded


def hide_pages(app):
    """ASGI middleware: HIDDEN_PAGES answer 404, as if Datasette had no such page."""
    async def guarded(scope, receive, send):
        if scope["type"] == "http" and scope["path"].startswith(HIDDEN_PAGES):
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
            await send({"type": "http.response.body", "body": b"Not found"})
            return
        await app(scope, receive, send)

    return guarded


def check_host(app):
    """ASGI middleware: 400 for a Host header naming neither this machine nor an allowed name."""
    async def guarded(scope, receive, send):
        if scope["type"] == "http" and not known_host(scope):
            return await _answer(send, 400, "Bad request: unknown Host header. This server answers only to the "
                                            "names it was started for (localhost, 127.0.0.1, its own address).")
        await app(scope, receive, send)

    return guarded


def known_host(scope) -> bool:
    header = dict(scope.get("headers") or []).get(b"host")
    if header is None:  # HTTP/1.0 clients send none; a browser always does
        return True
    name, port = _split_host(header.decode("latin-1").strip().lower())
    server_name, server_port = scope.get("server") or (None, None)
    if port and server_port and port != str(server_port):
        return False
    return name in {*LOCAL_HOSTS, str(server_name).lower(), socket.gethostname().lower(), *_extra_hosts()}


def _split_host(host: str) -> tuple[str, str | None]:
    if host.startswith("["):  # [::1]:8001
        name, _, rest = host[1:].partition("]")
        return name, rest.removeprefix(":") or None
    name, colon, port = host.rpartition(":")
    return (name, port) if colon else (host, None)


def _extra_hosts() -> set:
    return {name.strip().lower() for name in os.environ.get(EXTRA_HOSTS_VARIABLE, "").split(",") if name.strip()}


def read_only_methods(app):
    """ASGI middleware: 405 for anything but GET and HEAD (the archive is served read-only)."""
    async def guarded(scope, receive, send):
        if scope["type"] == "http" and scope["method"] not in READ_METHODS:
            return await _answer(send, 405, "Method not allowed: this archive is read-only.",
                                 [(b"allow", ", ".join(READ_METHODS).encode())])
        await app(scope, receive, send)

    return guarded


def clean_search(app):
    """ASGI middleware: a full-text search FTS5 would reject after Datasette's quoting (nothing but
    blanks and quotes) is dropped, so the page lists everything instead of an error; NULs are removed;
    `_searchmode=raw` (FTS5 syntax, and its syntax errors) is not offered."""
    async def guarded(scope, receive, send):
        if scope["type"] == "http" and b"_search" in scope.get("query_string", b""):
            scope = {**scope, "query_string": searchable_query(scope["query_string"])}
        await app(scope, receive, send)

    return guarded


def searchable_query(query_string: bytes) -> bytes:
    pairs = []
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
        if key == "_searchmode":
            continue
        if key == "_search" or key.startswith("_search_"):
            value = value.replace("\x00", "")
            if not escape_fts(value.encode("latin-1").decode("utf-8", "replace")):
                continue
        pairs.append((key, value))
    return urlencode(pairs, encoding="latin-1").encode("latin-1")


async def _answer(send, status: int, text: str, headers: list | None = None) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *(headers or [])]})
    await send({"type": "http.response.body", "body": text.encode("utf-8")})


def user_mistake(exception) -> None:
    """For the `handle_exception` hook: Datasette's 500 for a bad `_sort` becomes the 400 it is."""
    if isinstance(exception, DatasetteError) and str(exception.message).startswith(USER_MISTAKES):
        exception.status = 400


def limit_connection(conn) -> None:
    """Cap what one query may return, and hide the archive's file path from `pragma_database_list`."""
    conn.set_authorizer(_hide_file_path)
    conn.row_factory = _counted_row


def _hide_file_path(action, table, column, database, trigger):
    if action == sqlite3.SQLITE_READ and table == "pragma_database_list" and column == "file":
        return sqlite3.SQLITE_IGNORE  # read as NULL
    return sqlite3.SQLITE_OK


_SPENT = weakref.WeakKeyDictionary()  # cursor → characters its rows have held so far


def _counted_row(cursor, values):
    """Datasette's sqlite3.Row, after adding the row's size to its cursor's total (over the cap, the query
    fails with a message instead of the server building gigabytes in memory)."""
    spent = _SPENT.get(cursor, 0) + sum(len(value) if isinstance(value, (str, bytes)) else 8 for value in values)
    _SPENT[cursor] = spent
    if spent > MAX_RESULT_CHARS:
        raise sqlite3.OperationalError(f"result too big: over {MAX_RESULT_CHARS:,} characters; "
                                       "ask for fewer rows (_size, limit) or shorter values (substr)")
    return sqlite3.Row(cursor, values)
