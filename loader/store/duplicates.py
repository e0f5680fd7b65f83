"""Near-duplicates: the same story stored again under another identity — wire copy republished with a
new headline, a trailing line added, a word changed. They are kept (each is a real publication) and
linked: `articles.near_duplicate_of` names the first article of the family, `near_duplicate_score`
says how alike the bodies are.

MinHash over word 5-shingles of the body, cut into LSH bands stored in `article_bands`, so any later
load finds candidates with an indexed lookup instead of comparing with every article; a candidate
counts when the exact Jaccard similarity of the two shingle sets reaches SIMILARITY. Bodies shorter
than MIN_WORDS are not linked.

Why it is built this way (measured on Reuters-21578, see benchmarks/RESULTS.md): shingles are 64-bit
integers (CRC-32 of each word, combined five at a time with numpy), not strings, and the MinHash is one
numpy expression over all shingles and permutations. A band is one row (band key, article rowid) of a
WITHOUT ROWID table whose primary key is the whole table: a 31-bit key and the article's rowid are two
small integers, ~15 bytes a band on disk. There is no index by article: when an article's body changes,
the bands of its earlier bodies (all kept in article_versions) are computed again and deleted by key.
(Hex-text keys in a rowid table with two indexes were 43% of an archive without NLP; 63-bit keys with the
article's text id and an index on it, ~70 bytes a band, still 28%.)
"""
import re
import zlib

import numpy as np

SHINGLE_WORDS = 5
# 16 bands of 4 rows: pairs with Jaccard ≥ 0.8 share a band with probability > 0.999; each candidate
# is then checked exactly, so the bands only need to miss nothing.
BANDS, ROWS = 16, 4
SEED = 1  # fixed, so band keys stored by earlier loads stay comparable
SIMILARITY = 0.8
# Below this many words a body alone cannot say two items are one story: short notices built from one
# template ("Qtly div 10 cts vs 10 cts / Pay April 1") share most shingles across different companies.
MIN_WORDS = 40
# A candidate must share this many of the 16 bands before its body is read and compared. Measured on
# pairs made from Reuters-21578 bodies by replacing words (benchmarks/scale.py, "band filter"): pairs with
# Jaccard 0.8-0.85 share three bands or more 99.9% of the time (two: 100%), 0.85 and up always; pairs at
# 0.35-0.45, which stories rewritten from the same wire copy often are, 3-5x less often than they share two.
# Those are read and compared for nothing, and their number grows with the archive: in generated archives
# at 50-100k articles, 1.06 candidates per new article with two bands, 0.15 with three.
MIN_SHARED_BANDS = 3
MAX_CANDIDATES = 50
TABLE = "article_bands"
# Band keys keep their top 31 bits: SQLite stores them in 4 bytes instead of 8. At a million articles (16
# million keys) a lookup key meets an unrelated article's key with probability ~1/130, and a candidate
# needs MIN_SHARED_BANDS such meetings before its body is read: chance collisions cost nothing measurable.
KEY_SHIFT = np.uint64(64 - 31)
WORD = re.compile(r"\w+")
_SHIFT = np.uint64(32)
_WORD_MIX = np.uint64(0x9E3779B97F4A7C15)
_rng = np.random.RandomState(SEED)
# Multiply-shift hashing, (a·x + b) mod 2**64 >> 32 with odd a: one multiply and one shift per shingle and
# permutation, no division.
_A = _rng.randint(0, 2**63 - 1, size=BANDS * ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.randint(0, 2**63 - 1, size=BANDS * ROWS, dtype=np.uint64)
del _rng


def create_table(db) -> None:
    """The band table, created before sqlite-utils would make it a rowid table (it cannot say WITHOUT
    ROWID): the primary key is the table, so each band is stored once. `article_rowid` is the article's
    rowid (what the FTS index keys articles by too), not its text id: a small integer."""
    db.execute(f"create table if not exists [{TABLE}] (band integer not null, article_rowid integer not null, "
               f"primary key (band, article_rowid)) without rowid")


def current_shape(db) -> bool:
    """Whether the band table is the one create_table makes (older archives: text keys, text ids)."""
    shape = db.execute("select sql from sqlite_master where name = ?", [TABLE]).fetchone()
    columns = {row[1] for row in db.execute(f"pragma table_info([{TABLE}])")}
    return bool(shape) and "without rowid" in (shape[0] or "").lower() and columns == {"band", "article_rowid"}


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The body's runs of `size` words, case folded (as text: for comparing two bodies once)."""
    words = WORD.findall(body.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def similarity(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def shingle_hashes(body: str) -> np.ndarray:
    """The body's word 5-shingles as sorted unique 64-bit integers (a body of up to five words is one
    shingle; an empty body none). Case and punctuation do not count. What near-duplicate search uses:
    no strings are built, and two arrays compare in numpy."""
    words = WORD.findall(body.casefold())
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(hashes))
    count = len(hashes) - width + 1
    combined = hashes[:count].copy()
    for offset in range(1, width):  # wraps modulo 2**64, which is what a hash wants
        combined *= _WORD_MIX
        combined += hashes[offset:offset + count]
    combined.sort()  # sorted and unique, as np.unique gives, at a fraction of its overhead on small arrays
    return combined[np.concatenate(([True], combined[1:] != combined[:-1]))]


class _WordHashes(dict):
    """word → CRC-32, stable across processes and runs (unlike hash()); a cache, since news reuses its
    words, read with map(cache.__getitem__, …) so a known word costs one C-level lookup."""

    def __missing__(self, word: str) -> int:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


MAX_CACHED_WORDS = 1 << 20
_WORD_HASHES = _WordHashes()


def band_keys(parts: np.ndarray) -> list[int]:
    """One integer per band: the band's number and its ROWS MinHash values, mixed into 31 bits."""
    return _keys(((parts[:, None] * _A + _B) >> _SHIFT).min(axis=0))


def _fingerprint(body: str) -> tuple[np.ndarray, list[int]]:
    parts = shingle_hashes(body)
    return parts, band_keys(parts) if len(parts) > MIN_WORDS - SHINGLE_WORDS else []


def _keys(signature: np.ndarray) -> list[int]:
    signature = signature.reshape(BANDS, ROWS)
    keys = np.arange(BANDS, dtype=np.uint64)
    for row in range(ROWS):
        keys = keys * _WORD_MIX + signature[:, row]
    return (keys >> KEY_SHIFT).tolist()


def hash_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle arrays (as shingle_hashes() returns them)."""
    if not len(a) and not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


def save_fingerprint(db, article_id: str, body: str) -> str | None:
    """Store the article's bands (its earlier bodies' bands go) and link it to its nearest earlier twin;
    returns that twin's family id (None when it has none)."""
    rowid = db.execute("select rowid from articles where id = ?", [article_id]).fetchone()[0]
    parts, keys = _fingerprint(body)
    # Plain SQL: this runs once per stored article, and sqlite-utils' table helpers re-read the schema.
    earlier = {key for (old,) in db.execute("select body from article_versions where article_id = ?", [article_id])
               for key in _fingerprint(old or "")[1]}
    db.conn.executemany(f"delete from [{TABLE}] where band = ? and article_rowid = ?",
                        [(key, rowid) for key in sorted(earlier - set(keys))])
    db.conn.executemany(f"insert or ignore into [{TABLE}] (band, article_rowid) values (?, ?)",
                        [(key, rowid) for key in keys])
    twin, score = _nearest(db, article_id, rowid, parts, keys)
    db.execute("update articles set near_duplicate_of = ?, near_duplicate_score = ? where rowid = ? "
               "and (near_duplicate_of is not ? or near_duplicate_score is not ?)",
               [twin, score, rowid, twin, score])  # an unlinked new article is not written twice
    return twin


def save_new_fingerprints(db, articles: list[tuple[int, str, str]]) -> list[str | None]:
    """save_fingerprint for articles just inserted in this order, as (rowid, id, body) (no bands yet, no
    links), each finding twins among the articles stored before it; returns each one's twin family id or
    None. The bands of the whole batch go in in one statement, in key order. (Computing the MinHash of
    many bodies in one numpy pass was measured too: slower than body by body, whose small arrays stay in
    the CPU cache.)"""
    prints = [_fingerprint(body) for _, _, body in articles]
    keys = np.fromiter((key for _, article_keys in prints for key in article_keys), dtype=np.int64)
    rowids = np.repeat(np.array([rowid for rowid, _, _ in articles], dtype=np.int64), [len(k) for _, k in prints])
    order = np.argsort(keys, kind="stable")  # in key order, the band table's pages are visited once each
    db.conn.executemany(f"insert or ignore into [{TABLE}] (band, article_rowid) values (?, ?)",
                        zip(keys[order].tolist(), rowids[order].tolist()))
    twins, links, families = [], [], {}
    for (rowid, article_id, _), (parts, keys) in zip(articles, prints):
        twin, score = _nearest(db, article_id, rowid, parts, keys, before=True, families=families)
        if twin is not None:
            links.append((twin, score, rowid))
            families[article_id] = twin  # its links are written after the loop; later ones read them here
        twins.append(twin)
    db.conn.executemany("update articles set near_duplicate_of = ?, near_duplicate_score = ? where rowid = ?", links)
    return twins


def _nearest(db, article_id: str, rowid: int, parts: np.ndarray, keys: list[int], before: bool = False,
             families: dict | None = None) -> tuple[str | None, float | None]:
    """The best twin among the articles sharing MIN_SHARED_BANDS bands (only those stored before this
    one when `before`); `families` holds links made but not yet written (article id → family id)."""
    if not keys:
        return None, None
    marks = ",".join("?" * len(keys))
    rows = db.execute(f"""select a.id, a.body, a.near_duplicate_of from articles a
                          where a.rowid in (select article_rowid from [{TABLE}] where band in ({marks})
                                            and article_rowid != ? and article_rowid < ? group by article_rowid
                                            having count(*) >= {MIN_SHARED_BANDS} limit {MAX_CANDIDATES})
                          order by a.rowid""", [*keys, rowid, rowid if before else 2**63 - 1])
    best = (None, 0.0)
    for candidate, body, family in rows:
        family = (families or {}).get(candidate, family)
        if family == article_id:
            continue  # a later copy of this very article: it links here, not the other way round
        score = hash_similarity(parts, shingle_hashes(body or ""))
        if score >= SIMILARITY and score > best[1]:
            best = (family or candidate, round(score, 3))
    return best if best[0] else (None, None)


def rebuild_bands(db) -> None:
    """Migration: archives whose `article_bands` is not in the current shape (hex-text keys in a rowid
    table; 63-bit keys with the article's text id and an index on it) get the current table, and every
    stored body is banded again, oldest first (links are kept). A table in the current shape is left."""
    if current_shape(db):
        return
    db.execute(f"drop table if exists [{TABLE}]")
    create_table(db)
    cursor = db.conn.execute("select rowid, body from articles order by rowid")
    while chunk := cursor.fetchmany(1000):
        db.conn.executemany(f"insert or ignore into [{TABLE}] (band, article_rowid) values (?, ?)",
                            [(key, rowid) for rowid, body in chunk for key in _fingerprint(body or "")[1]])
