"""Near-duplicates: the same story stored again under another identity — wire copy republished with a
new headline, a trailing line added, a word changed. They are kept (each is a real publication) and
linked: `articles.near_duplicate_of` names the first article of the family, `near_duplicate_score`
says how alike the bodies are.

MinHash over word 5-shingles of the body, cut into LSH bands stored in `article_bands`, so any later
load finds candidates with an indexed lookup instead of comparing with every article; a candidate
counts when the exact Jaccard similarity of the two shingle sets reaches SIMILARITY. Bodies shorter
than MIN_WORDS are not linked.
"""
import hashlib
import re
from functools import lru_cache

from datasketch import MinHash

SHINGLE_WORDS = 5
# 16 bands of 4 rows: pairs with Jaccard ≥ 0.8 share a band with probability > 0.999; each candidate
# is then checked exactly, so the bands only need to miss nothing.
BANDS, ROWS = 16, 4
SEED, SCHEME = 1, "affine32"  # fixed, so band keys stored by earlier loads stay comparable
SIMILARITY = 0.8
# Below this many words a body alone cannot say two items are one story: short notices built from one
# template ("Qtly div 10 cts vs 10 cts / Pay April 1") share most shingles across different companies.
MIN_WORDS = 40
MAX_CANDIDATES = 50
TABLE = "article_bands"


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The body's runs of `size` words, case folded."""
    words = re.findall(r"\w+", body.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=BANDS * ROWS, seed=SEED, scheme=SCHEME).permutations


def band_keys(parts: set[str]) -> list[str]:
    minhash = MinHash(num_perm=BANDS * ROWS, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch([part.encode("utf-8") for part in sorted(parts)])
    values = minhash.hashvalues
    return [f"{band}:{hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
            for band in range(BANDS)]


def similarity(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def save_fingerprint(db, article_id: str, body: str) -> str | None:
    """Store the article's bands and link it to its nearest earlier twin; returns that twin's family id
    (None when it has none)."""
    parts = shingles(body)
    keys = band_keys(parts) if len(parts) > MIN_WORDS - SHINGLE_WORDS else []
    # Plain SQL: this runs once per stored article, and sqlite-utils' table helpers re-read the schema.
    db.execute(f"delete from [{TABLE}] where article_id = ?", [article_id])
    db.conn.executemany(f"insert or ignore into [{TABLE}] (band, article_id) values (?, ?)",
                        [(key, article_id) for key in keys])
    twin, score = _nearest(db, article_id, parts, keys)
    db.execute("update articles set near_duplicate_of = ?, near_duplicate_score = ? where id = ?",
               [twin, score, article_id])
    return twin


def _nearest(db, article_id: str, parts: set, keys: list[str]) -> tuple[str | None, float | None]:
    if not keys:
        return None, None
    marks = ",".join("?" * len(keys))
    rows = db.query(f"""select a.id, a.body, a.near_duplicate_of from articles a
                        where a.id in (select distinct article_id from [{TABLE}] where band in ({marks})
                                       and article_id != ? limit {MAX_CANDIDATES})
                        order by a.rowid""", [*keys, article_id])
    best = (None, 0.0)
    for row in rows:
        if row["near_duplicate_of"] == article_id:
            continue  # a later copy of this very article: it links here, not the other way round
        score = similarity(parts, shingles(row["body"] or ""))
        if score >= SIMILARITY and score > best[1]:
            best = (row["near_duplicate_of"] or row["id"], round(score, 3))
    return best if best[0] else (None, None)
