"""Readers: every input shape and encoding a user is likely to have becomes the same articles."""
import json
import os

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.read import expand_paths

BODY = "The harbour reopened on Friday after two years of repairs, the port authority said."
ARTICLE = {"title": "Harbour reopens", "text": BODY, "date": "March 3, 2021", "subject": "Local"}


def _titles(db):
    return sorted(row["title"] for row in db["articles"].rows)


def test_json_object_array_and_container(load_into, tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(ARTICLE))
    (tmp_path / "many.json").write_text(json.dumps([{**ARTICLE, "title": "A"}, {**ARTICLE, "title": "B"}]))
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{**ARTICLE, "title": "C"}]}))
    db, result = load_into(tmp_path / "one.json", tmp_path / "many.json", tmp_path / "wrapped.json")
    assert _titles(db) == ["A", "B", "C", "Harbour reopens"]
    assert result.counts["errors"] == 0
    row = next(db.query("select * from articles where title = 'Harbour reopens'"))
    assert (row["published_at"], row["section"], row["body"]) == ("2021-03-03", "Local", BODY)


def test_jsonl_with_aliases(load_into, tmp_path):
    lines = [{"headline": "A", "content": BODY, "published": "2021-03-03T10:00:00+01:00", "link": "https://x.test/a"},
             {"headline": "B", "article": BODY + " More.", "publisher": "Harbour Gazette"}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    db, _ = load_into(path)
    rows = {row["title"]: row for row in db["articles"].rows}
    assert rows["A"]["published_at"] == "2021-03-03T10:00:00+01:00"
    assert rows["A"]["url"] == "https://x.test/a"
    assert rows["B"]["source_id"] == "harbour-gazette"
    assert rows["A"]["origin_format"] == "jsonl"


def test_isot_style_csv(load_into, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('title,text,subject,date\n"Oil rises","LONDON (Reuters) - Oil rose, traders said.",'
                    'worldnews,"December 31, 2017 "\n', encoding="utf-8")
    db, _ = load_into(path)
    row = next(db.query("select * from articles"))
    assert (row["title"], row["source_id"], row["dateline"]) == ("Oil rises", "reuters", "LONDON")
    assert (row["body"], row["section"], row["published_at"]) == ("Oil rose, traders said.", "worldnews", "2017-12-31")


def test_markdown_front_matter(load_into, tmp_path):
    path = tmp_path / "story.md"
    path.write_text(f"---\ntitle: Harbour reopens\nauthor: [Ana Lima, Tom Ward]\ndate: 2021-03-03\n---\n{BODY}\n")
    db, _ = load_into(path)
    row = next(db.query("select * from articles"))
    assert (row["title"], row["body"], row["published_at"]) == ("Harbour reopens", BODY, "2021-03-03")
    assert json.loads(row["authors"]) == ["Ana Lima", "Tom Ward"]


def test_encodings_and_line_endings_give_the_same_article(load_into, tmp_path):
    text = "Café reopens\n\nThe café on the quay reopened on Friday.\n\nIt had been shut for a year."
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "cp1252.txt": text.encode("cp1252"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "cr.txt": text.replace("\n", "\r").encode("utf-8"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
    db, result = load_into(tmp_path)
    assert result.counts == {"inserted": 1, "updated": 0, "unchanged": 0, "duplicates": 5, "near_duplicates": 0,
                             "errors": 0}
    row = next(db.query("select * from articles"))
    assert row["title"] == "Café reopens"
    assert row["body"] == "The café on the quay reopened on Friday.\n\nIt had been shut for a year."
    assert db["article_origins"].count == 6


def test_directory_recursion_and_glob(load_into, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One\n\nFirst story text here.")
    (tmp_path / "a" / "b" / "two.txt").write_text("Two\n\nSecond story text here.")
    (tmp_path / "a" / ".hidden.txt").write_text("Hidden\n\nNot loaded.")
    db, _ = load_into(tmp_path / "a")
    assert _titles(db) == ["One", "Two"]
    db, result = load_into(str(tmp_path / "a" / "**" / "*.txt"))
    assert result.counts["unchanged"] == 2


def test_hard_wrapped_text_is_joined_into_paragraphs(load_into, tmp_path):
    wrapped = ("Grain exports\n\nShipments of wheat from the northern ports rose sharply in the\n"
               "first quarter of the year, the ministry said on Tuesday, as\nbuyers returned.\n\n"
               "Prices were steady.")
    (tmp_path / "wire.txt").write_text(wrapped)
    db, _ = load_into(tmp_path / "wire.txt")
    body = next(db.query("select body from articles"))["body"]
    assert body.split("\n\n") == ["Shipments of wheat from the northern ports rose sharply in the first quarter "
                                  "of the year, the ministry said on Tuesday, as buyers returned.",
                                  "Prices were steady."]


def test_stdin_and_format_override(tmp_path):
    runner = CliRunner()
    db_path = str(tmp_path / "archive.db")
    line = json.dumps({"title": "From stdin", "text": BODY})
    result = runner.invoke(cli, ["load", "-", "--db", db_path, "--no-nlp", "--format", "jsonl"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert "1 inserted" in result.output
    result = runner.invoke(cli, ["load", "-", "--db", db_path, "--no-nlp", "--format", "jsonl"], input=line + "\n")
    assert "1 unchanged" in result.output
    # Detected from content: one JSON object, read as a JSON document (another position, so a duplicate).
    result = runner.invoke(cli, ["load", "-", "--db", db_path, "--no-nlp"], input=line)
    assert "1 duplicates" in result.output


def test_csv_detected_by_content_without_extension(load_into, tmp_path):
    path = tmp_path / "export"
    path.write_text('headline,content,published\n"Ferry fares rise","Fares rose by a tenth on Monday.",2022-05-02\n')
    db, _ = load_into(path)
    row = next(db.query("select * from articles"))
    assert (row["title"], row["origin_format"], row["published_at"]) == ("Ferry fares rise", "csv", "2022-05-02")


def _tree_with_loops(tmp_path):
    tree = tmp_path / "tree"
    (tree / "a" / "b").mkdir(parents=True)
    (tree / "a" / "one.txt").write_text("One\n\nFirst story text here.")
    (tree / "a" / "b" / "two.txt").write_text("Two\n\nSecond story text here.")
    (tree / "a" / "b" / "up").symlink_to(tree / "a")  # two loops: each level can re-enter the tree
    (tree / "a" / "round").symlink_to(tree)
    (tree / "also-one.txt").symlink_to(tree / "a" / "one.txt")
    return tree


def _in_thread(function, seconds=20):
    """Run function; fail (instead of hanging the suite) if it has not returned within `seconds`."""
    import threading
    box = []
    thread = threading.Thread(target=lambda: box.append(function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still running after {seconds}s"
    return box[0]


@pytest.mark.parametrize("pattern", ["tree/**", "tree/**/*.txt", "tree"])
def test_globs_visit_each_file_once_and_end_on_symlink_loops(tmp_path, monkeypatch, pattern):
    _tree_with_loops(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, problems = _in_thread(lambda: expand_paths([pattern]))
    assert problems == []
    assert sorted(os.path.realpath(f.path) for f in files) == [
        str(tmp_path / "tree" / "a" / "b" / "two.txt"), str(tmp_path / "tree" / "a" / "one.txt")]


def test_a_file_named_twice_is_read_once(load_into, tmp_path):
    (tmp_path / "one.txt").write_text("One\n\nFirst story text here.")
    db, result = load_into(tmp_path / "one.txt", tmp_path / "." / "one.txt", tmp_path)
    assert result.files == 1 and result.counts["inserted"] == 1 and result.counts["duplicates"] == 0


def test_hostile_file_names_are_escaped_in_warnings(load_into, tmp_path):
    forged = "x\nwarning: all good.txt"
    colour = "\x1b[31mred\x1b[0m\r.txt"
    (tmp_path / forged).write_text("")
    (tmp_path / colour).write_text("")
    warnings = []
    db, _ = load_into(tmp_path, warnings=warnings)
    assert sorted(warnings) == [f"warning: {tmp_path}/\\x1b[31mred\\x1b[0m\\r.txt file: empty file",
                                f"warning: {tmp_path}/x\\nwarning: all good.txt file: empty file"]
    assert sorted(r["origin_path"] for r in db["load_errors"].rows) == [f"{tmp_path}/{colour}", f"{tmp_path}/{forged}"]
