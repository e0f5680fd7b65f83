"""Sports teams that the model takes for people (loader/extract/mentions.py, _teams_taken_for_people): a capitalised
plural nickname, alone or after its city, is an organisation; surnames ending in s and families stay people.
Sentences written for these tests, run through the real pipeline (spaCy's en_core_web_sm types each team below
PERSON; the tests check that type first is what the rule changes)."""
from loader.extract import extract_items, nlp


def typed(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"]) for m in item["mentions"] if m["type"] in ("PERSON", "ORG")] for item in found]


def model_types(text: str, name: str) -> set[str]:
    return {ent.label_ for ent in next(nlp.parse([text])).ents if ent.text.removeprefix("the ") == name}


NICKNAME_AFTER_THE = ("Evans scored twice as the Ospreys defeated the Dragons in the league. Rob Evans was named man "
                      "of the match after the coach praised him.")
NICKNAME_BEFORE_STAFF = ("The Ospreys lost at home. Ospreys forward Tom Hale was injured before the semi-final, and "
                         "the coach said the league title was gone.")
CITY_AND_NICKNAME = ("Sydney Roosters were beaten in the league again; the coach blamed the halftime injuries. The "
                     "Sydney Roosters coach was sacked.")


def test_the_model_takes_these_teams_for_people():
    assert model_types(NICKNAME_AFTER_THE, "Ospreys") == {"PERSON"}
    assert model_types(NICKNAME_BEFORE_STAFF, "Ospreys") == {"PERSON"}
    assert "PERSON" in model_types(CITY_AND_NICKNAME, "Sydney Roosters")


def test_a_nickname_after_the_in_a_game_or_before_a_teams_staff_is_an_organisation():
    assert typed(NICKNAME_AFTER_THE, NICKNAME_BEFORE_STAFF) == [
        [("Evans", "PERSON"), ("Ospreys", "ORG"), ("Dragons", "ORG"), ("Rob Evans", "PERSON")],
        [("Ospreys", "ORG"), ("Tom Hale", "PERSON")]]


def test_a_city_and_a_nickname_is_a_team():
    assert typed(CITY_AND_NICKNAME) == [[("Sydney Roosters", "ORG"), ("Sydney Roosters", "ORG")]]


def test_surnames_ending_in_s_and_families_stay_people():
    assert typed("Ann Banks was named coach of the season. Banks said her striker had played a fine tournament.",
                 "Mary Roberts said she was pleased. Roberts, a striker, won the league with her coach.",
                 "The Smiths' family home was sold. Bob Smith said the league and the coach were fine.",
                 "The Clintons won the election in Arkansas. Bill Clinton thanked his coach and the league.") == [
        [("Ann Banks", "PERSON"), ("Banks", "PERSON")],
        [("Mary Roberts", "PERSON"), ("Roberts", "PERSON")],
        [("Smiths", "PERSON"), ("Bob Smith", "PERSON")],
        [("Clintons", "PERSON"), ("Bill Clinton", "PERSON")]]


def test_a_player_whose_given_name_is_a_towns_stays_a_person():
    assert typed("Austin Rivers scored 20 points as the coach rested his guard for the playoffs. Rivers was happy.",
                 "Barry Keys won the tournament, and the championship was his third. Barry Keys coach Tom Hale said "
                 "his player was tired.",
                 "Florence Rivers, a nurse, said the hospital was full.") == [
        [("Austin Rivers", "PERSON")], [("Barry Keys", "PERSON"), ("Barry Keys", "PERSON"), ("Tom Hale", "PERSON")],
        [("Florence Rivers", "PERSON")]]


def test_outside_a_sports_article_nothing_changes():
    assert typed("The Beatles played in Hamburg before they were famous.",
                 "Sydney Roosters were beaten again; the fans blamed the injuries. The Sydney Roosters coach was "
                 "sacked.") == [[("Beatles", "PERSON")], [("Sydney Roosters", "PERSON"), ("Sydney Roosters", "ORG")]]
