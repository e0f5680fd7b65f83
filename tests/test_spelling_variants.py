"""Spellings of one name that differ only in spaces between words, "&" for "and", a handle's "@", a web domain,
a legal form or a middle initial join one entity row across articles (`merge_short_forms`), recorded as an alias."""
import json

from loader.store.entities import _short_form_targets, entity_id, spelling_core


def test_the_spelling_core_leaves_out_spaces_ampersands_domains_handles_and_legal_forms():
    assert spelling_core("Bureau of Land & Water") == spelling_core("Bureau of Land and Water") == (
        "bureauoflandandwater", False)
    assert spelling_core("LedgerWatch") == spelling_core("Ledger Watch") == ("ledgerwatch", False)
    assert spelling_core("TickerWatch.com") == spelling_core("@TickerWatch") == ("tickerwatch", False)
    assert spelling_core("Acme, Inc.") == spelling_core("Acme Incorporated") == spelling_core("Acme Co.") == (
        "acme", True)
    assert spelling_core("Acme") == ("acme", False)  # a name of one word is compared only with such names
    assert spelling_core("M&A") != spelling_core("MA")


def test_spellings_of_one_name_join_the_one_most_articles_name():
    rows = [("spaced", "Ledger Watch", "ORG", None, 6), ("joined", "LedgerWatch", "ORG", None, 2),
            ("and", "Bureau of Land and Water", "ORG", None, 3), ("amp", "Bureau of Land & Water", "ORG", None, 1),
            ("site", "TickerWatch.com", "ORG", None, 1), ("plain", "TickerWatch", "ORG", None, 4),
            ("inc", "Acme, Inc.", "ORG", None, 2), ("incorporated", "Acme Incorporated", "ORG", None, 1),
            ("co", "Acme Co.", "ORG", None, 1), ("hyphen", "Wel-Mart", "ORG", None, 1), ("one", "Welmart", "ORG", None, 3),
            ("tag", "ZoeFerrandez", "PERSON", None, 1), ("zoe", "Zoë Ferrández", "PERSON", None, 1)]
    # on a tie a person keeps the spelling with the words apart
    assert _short_form_targets(rows) == {"joined": "spaced", "amp": "and", "site": "plain", "incorporated": "inc",
                                         "co": "inc", "hyphen": "one", "tag": "zoe"}


def test_what_spelling_alone_does_not_join():
    rows = [("house", "Whitehouse", "ORG", None, 1), ("body", "White House", "ORG", None, 9),
            ("state", "Texas", "GPE", None, 9), ("firm", "Texas Inc", "ORG", None, 2),
            ("person", "Kerr Hollis", "PERSON", None, 2), ("org", "KerrHollis", "ORG", None, 1),
            ("deal", "M&A", "ORG", None, 2), ("state_code", "MA", "ORG", None, 2)]
    # a plain word is a surname or a firm as often as a name of words apart; a one-word name is not a company with
    # a legal form on its spelling alone (the word path decides that, on evidence), nor a name of another type
    assert _short_form_targets(rows) == {}


def test_a_middle_initial_joins_only_where_the_archive_holds_no_other():
    rows = [("kevin", "Kevin Dorsey", "PERSON", None, 5), ("kevin_r", "Kevin R. Dorsey", "PERSON", None, 2),
            ("john_a", "John A. Smolen", "PERSON", None, 2), ("john_b", "John B. Smolen", "PERSON", None, 2),
            ("john", "John Smolen", "PERSON", None, 3), ("ann", "Ann Lisle", "PERSON", None, 4),
            ("ann_m", "Ann Marie Lisle", "PERSON", None, 1), ("ann_c", "Ann C. Lisle", "PERSON", None, 1),
            ("paul", "Paul Orne", "PERSON", None, 4), ("paul_jr", "Paul Orne Jr.", "PERSON", None, 2),
            ("paul_k", "Paul K. Orne", "PERSON", None, 1), ("hana_al", "Hana al-Rashed", "PERSON", None, 3),
            ("hana", "Hana Rashed", "PERSON", None, 1), ("omar", "Omar Lutfi", "PERSON", None, 2),
            ("omar_al", "Omar al Lutfi", "PERSON", None, 1), ("omar_el", "Omar el-Lutfi", "PERSON", None, 1),
            ("wang", "Wang Wei", "PERSON", None, 2), ("wang_der", "Wang Der-wei", "PERSON", None, 1)]
    # two initials are two people; a middle name written out may be a third; "Jr." is the son; a surname's
    # particle is a middle word as an initial is, and two different ones keep all apart; a particle's letters
    # in a capitalised word are part of a given name
    assert _short_form_targets(rows) == {"kevin_r": "kevin", "paul_k": "paul", "hana": "hana_al"}


RECORDS = [
    {"title": "Regulator fines bureau", "body": "The Bureau of Land and Water was fined $2 million on Monday, "
     "analysts at StoneBridge Capital said. Kevin Dorsey, the bureau's director, resigned."},
    {"title": "Bureau appeals", "body": "The Bureau of Land & Water appealed the fine on Tuesday, analysts at "
     "Stone Bridge Capital said. Kevin R. Dorsey said the bureau would pay."},
    {"title": "Bureau pays", "body": "The Bureau of Land and Water paid the fine, analysts at Stone Bridge "
     "Capital said in Denver."},
]


def test_a_load_joins_the_spellings_with_an_alias(load_into, tmp_path):
    path = tmp_path / "spellings.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    got = {name: db["entities"].get(entity_id(name, kind)) for name, kind in (
        ("Bureau of Land and Water", "ORG"), ("Bureau of Land & Water", "ORG"), ("Stone Bridge Capital", "ORG"),
        ("StoneBridge Capital", "ORG"), ("Kevin R. Dorsey", "PERSON"), ("Kevin Dorsey", "PERSON"))}
    assert [(name, row["merged_into"] and db["entities"].get(row["merged_into"])["name"], row["article_count"])
            for name, row in got.items()] == [
        ("Bureau of Land and Water", None, 3), ("Bureau of Land & Water", "Bureau of Land and Water", 0),
        ("Stone Bridge Capital", None, 3), ("StoneBridge Capital", "Stone Bridge Capital", 0),
        # one article each: the fuller spelling is shown
        ("Kevin R. Dorsey", None, 2), ("Kevin Dorsey", "Kevin R. Dorsey", 0)]
    assert "Bureau of Land & Water" in json.loads(got["Bureau of Land and Water"]["aliases"])
    assert "Kevin Dorsey" in json.loads(got["Kevin R. Dorsey"]["aliases"])


def test_the_key_already_makes_accents_case_and_punctuation_one_entity():
    # these need no finisher: one key, one id, however many articles arrive
    assert entity_id("Zoë Ferrández", "PERSON") == entity_id("Zoe Ferrandez", "PERSON")
    assert entity_id("TickerWire", "ORG") == entity_id("Tickerwire", "ORG")
    assert entity_id("Acme, Inc.", "ORG") == entity_id("Acme Inc", "ORG") != entity_id("Acme Incorporated", "ORG")
