"""ASGI guards around Datasette (the `asgi_wrapper` hook): what its own settings cannot restrict.

CSV exports that a spreadsheet will not run: cells starting with = + - @ tab or CR get a leading '.
Datasette 0.65 has no hook into its CSV writer, so CSV responses are rewritten here. Datasette sends each CSV record as one body message (one csv.writer
call per row), so each message is parsed, defused and written again; a message that is not exactly
one record (an error text) passes unchanged. Plain numbers such as -5 are left alone. This is the
OWASP "CSV injection" advice; JSON exports keep every value exactly as stored.
"""
import csv
import io
import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
CSV_TYPES = (b"text/plain", b"text/csv")
# Introspection pages that show the server's own files: /-/threads lists tasks with their source paths.
HIDDEN_PAGES = ("/-/threads",)


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
