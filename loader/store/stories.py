"""Stories: the articles about one event share a `story_id`, whichever sources wrote them.

refresh_stories (a FINISHER, run at the end of every load, after extraction) clusters the extracted
articles that have no story yet, oldest first; it never re-clusters the archive. For each article:

1. What it is about: the content words of its title (TITLE_WEIGHT) and of its lede (the first
   LEDE_WORDS words), and, when extraction has run, the entities and places it mentions
   (NAME_WEIGHT). Each feature is weighted by its rarity (IDF over `story_terms`, the number of
   clustered articles that have it), so "said" or "market" weigh nothing and "Ku Sung-sop" a lot.
2. Who could share its story: articles with one of its keys (its rarest title words, names and
   lede words, kept in `story_keys`) published within WINDOW_DAYS days of it, or undated. An
   indexed lookup, so the cost per article does not grow with the archive.
3. Which story: it joins the story of its most similar candidate (cosine of the weighted features)
   when that similarity reaches SIMILARITY, and its near-duplicate twin's story in any case; but
   never a story that began more than STORY_DAYS before (or after) it. Otherwise it starts a story.
   An undated article is compared with candidates of any date. Stories never merge, so a story
   cannot swallow another one after the fact.

An article keeps its story when its text is later corrected. `stories` rows carry a label (the
first article's headline), first and last publication and article and source counts.
The credit lines of the clustered articles are linked to their sources (credits.py); quotes are
grouped across the articles of a story by provenance.py, the finisher after this one.
"""
import math
import re
from collections import Counter, OrderedDict
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from ..datafiles import data_lines
from .credits import save_credits
from .rows import chunks, marks

# Thresholds, tuned on benchmarks/stories_pairs.tsv (benchmarks/results/stories.md).
SIMILARITY = 0.40  # cosine at which an article joins its most similar candidate's story
WINDOW_DAYS = 3  # a candidate was published at most this many days before or after (by calendar day)
# A story spans at most this many days from its first article: daily reports of one kind ("U.K. money
# market shortage forecast") are alike every day and would otherwise chain into one story for months.
STORY_DAYS = 4
TITLE_WEIGHT = 2.0  # a headline word counts twice a lede word: headlines name the event
LEDE_WORDS = 60  # the first words of the body say what happened; later ones drift to background
NAME_WEIGHT = 1.5  # an entity or place the article mentions (when extracted)
NAME_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW")
# IDF as if the archive had at least this many articles: in a tiny archive every word is "rare",
# and without the floor two articles sharing their words would give those words no weight at all.
IDF_MIN_DOCS = 100
# Keys per article in story_keys: its rarest title words, names and lede words.
TITLE_KEYS, NAME_KEYS, LEDE_KEYS = 8, 6, 4
COMMON_KEY_SHARE = 0.05  # a feature in more than this share of articles is no key (too many postings)
MAX_CANDIDATES = 60  # articles sharing the most keys, compared in full
CHUNK = 500  # pending articles read at a time
CACHE_ARTICLES = 20_000  # features of recently clustered articles kept in memory
LEDE_CHARS = 1500  # enough body to hold LEDE_WORDS words
WORD = re.compile(r"\w+")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
LATEST = datetime.max.replace(tzinfo=timezone.utc)


@lru_cache(maxsize=1)
def stop_words() -> frozenset:
    return frozenset(data_lines("story_stop_words.txt"))


def words(text: str | None) -> list[str]:
    """Content words, casefolded, a plural -s taken off ("Sanctions" → "sanction")."""
    stop = stop_words()
    return [_singular(word) for word in WORD.findall((text or "").casefold()) if len(word) > 1 and word not in stop]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def features(title: str | None, body: str | None, names=()) -> dict[str, float]:
    """feature → weight: w:<word> from title and lede, n:<id> for each entity or place mentioned."""
    found: Counter = Counter()
    for word in set(words(title)):
        found["w:" + word] += TITLE_WEIGHT
    for word in set(words(" ".join((body or "").split()[:LEDE_WORDS]))):
        found["w:" + word] += 1.0
    for name in set(names):
        found["n:" + str(name)] = NAME_WEIGHT
    return dict(found)


def day_of(published_at: str | None) -> str:
    """YYYY-MM-DD of a publication time as printed ('' when undated)."""
    return published_at[:10] if published_at and DAY.match(published_at) else ""


def window(day: str) -> list[str]:
    """The days a candidate may be published on, and '' (undated)."""
    try:
        middle = date.fromisoformat(day)
    except ValueError:
        return [""]
    return [""] + [(middle + timedelta(days=offset)).isoformat() for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]


def cosine(a: dict, b: dict) -> float:
    return similarity(vector(a), vector(b))


def vector(weights: dict) -> tuple[dict, float]:
    """Weighted features and their norm, computed once per article."""
    return weights, math.sqrt(sum(w * w for w in weights.values()))


def similarity(a: tuple[dict, float], b: tuple[dict, float]) -> float:
    (small, small_norm), (large, large_norm) = sorted((a, b), key=lambda pair: len(pair[0]))
    norms = small_norm * large_norm
    return sum(weight * large[key] for key, weight in small.items() if key in large) / norms if norms else 0.0


class StoryIndex:
    """Document frequencies, keys and weighted features of clustered articles, for one run of the finisher.

    Frequencies come from `story_terms` and are written back by flush(). An article's weighted
    features are kept as they were weighted when it was clustered (weights drift little as an
    archive grows); those not in the in-memory cache of recent articles are rebuilt from the database."""

    def __init__(self, db):
        self.db = db
        self.docs = db.execute("select count(*) from articles where story_id is not null").fetchone()[0]
        self.df: dict[str, int] = {}
        self.added: Counter = Counter()
        self.cache: OrderedDict = OrderedDict()
        self.first_days: dict[int, str] = {}  # story → day of its first dated article ('' if none)

    def first_day(self, story: int) -> str:
        if story not in self.first_days:
            row = self.db.execute("select min(substr(published_at, 1, 10)) from articles where story_id = ? "
                                  "and published_at >= '0000-00-00'", [story]).fetchone()
            self.first_days[story] = day_of(row[0]) if row else ""
        return self.first_days[story]

    def joined(self, story: int, day: str) -> None:
        first = self.first_day(story)
        if day and (not first or day < first):
            self.first_days[story] = day

    def weights(self, found: dict) -> dict:
        self._load_df(found)
        total = max(self.docs, IDF_MIN_DOCS) + 1
        return {key: weight * math.log(total / (self.df[key] + 1)) for key, weight in found.items()}

    def keys(self, found: dict) -> list[str]:
        """The article's rarest features of each kind (that are not too common to look up)."""
        self._load_df(found)
        limit = COMMON_KEY_SHARE * max(self.docs, IDF_MIN_DOCS)
        kinds = {"title": [], "name": [], "lede": []}
        for key, weight in found.items():
            if self.df[key] <= limit:
                kind = "name" if key.startswith("n:") else "title" if weight >= TITLE_WEIGHT else "lede"
                kinds[kind].append(key)
        chosen = []
        for kind, count in (("title", TITLE_KEYS), ("name", NAME_KEYS), ("lede", LEDE_KEYS)):
            chosen += sorted(kinds[kind], key=lambda key: (self.df[key], key))[:count]
        return chosen

    def candidates(self, keys: list[str], day: str, article_id: str) -> list[str]:
        """Clustered articles sharing the most keys with this one, within the time window."""
        if not keys:
            return []
        sql = f"select article_id from story_keys where key in ({marks(keys)})"
        args = list(keys)
        if day:
            days = window(day)
            sql += f" and day in ({marks(days)})"
            args += days
        sql += f" and article_id != ? group by article_id order by count(*) desc, min(rowid) limit {MAX_CANDIDATES}"
        return [row[0] for row in self.db.execute(sql, args + [article_id])]

    def vectors_of(self, article_ids: list[str]) -> dict[str, tuple]:
        missing = [article_id for article_id in article_ids if article_id not in self.cache]
        if missing:
            for article_id, row in read_articles(self.db, missing).items():
                self._remember(article_id, vector(self.weights(row["features"])))
        return {article_id: self.cache[article_id] for article_id in article_ids if article_id in self.cache}

    def add(self, article_id: str, found: dict, day: str, weighted: tuple | None = None) -> None:
        keys = self.keys(found)
        self.db.conn.executemany("insert or ignore into story_keys (key, day, article_id) values (?, ?, ?)",
                                 [(key, day, article_id) for key in keys])
        for key in found:
            self.df[key] += 1
            self.added[key] += 1
        self.docs += 1
        self._remember(article_id, weighted or vector(self.weights(found)))

    def flush(self) -> None:
        self.db.conn.executemany("insert into story_terms (term, df) values (?, ?) "
                                 "on conflict (term) do update set df = df + excluded.df", self.added.items())
        self.added.clear()

    def _remember(self, article_id: str, weighted: tuple) -> None:
        self.cache[article_id] = weighted
        self.cache.move_to_end(article_id)
        while len(self.cache) > CACHE_ARTICLES:
            self.cache.popitem(last=False)

    def _load_df(self, found: dict) -> None:
        missing = [key for key in found if key not in self.df]
        for chunk in chunks(missing):
            known = dict(self.db.execute(f"select term, df from story_terms where term in ({marks(chunk)})", chunk))
            for key in chunk:
                self.df[key] = known.get(key, 0)


def read_articles(db, article_ids: list[str]) -> dict[str, dict]:
    """id → {day, features, twin, story_id} for these articles, names included when extracted."""
    found = {}
    for chunk in chunks(article_ids):
        held = marks(chunk)
        names: dict = {}
        for article_id, entity in db.execute(
                f"select distinct article_id, entity_id from mentions where article_id in ({held}) "
                f"and type in ({marks(NAME_TYPES)})", chunk + list(NAME_TYPES)):
            names.setdefault(article_id, []).append(entity)
        for article_id, place in db.execute(
                f"select distinct article_id, place_id from locations where article_id in ({held})", chunk):
            names.setdefault(article_id, []).append(f"place:{place}")
        for row in db.execute(
                f"select id, title, substr(body, 1, {LEDE_CHARS}), published_at, near_duplicate_of, story_id "
                f"from articles where id in ({held})", chunk):
            found[row[0]] = {"features": features(row[1], row[2], names.get(row[0], ())), "day": day_of(row[3]),
                             "twin": row[4], "story_id": row[5]}
    return found


def refresh_stories(db, unextracted: bool = False) -> int:
    """Give every article without a story one (joining an existing story or starting one) and refresh
    the touched stories' rows; returns how many articles were clustered.

    Only articles extraction has seen (`extracted_with` set, failed included) are clustered, so that
    their names count: a `--no-nlp` load leaves its articles for the load or `extract --db` that
    extracts them. `unextracted` clusters the others too, by their words alone."""
    wait = "" if unextracted else "and extracted_with is not null "
    pending = [row[0] for row in db.execute(
        f"select id from articles where story_id is null {wait}order by published_at is null, published_at, rowid")]
    index = StoryIndex(db)
    touched = set()
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start:start + CHUNK]
        rows = read_articles(db, chunk)
        for article_id in chunk:
            touched.add(place_article(db, index, article_id, rows[article_id]))
        index.flush()
    refresh_story_rows(db, touched)
    save_credits(db, pending)
    return len(pending)


def place_article(db, index: StoryIndex, article_id: str, row: dict) -> int:
    """Put one article in its story (found or new); returns the story id."""
    story = _story_of(db, row["twin"]) if row["twin"] else None
    if story is not None and not within_span(index.first_day(story), row["day"]):
        story = None  # a copy of an old report, sent again: today's news, not the old story's
    if story is None:
        story = best_story(db, index, article_id, row)
    if story is None:
        story = db.execute("insert into stories (article_count) values (1)").lastrowid
    db.execute("update articles set story_id = ? where id = ?", [story, article_id])
    index.add(article_id, row["features"], row["day"], row.get("vector"))
    index.joined(story, row["day"])
    return story


def best_story(db, index: StoryIndex, article_id: str, row: dict) -> int | None:
    """The story of the most similar candidate that is similar enough and whose story it may join."""
    candidates = index.candidates(index.keys(row["features"]), row["day"], article_id)
    mine = row.setdefault("vector", vector(index.weights(row["features"])))
    scored = sorted(((similarity(mine, theirs), other) for other, theirs in index.vectors_of(candidates).items()),
                    reverse=True)
    for score, other in scored:
        if score < SIMILARITY:
            return None
        story = _story_of(db, other)
        if within_span(index.first_day(story), row["day"]):
            return story
    return None


def within_span(first: str, day: str) -> bool:
    """Whether an article of `day` may join a story that began on `first` (undated: always)."""
    if not (first and day):
        return True
    return abs((date.fromisoformat(day) - date.fromisoformat(first)).days) <= STORY_DAYS


def _story_of(db, article_id: str) -> int | None:
    row = db.execute("select story_id from articles where id = ?", [article_id]).fetchone()
    return row[0] if row else None


def refresh_story_rows(db, story_ids) -> None:
    """Recompute label, first/last publication and counts of these stories from their articles."""
    for chunk in chunks(sorted(story_ids)):
        members: dict = {}
        for row in db.execute(f"select story_id, title, title_derived, published_at, source_id from articles "
                              f"where story_id in ({marks(chunk)}) order by rowid", chunk):
            members.setdefault(row[0], []).append(row[1:])
        db.conn.executemany(
            "update stories set label = ?, first_published = ?, last_published = ?, article_count = ?, "
            "source_count = ? where id = ?", [(*_story_row(rows), story) for story, rows in members.items()])


def _story_row(rows: list[tuple]) -> tuple:
    """(label, first, last, article count, source count) of a story's (title, derived, published, source)
    rows: the label is the earliest article's headline, a given one before one made from a lede."""
    dated = sorted((row for row in rows if row[2]), key=lambda row: instant(row[2]))
    ordered = sorted(rows, key=lambda row: (not row[0], bool(row[1]), instant(row[2])))
    return (ordered[0][0], dated[0][2] if dated else None, dated[-1][2] if dated else None, len(rows),
            len({row[3] for row in rows}))


def instant(published_at: str | None) -> datetime:
    """A sort key for publication times as stored: with an offset → UTC; a naive time or a date is
    taken as UTC; undated or unreadable sorts last."""
    try:
        moment = datetime.fromisoformat(published_at if len(published_at or "") > 7 else f"{published_at}-01")
    except (TypeError, ValueError):
        return LATEST
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
