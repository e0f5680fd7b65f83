"""Fuzzing the loader: whatever bytes arrive, every input either loads or lands in load_errors with a
reason we wrote (never "unexpected error"), nothing raises, and the good records beside a bad one load.

Hypothesis generates the inputs; `FUZZED` counts them (run with -s to see the total).
"""
import gzip
import os
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loader import store
from loader.load import LoadOptions, load_paths
from loader.normalize.fields import FIELD_ALIASES

EXTENSIONS = [".txt", ".md", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm", ".txt.gz", ".json.gz",
              ""]
FIELD_NAMES = sorted({alias for aliases in FIELD_ALIASES.values() for alias in aliases})
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
FUZZED = Counter()

# Text with everything unicode holds: lone surrogates (JSON escapes them), NUL, controls, RTL marks.
ANY_CHARACTER = st.characters(blacklist_categories=())
NASTY_TEXT = st.text(ANY_CHARACTER, max_size=300)
JSON_SCALARS = (st.none() | st.booleans() | st.integers(min_value=-2**80, max_value=2**80)
                | st.floats(allow_nan=True, allow_infinity=True) | NASTY_TEXT)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=5)
    | st.dictionaries(st.sampled_from(FIELD_NAMES) | NASTY_TEXT, inner, max_size=6),
    max_leaves=25)
# Printable text that is not a good article: a nasty record's neighbours must not depend on its luck.
CSV_NOISE = st.text(st.sampled_from(['"', ",", "\n", "\t", ";", " ", "a", "Z", "\\", "'", "\u00e9", "\x00", "="]),
                    max_size=80)


def good_article(number: int) -> dict:
    return {"title": f"Harbour {number} reopens after the storm",
            "body": f"The harbour at berth {number} reopened on Monday after a storm closed it for three days."}


class Archive:
    """One in-memory archive per test; each example loads its own temporary directory into it."""

    def __init__(self):
        self.db = sqlite_utils.Database(memory=True)
        store.ensure_db_shape(self.db)

    def load(self, files: dict[str, bytes], kind: str) -> tuple[str, object, list[str]]:
        FUZZED[kind] += 1
        with tempfile.TemporaryDirectory() as directory:
            for name, data in files.items():
                Path(directory, name).write_bytes(data)
            warnings = []
            result = load_paths(self.db, [directory], LoadOptions(nlp=False, progress=False), warn=warnings.append)
        return directory, result, warnings

    def origins(self, directory: str) -> dict:
        """file name → {"loaded": positions, "failed": [(position, reason)]}."""
        found = {}
        for row in self.db.query("select origin_path, position from article_origins where origin_path like ?",
                                 [directory + "/%"]):
            origin = found.setdefault(Path(row["origin_path"]).name, {"loaded": set(), "failed": []})
            origin["loaded"].add(row["position"])
        for row in self.db.query("select origin_path, position, reason from load_errors where origin_path like ?",
                                 [directory + "/%"]):
            found.setdefault(Path(row["origin_path"]).name, {"loaded": set(), "failed": []})["failed"].append(
                (row["position"], row["reason"]))
        return found

    def titles(self, directory: str) -> set:
        return {row["title"] for row in self.db.query(
            "select title from articles join article_origins on article_origins.article_id = articles.id "
            "where article_origins.origin_path like ?", [directory + "/%"])}

    def check(self, directory: str, result, warnings: list[str], names) -> dict:
        """Every file is accounted for, with our own reasons; counts, warnings and indexes agree."""
        found = self.origins(directory)
        for name in names:
            assert name in found, f"{name} neither loaded nor in load_errors"
        failures = [reason for entry in found.values() for _, reason in entry["failed"]]
        assert not [reason for reason in failures if reason.startswith("unexpected error")], failures
        assert result.counts["errors"] == len(failures) == len(warnings)
        assert result.loaded == sum(len(entry["loaded"]) for entry in found.values())
        assert all(message.startswith(f"warning: {directory}/") for message in warnings)
        return found

    def assert_consistent(self):
        assert self.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        self.db.execute("insert into articles_fts(articles_fts) values('integrity-check')")
        assert self.db.execute("select count(*) from articles").fetchone() == \
            self.db.execute("select count(*) from articles_fts").fetchone()


@pytest.fixture(scope="module")
def archive():
    archive = Archive()
    yield archive
    archive.assert_consistent()


@pytest.fixture(scope="module", autouse=True)
def report_count():
    yield
    print(f"\nfuzzed inputs: {sum(FUZZED.values())} ({', '.join(f'{k} {v}' for k, v in sorted(FUZZED.items()))})")


def jsonl(articles: list[dict]) -> bytes:
    return "".join(json.dumps(article) + "\n" for article in articles).encode()


GOOD_FILE = {"good.jsonl": jsonl([good_article(0)])}


@FUZZ
@given(data=st.binary(max_size=3000), extension=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_beside_a_good_file(archive, data, extension):
    directory, result, warnings = archive.load({**GOOD_FILE, "nasty" + extension: data}, "bytes")
    archive.check(directory, result, warnings, ["good.jsonl", "nasty" + extension])
    assert good_article(0)["title"] in archive.titles(directory)


@FUZZ
@given(text=NASTY_TEXT.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "mixed"]),
       extension=st.sampled_from(EXTENSIONS))
def test_text_in_any_encoding(archive, text, encoding, extension):
    if encoding == "mixed":  # one half UTF-8, the other cp1252, as concatenated feeds arrive
        data = text[: len(text) // 2].encode() + text[len(text) // 2:].encode("cp1252", "replace")
    else:
        data = text.encode(encoding, "replace")
    directory, result, warnings = archive.load({**GOOD_FILE, "nasty" + extension: data}, "text")
    archive.check(directory, result, warnings, ["good.jsonl", "nasty" + extension])


@FUZZ
@given(value=JSON_VALUES, as_lines=st.booleans())
def test_json_values_between_good_articles(archive, value, as_lines):
    """Any JSON value (lone surrogates, NaN, huge numbers, odd nesting) between two good articles."""
    items = [good_article(1), value, good_article(2)]
    name, data = ("feed.jsonl", jsonl(items)) if as_lines else ("feed.json", json.dumps(items).encode())
    directory, result, warnings = archive.load({name: data}, "json")
    found = archive.check(directory, result, warnings, [name])
    expected = ({"line 1", "line 3"} if as_lines else {"item 1", "item 3"})
    assert expected <= found[name]["loaded"]
    lost = [position for position, reason in found[name]["failed"] if not reason.endswith("loaded without it")]
    assert len(found[name]["loaded"]) + len(lost) == 3  # a dropped date is a warning about a loaded record


@FUZZ
@given(noise=st.binary(max_size=60))
def test_garbage_line_in_a_feed(archive, noise):
    """Five good lines, any bytes, five good lines: the ten good articles always load.

    (Sixty bytes of noise stay under the 5% of control bytes that make a whole file binary.)
    """
    data = jsonl([good_article(n) for n in range(5)]) + noise + b"\n" + jsonl([good_article(n) for n in range(5, 10)])
    directory, result, warnings = archive.load({"feed.jsonl": data}, "jsonl")
    archive.check(directory, result, warnings, ["feed.jsonl"])
    assert {good_article(n)["title"] for n in range(10)} <= archive.titles(directory)


@FUZZ
@given(noise=CSV_NOISE, delimiter=st.sampled_from([",", "\t"]))
def test_broken_csv_row_between_good_rows(archive, noise, delimiter):
    """Unbalanced quotes, stray delimiters and newlines in one row never cost the rows around it."""
    def row(number):
        article = good_article(number)
        return f"{article['title']}{delimiter}{article['body']}\n"
    text = f"title{delimiter}body\n" + row(1) + noise + "\n" + row(2) + row(3)
    directory, result, warnings = archive.load({"feed.csv": text.encode()}, "csv")
    archive.check(directory, result, warnings, ["feed.csv"])
    assert {good_article(n)["title"] for n in (1, 2, 3)} <= archive.titles(directory)


@FUZZ
@given(front=st.text(st.sampled_from(list("&*!|>-:[]{}'\"#%@` \nabc0123")), max_size=200), body=NASTY_TEXT)
def test_front_matter_junk(archive, front, body):
    clean_body = "".join(c for c in body if not "\ud800" <= c <= "\udfff")
    data = f"---\n{front}\n---\n{clean_body}\n".encode()
    directory, result, warnings = archive.load({**GOOD_FILE, "page.md": data}, "markdown")
    archive.check(directory, result, warnings, ["good.jsonl", "page.md"])


TAGS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<![CDATA[",
                        "]]>", "&amp;", "&#0;", "&#x110000;", "&lol;", "<a href='javascript:alert(1)'>", "<br/>",
                        "<title>", "</title>", "<h1>", "</h1>", "<meta charset='utf-7'>", "<style>", "\x00", "<",
                        ">", "Harbour news. ", "<article>", "</article>", "<html>", "<body>"])


@FUZZ
@given(parts=st.lists(TAGS, max_size=60), depth=st.integers(0, 3000))
def test_html_tag_soup_and_nesting(archive, parts, depth):
    """Any .html file, however broken or deeply nested, is read or reported (whichever reader handles it)."""
    data = ("<div>" * depth + "".join(parts) + "</div>" * (depth // 2)).encode()
    directory, result, warnings = archive.load({**GOOD_FILE, "page.html": data}, "html")
    archive.check(directory, result, warnings, ["good.jsonl", "page.html"])


@FUZZ
@given(cut=st.integers(0, 250), extension=st.sampled_from([".jsonl.gz", ".gz", ".txt.gz"]))
def test_truncated_gzip(archive, cut, extension):
    whole = gzip.compress(jsonl([good_article(n) for n in range(3)]))
    directory, result, warnings = archive.load({**GOOD_FILE, "feed" + extension: whole[:cut]}, "gzip")
    found = archive.check(directory, result, warnings, ["good.jsonl", "feed" + extension])
    if cut < len(whole):
        assert found["feed" + extension]["failed"]


# A fixed corpus of nasty files, made here so nothing binary lives in the repository.
BILLION_LAUGHS = "---\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9)) + "title: *a8\n---\nHarbour body text.\n"
NASTY_FILES = {
    "zero.txt": b"",
    "blank.json": b" \n\t\n",
    "bom-only.txt": b"\xef\xbb\xbf",
    "odd-utf16.txt": b"\xff\xfeH\x00i",
    "utf16-no-bom.txt": "Harbour news without a byte-order mark".encode("utf-16-le"),
    "image.jpg.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4,
    "one-huge-line.txt": b"word " * 400_000,
    "many-lines.txt": b"Headline\n\n" + b"short line\n" * 20_000,
    "invalid-utf8.txt": b"Headline\n\nThe caf\xe9 by the harbour \xff\xfe reopened \xc3\x28 today.",
    # Its own headline: an undated "Headline" would be the same article as invalid-utf8.txt's (same title,
    # no date, no URL), and within one load the first arrival is kept unless a later one says it is newer.
    "mixed.txt": "Mixed headline\n\nThe café reopened.\n".encode() + "The café closed.\n".encode("cp1252"),
    "nul-in-feed.jsonl": jsonl([good_article(31)]) + b'{"title": "x\x00y", "body": "z"}\n' + jsonl([good_article(32)]),
    "surrogates.jsonl": b'{"title": "bad \\ud800 title", "body": "body \\udfff here."}\n' + jsonl([good_article(33)]),
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "deep-title.json": json.dumps({"title": json.loads("[" * 500 + "1" + "]" * 500), "body": "x"}).encode(),
    "nan.json": b'[{"title": NaN, "body": "Infinity is not a date", "date": -Infinity, "url": 1e999}]',
    "huge-int.json": json.dumps([{"title": "T", "body": "b", "date": 10**400, "byline": 10**30}]).encode(),
    "array-of-nothing.json": b"[]",
    "header-only.csv": b"title,body\n",
    "broken-quote.csv": ("title,body\n" + f"{good_article(34)['title']},{good_article(34)['body']}\n"
                         + '"unterminated,body\n' + f"{good_article(35)['title']},{good_article(35)['body']}\n").encode(),
    "formula.csv": b'title,body\n=HYPERLINK("http://x"),"=1+2 is a formula"\n',
    "billion-laughs.md": BILLION_LAUGHS.encode(),
    "yaml-date-keys.md": b"---\n2020-01-01: x\ntitle: Dated keys\n---\nHarbour body text here.\n",
    "truncated.json.gz": gzip.compress(jsonl([good_article(36)]))[:20],
    "garbage.gz": b"\x1f\x8b" + bytes(range(200)),
    "html-bomb.html": b"<div>" * 200_000 + b"Harbour" + b"</div>" * 200_000,
    "html-entities.html": b"<html><body><p>" + b"&lol;&#0;&#x110000;&#99999999999;" * 5000 + b"</p></body></html>",
    "html-script.html": b"<title>T</title><script>" + b"x" * 100_000 + b"</script><p>Harbour.</p>",
}
MUST_FAIL = {"zero.txt": "empty file", "blank.json": "empty file", "bom-only.txt": "no article text",
             "deep.json": "JSON nested too deeply", "array-of-nothing.json": "no records in this file",
             "header-only.csv": "no records in this file",
             "billion-laughs.md": "a field holds over 10,000 values (the limit)",
             "one-huge-line.txt": "over the 1,000,000 limit", "truncated.json.gz": "broken gzip data",
             "image.jpg.txt": "binary content"}


def test_nasty_corpus_loads_or_is_reported(archive):
    directory, result, warnings = archive.load({**GOOD_FILE, **NASTY_FILES}, "corpus")
    found = archive.check(directory, result, warnings, ["good.jsonl", *NASTY_FILES])
    for name, reason in MUST_FAIL.items():
        assert not found[name]["loaded"] and any(reason in text for _, text in found[name]["failed"]), found[name]
    titles = archive.titles(directory)
    assert {good_article(n)["title"] for n in (0, 31, 32, 33, 34, 35)} <= titles
    assert found["broken-quote.csv"]["failed"] == [("row 3", "unbalanced quote: the row runs into the lines after it")]
    assert "bad \ufffd title" in titles and "Dated keys" in titles
    assert "Harbour news without a byte-order mark" in titles
    assert "The café reopened.\n\nThe café closed." in archive.db.execute(
        "select body from articles join article_origins on article_id = id where article_origins.origin_path = ?",
        [f"{directory}/mixed.txt"]).fetchone()[0]


def test_gzip_bomb_is_refused(archive, monkeypatch):
    monkeypatch.setattr("loader.read.MAX_FILE_BYTES", 1_000_000)
    bomb = gzip.compress(b"\n" * 50_000_000, compresslevel=9)  # 50 MB that packs into about 50 KB
    directory, result, warnings = archive.load({**GOOD_FILE, "bomb.jsonl.gz": bomb}, "corpus")
    found = archive.check(directory, result, warnings, ["good.jsonl", "bomb.jsonl.gz"])
    assert found["bomb.jsonl.gz"]["failed"] == [
        ("file", "over 1,000,000 bytes decompressed: split it into smaller files")]


def test_odd_paths_are_reported_not_fatal(archive, tmp_path):
    (tmp_path / "good.jsonl").write_bytes(jsonl([good_article(40)]))
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Headline\n\nA story from a badly named file.")
    warnings = []
    result = load_paths(archive.db, [str(tmp_path), str(tmp_path / "absent.txt")],
                        LoadOptions(nlp=False, progress=False), warn=warnings.append)
    found = archive.origins(str(tmp_path))
    assert found["dangling.txt"]["failed"] == [("path", "cannot read file: No such file or directory")]
    assert found["pipe.txt"]["failed"] == [("path", "not a regular file (pipe, device, socket)")]
    assert found["absent.txt"]["failed"] == [("path", "no such file or directory")]
    assert found["caf\ufffd.txt"]["loaded"] == {"file"} and found["good.jsonl"]["loaded"] == {"line 1"}
    assert result.counts["errors"] == 3 == len(warnings)


def test_an_extractor_failing_on_one_article_costs_only_that_article(archive, monkeypatch):
    """Fault injection: an extractor that raises on one text (as a bug would on odd input)."""
    def fragile(item, doc, found):
        if "poison" in item["text"]:
            raise ValueError("cannot handle this text")
        return {}

    monkeypatch.setattr("loader.extract.EXTRACTORS", [fragile])
    poisoned = {"title": "Poisoned harbour", "body": "The poison pill harbour story."}
    with tempfile.TemporaryDirectory() as directory:
        Path(directory, "feed.jsonl").write_bytes(jsonl([good_article(50), poisoned, good_article(51)]))
        warnings = []
        load_paths(archive.db, [directory], LoadOptions(nlp=True, progress=False), warn=warnings.append)
        found = archive.origins(directory)
        assert {"line 1", "line 3"} <= found["feed.jsonl"]["loaded"]
        [(position, reason)] = found["feed.jsonl"]["failed"]
        assert position == "line 2" and "extraction failed" in reason and "cannot handle this text" in reason


# Shapes from the second probe (issue 14): numbers Python will not convert, special floats, impossible
# dates and offsets, NUL escapes; `**` globs over trees with symlink loops; hostile file names; long texts.
HUGE_DIGITS = st.integers(4290, 6000).map(lambda n: "9" * n)
SPECIAL_NUMBERS = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999999", "-1e999999", "253402300800",
                                   "99999999999", "-1", "1e-999999", "0"])
BAD_DATES = st.builds(
    lambda day, hour, minute, sign: json.dumps(f"2017-02-{day:02d}T10:00:00{sign}{hour:02d}:{minute:02d}"),
    st.integers(0, 40), st.integers(0, 99), st.integers(0, 99), st.sampled_from("+-"))
RAW_SCALARS = HUGE_DIGITS | SPECIAL_NUMBERS | BAD_DATES | st.just('"\\u0000"') | st.just('"x\\u0000y"')
DATE_FIELDS = ["date", "published", "published_at", "updated", "timestamp"]


@FUZZ
@given(field=st.sampled_from(FIELD_NAMES + DATE_FIELDS), raw=RAW_SCALARS)
def test_hostile_scalars_cost_at_most_their_record(archive, field, raw):
    """A hostile value in any field costs at most its own line; in a date field, only the date."""
    line = '{"title": "Scalar harbour", "body": "The scalar harbour reopened.", "%s": %s}' % (field, raw)
    data = jsonl([good_article(60)]) + line.encode() + b"\n" + jsonl([good_article(61)])
    directory, result, warnings = archive.load({"feed.jsonl": data}, "scalars")
    found = archive.check(directory, result, warnings, ["feed.jsonl"])
    assert {"line 1", "line 3"} <= found["feed.jsonl"]["loaded"]
    if field in DATE_FIELDS and len(raw) < 4300:  # a line JSON cannot read (a huge integer) costs the line
        assert "line 2" in found["feed.jsonl"]["loaded"]
    bodies_and_titles = {value for row in archive.db.query(  # this load's rows: earlier fuzz texts may say "inf"
        "select body, title from articles join article_origins on article_origins.article_id = articles.id "
        "where article_origins.origin_path like ?", [directory + "/%"]) for value in row.values()}
    assert not bodies_and_titles & {"nan", "inf", "-inf", "NaN", "Infinity"}
    assert not any("\x00" in (value or "") for value in bodies_and_titles)


@FUZZ
@given(day=st.integers(0, 40), month=st.integers(0, 14))
def test_impossible_front_matter_dates_cost_only_the_date(archive, day, month):
    page = f"---\ntitle: Front {month}-{day}\ndate: 2017-{month:02d}-{day:02d}\n---\nThe harbour reopened.\n"
    directory, result, warnings = archive.load({"page.md": page.encode()}, "front-matter dates")
    found = archive.check(directory, result, warnings, ["page.md"])
    assert found["page.md"]["loaded"] == {"file"}


LINKS = st.lists(st.tuples(st.sampled_from(["", "a", "a/b", "c"]), st.sampled_from(["", "a", "a/b", "c", ".."])),
                 max_size=4)


@FUZZ
@given(links=LINKS, pattern=st.sampled_from(["tree/**", "tree/**/*.txt", "tree", "tree/*/**", "tree/**/b/*"]))
def test_globs_over_symlink_loops_end_and_read_each_file_once(links, pattern):
    """Trees whose symlinks point back up (loops) or sideways: every glob ends, each real file once."""
    import threading
    from loader.read import expand_paths
    FUZZED["globs"] += 1
    with tempfile.TemporaryDirectory() as directory:
        tree = Path(directory, "tree")
        (tree / "a" / "b").mkdir(parents=True)
        (tree / "c").mkdir()
        for folder in ("", "a", "a/b", "c"):
            (tree / folder / "story.txt").write_text("Headline\n\nA story.")
        for number, (where, target) in enumerate(links):
            (tree / where / f"link{number}").symlink_to((tree / target).resolve() if target != ".." else tree.parent)
        box = []
        thread = threading.Thread(target=lambda: box.append(expand_paths([str(Path(directory, pattern))])),
                                  daemon=True)
        thread.start()
        thread.join(30)
        assert box, f"{pattern} over {links} did not end"
        files, _ = box[0]
        reals = [os.path.realpath(f.path) for f in files]
        assert len(reals) == len(set(reals))


@FUZZ
@given(name=st.text(ANY_CHARACTER, min_size=1, max_size=40).filter(
    lambda n: "/" not in n and "\x00" not in n and not n.startswith(".") and n not in (".", "..")
    and not any("\ud800" <= c <= "\udfff" for c in n)))
def test_hostile_file_names_make_one_printable_warning_line(archive, name):
    try:
        directory, result, warnings = archive.load({name: b""}, "file names")
    except OSError:  # a name this file system refuses (too long in bytes)
        return
    assert len(warnings) == 1 and len(warnings[0].splitlines()) == 1
    assert not any(c in warnings[0] for c in "\x1b\x07\x9b\u202e\u2066")


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(sizes=st.lists(st.integers(1, 400), min_size=1, max_size=12), limit=st.integers(120, 900))
def test_long_texts_in_pieces_keep_every_offset(sizes, limit):
    """Real spaCy over random paragraph layouts cut into pieces of `limit` characters: every row's
    offsets still index the whole text."""
    from loader.extract import _extract_parsed
    from loader.extract.pieces import extract_in_pieces
    FUZZED["long texts"] += 1
    words = "Captain Mary Tanaka said ships docked in Hong Kong on Monday. \"We are back,\" she said. "
    text = "\n\n".join((words * (1 + size // len(words)))[:size].strip() or "Port." for size in sizes)
    [found] = extract_in_pieces([{"id": "x", "text": text, "dateline": "LONDON"}], _extract_parsed, limit)
    assert "error" not in found
    for row in found["mentions"] + found["quotes"] + found["locations"]:
        if row.get("start") is not None:
            assert 0 <= row["start"] < row["end"] <= len(text)
            assert text[row["start"]:row["end"]] == row.get("text", row.get("content"))
    assert sum(1 for row in found["locations"] if row["is_dateline"] and row["start"] is None) <= 1
