"""Duplicates: one article however often it arrives; near-duplicates kept and linked, and counted."""
import json

from loader.store.duplicates import band_keys, hash_similarity, shingle_hashes, shingles, similarity

from .conftest import DatasetteClient

# A wire story written for these tests, and the ways it comes back.
STORY = [
    "Dock workers at the northern container terminal walked out on Wednesday after talks on overtime pay broke "
    "down, halting the loading of at least six ships, the port operator said.",
    "The operator said it had offered a rise of four percent and a review of night shifts, and called the "
    "stoppage unnecessary while talks were still possible.",
    "Union officials said the strike would last until Friday and that pickets would stay at both gates of the "
    "terminal, where lorries queued for more than two kilometres by the afternoon.",
    "Shipping lines said they were diverting two vessels to the southern terminal and warned customers of "
    "delays of up to a week for goods bound for the region.",
]
OTHER_STORY = [
    "The city council approved a plan on Tuesday to plant four thousand trees along the ring road over the "
    "next three years, paid for by a levy on new car parks.",
    "Residents' groups welcomed the vote, while shop owners asked for the work to be done outside the busy "
    "weeks before the winter holidays.",
]


def _record(title, paragraphs, **extra):
    return {"title": title, "text": "\n\n".join(paragraphs), **extra}


def _write(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def test_same_content_twice_is_stored_once_with_both_origins(tmp_path, load_into):
    record = _record("Dock workers strike at northern terminal", STORY)
    _write(tmp_path / "feed_a.jsonl", [record])
    _write(tmp_path / "feed_b.jsonl", [record])
    db, result = load_into(tmp_path)
    assert (result.counts["inserted"], result.counts["duplicates"]) == (1, 1)
    assert db["articles"].count == 1
    origins = sorted(r["origin_path"].rsplit("/", 1)[-1] for r in db.query("select * from article_origins"))
    assert origins == ["feed_a.jsonl", "feed_b.jsonl"]


def test_same_url_is_one_article_and_the_later_version_wins(tmp_path, load_into):
    url = "https://port.example.net/news/dock-strike"
    first = _record("Dock workers strike", STORY[:2], url=url, updated_at="2024-02-07T10:00:00+01:00")
    later = _record("Dock workers strike, ships diverted", STORY, url=url, updated_at="2024-02-07T16:00:00+01:00")
    _write(tmp_path / "1_later.jsonl", [later])
    _write(tmp_path / "2_first.jsonl", [first])  # the older snapshot arrives second
    db, result = load_into(tmp_path)
    assert (result.counts["inserted"], result.counts["duplicates"], result.counts["updated"]) == (1, 1, 0)
    article = next(db.query("select * from articles"))
    assert article["title"] == "Dock workers strike, ships diverted"
    assert db["article_origins"].count == 2


def test_new_version_of_a_url_in_the_same_load_is_a_duplicate_that_updates(tmp_path, load_into):
    url = "https://port.example.net/news/dock-strike"
    first = _record("Dock workers strike", STORY[:2], url=url, updated_at="2024-02-07T10:00:00+01:00")
    later = _record("Dock workers strike, ships diverted", STORY, url=url, updated_at="2024-02-07T16:00:00+01:00")
    db, result = load_into(_write(tmp_path / "feed.jsonl", [first, later]))
    assert (result.counts["inserted"], result.counts["duplicates"], result.counts["updated"]) == (1, 1, 0)
    assert next(db.query("select title from articles"))["title"] == "Dock workers strike, ships diverted"


def test_new_headline_and_trailing_line_are_linked_near_duplicates(tmp_path, load_into):
    records = [
        _record("Dock workers strike at northern terminal", STORY),
        _record("Port strike halts loading of six ships", STORY),  # same copy, new headline
        _record("Dock strike: ships diverted", STORY + ["Talks are expected to resume at the weekend."]),
        _record("Trees for the ring road", OTHER_STORY),
    ]
    db, result = load_into(_write(tmp_path / "wire.jsonl", records))
    assert result.counts["inserted"] == 4 and result.counts["near_duplicates"] == 2
    rows = {r["title"]: r for r in db.query("select * from articles")}
    first_id = rows["Dock workers strike at northern terminal"]["id"]
    assert rows["Port strike halts loading of six ships"]["near_duplicate_of"] == first_id
    assert rows["Port strike halts loading of six ships"]["near_duplicate_score"] == 1.0
    trailing = rows["Dock strike: ships diverted"]
    assert trailing["near_duplicate_of"] == first_id and 0.8 <= trailing["near_duplicate_score"] < 1.0
    assert rows["Dock workers strike at northern terminal"]["near_duplicate_of"] is None
    assert rows["Trees for the ring road"]["near_duplicate_of"] is None
    load = next(db.query("select * from loads"))
    assert (load["inserted"], load["near_duplicates"], load["duplicates"]) == (4, 2, 0)


def test_near_duplicates_are_found_across_loads_and_reloads_change_nothing(tmp_path, load_into):
    _write(tmp_path / "monday.jsonl", [_record("Dock workers strike at northern terminal", STORY)])
    db, _ = load_into(tmp_path / "monday.jsonl")
    original = next(db.query("select id from articles"))["id"]
    edited = [STORY[0], STORY[1].replace("four percent", "five percent"), *STORY[2:]]
    _write(tmp_path / "tuesday.jsonl", [_record("Strike at the northern terminal", edited)])
    db, result = load_into(tmp_path / "tuesday.jsonl")
    assert result.counts["near_duplicates"] == 1
    copy = next(db.query("select * from articles where id != ?", [original]))
    assert copy["near_duplicate_of"] == original
    db, again = load_into(tmp_path)
    assert (again.counts["unchanged"], again.counts["near_duplicates"], again.counts["inserted"]) == (2, 0, 0)
    assert next(db.query("select near_duplicate_of from articles where id = ?", [copy["id"]]))[
        "near_duplicate_of"] == original


def test_an_updated_original_does_not_link_to_its_own_copy(tmp_path, load_into):
    path = _write(tmp_path / "a.jsonl", [_record("Dock workers strike", STORY, url="https://x.example/a")])
    _write(tmp_path / "b.jsonl", [_record("Port strike", STORY, url="https://x.example/b")])
    db, _ = load_into(tmp_path)
    _write(path, [_record("Dock workers strike (updated)", STORY, url="https://x.example/a")])
    db, result = load_into(path)
    assert result.counts["updated"] == 1
    rows = {r["url"]: r for r in db.query("select * from articles")}
    original_id = rows["https://x.example/a"]["id"]
    assert rows["https://x.example/a"]["near_duplicate_of"] is None
    assert rows["https://x.example/b"]["near_duplicate_of"] == original_id


def test_shingle_similarity():
    body = "\n\n".join(STORY)
    assert similarity(shingles(body), shingles(body)) == 1.0
    assert similarity(shingles(body), shingles("\n\n".join(OTHER_STORY))) == 0.0
    assert shingles("") == set() and shingles("Two words") == {"two words"}


def test_hashed_shingles_measure_what_text_shingles_do():
    body, other = "\n\n".join(STORY), "\n\n".join(STORY[1:] + OTHER_STORY)
    assert hash_similarity(shingle_hashes(body), shingle_hashes(other)) == similarity(shingles(body), shingles(other))
    assert len(shingle_hashes(body)) == len(shingles(body))
    assert len(shingle_hashes("")) == 0 and len(shingle_hashes("Two words")) == 1
    assert list(shingle_hashes("Two words")) == list(shingle_hashes("two, WORDS!"))  # case and punctuation do not count
    assert hash_similarity(shingle_hashes("a b c d e f"), shingle_hashes("a b c d e")) == 0.5


def test_bands_are_integers_in_a_without_rowid_table(tmp_path, load_into):
    db, _ = load_into(_write(tmp_path / "wire.jsonl", [_record("Dock workers strike", STORY)]))
    shape = db.execute("select sql from sqlite_master where name = 'article_bands'").fetchone()[0]
    assert "without rowid" in shape.lower()
    bands = db.execute("select band, typeof(band) from article_bands").fetchall()
    assert len(bands) == 16 and {kind for _, kind in bands} == {"integer"}
    assert sorted(band_keys(shingle_hashes("\n\n".join(STORY)))) == sorted(band for band, _ in bands)


def _older_bands(db, version: int, *statements: str) -> None:
    """The band table as an older version left it, and that version's number."""
    db.execute("drop table article_bands")
    for statement in statements:
        db.execute(statement)
    db.execute(f"pragma user_version = {version}")
    db.conn.commit()


def test_an_archive_with_text_bands_is_rebanded_on_upgrade(tmp_path, load_into):
    db, _ = load_into(_write(tmp_path / "wire.jsonl", [_record("Dock workers strike", STORY)]))
    _older_bands(db, 4, "create table article_bands (band text not null, article_id text not null, "
                        "primary key (band, article_id))", "insert into article_bands values ('0:abcdef', "
                        "(select id from articles))")  # as the version before integer bands left it
    db, result = load_into(_write(tmp_path / "later.jsonl", [_record("Strike goes on", STORY)]))
    assert result.counts["near_duplicates"] == 1
    assert db.execute("select count(*), count(distinct article_rowid), min(typeof(band)) from article_bands"
                      ).fetchone() == (32, 2, "integer")


def test_an_archive_from_before_near_duplicates_is_fingerprinted_on_upgrade(tmp_path, load_into):
    db, _ = load_into(_write(tmp_path / "wire.jsonl", [_record("Dock workers strike", STORY),
                                                       _record("Port strike", STORY)]))
    db.execute("delete from article_bands")
    db.execute("update articles set near_duplicate_of = null, near_duplicate_score = null")
    db.execute("pragma user_version = 1")  # as the version before this migration left it
    db.conn.commit()
    db, result = load_into(_write(tmp_path / "later.jsonl", [_record("Strike goes on", STORY)]))
    assert result.counts["near_duplicates"] == 1
    first = next(db.query("select id from articles where title = 'Dock workers strike'"))["id"]
    links = {r["title"]: r["near_duplicate_of"] for r in db.query("select title, near_duplicate_of from articles")}
    assert links == {"Dock workers strike": None, "Port strike": first, "Strike goes on": first}


def test_two_versions_of_the_same_age_keep_the_later_and_reload_without_changes(tmp_path, load_into):
    """A wire story sent twice with the same headline and day: the later arrival is the article, the
    earlier its version 1, and a reload changes nothing."""
    path = _write(tmp_path / "wire.jsonl", [_record("Dock strike", STORY[:2], date="1987-03-03"),
                                             _record("Dock strike", STORY, date="1987-03-03")])
    db, first = load_into(path)
    assert (first.counts["inserted"], first.counts["duplicates"]) == (1, 1)
    db, again = load_into(path)
    assert (again.counts["unchanged"], again.counts["duplicates"], again.counts["updated"]) == (2, 0, 0)
    assert [r["body"] for r in db.query("select body from articles")] == ["\n\n".join(STORY)]
    versions = list(db.query("select article_id, version, body from article_versions"))
    assert [(v["version"], v["body"]) for v in versions] == [(1, "\n\n".join(STORY[:2]))]


def test_near_duplicates_page_in_datasette(tmp_path, load_into):
    db, _ = load_into(_write(tmp_path / "wire.jsonl", [_record("Dock workers strike", STORY),
                                                       _record("Port strike", STORY),
                                                       _record("Trees for the ring road", OTHER_STORY)]))
    client = DatasetteClient(tmp_path / "archive.db")
    response = client.get("/archive/near_duplicates.json?_shape=objects")
    assert response.status_code == 200, response.text[:300]
    rows = response.json()["rows"]
    assert [(r["title"], r["original_title"], r["similarity"]) for r in rows] == [
        ("Port strike", "Dock workers strike", 1.0)]
    assert client.get("/archive/article_bands").status_code == 200  # hidden from the index, still there


FOLLOW_UPS = ["Talks are expected to resume at the weekend, a spokesman for the union said on Wednesday evening.",
              "Port officials said a meeting with both sides had been set for Saturday morning at the town hall."]


def test_a_copy_of_a_copy_in_one_file_joins_the_first_articles_family(tmp_path, load_into):
    """The third story is a near-duplicate of the second (0.88) but not of the first (0.76): it is linked
    to the second's family, the first, though the batch writes its links after comparing them all."""
    db, result = load_into(_write(tmp_path / "wire.jsonl", [
        _record("Dock workers strike", STORY), _record("Dock strike goes on", STORY + FOLLOW_UPS[:1]),
        _record("Dock strike: meeting set", STORY + FOLLOW_UPS)]))
    assert result.counts["near_duplicates"] == 2
    rows = {r["title"]: r for r in db.query("select * from articles")}
    first = rows["Dock workers strike"]["id"]
    assert rows["Dock strike goes on"]["near_duplicate_of"] == first
    assert (rows["Dock strike: meeting set"]["near_duplicate_of"], rows["Dock strike: meeting set"]["near_duplicate_score"]) \
        == (first, 0.878)


def _bands_of(db, article_id):
    return sorted(band for (band,) in db.execute(
        "select band from article_bands where article_rowid = (select rowid from articles where id = ?)", [article_id]))


def test_an_updated_body_keeps_only_the_bands_of_its_current_text(tmp_path, load_into):
    url = "https://port.example.net/news/dock-strike"
    _write(tmp_path / "1.jsonl", [_record("Dock workers strike", STORY, url=url, updated_at="2024-02-07T10:00:00Z")])
    _write(tmp_path / "2.jsonl", [_record("Council plants trees", OTHER_STORY, url=url, updated_at="2024-02-08T10:00:00Z")])
    db, result = load_into(tmp_path)
    assert (result.counts["inserted"], result.counts["duplicates"]) == (1, 1)  # the same URL twice in one load
    article_id = next(db.query("select id from articles"))["id"]
    assert _bands_of(db, article_id) == sorted(band_keys(shingle_hashes("\n\n".join(OTHER_STORY))))
    assert db.execute("select count(*) from article_bands").fetchone()[0] == 16  # none of the first body's
    assert [r["body"] for r in db.query("select body from article_versions")] == ["\n\n".join(STORY)]


def test_an_archive_with_bands_by_text_id_is_rebanded_by_rowid_on_upgrade(tmp_path, load_into):
    db, _ = load_into(_write(tmp_path / "wire.jsonl", [_record("Dock workers strike", STORY)]))
    _older_bands(db, 5, "create table article_bands (band integer not null, article_id text not null, "
                        "primary key (band, article_id)) without rowid",
                 "create index idx_article_bands_article_id on article_bands (article_id)",
                 "insert into article_bands values (123, (select id from articles))")  # before bands by rowid
    db, result = load_into(_write(tmp_path / "later.jsonl", [_record("Strike goes on", STORY)]))
    assert result.counts["near_duplicates"] == 1
    assert {row[1] for row in db.execute("pragma table_info(article_bands)")} == {"band", "article_rowid"}
    assert db.execute("select count(*) from sqlite_master where name = 'idx_article_bands_article_id'").fetchone() == (0,)
    first = next(db.query("select id from articles where title = 'Dock workers strike'"))["id"]
    assert _bands_of(db, first) == sorted(band_keys(shingle_hashes("\n\n".join(STORY))))
    assert db.execute("select count(*) from article_bands").fetchone()[0] == 32
