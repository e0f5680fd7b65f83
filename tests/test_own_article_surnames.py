"""A bare surname joins the full name its own article writes, in capitals too (loader/extract/mentions.py,
_nearest_full_name) or only inside a longer name (_full_name_in_a_longer_name): sentences written for these tests."""
from loader.extract import extract_items
from loader.extract.mentions import _full_name_in_a_longer_name, _nearest_full_name
from loader.extract.nlp import get_nlp
from tests.test_person_typing import mention


def people(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["entity"]) for m in item["mentions"] if m["type"] == "PERSON"] for item in found]


def test_a_surname_joins_the_full_name_its_article_writes_in_capitals():
    assert people("JOHN CARTER, 27, of Concord was charged with assault. Carter was released on bail.",
                  "Tom Welsh, 34, was stabbed outside a bar. Welsh was taken to a hospital, police said.") == [
        [("JOHN CARTER", "JOHN CARTER"), ("Carter", "JOHN CARTER")], [("Tom Welsh", "Tom Welsh"), ("Welsh", "Tom Welsh")]]


def test_only_the_surname_of_the_name_in_capitals_joins_it():
    assert people("JOHN CARTER, 27, of Concord was charged with assault. Judge Ellen Price set bail at $500. "
                  "Carter must stay away from the bar, Price said.") == [
        [("JOHN CARTER", "JOHN CARTER"), ("Ellen Price", "Ellen Price"), ("Carter", "JOHN CARTER"),
         ("Price", "Ellen Price")]]


def test_a_surname_joins_the_given_name_and_surname_that_end_a_longer_name_of_its_article():
    assert people("Federal Labor MP Carmen Lawrence has quit the front bench. Lawrence said she would stay.",
                  "Scientists at the Jane Goodall Institute said chimps were at risk. Professor Goodall said the forest "
                  "must be saved.") == [[("Lawrence", "Carmen Lawrence")], [("Goodall", "Goodall")]]


def test_a_company_or_a_place_named_after_a_person_gives_no_full_name():
    doc = get_nlp()("Dunn Brothers Inc said profit rose. Crews in Port Moresby said Moresby was calm, Dunn said.")
    mentions = [mention(doc, "Dunn Brothers Inc", "ORG"), mention(doc, "Port Moresby", "GPE"),
                mention(doc, "Moresby", "PERSON", 1), mention(doc, "Dunn", "PERSON", 1)]
    assert [_full_name_in_a_longer_name(m, mentions) for m in mentions[2:]] == [None, None]
    mentions[1].text = "Harbour Moresby"  # no place of that name, but a name typed as a place, as likely named after him
    assert [_full_name_in_a_longer_name(m, mentions) for m in mentions[2:]] == [None, None]
    mentions[2].role = "Inspector"  # a title shows a person
    assert [_full_name_in_a_longer_name(m, mentions) for m in mentions[2:]] == ["Harbour Moresby", None]
    mentions[1].text = "Labor MP Harbour Moresby"  # a person's given name and surname that end a longer name
    mentions[2].role = None
    assert [_full_name_in_a_longer_name(m, mentions) for m in mentions[2:]] == ["Harbour Moresby", None]


def test_a_headline_in_capitals_a_name_with_an_ampersand_or_a_word_with_digits_gives_no_full_name():
    doc = get_nlp()("ACME DETAILS STRATEGY. Acme said it would sell two plants. JOHN CARTER backed the plan, Carter "
                    "said. Trials of the Marsh & Marsh COVID-19 shot resumed; COVID-19 cases fell.")
    headline, carter = mention(doc, "ACME DETAILS STRATEGY", "PERSON"), mention(doc, "JOHN CARTER", "PERSON")
    assert _nearest_full_name(mention(doc, "Acme", "ORG"), "Acme", [headline, carter]) is None
    assert _nearest_full_name(mention(doc, "Carter", "PERSON"), "Carter", [headline, carter]) is carter
    mentions = [mention(doc, "Marsh & Marsh COVID-19", "ORG"), mention(doc, "COVID-19", "PERSON", 1)]
    assert _full_name_in_a_longer_name(mentions[1], mentions) is None
    mentions[0].text = "Labor MP Marsh COVID-19"  # no ampersand, but still no surname
    assert _full_name_in_a_longer_name(mentions[1], mentions) is None
