"""A state and its namesake city, a team's city in sports copy, a state's postal code after a town, a town written in
capitals before its state: what the places and mentions stages read them as. Sentences written for these tests."""
import pytest

from loader.extract import extract_items
from loader.extract.names import alias_for, entity_key


def read(*texts: str) -> list[tuple[list[tuple], list[tuple]]]:
    """(mentions as (text, type, entity), locations as (text, place, feature code, state)) of each text."""
    found = extract_items([{"id": str(number), "text": text} for number, text in enumerate(texts)])
    return [([(m["text"], m["type"], m["entity"]) for m in article["mentions"]],
             [(loc["text"], loc["name"], loc["feature_code"], loc["admin1"]) for loc in article["locations"]])
            for article in found]


@pytest.mark.slow
def test_a_state_named_only_as_an_alternate_of_its_city_stays_the_state():
    """"Oklahoma" is an alternate name of Oklahoma City, a city far smaller than New York City: the state; "New York"
    where something happens is still the city."""
    (_, moves), (_, shares) = read("The family moved from Utah to Oklahoma in 1998 and stayed in Oklahoma for years.",
                                   "Shares of the company rose 3 percent in New York on Friday, traders said.")
    assert moves == [("Utah", "Utah", "ADM1", "Utah"), ("Oklahoma", "Oklahoma", "ADM1", "Oklahoma"),
                     ("Oklahoma", "Oklahoma", "ADM1", "Oklahoma")]
    assert shares == [("New York", "New York City", "PPL", "New York")]


@pytest.mark.slow
def test_a_teams_city_in_sports_copy_is_the_famous_one_unless_the_article_places_the_small_one():
    """Two Pennsylvania teams' cities vote for Pennsylvania, where a small namesake of Dallas lies; in a sports report
    "Dallas" before a team's nickname is the famous city. A local story naming the county keeps the small town, and
    outside sports copy, or without a nickname after it ("lost to Boston"), nothing changes."""
    game = ("The Dallas Stars beat the Pittsburgh Penguins 3-2 in overtime, and the Philadelphia Flyers lost to Boston. "
            "The coach praised his goalkeeper, and the league fined a winger.")
    local = ("Dallas police closed the bridge, officials in Luzerne County said. The high school football coach said "
             "the league would meet.")
    plain = "The Dallas Stars beat the Pittsburgh Penguins 3-2 in overtime, and the Philadelphia Flyers lost to Boston."
    (_, sports), (_, county), (_, other) = read(game, local, plain)
    assert sports[:2] == [("Dallas", "Dallas", "PPL", "Texas"), ("Pittsburgh", "Pittsburgh", "PPL", "Pennsylvania")]
    assert sports[2] == other[2]  # "lost to Boston": no nickname, the team rule leaves it as the voting reads it
    assert county[0] == ("Dallas", "Dallas", "PPL", "Pennsylvania")
    assert other[0] == ("Dallas", "Dallas", "PPL", "Pennsylvania")  # no sports words: the voting stands


@pytest.mark.slow
def test_a_postal_code_after_a_town_is_its_state_and_alone_it_is_none():
    """"Austin, TX", "Portland, OR", "Denver, CO": the state (a GPE mention named as the state, and a location), whether
    the model tagged the code as an organisation, dropped it as a legal form or left it untagged; a degree after a
    person's name, a filer's state after a company's legal form and a code standing alone are no state."""
    austin, portland, denver, degree, alone = read(
        "The company moved its headquarters to Austin, TX last year.",
        "Visitors from Seattle, WA met in Portland, OR, on Friday.",
        "Press release from Denver, CO - the firm said sales rose.",
        "Dr. Jane Roe, MD, said the clinic would open in March.",
        "The CA team said IN and OR were words on the poster.")
    assert austin == ([("Austin", "GPE", "Austin"), ("TX", "GPE", "Texas")],
                      [("Austin", "Austin", "PPL", "Texas"), ("TX", "Texas", "ADM1", "Texas")])
    assert [m for m in portland[0] if m[0] in ("WA", "OR")] == [("WA", "GPE", "Washington"), ("OR", "GPE", "Oregon")]
    assert portland[1] == [("Seattle", "Seattle", "PPL", "Washington"), ("WA", "Washington", "ADM1", "Washington"),
                           ("Portland", "Portland", "PPL", "Oregon"), ("OR", "Oregon", "ADM1", "Oregon")]
    assert ("CO", "GPE", "Colorado") in denver[0] and ("CO", "Colorado", "ADM1", "Colorado") in denver[1]
    assert [m for m in degree[0] if m[0] == "MD"] == [] and degree[1] == []
    assert alone[1] == [] and not [m for m in alone[0] if m[1] == "GPE"]


@pytest.mark.slow
def test_a_town_in_capitals_before_its_state_is_a_place_not_an_acronym():
    """A short name in capitals is an acronym ("SWAT") unless a state its namesake lies in follows it: "TAMPA, Fla."
    written inside the text is the town."""
    (_, tampa), (_, swat) = read("The app appeared to be down. TAMPA, Fla. (WTVX) Monitoring sites showed a spike.",
                                 "The SWAT team arrived before noon.")
    assert tampa == [("TAMPA", "Tampa", "PPL", "Florida"), ("Fla.", "Florida", "ADM1", "Florida")]
    assert swat == []


@pytest.mark.slow
def test_a_states_dotted_abbreviation_sharing_a_key_with_a_citys_means_its_own_place():
    """"La." is Louisiana and "L.A." Los Angeles (one name key, each its spelling); "Ind." is Indiana, in the
    mentions' entity too."""
    (mentions, places), (_, city) = read("He lives in Baton Rouge, La., and works in Gary, Ind., on weekdays.",
                                         "The band flew from L.A. to Denver on Monday.")
    assert [m for m in mentions if m[0] in ("La", "Ind")] == [("La", "GPE", "Louisiana"), ("Ind", "GPE", "Indiana")]
    assert [p for p in places if p[0] in ("La.", "Ind.")] == [("La.", "Louisiana", "ADM1", "Louisiana"),
                                                              ("Ind.", "Indiana", "ADM1", "Indiana")]
    assert city[0] == ("L.A.", "Los Angeles", "PPL", "California")


def test_two_capitals_take_an_alias_only_from_a_variant_written_in_capitals():
    """AP writes "Va.", "Md.": "VA" (an agency) and "M.D." (a degree) are no state; "US" and "N.Y." still are."""
    assert alias_for("Va.", "GPE") == "Virginia" and alias_for("VA", "GPE") is None
    assert alias_for("Md.", "GPE") == "Maryland" and alias_for("M.D.", "GPE") is None
    assert alias_for("US", "GPE") == "United States" and alias_for("N.Y.", "GPE") == "New York"
    assert entity_key("VA", "GPE") == "va" and entity_key("Va.", "GPE") == entity_key("Virginia", "GPE")
