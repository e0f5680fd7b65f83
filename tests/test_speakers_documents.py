"""A document or text that speaks with no issuer the article names ("the complaint says", "according to the lawsuit")
is a typed source of its own kind, speaker_type document, its noun as one lower-case spelling; a document whose
issuer the text names is that issuer. Sentences written for these tests."""
import json

from tests.test_speakers import speakers


def test_a_document_no_issuer_is_named_for_is_a_document_by_its_noun():
    assert speakers("The lawsuit alleges that the landlord ignored the leaks for two years.") == [
        ("lawsuit", "DOCUMENT")]
    assert speakers("Rents in Dover rose by a third last year, according to the lawsuit.") == [
        ("lawsuit", "DOCUMENT")]


def test_the_document_noun_has_one_spelling_whatever_its_article_case_and_modifiers():
    text = ("Rain fell on Dover for a week.\n\n"
            "\"The roads are unsafe,\" The Report said.\n\n"
            "A new report said that the bridges were old.\n\n"
            "Rents rose by a third, according to a 2019 report.")
    assert speakers(text) == [("report", "DOCUMENT")] * 3


def test_common_nouns_before_a_document_say_its_kind_a_name_before_it_does_not():
    assert speakers("The press release said the talks went well.") == [("press release", "DOCUMENT")]
    assert speakers("The Facebook post said the shop was closed.") == [("post", "DOCUMENT")]


def test_a_document_speaks_after_an_organisation_named_only_in_passing():
    text = ("Ann Lo sued her landlord after the leaks, and Harbor Freight Corp paid for the repairs.\n\n"
            "The complaint says the landlord ignored the leaks.")
    assert speakers(text) == [("complaint", "DOCUMENT")]


def test_a_document_whose_issuer_is_named_is_that_issuer():
    assert speakers("A lawsuit filed by Acme Corp says the landlord ignored the leaks.") == [("Acme Corp", "ORG")]
    assert speakers("The Halvard Council released a report on Monday. The report said prices rose.") == [
        ("Halvard Council", "ORG")]


def test_a_document_of_a_body_no_name_holds_is_that_body_unnamed():
    assert speakers("\"Troops fired on the town,\" a Dutch army statement said.") == [("army", "ANONYMOUS")]


def test_it_after_a_document_is_the_document():
    text = "The audit said the fund lost money. It also said the managers were not paid."
    assert speakers(text) == [("audit", "DOCUMENT")] * 2


def test_a_stored_document_is_typed_document_and_names_no_entity(load_into, tmp_path):
    path = tmp_path / "rent.json"
    path.write_text(json.dumps([{"title": "Rents in Dover", "body": (
        "Ann Lo has rented a flat in Dover since 2015.\n\n"
        "The lawsuit alleges that the landlord ignored the leaks for two years.\n\n"
        "\"We were cold every winter,\" Ann Lo said.")}]), encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    rows = [(row["speaker"], row["speaker_type"], row["speaker_entity_id"])
            for row in db.query("select * from quotes order by start")]
    assert rows[0] == ("lawsuit", "document", None)
    assert rows[1][:2] == ("Ann Lo", "person") and rows[1][2] is not None


def test_an_email_is_a_document_and_a_crowd_an_unnamed_source():
    text = ("The second threat arrived on Tuesday. \"It is now time to get serious,\" the email said.\n\n"
            "\"Yes or no! Yes or no!\" the crowd chanted.")
    assert speakers(text) == [("email", "DOCUMENT"), ("crowd", "ANONYMOUS")]


def test_a_surname_in_capitals_is_the_person_of_that_surname():
    text = "Ann Hendricks runs the farm. \"THE RAIN CAME TOO LATE FOR US,\" HENDRICKS SAID."
    assert speakers(text) == [("Ann Hendricks", "PERSON")]
