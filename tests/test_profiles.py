"""Source profiles: both seeds come out exactly right; unknown sources get the generic layout."""
import json

from loader.model import Record
from loader.normalize import normalize

from .conftest import REUTERS_SEED, SCMP_SEED, article_by_source


def test_reuters_seed_fields(seeds_db):
    article = article_by_source(seeds_db, "reuters")
    assert article["dateline"] == "WASHINGTON"
    assert article["body"].startswith("The United States on Thursday imposed sanctions")
    assert "(Reuters)" not in article["body"]
    assert article["title_derived"] == 1
    assert article["title"].startswith("The United States on Thursday imposed sanctions")
    assert article["published_at"] is None
    assert article["origin_format"] == "text"


def test_reuters_body_otherwise_unchanged(seeds_db):
    article = article_by_source(seeds_db, "reuters")
    lines = REUTERS_SEED.read_text(encoding="utf-8").split("\n")
    expected = [lines[0].split("(Reuters) - ", 1)[1]] + lines[1:]
    assert article["body"].split("\n\n") == expected
    # The stripped quote marks are left alone, not repaired.
    assert "Today s sanctions target" in article["body"]


def test_scmp_seed_fields(seeds_db):
    article = article_by_source(seeds_db, "scmp")
    assert article["section"] == "North Korea"
    assert article["title"] == "Beijing rejects unilateral sanctions as US targets North Korean diplomat in China"
    assert article["title_derived"] == 0
    assert article["subtitle"] == ("Beijing unlikely to expel Pyongyang envoy Washington accuses of human "
                                   "rights abuses, analyst says")
    assert article["published_at"] == "2017-10-27T19:50:00+08:00"
    assert article["updated_at"] == "2017-10-27T23:31:00+08:00"
    assert article["published_month"] == "2017-10"
    assert article["credits"] == "Additional reporting by Reuters"
    assert json.loads(article["related_headlines"]) == [
        "‘North Korea threatens others with catastrophe,’ US Defence Secretary James Mattis warns during visit to DMZ",
        "US slaps sanctions against North Korean officials and entities over human rights abuses",
    ]


def test_scmp_body_is_only_the_paragraphs(seeds_db):
    body = article_by_source(seeds_db, "scmp")["body"]
    source_paragraphs = [p for p in SCMP_SEED.read_text(encoding="utf-8").split("\n\n")]
    assert body.startswith("Beijing has repeated its opposition to unilateral sanctions")
    assert body.endswith("committed to a “diplomatic solution” for North Korea.")
    for furniture in ("PUBLISHED", "UPDATED", "US slaps sanctions", "Additional reporting", "North Korea threatens"):
        assert furniture not in body
    related = {"US slaps sanctions against North Korean officials and entities over human rights abuses"}
    expected = [p for p in source_paragraphs[4:-1] if p not in related and not p.startswith("‘North Korea threatens")]
    assert body.split("\n\n") == expected
    assert len(body.split("\n\n")) == 19  # the page's 26 blocks less 5 of furniture and 2 related links
    assert len(source_paragraphs) == 26
    assert "\n\n\n" not in body


def test_sources_rows(seeds_db):
    sources = {row["id"]: row for row in seeds_db["sources"].rows}
    assert sources["scmp"]["timezone"] == "Asia/Hong_Kong"
    assert sources["reuters"]["name"] == "Reuters"


def _page(text):
    return normalize(Record("typed.txt", "file", "text", text=text))[0]


def test_generic_headline_line_becomes_title():
    article = _page("Council approves new bridge\n\nThe city council voted on Monday to build a bridge.\n\n"
                    "Work starts in spring.")
    assert article.source_id == "unknown"
    assert (article.title, article.title_derived) == ("Council approves new bridge", 0)
    assert article.body == "The city council voted on Monday to build a bridge.\n\nWork starts in spring."


def test_generic_without_headline_derives_title_from_lede():
    article = _page("The city council voted on Monday to build a bridge. Work starts in spring.\n\nMore later.")
    assert article.title == "The city council voted on Monday to build a bridge"
    assert article.title_derived == 1


def test_long_lede_title_is_cut_at_a_word():
    lede = "The harbour authority said on Tuesday " + "that the old pier would be rebuilt " * 5 + "soon."
    article = _page(lede + "\n\nSecond paragraph.")
    assert article.title.endswith("…") and len(article.title) <= 101
    assert lede.startswith(article.title[:-1])


def test_generic_date_stamp_byline_and_credits():
    article = _page("Flood waters recede\n\nBy Ana Lima and Tom Ward\n\nPublished: 3 March 2021 14:05\n\n"
                    "The river fell overnight.\n\nReporting by Ana Lima; Editing by Tom Ward")
    assert article.published_at == "2021-03-03T14:05:00"  # no zone known: left naive, not invented
    assert article.byline == "Ana Lima and Tom Ward"
    assert article.authors == ["Ana Lima", "Tom Ward"]
    assert article.credits == "Reporting by Ana Lima; Editing by Tom Ward"
    assert article.body == "The river fell overnight."


def test_detection_is_by_content_not_file_name():
    text = REUTERS_SEED.read_text(encoding="utf-8")
    article = normalize(Record("scmp_page.txt", "file", "text", text=text))[0]
    assert article.source_id == "reuters"


def test_reuters_dateline_with_headline_and_date():
    article = _page("Oil prices rise\n\nLONDON, Oct 26 (Reuters) - Oil rose on Thursday.\n\n"
                    "(Reporting by Jo Bloggs; Editing by Sam Doe)")
    assert (article.source_id, article.dateline, article.title) == ("reuters", "LONDON", "Oil prices rise")
    assert article.body == "Oil rose on Thursday."
    assert article.credits == "Reporting by Jo Bloggs; Editing by Sam Doe"


def test_source_override(load_into, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Harbour reopens\n\nThe harbour reopened on Friday after repairs.\n", encoding="utf-8")
    db, _ = load_into(page, source="harbour-gazette")
    assert [row["source_id"] for row in db["articles"].rows] == ["harbour-gazette"]
    assert db["sources"].get("harbour-gazette")["name"] == "harbour-gazette"


def test_reuters_datelines_of_every_shape():
    shapes = {
        "TALLAHASSEE, Fla./WASHINGTON (Reuters) - The storm moved north.": "TALLAHASSEE, Fla./WASHINGTON",
        "DOTHAN, Ala. (Reuters) - The storm moved north.": "DOTHAN, Ala.",
        "EL PASO, Texas/WASHINGTON (Reuters) - The storm moved north.": "EL PASO, Texas/WASHINGTON",
        "PONCE, Puerto Rico (Reuters) - The storm moved north.": "PONCE, Puerto Rico",
        "TOKYO/SYDNEY, March 3 (Reuters) — The storm moved north.": "TOKYO/SYDNEY",
        "ST. PAUL, Minn., Nov 3 (Reuters) - The storm moved north.": "ST. PAUL, Minn.",
    }
    for line, dateline in shapes.items():
        article = _page(f"Storm heads north\n\n{line}\n\nIt weakened overnight.")
        assert (article.source_id, article.dateline, article.title) == ("reuters", dateline, "Storm heads north")
        assert article.body == "The storm moved north.\n\nIt weakened overnight."


def test_a_sentence_with_the_agency_in_brackets_is_no_dateline():
    article = _page("Shares fell sharply (Reuters) - analysts were surprised.\n\nMore follows.")
    assert article.dateline is None


def test_article_naming_no_source_is_filed_under_its_site():
    fields = {"title": "Council approves bridge", "url": "https://www.riverside-courier.example/local/bridge",
              "body": "The city council voted on Monday to build a bridge."}
    article, profile = normalize(Record("items.json", "record 1", "json", fields=fields))
    assert (article.source_id, profile.name) == ("riverside-courier-example", "riverside-courier.example")
    named = dict(fields, source="The Courier")
    assert normalize(Record("items.json", "record 2", "json", fields=named))[0].source_id == "the-courier"
    no_url = {key: value for key, value in fields.items() if key != "url"}
    assert normalize(Record("items.json", "record 3", "json", fields=no_url))[0].source_id == "unknown"
