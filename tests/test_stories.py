"""Stories and provenance: the seeds share a story, the Treasury quote is one group first reported by
Reuters, credit lines link to their sources, loads only cluster what is new, and the story page."""
import json

import pytest

from loader import store
from loader.load import extract_archive
from loader.store import credits, provenance, stories

from .conftest import CORPUS, REUTERS_SEED, SCMP_SEED, DatasetteClient, article_by_source, run_load

TREASURY = "Further, the military operates outside"
# An article of our own about something else entirely, published the same day as the SCMP seed.
HARBOUR = """Harbour Gazette

Lantern festival draws record crowds to the old harbour

PUBLISHED : Friday, 27 October, 2017, 9:15pm

More than forty thousand visitors walked the old harbour promenade on Friday evening for the
autumn lantern festival, the organisers said, the largest crowd since the festival began.

Paper lanterns shaped as carp, dragons and ferry boats lined the seawall, and a brass band played
on the pier until midnight while food stalls sold roasted chestnuts and grilled squid.
"""


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "archive.db"
    db, _ = run_load(path, CORPUS, nlp=True)
    return db, DatasetteClient(path)


@pytest.mark.slow
def test_the_seeds_share_one_story(seeds):
    db, _ = seeds
    reuters, scmp = article_by_source(db, "reuters"), article_by_source(db, "scmp")
    assert reuters["story_id"] is not None and reuters["story_id"] == scmp["story_id"]
    story = db["stories"].get(scmp["story_id"])
    assert story["article_count"] == 2 and story["source_count"] == 2
    # The Reuters seed has no date and a headline made from its lede: the SCMP headline labels the story.
    assert story["label"] == scmp["title"]
    assert story["first_published"] == story["last_published"] == scmp["published_at"]


@pytest.mark.slow
def test_the_treasury_quote_is_one_group_first_reported_by_reuters(seeds):
    db, _ = seeds
    quotes = list(db.query("select * from quotes where content like ?", [TREASURY + "%"]))
    assert {quote["source_id"] for quote in quotes} == {"reuters", "scmp"}
    assert len({quote["group_id"] for quote in quotes}) == 1
    group = db["quote_groups"].get(quotes[0]["group_id"])
    assert group["first_source_id"] == "reuters"
    assert group["first_article_id"] == article_by_source(db, "reuters")["id"]
    assert group["article_count"] == 2 and group["source_count"] == 2
    assert "operates outside of North Korea" in group["content"]  # the first source's wording


@pytest.mark.slow
def test_credit_line_links_the_scmp_article_to_reuters(seeds):
    db, _ = seeds
    scmp = article_by_source(db, "scmp")
    assert [dict(row) for row in db.query("select * from article_credits")] == [
        {"article_id": scmp["id"], "name": "Reuters", "source_id": "reuters"}]


@pytest.mark.slow
def test_story_page_lists_articles_timeline_quotes_and_names(seeds):
    db, client = seeds
    story_id = article_by_source(db, "scmp")["story_id"]
    response = client.get(f"/-/story/{story_id}")
    assert response.status_code == 200
    html = response.text
    assert "Beijing rejects unilateral sanctions as US targets North Korean diplomat in China" in html
    assert "<h3>reuters</h3>" in html and "<h3>scmp</h3>" in html
    assert "2017-10-27" in html and "undated" in html  # the timeline: one dated day, one undated article
    assert "operates outside of North Korea" in html and "First reported by" in html
    assert "Geng Shuang" in html and "Shenyang" in html
    assert client.get("/-/story/999999").status_code == 404


@pytest.mark.slow
def test_story_label_links_to_its_page_and_facets(seeds):
    db, client = seeds
    story_id = article_by_source(db, "scmp")["story_id"]
    assert f'href="/-/story/{story_id}"' in client.get("/archive/stories").text
    facets = client.get("/archive/articles.json?_facet=story_id").json()["facet_results"]
    assert facets["story_id"]["results"][0]["count"] == 2
    quote_facets = client.get("/archive/quotes.json").json()["facet_results"]
    assert "story_id" in quote_facets


@pytest.mark.slow
def test_a_later_load_joins_the_existing_story_and_reclusters_nothing(tmp_path):
    path = tmp_path / "archive.db"
    db, _ = run_load(path, REUTERS_SEED, nlp=True)
    first = article_by_source(db, "reuters")["story_id"]
    keys = db.execute("select count(*) from story_keys").fetchone()[0]
    run_load(path, SCMP_SEED, nlp=True)
    assert article_by_source(db, "scmp")["story_id"] == first == article_by_source(db, "reuters")["story_id"]
    assert db.execute("select count(*) from story_keys").fetchone()[0] > keys
    assert stories.refresh_stories(db) == 0  # nothing pending: a load does not redo the archive
    assert db["stories"].get(first)["article_count"] == 2


@pytest.mark.slow
def test_unrelated_news_of_the_same_day_gets_its_own_story(tmp_path):
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    db, _ = run_load(tmp_path / "archive.db", SCMP_SEED, tmp_path / "harbour.txt", nlp=True)
    rows = {row["title"]: row["story_id"] for row in db.query("select title, story_id from articles")}
    assert len(rows) == 2 and len(set(rows.values())) == 2
    assert db.execute("select count(*) from stories").fetchone()[0] == 2


@pytest.mark.slow
def test_the_same_report_a_month_later_starts_a_new_story(tmp_path):
    later = HARBOUR.replace("27 October, 2017", "27 November, 2017")
    (tmp_path / "october.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "november.txt").write_text(later.replace("forty", "fifty"), encoding="utf-8")
    db, _ = run_load(tmp_path / "archive.db", tmp_path, nlp=True)
    assert len({row[0] for row in db.execute("select story_id from articles")}) == 2


def test_similar_reports_days_apart_share_a_story_until_the_span_ends():
    assert stories.within_span("2017-10-27", "2017-10-31")
    assert not stories.within_span("2017-10-27", "2017-11-01")
    assert stories.within_span("", "2017-11-01") and stories.within_span("2017-10-27", "")
    assert stories.window("2017-10-27")[:2] == ["", "2017-10-24"] and stories.window("")[0] == ""


def test_features_weigh_headline_words_and_names():
    found = stories.features("Sanctions on Diplomats", "The sanctions were announced.", ["abc"])
    assert found == {"w:sanction": 3.0, "w:diplomat": 2.0, "w:announced": 1.0, "n:abc": stories.NAME_WEIGHT}


def test_publication_times_sort_by_instant():
    assert stories.instant("2017-10-27T07:00:00+08:00") < stories.instant("2017-10-26T23:30:00-05:00")
    assert stories.instant(None) == stories.LATEST == stories.instant("not a date")
    assert stories.instant("2017-10") < stories.instant("2017-10-02")


@pytest.mark.parametrize("line, names", [
    ("Additional reporting by Reuters", ["Reuters"]),
    ("Reporting by Jo Lee and Sam Park in Seoul; Editing by Kim Ray", ["Jo Lee", "Sam Park", "Kim Ray"]),
    ("Additional reporting by AFP, Associated Press", ["AFP", "Associated Press"]),
    ("Photos: the Harbour Gazette", []),
    ("Source: Harbour Gazette and news agencies", ["Harbour Gazette"]),
    ("Sources: AP news agency, Harbour Gazette", ["AP", "Harbour Gazette"]),
    ("Source: News agencies", []),
    ("ab/cd (AFP, AP, Reuters)", ["AFP", "AP", "Reuters"]),
    ("ab, cd/ef-(- dpa/Harbour Gazette)", ["dpa", "Harbour Gazette"]),
    ("The views expressed are the author's own (not the Gazette's)", []),
    (None, []),
])
def test_credited_names(line, names):
    assert credits.credited_names(line) == names


def test_same_quote_allows_small_changes_of_wording():
    words = provenance.quote_words
    assert provenance.same_quote(words("the military operates outside of North Korea to hunt down asylum seekers"),
                                 words("The military operates outside North Korea to hunt down asylum seekers"))
    assert not provenance.same_quote(words("the military operates outside North Korea"),
                                     words("the harbour festival drew record crowds to the promenade"))
    assert provenance.same_quote(words("No comment"), words("no comment"))
    assert not provenance.same_quote(words("No comment"), words("No comment on the deal"))


def test_a_load_without_extraction_leaves_stories_to_the_extracting_load(tmp_path):
    db, _ = run_load(tmp_path / "archive.db", CORPUS, nlp=False)
    assert db.execute("select count(*) from articles where story_id is null").fetchone()[0] == 2
    assert db.execute("select count(*) from stories").fetchone()[0] == 0
    with db.atomic():
        assert stories.refresh_stories(db, unextracted=True) == 2  # by their words alone, when asked
    assert db.execute("select count(*) from articles where story_id is null").fetchone()[0] == 0


@pytest.mark.slow
def test_extract_db_builds_the_stories_a_no_nlp_load_left(tmp_path):
    db, _ = run_load(tmp_path / "archive.db", CORPUS, nlp=False)
    extract_archive(db, ["extract", "--db", "archive.db"], progress=False)
    assert article_by_source(db, "reuters")["story_id"] == article_by_source(db, "scmp")["story_id"] is not None
    assert db.execute("select count(*) from quote_groups where source_count = 2").fetchone()[0] >= 1


def test_story_page_escapes_article_text(tmp_path):
    record = {"title": "Harbour <script>alert(1)</script> & lanterns", "published_at": "2017-10-27",
              "source": "gazette", "body": HARBOUR.split("PUBLISHED")[1].split("\n", 2)[2]}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    db, _ = run_load(tmp_path / "archive.db", tmp_path / "one.json", nlp=False)
    with db.atomic():
        stories.refresh_stories(db, unextracted=True)
    html = DatasetteClient(tmp_path / "archive.db").get("/-/story/1").text
    assert "Harbour &lt;script&gt;alert(1)&lt;/script&gt; &amp; lanterns" in html
    assert "<script>alert" not in html


def test_quote_groups_follow_re_extraction(tmp_path):
    """Quote rows are rewritten when an article is extracted again: they find their group again, and
    a group left without quotes is dropped."""
    db, _ = run_load(tmp_path / "archive.db", REUTERS_SEED, nlp=False)
    article = article_by_source(db, "reuters")["id"]
    quote = {"content": "we will keep the harbour open all winter", "direct": 1, "speaker": "Ann Lo",
             "start": 0, "end": 10}
    with db.atomic():
        store.save_quotes(db, article, [quote])
        provenance.refresh_provenance(db)
    group = db.execute("select group_id from quotes").fetchone()[0]
    with db.atomic():
        store.save_quotes(db, article, [quote])
        provenance.refresh_provenance(db)
    assert db.execute("select group_id from quotes").fetchone()[0] == group
    with db.atomic():
        store.save_quotes(db, article, [])
        provenance.refresh_provenance(db)
    assert db.execute("select count(*) from quote_groups").fetchone()[0] == 0
