"""Places and bodies the model takes for people, and people it takes for organisations (loader/extract/mentions.py):
sentences written for these tests. Where the model types a sentence right by itself, the rule is tested on the
parsed sentence with the model's slip put into the mention by hand."""
from loader.extract import extract_items
from loader.extract.mentions import (Mention, _bodies_taken_for_people, _people_taken_for_organisations,
                                     _towns_taken_for_people)
from loader.extract.nlp import get_nlp


def typed(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"]) for m in item["mentions"]] for item in found]


def mention(doc, name: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    span = doc.char_span(start, start + len(name))
    return Mention(span.start, span.end, start, start + len(name), name, kind, span.start, entity=name)


def test_names_listed_before_a_plural_noun_of_places_are_those_places():
    assert typed("Flooding closed schools in Lyman and Marsh counties on Tuesday, the governor said.",
                 "Residents of Lincoln and Jackson counties lost power overnight.",
                 "Water from the Chari and Logone rivers is part of the problem.") == [
        [("Lyman", "GPE"), ("Marsh", "LOC")], [("Lincoln", "GPE"), ("Jackson", "GPE")],
        [("Chari", "LOC"), ("Logone", "LOC")]]


def test_a_list_tagged_as_one_name_is_split_into_its_places():
    assert typed("Voters in Clay and Benton townships will decide the levy in May.") == [
        [("Clay", "GPE"), ("Benton", "GPE")]]


def test_bodies_listed_before_states_and_names_before_other_nouns_keep_their_type():
    assert typed("The EU and NATO states agreed.",
                 "Senator Ann Hale served on the Intelligence and Armed Services committees.") == [
        [("EU", "ORG"), ("NATO", "ORG")], [("Ann Hale", "PERSON"), ("Intelligence and Armed Services", "ORG")]]


def test_a_person_named_like_a_town_written_as_the_town_is_the_town():
    assert typed("Garfield police said the victim was taken to a hospital.",
                 "A Harrison woman was hurt in a crash on Route 9.",
                 "Pierce County deputies and Monroe police searched the area.") == [
        [("Garfield", "GPE")], [("Harrison", "GPE"), ("Route 9", "FAC")],
        [("Pierce County", "GPE"), ("Monroe", "GPE")]]


def test_a_family_or_a_person_who_acts_stays_a_person():
    assert typed("A Smith family member was hurt in Mesa on Friday.") == [[("Smith", "PERSON"), ("Mesa", "GPE")]]
    doc = get_nlp()("Harrison said the Harrison police were slow.")
    mentions = [mention(doc, "Harrison", "PERSON"), mention(doc, "Harrison", "PERSON", 1)]
    _towns_taken_for_people(doc, mentions)
    assert [m.type for m in mentions] == ["PERSON", "PERSON"]


def test_a_town_in_a_dateline_in_capitals_is_the_town_in_every_case():
    doc = get_nlp()("GARFIELD, N.J. — The mayor of Garfield resigned on Monday.")
    mentions = [mention(doc, "GARFIELD", "PERSON"), mention(doc, "Garfield", "PERSON")]
    _towns_taken_for_people(doc, mentions)
    assert [m.type for m in mentions] == ["GPE", "GPE"]


def test_a_legislature_written_after_the_is_a_body():
    assert typed("Activists sent an open letter to the Rada on Monday.") == [[("Rada", "ORG")]]
    doc = get_nlp()("Knesset deputies walked out. The Obamas met the Smith family.")
    mentions = [mention(doc, "Knesset", "PERSON"), mention(doc, "Obamas", "PERSON"), mention(doc, "Smith", "PERSON")]
    _bodies_taken_for_people(doc, mentions)
    assert [m.type for m in mentions] == ["ORG", "PERSON", "PERSON"]


def test_a_name_shaped_like_an_acronym_is_a_body():
    doc = get_nlp()("Crews from KyTC cleared the road. NYSDOT said so. TRUMP WINS, the paper said of Trump. "
                    "McCAIN was there.")
    mentions = [mention(doc, name, "PERSON") for name in ("KyTC", "NYSDOT", "TRUMP", "Trump", "McCAIN")]
    _bodies_taken_for_people(doc, mentions)
    assert [m.type for m in mentions] == ["ORG", "ORG", "PERSON", "PERSON", "PERSON"]


def test_a_reporter_in_a_credit_line_is_a_person():
    doc = get_nlp()("Reporter Lisa Crane contributed to this report. Lisa Crane also took the photos.")
    mentions = [mention(doc, "Lisa Crane", "ORG"), mention(doc, "Lisa Crane", "ORG", 1)]
    _people_taken_for_organisations(doc, doc.text, mentions)
    assert [m.type for m in mentions] == ["PERSON", "PERSON"]


def test_a_company_named_like_a_person_stays_a_company():
    doc = get_nlp()("Analyst Ann Hale at Edward Jones said so. Analyst Tom Brand said Charles Schwab Corp rose, "
                    "and she wore Calvin Klein jeans. Reporter Morgan Stanley wrote it.")
    mentions = [mention(doc, name, "ORG") for name in ("Edward Jones", "Charles Schwab", "Calvin Klein",
                                                        "Morgan Stanley")]
    _people_taken_for_organisations(doc, doc.text, mentions)
    assert [m.type for m in mentions] == ["ORG", "ORG", "ORG", "ORG"]


def test_a_body_before_a_post_or_a_name_cut_in_two_stays_an_organisation():
    doc = get_nlp()("Former Exxon Mobil CEO Rex Hale spoke. Ann Lee, Sesame Workshop's chief, agreed.")
    mentions = [mention(doc, "Exxon Mobil", "ORG"), mention(doc, "Sesame Workshop", "ORG"),
                mention(doc, "Workshop", "PERSON")]
    _people_taken_for_organisations(doc, doc.text, mentions)
    assert [m.type for m in mentions] == ["ORG", "ORG", "PERSON"]


def test_an_office_that_speaks_or_a_word_before_an_adjective_stays_a_person():
    doc = get_nlp()("The Taoiseach told reporters he was pleased. A source in the Moldovan presidential office "
                    "agreed. The Queen also spoke. Carlos the Jackal is in jail.")
    mentions = [mention(doc, name, "PERSON") for name in ("Taoiseach", "Moldovan", "Queen", "Jackal")]
    _bodies_taken_for_people(doc, mentions)
    assert [m.type for m in mentions] == ["PERSON", "PERSON", "PERSON", "PERSON"]


def test_a_news_agency_an_era_or_an_event_keeps_its_reading():
    doc = get_nlp()("The Associated Press contributed to this report. Ann Lee of the Obama-era team said the Brexit "
                    "referendum was close.")
    mentions = [mention(doc, "Associated Press", "ORG"), mention(doc, "Obama", "PERSON"),
                mention(doc, "Brexit", "PERSON")]
    _people_taken_for_organisations(doc, doc.text, mentions)
    _bodies_taken_for_people(doc, mentions)
    assert [m.type for m in mentions] == ["ORG", "PERSON", "PERSON"]


def test_a_plural_place_noun_that_modifies_another_noun_makes_no_list_of_places():
    assert typed("Chief Constable Ann Hale, National Police Chiefs' Council roads policing lead, said so.") == [
        [("Ann Hale", "PERSON"), ("National Police Chiefs' Council", "ORG")]]
