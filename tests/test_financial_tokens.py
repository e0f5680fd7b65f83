"""Stock notes' financial-table tokens (loader/extract/mentions.py _financial_measure, _listed_companies,
loader/data/financial_terms.tsv): measures are no entities, a listing marker ties a ticker to its company.
Sentences written for these tests."""
import json

from loader.extract import extract_items
from loader.extract.mentions import _financial_measure
from loader.extract.nlp import get_nlp
from tests.test_person_typing import mention


def named(*texts: str) -> list[list[tuple[str, str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"], m["entity"]) for m in item["mentions"]] for item in found]


def test_financial_measures_are_no_entities():
    assert named("The retailer posted an EPS of $1.12 and its EBITDA rose 12% YoY, while ROE reached 14%.",
                 "The stock trades at a P/E of 30 and has a PEG ratio of 2.1, above the sector's.",
                 "Its PE ratio stands at 18 and the Earnings ESP of +0.17% points to a beat.") == [[], [], []]


def test_an_abbreviation_that_is_a_measure_only_with_a_value_stays_alone():
    text = "ESP beat Italy 3-1 on Sunday. Its ESP of +0.17% and Earnings ESP point to a beat."
    doc = get_nlp()(text)
    found = [_financial_measure(text, mention(doc, "ESP", "ORG", nth)) for nth in range(3)]
    assert found + [_financial_measure(text, mention(doc, "Earnings ESP", "ORG"))] == [False, True, False, True]


def test_a_ticker_in_a_listing_marker_is_its_company_in_the_whole_article():
    assert named("Vantor Holdings Inc. (NASDAQ:VNTR) reported results on Tuesday. Shares of NASDAQ VNTR rose 4%, "
                 "and VNTR now trades near its high.") == [
        [("Vantor Holdings Inc.", "ORG", "Vantor Holdings Inc."), ("VNTR", "ORG", "Vantor Holdings Inc."),
         ("VNTR", "ORG", "Vantor Holdings Inc."), ("VNTR", "ORG", "Vantor Holdings Inc.")]]


def test_a_name_before_a_listing_marker_is_a_company_and_the_exchange_there_no_mention():
    assert named("Marten Quill (NYSE: MQL) said on Monday that revenue rose. MQL expects higher sales.") == [
        [("Marten Quill", "ORG", "Marten Quill"), ("MQL", "ORG", "Marten Quill"), ("MQL", "ORG", "Marten Quill")]]


def test_an_exchange_and_a_ticker_no_marker_ties_are_no_entity():
    assert named("Shares of NASDAQ VNTR fell 3% in early trading on Friday.",
                 "Traders sold NYSE: BRL after the report.") == [[], []]


def test_an_exchange_alone_or_by_its_own_name_stays_an_organisation():
    assert named("The company said its stock would move to the NYSE next month.",
                 "NASDAQ OMX said on Monday it would extend trading hours.") == [
        [("NYSE", "ORG", "NYSE")], [("NASDAQ OMX", "ORG", "NASDAQ OMX")]]


def test_a_tied_ticker_joins_its_company_not_a_body_with_its_initials(load_into, tmp_path):
    """Two articles define "BRL" as the Bureau of Rural Lending; the stock note ties BRL to Brellin Systems Corp: its
    ticker mentions stay the company's across the archive, an alias of its row, and the bureau keeps its own."""
    texts = ["The Bureau of Rural Lending (BRL) cut its rates on Monday. BRL said farm loans grew.",
             "Farmers welcomed the Bureau of Rural Lending (BRL) plan. BRL will open two offices.",
             "Brellin Systems Corp (NYSE: BRL) rose 2% on Tuesday. BRL has gained 10% this year."]
    path = tmp_path / "notes.json"
    path.write_text(json.dumps([{"title": f"Story {n}", "body": text} for n, text in enumerate(texts)]),
                    encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    rows = db.execute("select a.body, m.text, e.name from mentions m join articles a on a.id = m.article_id "
                      "join entities e on e.id = coalesce((select merged_into from entities where id = m.entity_id), "
                      "m.entity_id) where m.text = 'BRL' order by a.body, m.start").fetchall()
    assert [(body[:5], name) for body, _, name in rows] == [
        ("Brell", "Brellin Systems Corp"), ("Brell", "Brellin Systems Corp"), ("Farme", "Bureau of Rural Lending"),
        ("The B", "Bureau of Rural Lending")]
    assert json.loads(db.execute("select aliases from entities where name = 'Brellin Systems Corp'").fetchone()[0]) \
        == ["BRL"]


def test_a_website_the_model_leaves_untagged_is_an_organisation_quotes_can_go_to():
    text = ("Six analysts rate the stock a hold. According to data from StockNews.com, Acme currently has a consensus "
            "rating of \u201cBuy\u201d and a consensus price target of $36.98. Write to jo@Acme.com or see "
            "www.acme.com or Acme.com/news for more.")
    [item] = extract_items([{"id": "1", "text": text}])
    assert [(m["text"], m["type"]) for m in item["mentions"]] == [("StockNews.com", "ORG"), ("Acme", "ORG")]
    assert [(q["speaker"], q["speaker_type"]) for q in item["quotes"]] == [("StockNews.com", "ORG")]
