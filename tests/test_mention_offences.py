"""Offence acronyms, street addresses and Irish titles the model tags as names (loader/extract/mentions.py
_as_offence, _addresses_taken_for_organisations; loader/data/roles.json titles): sentences written for these tests."""
from loader.extract import extract_items


def typed(*texts: str) -> list[list[tuple[str, str, str | None]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"], m["role"]) for m in item["mentions"]] for item in found]


def test_an_offence_acronym_after_a_charge_or_before_an_offence_noun_is_no_entity():
    assert typed("Police arrested a Mobile man on suspicion of DUI early Sunday after a chase on the interstate.",
                 "The driver, 34, was charged with OWI and reckless driving, the sheriff's office said.",
                 "A DWI crash on Route 9 sent two people to the hospital on Friday.",
                 "Troopers made 13 DUI arrests over the holiday weekend, the State Patrol said.",
                 "She had a BAC of 0.15, nearly twice the legal limit, prosecutors said.",
                 "He pleaded guilty to OUI and was fined $500.") == [
        [("Mobile", "GPE", None)], [], [("Route 9", "FAC", None)], [("State Patrol", "ORG", None)], [], []]


def test_an_offence_acronym_used_otherwise_stays():
    assert typed("BAC shares rose 2 percent after Bank of America reported earnings.") == [
        [("BAC", "ORG", None), ("Bank of America", "ORG", None)]]


def test_a_street_address_is_a_site():
    assert typed("Officers responded to a report of a fight at 341 S. Main St. shortly after midnight.",
                 "The meeting will be held at 120 Oak Street in the council chambers.") == [
        [("S. Main St.", "FAC", None)], [("Oak Street", "FAC", None)]]


def test_an_irish_title_before_a_name_is_the_persons_role():
    assert typed("Taoiseach Enda Kenny said the talks would resume next week.",
                 "Tanaiste Simon Coveney told reporters in Dublin that the deal was fair.") == [
        [("Enda Kenny", "PERSON", "Taoiseach")], [("Simon Coveney", "PERSON", "Tanaiste"), ("Dublin", "GPE", None)]]


def test_a_title_after_the_is_an_office_unless_a_body_or_a_kind_of_place_is_named_so():
    assert [[(m, u) for m, _, u in item] for item in used(
        "The Taoiseach said the talks went well.", "The Executive agreed the budget on Monday.",
        "Mr Kenny said the Taoiseach's office would reply.")] == [
        [("Taoiseach", "office")], [("Executive", None)], [("Kenny", None), ("Taoiseach", "office")]]


def used(*texts: str) -> list[list[tuple[str, str, str | None]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"], m["used_as"]) for m in item["mentions"]] for item in found]
