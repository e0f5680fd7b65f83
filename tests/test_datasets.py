"""Bulk datasets as they are published: ISOT-style CSV, Reuters-21578 JSON, generic JSON with --map."""
import json

from click.testing import CliRunner

from loader.cli import cli
from loader.normalize.fields import parse_mappings, value_at

# Written for these tests in the layouts of the datasets (no dataset text is copied).
ISOT_CSV = '''title,text,subject,date
Shipyard wins navy order,"LONDON (Reuters) - A shipyard on the Clyde won an order for three patrol boats on Tuesday, the defence ministry said. The yard will hire 200 workers.",worldnews,"December 31, 2017 "
Mayor denies bridge rumours,"The mayor on Friday denied rumours that the old bridge would close, calling them invented.",politics,"Jan 5, 2018"
'''
WIRE_BODY = (
    "Grain handlers at the river port said\n"
    "shipments of barley rose in the week to March 3, helped by\n"
    "lower freight rates and steady demand from mills abroad.\n"
    "    Loadings were 41,200 tonnes against 35,900 a week\n"
    "earlier, the port authority said.\n"
    "    Barley 41.2 vs 35.9\n"
    "    Oats 3.1 vs 2.8\n"
    " Reuter\n\x03"
)
REUTERS_21578 = [
    {"title": "BARLEY SHIPMENTS RISE AT RIVER PORT\n", "body": WIRE_BODY, "date": "3-MAR-1987 09:14:22.51",
     "topics": ["barley", "grain"], "places": ["usa"], "id": "101"},
    {"title": "GRAIN BOARD SEES STEADY EXPORTS\n", "date": "3-MAR-1987 09:20:00.00", "id": "102"},
]


def test_isot_csv_columns_and_reuters_datelines(tmp_path, load_into):
    (tmp_path / "True.csv").write_text(ISOT_CSV, encoding="utf-8")
    db, result = load_into(tmp_path / "True.csv")
    assert result.counts["inserted"] == 2
    wire, local = (next(db.query("select * from articles where title = ?", [t]))
                   for t in ("Shipyard wins navy order", "Mayor denies bridge rumours"))
    assert (wire["source_id"], wire["dateline"], wire["section"]) == ("reuters", "LONDON", "worldnews")
    assert wire["body"].startswith("A shipyard on the Clyde won an order")
    assert wire["published_at"] == "2017-12-31"  # a date with no time stays a date
    assert (local["source_id"], local["dateline"], local["published_at"]) == ("unknown", None, "2018-01-05")


def test_reuters_21578_paragraphs_sign_off_and_dates(tmp_path, load_into):
    (tmp_path / "reuters-000.json").write_text(json.dumps(REUTERS_21578), encoding="utf-8")
    db, result = load_into(tmp_path / "reuters-000.json")
    article = next(db.query("select * from articles"))
    assert article["body"].split("\n\n") == [
        "Grain handlers at the river port said shipments of barley rose in the week to March 3, helped by "
        "lower freight rates and steady demand from mills abroad.",
        "Loadings were 41,200 tonnes against 35,900 a week earlier, the port authority said.",
        "Barley 41.2 vs 35.9",
        "Oats 3.1 vs 2.8",
    ]
    assert article["title"] == "BARLEY SHIPMENTS RISE AT RIVER PORT"
    assert article["source_id"] == "reuters"  # recognised by the 'Reuter' sign-off
    assert article["published_at"] == "1987-03-03T09:14:22.510000"
    # The headline-only brief has no article text: an error with its position, not a silent drop.
    assert result.counts == {"inserted": 1, "updated": 0, "unchanged": 0, "duplicates": 0, "near_duplicates": 0,
                             "errors": 1}
    error = next(db.query("select position, reason from load_errors"))
    assert (error["position"], error["reason"]) == ("item 2", "no article text")


def test_map_overrides_take_fields_from_nested_paths(tmp_path, load_into):
    records = [{"content": {"text": "The ferry timetable changes on Monday. Night crossings stop."},
                "meta": {"date": "2024-03-01T06:00:00+01:00", "headline": "Timetable change"},
                "people": [{"name": "Ana Silva"}, {"name": "Bo Lind"}],
                "text": "a teaser that is not the body"}]
    (tmp_path / "scrape.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    mapping = parse_mappings(["body=content.text", "published_at=meta.date", "title=meta.headline",
                              "byline=people.name"])
    db, _ = load_into(tmp_path / "scrape.jsonl", field_map=mapping)
    article = next(db.query("select * from articles"))
    assert article["body"].split("\n\n") == ["The ferry timetable changes on Monday. Night crossings stop."]
    assert (article["title"], article["published_at"]) == ("Timetable change", "2024-03-01T06:00:00+01:00")
    assert json.loads(article["authors"]) == ["Ana Silva", "Bo Lind"]


def test_value_at_paths():
    record = {"a": {"b": [{"c": 1}, {"c": 2}, {"d": 3}]}, "Title Text": "x"}
    assert value_at(record, "a.b.1.c") == 2
    assert value_at(record, "a.b.c") == [1, 2]
    assert value_at(record, "title_text") == "x"  # keys compare like field names: case and punctuation
    assert value_at(record, "a.missing.c") is None and value_at(record, "a.b.9") is None


def test_cli_map_option_and_bad_mappings(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps({"items": [{"story": {"words": "Snow closed the mountain pass on Sunday."},
                                           "name": "Pass closed"}]}), encoding="utf-8")
    runner = CliRunner()
    db = str(tmp_path / "a.db")
    ok = runner.invoke(cli, ["load", str(path), "--db", db, "--no-nlp", "--map", "body=story.words"])
    assert ok.exit_code == 0, ok.output
    assert "1 inserted" in ok.output
    bad = runner.invoke(cli, ["load", str(path), "--db", db, "--no-nlp", "--map", "colour=story.words"])
    assert bad.exit_code == 2 and "FIELD=PATH" in bad.output


def test_progress_and_summary_count_records(tmp_path):
    records = [{"title": f"Tide table {n}", "text": f"High water on day {n} is at {n % 12 + 1} o'clock."}
               for n in range(1, 41)]
    path = tmp_path / "tides.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(path), "--db", str(tmp_path / "a.db"), "--no-nlp"])
    assert result.exit_code == 0, result.output
    assert "40 records" in result.output  # the bar's counter, advanced record by record
    assert "Loaded 1 file(s), 40 record(s) in" in result.output
    assert "40 inserted, 0 updated, 0 unchanged, 0 duplicates, 0 near-duplicates, 0 errors" in result.output
