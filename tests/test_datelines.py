"""Agency datelines opening a story's text leave the body for the dateline field; their agency is the source
when nothing else names one."""
import pytest

from loader.model import Record
from loader.normalize import normalize
from loader.normalize.datelines import read_dateline


def _article(body: str, **fields):
    record = Record("feed.json", "record 1", "json", fields={"title": "Harbour bridge reopens", "body": body, **fields})
    return normalize(record)[0]


@pytest.mark.parametrize("opening, place, agency, reporter", [
    ("OSLO, April 3. /NTB/. ", "OSLO", "NTB", None),
    ("OSLO, April 3./NTB/. ", "OSLO", "NTB", None),
    ("OSLO, April 3. /NTB /. ", "OSLO", "NTB", None),
    ("OSLO, April 3. /NTB/ ", "OSLO", "NTB", None),
    ("OSLO, April 3. /NTB, Kari Holm/. ", "OSLO", "NTB", "Kari Holm"),
    ("LILLEHAMMER /Norway/, April 3. /NTB/. ", "LILLEHAMMER, Norway", "NTB", None),
    ("TROMSO (Troms), April 3. /NTB/. ", "TROMSO, Troms", "NTB", None),
    ("SAN DIEGO, Calif., Apr. 3, 2017 /WireDesk/.-", "SAN DIEGO, Calif.", "WireDesk", None),
    ("DENVER (AP) — ", "DENVER", "AP", None),
    ("LITTLE ROCK, Ark. (Example.com) - ", "LITTLE ROCK, Ark.", "Example.com", None),
    ("(XYZ)", None, "XYZ", None),
    ("DENVER - ", "DENVER", None, None),
    ("BERGEN, Norway — ", "BERGEN, Norway", None, None),
])
def test_dateline_shapes(opening, place, agency, reporter):
    dateline = read_dateline(opening + "The harbour bridge reopened on Monday.")
    assert (dateline.place, dateline.agency, dateline.reporter) == (place, agency, reporter)
    assert (opening + "The harbour")[dateline.end:] == "The harbour"


@pytest.mark.parametrize("text", [
    "UPDATE - The harbour bridge reopened on Monday.",
    "(VIDEO) The harbour bridge reopened on Monday.",
    "NATO is a military alliance - it was founded in 1949.",
    "US - Canada trade rose in March.",
    "Oslo, April 3. The harbour bridge reopened on Monday.",
    "The bridge (AP) - said nothing.",
    "Officials said /NTB/ nothing.",
])
def test_openings_that_are_no_dateline(text):
    assert read_dateline(text) is None


def test_the_dateline_leaves_the_body_and_names_the_place_and_reporter():
    article = _article("OSLO, April 3. /NTB, Kari Holm/. The harbour bridge reopened on Monday.\n\nTraffic was light.",
                       url="https://harbour-news.example/a/1")
    assert article.body == "The harbour bridge reopened on Monday.\n\nTraffic was light."
    assert (article.dateline, article.byline) == ("OSLO", "Kari Holm")
    assert article.source_id == "harbour-news-example"  # the site stays the source


def test_the_agency_is_the_source_when_nothing_else_names_one():
    article = _article("DENVER (AP) — The harbour bridge reopened on Monday.")
    assert (article.source_id, article.dateline, article.body) == ("ap", "DENVER",
                                                                   "The harbour bridge reopened on Monday.")
    assert _article("DENVER - The harbour bridge reopened on Monday.").source_id == "unknown"


def test_a_dateline_further_down_the_text_stays():
    body = "The bridge reopened.\n\nOSLO, April 3. /NTB/. A second bridge closed."
    assert _article(body).body == body
