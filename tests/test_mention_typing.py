"""Towns, cars and offices the model mistypes (loader/extract/mentions.py): sentences written for these tests."""
from loader.extract import extract_items


def typed(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"]) for m in item["mentions"]] for item in found]


def test_a_town_written_as_a_place_is_a_place():
    assert typed("A Huntsville man was arrested on Tuesday after a chase, police said.",
                 "She grew up on the outskirts of Oxford and studied law.") == [
        [("Huntsville", "GPE")], [("Oxford", "GPE")]]


def test_a_town_that_acts_or_a_longer_name_stays_an_organisation():
    assert typed("Columbia said in a statement that the protest was over.",
                 "Oxford University Press said it would publish the book.",
                 "A Columbia student was hurt. Columbia won the game.") == [
        [("Columbia", "ORG")], [("Oxford University Press", "ORG")], [("Columbia", "ORG"), ("Columbia", "ORG")]]


def test_a_maker_written_as_a_car_is_no_entity():
    assert typed("Deputies stopped a 2008 Ford F-250 on the highway near the county line.",
                 "Officer Smith was driving his Dodge Charger patrol car when the crash happened.",
                 "Witnesses saw a red Honda leave the scene. The Honda was found two miles away.",
                 "A black Jeep Cherokee was seen near the Walmart in Decatur.") == [
        [], [("Smith", "PERSON")], [], [("Walmart", "ORG"), ("Decatur", "GPE")]]


def test_a_maker_that_acts_or_is_named_in_full_stays_an_organisation():
    assert typed("Ford said it would cut 2,000 jobs. Ford Motor Co shares fell 3 percent.",
                 "The Ford Foundation gave a grant.") == [
        [("Ford", "ORG"), ("Ford Motor Co", "ORG")], [("Ford Foundation", "ORG")]]


def test_a_title_cut_from_a_name_is_no_person():
    assert typed("According to Sgt. Ann Lopez, the car was stolen.",
                 "\"We found him,\" said Sgt. Dave Ortiz.") == [[("Ann Lopez", "PERSON")], [("Dave Ortiz", "PERSON")]]


def test_a_name_ending_in_an_office_is_a_body():
    assert typed("Wayne County Sheriff Ray Dunn said the victim was found at home.") == [
        [("Wayne County Sheriff", "ORG"), ("Ray Dunn", "PERSON")]]


def test_a_body_written_after_in_stays_an_organisation():
    assert typed("Many staff in the White House were unhappy, officials said.",
                 "Republicans hold a majority in Congress, and the time for talk is over.",
                 "The country wants to stay in NATO.",
                 "She had offers from universities including Stanford, Princeton and Yale.") == [
        [("White House", "ORG")], [("Republicans", "NORP"), ("Congress", "ORG")],
        [("NATO", "ORG")], [("Stanford", "ORG"), ("Princeton", "ORG"), ("Yale", "ORG")]]


def test_a_poll_or_a_bill_after_a_year_is_no_car():
    assert typed("A 2016 Gallup poll found that most voters agreed.",
                 "He voted for the 2010 Senate bill.") == [[("Gallup", "ORG")], [("Senate", "ORG")]]


def test_a_vehicle_noun_or_a_colour_elsewhere_in_the_sentence_makes_no_car():
    assert typed("Jane Smith spoke to Reuters from her car on Monday.",
                 "She leads an alumni network for black Yale graduates.") == [
        [("Jane Smith", "PERSON"), ("Reuters", "ORG")], [("Yale", "ORG")]]


def test_a_company_owned_stays_an_organisation():
    assert typed("The group built up a 9.8 pct stake in Pioneer, topping the bid of its rival.") == [
        [("Pioneer", "ORG")]]


def test_a_word_for_a_kind_of_place_alone_is_no_organisation():
    assert typed("The State argued that the defendant had lied to the jury.",
                 "After their trip to State, the players flew home.",
                 "The County said the bridge would close on Monday.") == [[], [], []]


def test_a_longer_name_holding_a_word_for_a_kind_of_place_stays():
    assert typed("He works for the State Department in Washington.",
                 "He lives on State Street in Chicago.") == [
        [("State Department", "ORG"), ("Washington", "GPE")], [("State Street", "FAC"), ("Chicago", "GPE")]]


def test_a_maker_before_a_model_or_driven_is_no_entity():
    assert typed("He was driving a Ford Taurus when police stopped him.",
                 "Police found the Honda Civic he had been driving.",
                 "Officers stopped the Chevrolet he was driving.",
                 "He drove a Honda to work on Monday.",
                 "Tom Hale was killed when his Chevrolet Malibu hit a tree.") == [
        [], [], [], [], [("Tom Hale", "PERSON")]]


def test_a_maker_that_acts_or_names_a_team_stays_beside_its_cars():
    assert typed("Honda Motor Co said its profits rose. Honda employs 2,000 people in Ohio.",
                 "Ford driver Sebastien Ogier won the rally for the Ford team.",
                 "Toyota said sales of the Toyota Camry rose.") == [
        [("Honda Motor Co", "ORG"), ("Honda", "ORG"), ("Ohio", "GPE")],
        [("Ford", "ORG"), ("Sebastien Ogier", "PERSON"), ("Ford", "ORG")], [("Toyota", "ORG")]]


def test_a_word_for_a_kind_of_place_refers_back_to_the_body_named_by_it():
    found = extract_items([{"id": "1", "text": "The State Department asked for more money. The cuts fall in State, "
                                               "officials said."}])[0]["mentions"]
    assert [(m["text"], m["type"], m["entity"]) for m in found] == [
        ("State Department", "ORG", "State Department"), ("State", "ORG", "State Department")]


def test_a_name_that_does_a_vehicle_verb_itself_or_a_heading_in_capitals_is_no_car():
    assert typed("Bayern are far from their best, and the Champions League steals their attention.",
                 "WHAT THE FBI DIRECTOR IS EXPECTED TO SAY TODAY") == [
        [("Champions League", "ORG")], [("FBI", "ORG")]]


def test_a_word_for_a_kind_of_place_refers_back_only_to_a_body():
    found = extract_items([{"id": "1", "text": "He praised the State of Israel. The governor said the plan is failing "
                                               "in his State."}])[0]["mentions"]
    assert [m["entity"] for m in found if m["text"] == "State"] == []


def test_a_word_for_a_kind_of_place_before_a_title_refers_back_to_no_body():
    found = extract_items([{"id": "1", "text": "The State Consumer Protection Board objected, and so did the State "
                                               "Attorney General."}])[0]["mentions"]
    assert [(m["text"], m["entity"]) for m in found] == [
        ("State Consumer Protection Board", "State Consumer Protection Board")]
