"""Bytes → text: byte-order marks, UTF-8, cp1252 fallback, one newline convention."""
import codecs

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def looks_binary(data: bytes) -> bool:
    """NUL bytes never occur in text outside UTF-16, which decode() has handled by its BOM."""
    return b"\x00" in data[:8192]


def decode(data: bytes) -> str:
    """Decode a file's bytes; raises ValueError with a reason the user can act on."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return normalize_newlines(data.decode(encoding))
    if looks_binary(data):
        raise ValueError("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="latin1-fallback")
    return normalize_newlines(text)


def _latin1_fallback(error: UnicodeDecodeError):
    # cp1252 leaves five bytes undefined; latin-1 maps those so nothing is dropped.
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("latin1-fallback", _latin1_fallback)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
