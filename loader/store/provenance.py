"""Provenance: the same quote reported by several articles is one quote group, whose first source is
the earliest article that reports it (after any source its credit lines name: credits.py).

refresh_provenance (a FINISHER, run after refresh_stories) groups the quotes that have no group yet,
oldest article first, and never regroups the archive. A quote joins a group when it says the same
thing as a quote of that group in its own story — the content words of the shorter one
(QUOTE_MIN_WORDS or more) are almost all (QUOTE_CONTAINMENT) in the longer one, so "operates
outside of North Korea" and "operates outside North Korea", or a direct quote and the same words
reported, are one quote — or when its content words are exactly those of a group in any story.
Quote rows are rewritten when an article is extracted again; their new rows find their groups again,
and groups left without quotes are dropped.
"""
import hashlib

from .rows import chunks, marks
from .stories import instant, words

QUOTE_MIN_WORDS = 4  # content words a quote needs to be matched by containment (below: exact only)
QUOTE_CONTAINMENT = 0.8  # share of the shorter quote's content words found in the longer one
def refresh_provenance(db) -> int:
    """Group the quotes that have no group; returns how many were grouped."""
    return group_quotes(db)


def quote_words(content: str | None) -> frozenset:
    return frozenset(words(content))


def quote_key(found: frozenset) -> str:
    return hashlib.sha256(" ".join(sorted(found)).encode("utf-8")).hexdigest()[:16]


def same_quote(a: frozenset, b: frozenset) -> bool:
    shorter = min(len(a), len(b))
    if shorter < QUOTE_MIN_WORDS:
        return a == b and bool(a)
    return len(a & b) >= QUOTE_CONTAINMENT * shorter


def group_quotes(db) -> int:
    """Give every quote without a group one (an existing group of the same quote, or a new one)."""
    pending = db.execute("""select quotes.id, quotes.content, articles.story_id from quotes
        join articles on articles.id = quotes.article_id where quotes.group_id is null
        order by articles.published_at is null, articles.published_at, articles.rowid, quotes.start""").fetchall()
    by_story: dict = {}  # story id → [(group id, words)] of its grouped quotes, read once per run
    touched = set()
    for quote_id, content, story in pending:
        found = quote_words(content)
        if story not in by_story:
            by_story[story] = _story_quotes(db, story)
        group = _matching_group(db, by_story[story], found)
        if group is None:
            group = db.execute("insert into quote_groups (key) values (?)", [quote_key(found)]).lastrowid
        if story is not None:  # quotes of no story match by exact words only (as _story_quotes(None) says):
            by_story[story].append((group, found))  # one shared list for them all was quadratic
        db.execute("update quotes set group_id = ?, story_id = ? where id = ?", [group, story, quote_id])
        touched.add(group)
    db.execute("delete from quote_groups where not exists (select 1 from quotes where group_id = quote_groups.id)")
    refresh_group_rows(db, touched)
    return len(pending)


def _story_quotes(db, story) -> list:
    if story is None:
        return []
    return [(group, quote_words(content)) for group, content in db.execute(
        "select quotes.group_id, quotes.content from quotes join articles on articles.id = quotes.article_id "
        "where articles.story_id = ? and quotes.group_id is not null order by quotes.group_id", [story])]


def _matching_group(db, grouped: list, found: frozenset) -> int | None:
    for group, other in grouped:
        if same_quote(found, other):
            return group
    row = db.execute("select id from quote_groups where key = ? order by id limit 1", [quote_key(found)]).fetchone()
    return row[0] if row and found else None


def refresh_group_rows(db, group_ids) -> None:
    """Recompute each group's first source, wording, speaker and counts."""
    for chunk in chunks(sorted(group_ids)):
        members: dict = {}
        for row in db.execute(
                f"""select quotes.group_id, quotes.article_id, articles.source_id, articles.published_at,
                quotes.content, quotes.speaker, quotes.start, articles.rowid from quotes
                join articles on articles.id = quotes.article_id where quotes.group_id in ({marks(chunk)})""",
                chunk):
            members.setdefault(row[0], []).append(row[1:])
        credits = _credited_sources(db, [row[0] for rows in members.values() for row in rows])
        db.conn.executemany(
            "update quote_groups set first_article_id = ?, first_source_id = ?, first_published = ?, content = ?, "
            "speaker = ?, quote_count = ?, article_count = ?, source_count = ? where id = ?",
            [(*_group_row(rows, credits), group) for group, rows in members.items()])


def _credited_sources(db, article_ids: list[str]) -> dict[str, set]:
    found: dict = {}
    for chunk in chunks(sorted(set(article_ids))):
        for article_id, source in db.execute(f"select article_id, source_id from article_credits where article_id "
                                             f"in ({marks(chunk)}) and source_id is not null", chunk):
            found.setdefault(article_id, set()).add(source)
    return found


def _group_row(rows: list[tuple], credits: dict) -> tuple:
    """rows: (article, source, published, content, speaker, start, rowid) of one group's quotes.

    The first source is the earliest article, except that an article crediting another source of
    the group ("Additional reporting by Reuters") comes after it: it took the quote from there, and
    it is how an undated wire story is still found to be first."""
    sources = {row[1] for row in rows}
    rows = sorted(rows, key=lambda row: (bool(credits.get(row[0], set()) & (sources - {row[1]})),
                                         instant(row[2]), row[6], row[5] or 0))
    first = rows[0]
    speaker = next((row[4] for row in rows if row[4]), None)
    return (first[0], first[1], first[2], first[3], speaker, len(rows), len({row[0] for row in rows}),
            len(sources))
