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
