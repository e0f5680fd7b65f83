"""Bytes → text: byte-order marks, a page's declared charset, UTF-8, cp1252 fallback, one newline convention."""
import codecs
import re

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


# Control bytes that text never holds (tab, newlines, form feed and escape aside). Images, archives and
# compressed streams are about 10% such bytes; a text with a stray NUL has a handful.
CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 11, 12, 13, 27}) + b"\x7f"
BINARY_SHARE = 0.05
SNIFF_BYTES = 8192
UTF16_NUL_SHARE = 0.7  # of the characters in the sniffed head that must have a NUL high byte
# <meta charset="…">, <meta http-equiv="Content-Type" content="text/html; charset=…">, <?xml encoding="…"?>
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)"""
                              rb"""|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """Half of UTF-16's bytes are NUL: decode() tries UTF-16 without a byte-order mark first."""
    head = data[:SNIFF_BYTES]
    return len(head) - len(head.translate(None, CONTROL_BYTES)) > BINARY_SHARE * len(head)


def decode(data: bytes) -> str:
    """Decode a file's bytes; raises ValueError with a reason the user can act on."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return normalize_newlines(data.decode(encoding))
    if (encoding := _utf16_without_bom(data)) is not None:
        return normalize_newlines(data.decode(encoding, errors="replace"))
    if looks_binary(data):
        raise ValueError("binary content (control bytes such as NUL), not text")
    try:
        return normalize_newlines(data.decode("utf-8"))  # valid UTF-8 is UTF-8, whatever a page declares
    except UnicodeDecodeError:
        declared = _declared_text(data)
    return normalize_newlines(declared if declared is not None else data.decode("utf-8", errors="cp1252-fallback"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 that lost its byte-order mark: Latin-script text has a NUL as every other byte, at odd
    positions (little-endian) or even ones (big-endian), and almost none on the other side."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= UTF16_NUL_SHARE * half and even <= (1 - UTF16_NUL_SHARE) * half:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * half and odd <= (1 - UTF16_NUL_SHARE) * half:
        return "utf-16-be"
    return None


def _declared_text(data: bytes) -> str | None:
    """A saved page in a legacy charset (Shift_JIS, EUC-KR, windows-1251…) that says so in its head is
    decoded as it says, when that works; UTF-8 declarations take the usual path. (Only asked for bytes
    that are not valid UTF-8: tools that re-save pages as UTF-8 often leave the old declaration.)"""
    match = DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    try:
        codec = codecs.lookup((match.group(1) or match.group(2)).decode("ascii"))
        return None if codec.name in ("utf-8", "utf-8-sig") else data.decode(codec.name)
    except (LookupError, UnicodeDecodeError, UnicodeEncodeError):
        return None  # an unknown or wrong declaration: the bytes decide


def _cp1252_fallback(error: UnicodeDecodeError):
    """Bytes that are not UTF-8 are read as cp1252, byte by byte, so a feed that mixes the two
    (concatenated exports) keeps both right; cp1252 leaves five bytes undefined: latin-1 maps those."""
    bad = error.object[error.start:error.end]
    return "".join(bytes([byte]).decode("cp1252", errors="replace").replace("\ufffd", chr(byte))
                   for byte in bad), error.end


codecs.register_error("cp1252-fallback", _cp1252_fallback)


def normalize_newlines(text: str) -> str:
    """One newline convention; a stray NUL (which SQLite's text functions stop at) becomes U+FFFD."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
