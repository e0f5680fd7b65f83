"""Bad input: each kind lands in load_errors with file and position, and the good records still load."""
import gzip
import json

from click.testing import CliRunner

from loader.cli import cli
from loader.normalize import MAX_ARTICLE_CHARS

GOOD = {"title": "Good", "text": "A perfectly good article about the harbour."}


def _errors(db):
    return [(row["origin_path"].rsplit("/", 1)[-1], row["position"], row["reason"], row["raw"])
            for row in db["load_errors"].rows]


def test_bad_json_line_between_good_ones(load_into, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({**GOOD, "title": "A"}) + "\n{not json\n" + json.dumps({**GOOD, "title": "B"}) + "\n")
    warnings = []
    db, result = load_into(path, warnings=warnings)
    assert sorted(r["title"] for r in db["articles"].rows) == ["A", "B"]
    [(name, position, reason, raw)] = _errors(db)
    assert (name, position, raw) == ("feed.jsonl", "line 2", "{not json")
    assert reason.startswith("invalid JSON")
    assert warnings == [f"warning: {path} line 2: {reason}"]


def test_csv_row_without_text(load_into, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("title,text\nFirst,Some text about the port.\nSecond,\nThird,More text about ships.\n")
    db, result = load_into(path)
    assert sorted(r["title"] for r in db["articles"].rows) == ["First", "Third"]
    assert [(e[1], e[2]) for e in _errors(db)] == [("row 3", "no article text")]
    assert "Second" in _errors(db)[0][3]


def test_csv_row_with_extra_fields(load_into, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("title,text\nFirst,Some text about the port.\nSecond,text,surplus\n")
    db, _ = load_into(path)
    assert [r["title"] for r in db["articles"].rows] == ["First"]
    assert _errors(db)[0][1:3] == ("row 3", "row has 1 more fields than the header")


def test_empty_binary_truncated_and_unreadable_files(load_into, tmp_path):
    (tmp_path / "good.txt").write_text("Good\n\nA perfectly good article about the harbour.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.json").write_text("  \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"Some story " * 100)[:30])
    (tmp_path / "array.json").write_text("[1, 2]")
    db, result = load_into(tmp_path, tmp_path / "missing.txt")
    assert [r["title"] for r in db["articles"].rows] == ["Good"]
    reasons = {name: reason for name, _, reason, _ in _errors(db)}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.json"] == "empty file"
    assert reasons["image.txt"] == "binary content (control bytes such as NUL), not text"
    assert reasons["cut.txt.gz"].startswith("broken gzip data")
    assert reasons["missing.txt"] == "no such file or directory"
    assert reasons["array.json"] == "expected a JSON object, found int"
    assert result.counts["errors"] == 7 and result.counts["inserted"] == 1


def test_absurdly_large_record(load_into, tmp_path):
    path = tmp_path / "feed.jsonl"
    huge = {"title": "Huge", "text": "word " * (MAX_ARTICLE_CHARS // 5 + 1)}
    path.write_text(json.dumps(huge) + "\n" + json.dumps(GOOD) + "\n")
    db, _ = load_into(path)
    assert [r["title"] for r in db["articles"].rows] == ["Good"]
    [(_, position, reason, raw)] = _errors(db)
    assert position == "line 1" and "over the 1,000,000 limit" in reason
    assert len(raw) == 10_000  # raw text kept up to the documented limit


def test_invalid_front_matter(load_into, tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody text here.\n")
    db, _ = load_into(tmp_path / "bad.md")
    [(_, position, reason, _)] = _errors(db)
    assert reason.startswith("invalid YAML front matter") and position.startswith("front matter")


def test_exit_codes(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    good = tmp_path / "good.txt"
    good.write_text("Good\n\nA perfectly good article about the harbour.")
    db = str(tmp_path / "archive.db")
    only_bad = runner.invoke(cli, ["load", str(bad), "--db", db, "--no-nlp"])
    assert only_bad.exit_code == 1
    assert "Error: nothing could be loaded" in only_bad.output
    assert f"warning: {bad} line 1 column 2: invalid JSON" in only_bad.output
    assert "Traceback" not in only_bad.output
    mixed = runner.invoke(cli, ["load", str(bad), str(good), "--db", db, "--no-nlp"])
    assert mixed.exit_code == 0 and "1 inserted" in mixed.output and "1 errors" in mixed.output


def test_huge_integer_costs_only_its_line(load_into, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({**GOOD, "title": "A"}), '{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}",
             json.dumps({**GOOD, "title": "B"})]
    path.write_text("\n".join(lines) + "\n")
    db, result = load_into(path)
    assert sorted(r["title"] for r in db["articles"].rows) == ["A", "B"]
    [(name, position, reason, raw)] = _errors(db)
    assert (name, position) == ("feed.jsonl", "line 2")
    assert reason == "invalid JSON: a number with over 4,300 digits"
    assert raw == lines[1]


def test_huge_integer_in_a_json_file(load_into, tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}")
    db, _ = load_into(path)
    [(name, position, reason, _)] = _errors(db)
    assert (position, reason) == ("file", "invalid JSON: a number with over 4,300 digits")


def _dated(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_bad_date_costs_only_the_date(load_into, tmp_path):
    """Each article loads without its date; a warning and a load_errors row keep the raw value."""
    _dated(tmp_path, "a.md", "---\ntitle: Feb\ndate: 2017-02-30\n---\nThe harbour reopened on Monday.\n")
    _dated(tmp_path, "b.json", json.dumps({**GOOD, "title": "Offset", "published": "2017-03-01T10:00:00+25:00"}))
    _dated(tmp_path, "c.json", json.dumps({**GOOD, "title": "Words", "published": "the day before yesterday"}))
    _dated(tmp_path, "d.json", json.dumps({**GOOD, "title": "Far", "published": 253402300800}))
    warnings = []
    db, result = load_into(tmp_path, warnings=warnings)
    rows = {r["title"]: r["published_at"] for r in db["articles"].rows}
    assert rows == {"Feb": None, "Offset": None, "Words": None, "Far": None}
    errors = sorted((name, position, reason, raw) for name, position, reason, raw in _errors(db))
    assert errors == [
        ("a.md", "file", "published_at: not a usable date, the article was loaded without it", "2017-02-30"),
        ("b.json", "item 1", "published_at: not a usable date, the article was loaded without it",
         "2017-03-01T10:00:00+25:00"),
        ("c.json", "item 1", "published_at: not a usable date, the article was loaded without it",
         "the day before yesterday"),
        ("d.json", "item 1", "published_at: not a usable date, the article was loaded without it", "253402300800"),
    ]
    assert result.counts["inserted"] == 4 and result.counts["errors"] == 4
    assert len(warnings) == 4 and all(w.startswith("warning: ") for w in warnings)


def test_a_date_followed_by_other_words_keeps_what_it_can(load_into, tmp_path):
    """A wire's routing codes after the time are no part of the date; a corrupt clock costs the time only,
    and the row of load_errors says so."""
    _dated(tmp_path, "a.json", json.dumps({**GOOD, "title": "Codes", "published": "27-MAR-1987 00:02:59.13\x05\x05RM"}))
    _dated(tmp_path, "b.json", json.dumps({**GOOD, "title": "Clock", "published": "31-MAR-1987 605:12:19.12"}))
    _dated(tmp_path, "c.json", json.dumps({**GOOD, "title": "Words", "published": "Tuesday 99:99"}))
    db, result = load_into(tmp_path)
    assert {r["title"]: r["published_at"] for r in db["articles"].rows} == {
        "Codes": "1987-03-27T00:02:59.130000", "Clock": "1987-03-31", "Words": None}
    assert sorted((name, reason, raw) for name, _, reason, raw in _errors(db)) == [
        ("b.json", "published_at: the end of it is not readable, the article was loaded with 1987-03-31",
         "31-MAR-1987 605:12:19.12"),
        ("c.json", "published_at: not a usable date, the article was loaded without it", "Tuesday 99:99"),
    ]


def test_good_front_matter_dates_still_parse(load_into, tmp_path):
    _dated(tmp_path, "a.md", "---\ntitle: Day\ndate: 2017-02-03\n---\nThe harbour reopened on Monday.\n")
    _dated(tmp_path, "b.md", "---\ntitle: Time\ndate: 2017-02-03 10:20:00+08:00\n---\nThe harbour reopened.\n")
    db, _ = load_into(tmp_path)
    assert {r["title"]: r["published_at"] for r in db["articles"].rows} == {
        "Day": "2017-02-03", "Time": "2017-02-03T10:20:00+08:00"}
    assert _errors(db) == []


def test_special_floats_are_not_bodies(load_into, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "N", "text": NaN}\n{"title": "I", "text": Infinity}\n'
                    '{"title": "E", "text": 1e999999}\n{"title": "M", "text": -Infinity}\n'
                    + json.dumps(GOOD) + "\n")
    db, _ = load_into(path)
    assert [r["body"] for r in db["articles"].rows] == [GOOD["text"]]
    assert [(e[1], e[2]) for e in _errors(db)] == [(f"line {n}", "no article text") for n in (1, 2, 3, 4)]


def test_nul_escape_in_title_is_cleaned(load_into, tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"title": "Port\\u0000 reopens", "text": "The port\\u0000 reopened on Monday."}')
    db, _ = load_into(path)
    [row] = db["articles"].rows
    assert (row["title"], row["body"]) == ("Port\ufffd reopens", "The port\ufffd reopened on Monday.")


def test_utf16_without_byte_order_mark(load_into, tmp_path):
    (tmp_path / "le.txt").write_bytes("Harbour\n\nThe harbour reopened on Monday.".encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes("Port\n\nThe port closed on Tuesday.".encode("utf-16-be"))
    db, _ = load_into(tmp_path)
    assert sorted((r["title"], r["body"]) for r in db["articles"].rows) == [
        ("Harbour", "The harbour reopened on Monday."), ("Port", "The port closed on Tuesday.")]
    assert _errors(db) == []


def test_field_limits_are_named(load_into, tmp_path):
    (tmp_path / "many.json").write_text(json.dumps({**GOOD, "byline": ["x"] * 20_000}))
    (tmp_path / "deep.json").write_text(json.dumps({**GOOD, "byline": json.loads("[" * 30 + "1" + "]" * 30)}))
    db, _ = load_into(tmp_path)
    assert sorted((e[0], e[2]) for e in _errors(db)) == [
        ("deep.json", "a field is nested over 20 levels deep (the limit)"),
        ("many.json", "a field holds over 10,000 values (the limit)")]
