"""Versioned upgrades of archives made by older versions; PRAGMA user_version counts those applied.

`ensure_db_shape` adds whatever is missing (tables, columns, FTS, indexes). A migration does what
adding cannot: fill new columns from the data already there, rebuild an index. Each runs in the
transaction that bumps user_version, so a load killed mid-upgrade leaves the old version, and the
upgrade runs again next time. Migrations never drop data: columns and tables they do not know stay.
To change the schema, append a function to MIGRATIONS; never edit one that has shipped.
"""
from ..model import BadInput


class NewerArchive(BadInput):
    """The file was written by a newer news-archive: upgrading code, not the file, is the fix."""


def backfill_derived_columns(db) -> None:
    """Archives from before user_version: fill the columns later versions derive while loading
    (old values are left as they are), and index the text no trigger indexed."""
    db.execute("update articles set published_month = substr(published_at, 1, 7) "
               "where published_month is null and length(published_at) >= 7")
    db.execute("update articles set title_derived = 0 where title_derived is null")
    counted = [(len((row["body"] or "").split()), row["id"])
               for row in db.query("select id, body from articles where word_count is null")]
    db.conn.executemany("update articles set word_count = ? where id = ?", counted)
    from . import FTS  # the schema constants live in the package that imports this module

    for name in FTS:  # rows written while no trigger kept the index in sync
        db.execute(f"insert into [{name}_fts]([{name}_fts]) values('rebuild')")


def fingerprint_existing_articles(db) -> None:
    """Archives from before near-duplicate linking: band every stored body, oldest first, so articles
    loaded from now on find their twins among them (and old twins get linked)."""
    from .duplicates import save_fingerprint

    for row in list(db.query("select id, body from articles order by rowid")):
        save_fingerprint(db, row["id"], row["body"] or "")


def count_place_articles(db) -> None:
    """Archives from before places.article_count and the articles' place/country arrays: derive them
    from the locations already stored."""
    db.execute("update places set article_count = (select count(distinct article_id) from locations "
               "where locations.place_id = places.id)")
    db.execute("""update articles set
        place_names = (select json_group_array(name) from (select distinct places.name from locations
            join places on places.id = locations.place_id where locations.article_id = articles.id order by 1)),
        country_codes = (select json_group_array(country_code) from (select distinct places.country_code
            from locations join places on places.id = locations.place_id
            where locations.article_id = articles.id and places.country_code is not null order by 1))
        where place_names is null""")


def derive_identity_keys(db) -> None:
    """Archives from before versioned identities: each article's identity key, from its stored fields
    (its id stays as it was). Extraction results from before `extracted_with` carry no version, so those
    articles are pending and the next load or `news-archive extract --db` brings them up to date."""
    from . import identity_key

    keys = [(identity_key(row["url"], row["source_id"], row["title"], row["title_derived"], row["published_at"],
                          row["body"]), row["id"])
            for row in db.query("select id, url, source_id, title, title_derived, published_at, body from articles "
                                "where identity_key is null")]
    db.conn.executemany("update articles set identity_key = ? where id = ?", keys)


def rebuild_article_bands(db) -> None:
    """Archives whose near-duplicate bands were hex text in a rowid table: integer keys, WITHOUT ROWID."""
    from .duplicates import rebuild_bands

    rebuild_bands(db)


def band_articles_by_rowid(db) -> None:
    """Archives whose bands were 63-bit keys beside the article's text id (with an index on it): 31-bit
    keys beside the article's rowid, no index (a third of the size). Nothing to do for archives that
    rebuild_article_bands just made in this shape."""
    from .duplicates import rebuild_bands

    rebuild_bands(db)
    db.execute("drop index if exists [idx_article_bands_article_id]")


def index_mentions_by_entity_and_article(db) -> None:
    """Archives whose mentions were indexed by entity_id alone: ensure_db_shape has just made the index on
    (entity_id, article_id), which answers the same lookups and also gives the articles; the old one goes."""
    db.execute("drop index if exists [idx_mentions_entity_id]")


def split_given_name_variants(db) -> None:
    """Archives whose person ids folded a given name with its nicknames ("Steve King" on the row of "Stephen King"):
    each person mention and quote still on the row its name's old id gives moves to the row of its name as written
    (entities.entity_id), which is made if missing; both rows are marked, so the load's finishers recount them and
    join the spellings again only on evidence (_given_name_variants). Mentions a merge pointed elsewhere stay: the
    finishers decide them anew."""
    from ..extract.names import entity_id, folded_entity_id

    moved = []
    for mention, name, type_, linked in db.execute(
            "select id, coalesce(entity_name, text), type, entity_id from mentions where type = 'PERSON'").fetchall():
        if name and linked == folded_entity_id(name, type_) != entity_id(name, type_):
            moved.append((entity_id(name, type_), name, type_, linked, mention))
    quotes = [(entity_id(name, "PERSON"), name, "PERSON", linked, quote) for quote, name, linked in db.execute(
        "select id, coalesce(speaker_name, speaker), speaker_entity_id from quotes where speaker_type = 'person' "
        "and speaker_entity_id is not null").fetchall()
        if name and linked == folded_entity_id(name, "PERSON") != entity_id(name, "PERSON")]
    db.conn.executemany("insert or ignore into entities (id, name, type, aliases) values (?, ?, ?, '[]')",
                        [row[:3] for row in moved + quotes])
    db.conn.executemany("update mentions set entity_id = ? where id = ?", [(row[0], row[4]) for row in moved])
    db.conn.executemany("update quotes set speaker_entity_id = ?, speaker = ? where id = ?",
                        [(row[0], row[1], row[4]) for row in quotes])  # the speaker shown: its row's name
    db.conn.executemany("update entities set mention_count = null where id in (?, ?)",
                        [(row[0], row[3]) for row in moved + quotes])


MIGRATIONS = [backfill_derived_columns, fingerprint_existing_articles, count_place_articles, derive_identity_keys,
              rebuild_article_bands, band_articles_by_rowid, index_mentions_by_entity_and_article,
              split_given_name_variants]
SCHEMA_VERSION = len(MIGRATIONS)


def version(db) -> int:
    return db.execute("pragma user_version").fetchone()[0]


def check_not_newer(db) -> None:
    found = version(db)
    if found > SCHEMA_VERSION:
        raise NewerArchive(f"this archive has schema version {found}, newer than this news-archive knows "
                           f"({SCHEMA_VERSION}): upgrade news-archive to open it")


def migrate(db, fresh: bool) -> None:
    """Run the migrations this file has not had, inside the caller's transaction.

    A fresh file was just created in the current shape: it only needs the version stamp.
    """
    for number in range(version(db) + 1, SCHEMA_VERSION + 1):
        if not fresh:
            MIGRATIONS[number - 1](db)
        db.execute(f"pragma user_version = {number}")
