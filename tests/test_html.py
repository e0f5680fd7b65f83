"""Saved HTML pages: fields from the page's own metadata, the body without page furniture or markup."""
import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from loader.cli import cli

PAGE = Path(__file__).parent / "data" / "harbour_article.html"
PARAGRAPHS = [
    "Crews on the island ferries have voted by a large majority to strike for three days in June, after "
    "months of talks about new night rotas ended without agreement on Monday evening.",
    "The union said 412 of its 468 members on the routes took part in the ballot, and that almost nine in "
    "ten of them backed the walkout. The operator said it was disappointed & would keep talking.",
    "Under the proposed rotas, deck hands would work up to five consecutive night shifts, which the union "
    "says leaves too little rest between crossings in bad weather and puts passengers at risk.",
    "The harbour master, who is not a party to the dispute, said the port would publish a reduced timetable "
    "for the strike days by the end of the month so that islanders could plan their journeys.",
    "Talks are due to resume on Thursday at the offices of the regional conciliation service, where both "
    "sides have agreed to meet without preconditions for the first time since March.",
]


def _only_article(db):
    rows = list(db.query("select * from articles"))
    assert len(rows) == 1, rows
    return rows[0]


def test_fields_come_from_the_page_metadata(load_into):
    db, result = load_into(PAGE)
    article = _only_article(db)
    assert result.counts["inserted"] == 1
    assert article["title"] == "Ferry crews vote to strike over night rotas"  # not og:title's " | Site"
    assert article["title_derived"] == 0
    assert article["subtitle"] == "Walkout planned for June after talks on shift patterns collapse"
    assert json.loads(article["authors"]) == ["Maren Holt", "Tomas Ferreira"]
    assert article["byline"] == "Maren Holt, Tomas Ferreira"
    # JSON-LD keeps the publisher's own offset; og's UTC copy of the same moment is not preferred.
    assert article["published_at"] == "2024-05-14T09:30:00+02:00"
    assert article["updated_at"] == "2024-05-14T11:05:00+02:00"
    assert article["section"] == "Transport"
    assert article["language"] == "en"
    assert article["url"] == "https://news.example.org/2024/05/ferry-crews-strike"
    assert article["origin_format"] == "html"
    assert article["source_id"] == "the-harbour-gazette"
    assert db["sources"].get("the-harbour-gazette")["name"] == "The Harbour Gazette"


def test_body_is_the_paragraphs_only(load_into):
    db, _ = load_into(PAGE)
    body = _only_article(db)["body"]
    assert body.split("\n\n") == PARAGRAPHS
    for furniture in ("Home", "Advertisement", "Related stories", "Island bus timetable", "Photograph",
                      "All rights reserved", "By Maren Holt", "Walkout planned"):
        assert furniture not in body
    assert "<" not in body and "&amp;" not in body


def test_gzipped_and_extensionless_pages_load_the_same(tmp_path, load_into):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.read_bytes()))
    (tmp_path / "saved_page").write_bytes(PAGE.read_bytes())  # no extension: recognised by its content
    db, result = load_into(tmp_path)
    assert result.counts["inserted"] == 1 and result.counts["duplicates"] == 1
    assert _only_article(db)["body"].split("\n\n") == PARAGRAPHS
    formats = {row["position"]: row for row in db.query("select * from article_origins")}
    assert len(formats) == 1 and len(list(db.query("select * from article_origins"))) == 2


def test_opengraph_and_meta_tags_when_there_is_no_json_ld(tmp_path, load_into):
    page = PAGE.read_text(encoding="utf-8")
    start, end = page.index('<script type="application/ld+json">'), page.index("</script>") + len("</script>")
    page = page[:start] + page[end:]
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    db, _ = load_into(tmp_path / "page.html")
    article = _only_article(db)
    # og:title and <h1> agree once the site name is taken off og:title.
    assert article["title"] == "Ferry crews vote to strike over night rotas"
    assert article["published_at"] == "2024-05-14T07:30:00+00:00"
    assert json.loads(article["authors"]) == ["Harbour Gazette staff"]
    assert article["language"] == "en"
    assert article["body"].split("\n\n") == PARAGRAPHS


def test_a_page_without_article_text_is_an_error_not_an_article(tmp_path, load_into):
    (tmp_path / "empty.html").write_text("<!doctype html><html><head><title>Home</title></head>"
                                         "<body><nav><a href='/'>Home</a></nav></body></html>")
    db, result = load_into(tmp_path / "empty.html")
    assert result.counts["errors"] == 1 and db["articles"].count == 0
    error = next(db.query("select * from load_errors"))
    assert error["reason"] == "no article text found in the page"
    assert error["origin_path"].endswith("empty.html")


def test_markup_inside_structured_records_never_reaches_the_body(tmp_path, load_into):
    content = ("<div><p>The lighthouse on the east pier will be <em>repainted</em> in July.</p>"
               "<figure><img src='x.jpg'><figcaption>The east pier light</figcaption></figure>"
               "<p>Work starts after the regatta &amp; lasts two weeks.<br>Boats may moor as usual.</p>"
               "<script>track()</script></div>")
    (tmp_path / "scraped.json").write_text(json.dumps({"headline": "Pier light to be repainted",
                                                       "content": content}))
    db, _ = load_into(tmp_path / "scraped.json")
    assert _only_article(db)["body"].split("\n\n") == [
        "The lighthouse on the east pier will be repainted in July.",
        "Work starts after the regatta & lasts two weeks.",
        "Boats may moor as usual.",  # a <br> breaks the line, and a line is a paragraph in the body
    ]


def test_a_wire_story_page_keeps_its_profile(tmp_path, load_into):
    """A page on reuters.com is filed under Reuters, and its dateline is cut from the body as in text."""
    page = PAGE.read_text(encoding="utf-8")
    page = page.replace("https://news.example.org/2024/05/ferry-crews-strike",
                        "https://www.reuters.com/world/ferry-crews-strike-2024-05-14/")
    page = page.replace("<p>Crews on the island ferries", "<p>OSLO (Reuters) - Crews on the island ferries")
    (tmp_path / "wire.html").write_text(page, encoding="utf-8")
    db, _ = load_into(tmp_path / "wire.html")
    article = _only_article(db)
    assert (article["source_id"], article["dateline"]) == ("reuters", "OSLO")
    assert article["body"].split("\n\n") == PARAGRAPHS


def test_cli_lists_html_as_a_format(tmp_path):
    result = CliRunner().invoke(cli, ["load", str(PAGE), "--db", str(tmp_path / "a.db"), "--no-nlp",
                                      "--format", "html", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 inserted" in result.output


def test_a_page_in_a_legacy_charset_is_decoded_as_it_declares(tmp_path, load_into):
    paragraphs = ["Паромщики острова проголосовали за забастовку в июне после долгих переговоров о ночных сменах "
                  "на линиях, которые связывают острова с материком.",
                  "Профсоюз заявил, что почти девять из десяти членов поддержали решение, а оператор обещал "
                  "продолжить переговоры на следующей неделе в городе.",
                  "Капитан порта сказал, что расписание на дни забастовки будет опубликовано к концу месяца, "
                  "чтобы жители островов могли планировать поездки."]
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "<title>Паромщики бастуют</title></head><body><article><h1>Паромщики бастуют</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    (tmp_path / "page.html").write_bytes(page.encode("cp1251"))
    db, _ = load_into(tmp_path / "page.html")
    article = _only_article(db)
    assert article["title"] == "Паромщики бастуют"
    assert article["body"].split("\n\n") == paragraphs


def test_utf8_bytes_win_over_a_stale_charset_declaration(tmp_path, load_into):
    page = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    page = page.replace("Talks are due to resume on Thursday", "Talks are due to resume on Thursday in Tromsø")
    (tmp_path / "page.html").write_bytes(page.encode("utf-8"))  # re-saved as UTF-8, old declaration kept
    db, _ = load_into(tmp_path / "page.html")
    assert "in Tromsø at the offices" in _only_article(db)["body"]


HEADLINE = "Ferry crews vote to strike over night rotas"


def _page_with(tmp_path, load_into, *, jsonld=HEADLINE, og=HEADLINE, h1=HEADLINE, site=None, lead=""):
    """The article row of the harbour page with its JSON-LD headline, og:title, <h1> (and og:site_name)
    replaced, and `lead` markup put before the first paragraph."""
    page = PAGE.read_text(encoding="utf-8")
    page = page.replace(f'"headline": "{HEADLINE}"', f'"headline": "{jsonld}"')
    page = page.replace(f'og:title" content="{HEADLINE} | The Harbour Gazette"', f'og:title" content="{og}"')
    page = page.replace(f"<h1>{HEADLINE}</h1>", f"<h1>{h1}</h1>")
    if site is not None:
        page = page.replace('og:site_name" content="The Harbour Gazette"', f'og:site_name" content="{site}"')
    page = page.replace("<p>Crews on the island", lead + "<p>Crews on the island")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    db, _ = load_into(tmp_path / "page.html")
    return _only_article(db)


def _title_of_page_with(tmp_path, load_into, **headlines):
    return _page_with(tmp_path, load_into, **headlines)["title"]


def test_a_metadata_headline_that_holds_the_other_and_a_kicker_loses_to_the_core(tmp_path, load_into):
    # JSON-LD and <h1> carry a "Topic: " kicker; og:title is the headline itself.
    kicked = "Island strike: " + HEADLINE
    assert _title_of_page_with(tmp_path, load_into, jsonld=kicked, h1=kicked) == HEADLINE
    # The other way round, and with a longer tail instead of a kicker.
    tailed = HEADLINE + " after talks collapse"
    assert _title_of_page_with(tmp_path, load_into, og=tailed, h1=tailed) == HEADLINE


def test_headlines_that_differ_outright_are_still_decided_by_the_vote(tmp_path, load_into):
    other = "Night rota row ends in strike ballot"
    assert _title_of_page_with(tmp_path, load_into, jsonld=other) == HEADLINE
    assert _title_of_page_with(tmp_path, load_into, og=other, h1=other) == other


def test_a_tail_only_og_title_has_is_a_site_name_and_goes(tmp_path, load_into):
    # og:site_name says "The Harbour Gazette"; og:title ends in another spelling of it.
    tailed = HEADLINE + " - Harbour Gazette Online"
    assert _title_of_page_with(tmp_path, load_into, jsonld="", og=tailed) == HEADLINE
    # When the JSON-LD headline carries the same tail, it is part of the headline.
    assert _title_of_page_with(tmp_path, load_into, jsonld=tailed, og=tailed) == tailed


def test_an_html_escaped_json_ld_headline_yields_to_og_titles_spelling(tmp_path, load_into):
    plain, curly = 'Crews say "no" to night rotas', "Crews say “no” to night rotas"
    assert _title_of_page_with(tmp_path, load_into, jsonld=plain.replace('"', "&quot;"), og=curly,
                               h1=plain) == curly
    assert _title_of_page_with(tmp_path, load_into, jsonld=plain.replace('"', '\\"'), og=curly,
                               h1=plain) == plain


def test_a_repeated_headline_leaves_the_body_whichever_source_gave_it(tmp_path, load_into):
    kicked = "Island strike: " + HEADLINE
    article = _page_with(tmp_path, load_into, jsonld=kicked, h1=kicked, lead=f"<p>{kicked}</p>")
    assert article["title"] == HEADLINE
    assert article["body"].split("\n\n") == PARAGRAPHS


def test_a_headline_is_the_core_of_another_only_as_it_is_spelled(tmp_path, load_into):
    # A question is a headline of its own, not the core of a longer question that holds its words.
    longer, question = "Will the ferries sail in June and who will crew them?", "Will the ferries sail in June?"
    assert _title_of_page_with(tmp_path, load_into, jsonld=longer, og=question, h1=longer) == longer
    # Quote styles aside, a kicker still goes.
    kicked, core = "Strike ballot: Crews’ union rejects night rotas", "Crews' union rejects night rotas"
    assert _title_of_page_with(tmp_path, load_into, jsonld=kicked, og=core, h1=kicked) == core


def _authors_of_page_with(tmp_path, load_into, *, byline: str, meta_author: str | None = None) -> list[str]:
    """Authors of the harbour page when its JSON-LD names the publisher as the author, the visible byline
    is `byline` and the author <meta> tag is `meta_author` (none when None)."""
    page = PAGE.read_text(encoding="utf-8")
    page = page.replace('[{"@type": "Person", "name": "Maren Holt"}, {"@type": "Person", "name": "Tomas Ferreira"}]',
                        '{"@type": "Organization", "name": "The Harbour Gazette"}')
    tag = f'<meta name="author" content="{meta_author}">\n' if meta_author else ""
    page = page.replace('<meta name="author" content="Harbour Gazette staff">\n', tag)
    page = page.replace("By Maren Holt and Tomas Ferreira", byline)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    db, _ = load_into(tmp_path / "page.html")
    return json.loads(_only_article(db)["authors"])


def test_the_publisher_as_author_yields_to_people_the_metadata_or_a_full_byline_names(tmp_path, load_into):
    people = _authors_of_page_with(tmp_path, load_into, byline="By Maren Holt and Tomas Ferreira")
    assert people == ["Maren Holt", "Tomas Ferreira"]
    # Initials in the byline are no better than the publisher's name.
    assert _authors_of_page_with(tmp_path, load_into, byline="By mho") == ["The Harbour Gazette"]
    # A person in the page's author tag wins over both.
    assert _authors_of_page_with(tmp_path, load_into, byline="By mho", meta_author="Tomas Ferreira") == [
        "Tomas Ferreira"]
