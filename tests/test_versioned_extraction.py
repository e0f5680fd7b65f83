"""Versioned extraction over stored articles: loads store first and extract after, so reloads change
nothing, annotations always index their own article's body, deferred extraction catches up, a new
extractor version re-extracts everything, updates keep earlier versions, and identities never merge
two stories."""
import json
import re
import sqlite3
from pathlib import Path

import pytest

import loader.derive
import loader.load
from loader import extract, store
from loader.extract import extractor_version

from .conftest import CORPUS, run_load

# Tables a run writes by design (its own row, its bad inputs); every other table is the archive's content.
RUN_TABLES = {"loads", "load_errors"}
RUN_COLUMNS = {"loaded_at"}  # when a row was stored: differs between two archives built at different times

STRIKE = ("Dock workers at the northern container terminal walked out on Wednesday after talks on overtime pay "
          "broke down, halting the loading of six ships, the port operator said. \"We offered four percent and "
          "a review of night shifts,\" said Mara Quint, a spokeswoman for Harbour Freight Ltd in Rotterdam.")
STRIKE_LATER = STRIKE + (" Union leader Tomas Verbeek said the pickets would stay at both gates until Friday. "
                         "\"Nobody goes back before the offer improves,\" Verbeek told reporters in Rotterdam.")
FERRY = ("Ferry crossings between Calais and Dover were cancelled on Thursday as gales reached 90 km/h, "
         "P&O Ferries said. \"Safety comes first,\" said Anne Dupont, the company's harbour master in Calais.")


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    return path


def dump(db_path, skip_columns=RUN_COLUMNS) -> dict:
    """Every content table of the archive, row by row in a fixed order (FTS shadow tables included)."""
    conn = sqlite3.connect(db_path)
    tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    found = {}
    for table in tables:
        if table in RUN_TABLES or table == "sqlite_sequence":
            continue
        cursor = conn.execute(f"select * from [{table}]")
        keep = [i for i, column in enumerate(cursor.description) if column[0] not in skip_columns]
        found[table] = sorted(tuple(repr(row[i]) for i in keep) for row in cursor)
    conn.close()
    return found


def misplaced_annotations(db) -> list:
    """Mentions, quotes and locations whose offsets do not index their own article's body."""
    bodies = {row["id"]: row["body"] for row in db.query("select id, body from articles")}
    bad = [("mention", r["id"]) for r in db.query("select id, article_id, start, [end], text from mentions")
           if bodies[r["article_id"]][r["start"]:r["end"]] != r["text"]]
    bad += [("location", r["id"]) for r in db.query(
            "select id, article_id, start, [end], text from locations where start is not null")
            if bodies[r["article_id"]][r["start"]:r["end"]] != r["text"]]
    bad += [("quote", r["id"]) for r in db.query("select id, article_id, start, [end], content from quotes")
            if not (0 <= r["start"] < r["end"] <= len(bodies[r["article_id"]]))]
    return bad


@pytest.fixture
def wire(tmp_path):
    """A file whose records share identities: two versions of one story under one headline and day (no
    time tells them apart, so the later in the input is the newer), and an older snapshot of a URL after
    its newer version (their update times tell)."""
    return write_jsonl(tmp_path / "wire.jsonl", [
        {"title": "Port strike", "date": "2024-02-07", "text": STRIKE},
        {"title": "Port strike", "date": "2024-02-07", "text": STRIKE_LATER},
        {"title": "Gales stop ferries", "url": "https://ferry.example/gales", "updated": "2024-02-08T18:00:00+01:00",
         "text": FERRY + " Crossings resumed in the evening."},
        {"title": "Gales stop ferries", "url": "https://ferry.example/gales", "updated": "2024-02-08T09:00:00+01:00",
         "text": FERRY},
    ])


def test_reloading_with_nlp_changes_no_table_and_annotations_index_their_body(tmp_path, wire):
    db_path = tmp_path / "archive.db"
    db, first = run_load(db_path, wire, CORPUS, nlp=True)
    assert (first.counts["inserted"], first.counts["duplicates"], first.extracted) == (4, 2, 4)
    assert db["mentions"].count > 10 and db["quotes"].count >= 4 and db["locations"].count >= 4
    assert misplaced_annotations(db) == []
    before = dump(db_path, skip_columns=set())
    db, again = run_load(db_path, wire, CORPUS, nlp=True)
    counts = again.counts
    assert (counts["unchanged"], counts["inserted"], counts["updated"], again.extracted) == (6, 0, 0, 0)
    assert dump(db_path, skip_columns=set()) == before


def test_the_newer_version_is_the_article_and_the_older_is_kept(tmp_path, wire):
    db, _ = run_load(tmp_path / "archive.db", wire, nlp=True)
    bodies = {row["title"]: row["body"] for row in db.query("select title, body from articles")}
    assert bodies == {"Port strike": STRIKE_LATER, "Gales stop ferries": FERRY + " Crossings resumed in the evening."}
    versions = sorted((row["title"], row["version"], row["body"]) for row in db.query("select * from article_versions"))
    assert versions == [("Gales stop ferries", 1, FERRY), ("Port strike", 1, STRIKE)]
    speakers = {row["speaker"] for row in db.query("select speaker from quotes")}
    assert {"Tomas Verbeek", "Anne Dupont"} <= speakers  # the stored (newer) bodies' quotes, not the older ones'


def test_an_update_in_a_later_load_keeps_the_old_text_and_re_extracts(tmp_path):
    path = write_jsonl(tmp_path / "feed.jsonl", [{"title": "Port strike", "url": "https://port.example/strike",
                                                   "text": STRIKE}])
    db, _ = run_load(tmp_path / "archive.db", path, nlp=True)
    write_jsonl(path, [{"title": "Port strike goes on", "url": "https://port.example/strike", "text": STRIKE_LATER}])
    db, result = run_load(tmp_path / "archive.db", path, nlp=True)
    assert (result.counts["updated"], result.extracted) == (1, 1)
    assert [(r["version"], r["title"], r["body"]) for r in db.query("select * from article_versions")] == [
        (1, "Port strike", STRIKE)]
    assert misplaced_annotations(db) == []
    assert "Tomas Verbeek" in {row["speaker"] for row in db.query("select speaker from quotes")}


def test_no_nlp_then_load_equals_one_load(tmp_path, wire):
    deferred = tmp_path / "deferred.db"
    db, first = run_load(deferred, wire, CORPUS, nlp=False)
    assert first.pending == 4 and db["mentions"].count == 0
    assert {row[0] for row in db.execute("select extracted_with from articles")} == {None}
    _, second = run_load(deferred, wire, CORPUS, nlp=True)
    assert (second.extracted, second.pending, second.counts["unchanged"]) == (4, 0, 6)
    run_load(tmp_path / "once.db", wire, CORPUS, nlp=True)
    assert dump(deferred) == dump(tmp_path / "once.db")


def test_a_new_extractor_version_re_extracts_everything_and_changes_nothing_else(tmp_path, wire, monkeypatch):
    db_path = tmp_path / "archive.db"
    run_load(db_path, wire, CORPUS, nlp=True)
    before = dump(db_path)
    monkeypatch.setattr(loader.derive, "extractor_version", lambda: "next-version")
    monkeypatch.setattr(loader.load, "extractor_version", lambda: "next-version")
    db, result = run_load(db_path, wire, CORPUS, nlp=True)
    assert (result.extracted, result.counts["unchanged"]) == (4, 6)
    assert {row[0] for row in db.execute("select extracted_with from articles")} == {"next-version"}
    after = dump(db_path)
    current = repr(extractor_version())
    assert {t: rows for t, rows in after.items() if t != "articles"} == {
        t: rows for t, rows in before.items() if t != "articles"}  # mention and quote ids included
    assert [tuple(v.replace("'next-version'", current) for v in row) for row in after["articles"]] == before["articles"]


def test_extract_db_brings_a_deferred_archive_up_to_date(tmp_path, wire):
    from click.testing import CliRunner

    from loader.cli import cli

    db_path = str(tmp_path / "archive.db")
    run_load(db_path, wire, nlp=False)
    result = CliRunner().invoke(cli, ["extract", "--db", db_path, "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Extracted 2 of 2 pending article(s); 0 failed" in result.output
    db = store.open_db(db_path)
    assert {row[0] for row in db.execute("select extracted_with from articles")} == {extractor_version()}
    assert db["quotes"].count >= 2
    again = CliRunner().invoke(cli, ["extract", "--db", db_path, "--quiet"])
    assert "Extracted 0 of 0 pending article(s)" in again.output
    assert CliRunner().invoke(cli, ["extract"]).exit_code == 2  # neither a file nor --db: a usage error


def test_a_result_for_content_that_changed_meanwhile_is_not_saved(tmp_path):
    record = {"title": "Port strike", "url": "https://port.example/s", "text": STRIKE}
    path = write_jsonl(tmp_path / "feed.jsonl", [record])
    db, _ = run_load(tmp_path / "archive.db", path)
    (item,) = store.extraction_inputs(db, store.pending_extraction(db, "v1"))
    write_jsonl(path, [{**record, "text": STRIKE_LATER}])
    db, _ = run_load(tmp_path / "archive.db", path)  # the article changes while `item` is being extracted
    found = {"mentions": [{"start": 0, "end": 4, "text": "Dock", "type": "ORG", "entity": "Dock"}]}
    assert store.save_extracted(db, item, found, "v1") is False
    assert db["mentions"].count == 0
    assert next(db.query("select extracted_with from articles"))["extracted_with"] is None


def test_undated_stories_under_repeated_headlines_stay_apart(tmp_path):
    """Eleven different stories whose identities collide (same headline and day, or no headline and the same
    opening): eleven articles, none reported as a duplicate or update, and a reload agrees."""
    briefing = "Daily briefing\n\n{}"
    records = [
        {"text": briefing.format("Rail workers in the south begin a two-day strike over pensions today.")},
        {"text": briefing.format("The central bank is expected to hold rates when its board meets at noon.")},
        {"text": briefing.format("A heatwave warning covers the eastern counties until the weekend.")},
        {"title": "Markets wrap", "date": "2024-03-05T09:00:00Z",
         "text": "Shares opened higher in Frankfurt as carmakers rallied on export data."},
        {"title": "Markets wrap", "date": "2024-03-05T18:00:00Z",
         "text": "Shares closed lower in Frankfurt after a late sell-off in bank stocks."},
        {"title": "Letters", "date": "2024-03-06", "text": "Readers write about the closure of the village school."},
        {"title": "Letters", "date": "2024-03-06", "text": "Readers argue over the new cycle lanes in the town."},
        {"title": "Weather", "date": "2024-03-06", "text": "Rain spreads from the west with gusts along the coast."},
        {"title": "Weather", "date": "2024-03-06", "text": "Snow falls on high ground while valleys stay dry."},
        {"text": "The city council met on Tuesday evening. It voted to sell the old tram depot to a housing trust."},
        {"text": "The city council met on Tuesday evening. Members argued for hours about the budget for parks."},
    ]
    path = write_jsonl(tmp_path / "undated.jsonl", records)
    db, first = run_load(tmp_path / "archive.db", path)
    assert (first.counts["inserted"], first.counts["duplicates"], first.counts["updated"]) == (11, 0, 0)
    assert db["articles"].count == 11 and db["article_versions"].count == 0
    _, again = run_load(tmp_path / "archive.db", path)
    assert (again.counts["unchanged"], again.counts["inserted"]) == (11, 0)


def test_the_changes_query_lists_every_version(tmp_path, wire):
    from .conftest import DatasetteClient

    db, _ = run_load(tmp_path / "archive.db", wire)
    article = next(db.query("select id from articles where title = 'Port strike'"))["id"]
    client = DatasetteClient(tmp_path / "archive.db")
    response = client.get(f"/archive/article_changes.json?id={article}&_shape=objects")
    rows = response.json()["rows"]
    assert [(row["version"], row["body"]) for row in rows] == [(1, STRIKE), ("current", STRIKE_LATER)]


def test_the_article_page_says_when_marks_come_from_an_older_extractor(tmp_path, wire):
    from .conftest import DatasetteClient

    db, _ = run_load(tmp_path / "archive.db", wire, nlp=True)
    assert next(db.query("select extractor_version from loads"))["extractor_version"] == extractor_version()
    article = next(db.query("select id from articles where title = 'Port strike'"))["id"]
    notice = "the marks below come from an older version of the extractor"
    assert notice not in DatasetteClient(tmp_path / "archive.db").get(f"/archive/articles/{article}").text
    db.execute("update articles set extracted_with = ? where id != ?", ["next-version", article])  # one left behind
    db["loads"].insert({"started_at": "2030-01-01", "extractor_version": "next-version"})
    db.conn.commit()
    assert notice in DatasetteClient(tmp_path / "archive.db").get(f"/archive/articles/{article}").text


def test_pending_articles_are_read_a_batch_at_a_time(tmp_path, monkeypatch):
    """The extraction reads BATCH pending rowids at a time, after the last one read, never the whole list."""
    path = write_jsonl(tmp_path / "in.jsonl", [{"title": "Strike", "body": STRIKE}, {"title": "Ferry", "body": FERRY}])
    db, _ = run_load(tmp_path / "archive.db", path)
    rowids = [row[0] for row in db.execute("select rowid from articles order by rowid")]
    calls = []
    original = store.pending_extraction
    monkeypatch.setattr(store, "pending_extraction", lambda *args: calls.append(args[2:]) or original(*args))
    monkeypatch.setattr(loader.derive, "BATCH", 1)
    done = loader.derive.extract_pending(db, progress=False)
    assert (done.pending, done.saved, done.failed) == (2, 2, 0)
    assert calls == [(0, 1), (rowids[0], 1), (rowids[1], 1)]
    assert store.pending_extraction(db, extractor_version()) == []


def test_the_extractor_version_covers_the_shared_modules_extraction_imports():
    """Every module of loader/ outside loader/extract that extraction imports is hashed, so editing one re-extracts
    stored articles."""
    root = Path(extract.__file__).parent
    imported = set()
    for path in root.rglob("*.py"):
        depth = len(path.relative_to(root).parts)  # 1 for extract/x.py, 2 for extract/quotes/x.py
        for dots, module in re.findall(r"^from (\.+)([\w.]+) import", path.read_text(encoding="utf-8"), re.MULTILINE):
            if len(dots) == depth + 1:  # climbs out of loader/extract into loader/
                imported.add("loader/" + module.replace(".", "/") + ".py")
    hashed = {name for name, _ in extract._versioned_files() if name.startswith("loader/")}
    assert imported == hashed == {"loader/datafiles.py", "loader/geometry.py", "loader/model.py",
                                  "loader/normalize/damage.py", "loader/text.py"}
