"""Two people of one surname in an article ("Tom Reed" and his son "Danny Reed"): a bare surname is the one the
text points to, or no one's row when it cannot tell. Sentences written for these tests."""
import json
import re

from loader.extract.nlp import get_nlp
from loader.extract.quotes import find_quotes
from loader.extract.quotes.speakers import Name, Names, _age_word
from tests.test_speakers import speakers


def test_a_bare_surname_is_the_namesake_named_in_its_paragraph():
    text = ("Harold Finch, 61, runs a bakery in Dover with his daughter Alice Finch.\n\n"
            "Harold Finch bought the shop in 1990. \"It was a ruin,\" Finch said.\n\n"
            "Alice Finch joined him last year. \"We bake every night,\" Finch said.")
    assert speakers(text) == [("Harold Finch", "PERSON"), ("Alice Finch", "PERSON")]


def test_a_bare_surname_of_two_people_named_together_is_no_ones_row():
    text = ("Harold Finch, 61, and his daughter Alice Finch run a bakery in Dover. "
            "\"We bake every night,\" Finch said.")
    assert speakers(text) == [("Finch", "PERSON")]


def test_a_bare_surname_looks_back_one_paragraph_when_its_own_names_neither():
    text = ("Harold Finch, 61, runs a bakery in Dover with his daughter Alice Finch.\n\n"
            "Alice Finch moved back from London last spring.\n\n"
            "\"We bake every night,\" Finch said.")
    assert speakers(text) == [("Alice Finch", "PERSON")]


def test_a_surname_one_person_has_is_that_person():
    text = ("Harold Finch, 61, runs a bakery in Dover with his daughter Alice.\n\n"
            "\"We bake every night,\" Finch said.")
    assert speakers(text) == [("Harold Finch", "PERSON")]


def test_a_stored_bare_surname_of_two_people_joins_neither_row(load_into, tmp_path):
    path = tmp_path / "bakery.json"
    path.write_text(json.dumps([
        {"title": "A bakery in Dover", "body": (
            "Harold Finch, 61, and his daughter Alice Finch run a bakery in Dover.\n\n"
            "\"We bake every night,\" Finch said.\n\n"
            "Harold Finch bought the shop in 1990. \"It was a ruin,\" Finch said.")},
        {"title": "Dover bakers", "body": "Harold Finch said the ovens were old. \"They still work,\" Finch said."}]),
        encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    rows = [(row["speaker"], row["speaker_entity_id"] is not None)
            for row in db.query("select * from quotes order by article_id, start")]
    assert sorted(rows) == [("Finch", False), ("Harold Finch", True), ("Harold Finch", True), ("Harold Finch", True)]


def test_a_namesake_named_only_as_someones_relative_is_not_the_one_speaking():
    text = ("Sami Haddad sat in the ruins of his house in Mosul. The strike killed his brother, Karim Haddad, "
            "in March. \"We heard nothing before the blast,\" said Haddad.")
    assert speakers(text) == [("Sami Haddad", "PERSON")]



def test_one_person_named_longer_and_shorter_is_no_namesake_pair():
    text = ("Ravi Kumar Sharma teaches yoga in Delhi. Kumar Sharma opened his first class in 1990.\n\n"
            "\"It helps people breathe,\" Sharma said.")
    doc = get_nlp()(text)
    at = [text.index("Ravi Kumar Sharma"), text.index("Kumar Sharma opened"), text.rindex("Sharma")]
    names = Names([Name(at[0], at[0] + 17, "PERSON", "Ravi Kumar Sharma"),  # as the mentions extractor may leave them
                   Name(at[1], at[1] + 12, "PERSON", "Kumar Sharma"), Name(at[2], at[2] + 6, "PERSON", "Kumar Sharma")])
    assert [quote.name for quote in find_quotes(doc, names)] == ["Kumar Sharma"]


def test_the_elder_or_younger_of_two_namesakes_is_told_by_their_ages_or_kin():
    text = ("Wes Tanner, 62, runs the farm with his son Matt Tanner.\n\n"
            "\"The rain came far too late for the corn,\" the younger Tanner said.")
    assert speakers(text) == [("Matt Tanner", "PERSON")]
    text = ("Ann Lo, 40, and Sue Lo, 35, run the shop.\n\n"
            "\"The rain came far too late for the corn,\" the elder Lo said.")
    assert speakers(text) == [("Ann Lo", "PERSON")]


def test_the_younger_of_two_namesakes_the_text_gives_no_age_is_no_ones_row():
    text = ("Wes Tanner and Matt Tanner run the farm.\n\n"
            "\"The rain came far too late for the corn,\" the younger Tanner said.")
    assert speakers(text) == [("Tanner", "PERSON")]


def test_a_title_before_a_namesake_tells_no_age_and_the_paragraph_decides():
    text = ("Harold Finch, 61, runs a bakery in Dover with his daughter Alice Finch.\n\n"
            "Alice Finch joined him last year. \"We bake every night,\" Senior Vice President Finch said.")
    assert speakers(text) == [("Alice Finch", "PERSON")]


def test_only_the_elder_or_the_younger_right_before_a_name_tells_an_age():
    doc = get_nlp()("The younger Finch said so. Senior Vice President Finch agreed. A senior Finch aide and the elder "
                    "Finch left.")
    starts = [match.start() for match in re.finditer("Finch", doc.text)]
    assert [_age_word(doc, start) for start in starts] == [False, None, None, True]
