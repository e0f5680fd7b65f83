"""Firms named after people, and websites, that the model takes for people (loader/extract/mentions.py,
_firms_taken_for_people): sentences written for these tests, run through the real pipeline."""
from loader.extract import extract_items


def typed(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"]) for m in item["mentions"]] for item in found]


def test_a_name_written_as_a_brokerage_is_an_organisation():
    assert typed("Halvorsen Keene upgraded shares of Acme Corp. from hold to buy on Tuesday.",
                 "The stock fell after Fenwick Tate analyst Dana Price cut her estimate for the year.",
                 "\"The quarter was weak,\" said analyst Carl Ruiz of Dunmore Keating. "
                 "Dunmore Keating has a hold rating on the stock.") == [
        [("Halvorsen Keene", "ORG"), ("Acme Corp.", "ORG")],
        [("Fenwick Tate", "ORG"), ("Dana Price", "PERSON")],
        [("Carl Ruiz", "PERSON"), ("Dunmore Keating", "ORG"), ("Dunmore Keating", "ORG")]]


def test_a_website_is_never_a_person():
    assert typed("Several brokers have covered the stock. Corbin Whitlow initiated coverage with a neutral rating, "
                 "according to TickerWatch.com.") == [[("Corbin Whitlow", "ORG"), ("TickerWatch.com", "ORG")]]


def test_a_firm_a_stake_is_bought_in_is_an_organisation():
    assert typed("Acme said it had bought a 5 pct stake in Dunmore Keating. "
                 "Dunmore Keating said it welcomed the investment.") == [
        [("Dunmore Keating", "ORG"), ("Dunmore Keating", "ORG")]]


def test_the_founder_keeps_his_type_where_the_firm_named_after_him_is_written_as_a_firm():
    assert typed("Robert Pruitt, the managing director, said the firm was profitable. Analysts at Pruitt said "
                 "the firm expects a profit. Pruitt said trading was slow.") == [
        [("Robert Pruitt", "PERSON"), ("Pruitt", "ORG"), ("Pruitt", "PERSON")]]


def test_people_in_finance_news_stay_people():
    assert typed("Jane Doe, chief executive of Acme Corp., said sales rose. Doe said the company would raise "
                 "its dividend.",
                 "Carl Icahn raised his stake in Acme Corp. to 12 pct, Icahn said.",
                 "Mayor Ann Hale raised the issue with the council. Hale cut its budget by half.") == [
        [("Jane Doe", "PERSON"), ("Acme Corp.", "ORG"), ("Doe", "PERSON")],
        [("Carl Icahn", "PERSON"), ("Acme Corp.", "ORG"), ("Icahn", "PERSON")],
        [("Ann Hale", "PERSON"), ("Hale", "PERSON")]]


def test_a_name_after_a_persons_full_name_and_of_is_a_firm_unless_a_place():
    assert typed("\"Demand will pick up,\" said Carol Bell of Hale Dunn. Hale Dunn expects prices to rise.",
                 "Mary Stuart of Scotland met Elizabeth.") == [
        [("Carol Bell", "PERSON"), ("Hale Dunn", "ORG"), ("Hale Dunn", "ORG")],
        [("Mary Stuart", "PERSON"), ("Scotland", "GPE"), ("Elizabeth", "GPE")]]


def test_a_person_with_a_stake_in_a_fate_or_a_nationality_before_analyst_is_no_firm():
    assert typed("Laurel has a personal stake in Wes' death, and she will avenge Wes.",
                 "\"Growth will slow,\" Slovak analyst Pavel Rudko told the newspaper.") == [
        [("Laurel", "ORG"), ("Wes", "PERSON"), ("Wes", "PERSON")],
        [("Slovak", "PERSON"), ("Pavel Rudko", "PERSON")]]


def test_a_name_that_reiterates_a_point_stays_a_person_and_one_that_initiates_coverage_is_a_firm():
    assert typed("Envoys met in Vienna. Marsh reiterated that Moscow wanted talks.",
                 "Corbin Whitlow initiated coverage of Acme Corp. on Monday.") == [
        [("Vienna", "GPE"), ("Marsh", "PERSON"), ("Moscow", "GPE")],
        [("Corbin Whitlow", "ORG"), ("Acme Corp.", "ORG")]]


def test_the_subject_of_a_market_notes_verb_frame_is_a_firm_given_name_or_not():
    assert typed("Several brokerages have weighed in on Acme Corp. Harold P. Keene increased their price objective on "
                 "shares of Acme Corp. from $41.00 to $45.00. Brandt Keller lowered their target price on Acme Corp. "
                 "from $50.00 to $48.00. Ostrander started coverage on Acme Corp. in a research note on Monday.",
                 "Wendell T. Marsh cut Acme Corp. from an outperform rating to a neutral rating.",
                 "Marlowe Tate grew its holdings in Acme Corp. by 4.1% in the third quarter. Finally, Velloria acquired a "
                 "new stake in Acme Corp. during the second quarter worth about $52,000.") == [
        [("Acme Corp.", "ORG"), ("Harold P. Keene", "ORG"), ("Acme Corp.", "ORG"), ("Brandt Keller", "ORG"),
         ("Acme Corp.", "ORG"), ("Ostrander", "ORG"), ("Acme Corp.", "ORG")],
        [("Wendell T. Marsh", "ORG"), ("Acme Corp.", "ORG")],
        [("Marlowe Tate", "ORG"), ("Acme Corp.", "ORG"), ("Velloria", "ORG"), ("Acme Corp.", "ORG")]]


def test_a_person_in_a_market_notes_frame_with_a_title_an_appositive_or_a_full_name_stays_a_person():
    assert typed("Analyst Dana Whitfield raised her price target on Acme Corp. to $50.",
                 "Dana Whitfield, an analyst at Fenwick Tate, raised their price target on Acme Corp. to $50.",
                 "Warren Kessling acquired a new stake in Acme Corp. last year.") == [
        [("Dana Whitfield", "PERSON"), ("Acme Corp.", "ORG")],
        [("Dana Whitfield", "PERSON"), ("Fenwick Tate", "ORG"), ("Acme Corp.", "ORG")],
        [("Warren Kessling", "PERSON"), ("Acme Corp.", "ORG")]]


def test_a_name_with_an_ampersand_or_a_firms_head_noun_is_a_firm():
    assert typed("Finally, Dorsey Van Allen & Pike Wealth Management Group LLC bought shares of Acme Corp.",
                 "Whitcombe Law Firm represents investors. Whitcombe Law Firm was ranked first by the survey.") == [
        [("Dorsey Van Allen & Pike Wealth Management Group LLC", "ORG"), ("Acme Corp.", "ORG")],
        [("Whitcombe Law Firm", "ORG"), ("Whitcombe Law Firm", "ORG")]]


def test_a_prompt_to_follow_an_account_is_no_part_of_the_name_and_a_company_keeps_its_type():
    assert typed("Velmora Corp. serves ten million customers. Follow Velmora on Twitter.",
                 "The show airs on Fridays. Follow Dana Whitfield on Instagram for updates.") == [
        [("Velmora Corp.", "ORG"), ("Velmora", "ORG")],
        [("Dana Whitfield", "PERSON"), ("Instagram", "ORG")]]


def test_a_job_titles_acronym_before_a_name_is_no_part_of_it():
    assert typed("The report can be read on the website. Also, CAO Nora B. Williams sold 2,000 shares of the "
                 "stock.",
                 "In other news, CAO Maren T. Holloway sold 2,000 shares of the stock.",
                 "The deal was advised by MS Harbour Strategies, a unit of the bank.") == [
        [("Nora B. Williams", "PERSON")], [("Maren T. Holloway", "PERSON")], [("MS Harbour Strategies", "ORG")]]


def test_the_broker_and_the_company_of_a_rating_or_a_price_target_are_firms():
    assert typed("Harold P. Keene reissued a buy rating on shares of Acme Corp. on Monday. Brandt Keller began "
                 "coverage on Acme Corp. in a research note.",
                 "Fenwick Tate lowered Dalmore from a buy rating to a hold rating.",
                 "Halvorsen Keene' price objective suggests a potential upside of 12% from the stock's price.") == [
        [("Harold P. Keene", "ORG"), ("Acme Corp.", "ORG"), ("Brandt Keller", "ORG"), ("Acme Corp.", "ORG")],
        [("Fenwick Tate", "ORG"), ("Dalmore", "ORG")],
        [("Halvorsen Keene", "ORG")]]


def test_a_surname_spelled_like_a_title_acronym_stays_in_the_name():
    assert typed("Growth has reached its bottom, Cao Yuanzheng, chairman of Harwell Research Limited, said. The "
                 "rate may slow, according to Cao.") == [
        [("Cao Yuanzheng", "PERSON"), ("Harwell Research Limited", "ORG"), ("Cao", "PERSON")]]


def test_a_person_who_begins_coverage_of_an_event_or_on_a_day_stays_a_person():
    assert typed("Anderson Cooper began coverage of the election results at 7 p.m.",
                 "Anderson Cooper began coverage on Tuesday night from New York.",
                 "Brandt Keller began coverage on Acme Corp. in a research note.") == [
        [("Anderson Cooper", "PERSON")],
        [("Anderson Cooper", "PERSON"), ("New York", "GPE")],
        [("Brandt Keller", "ORG"), ("Acme Corp.", "ORG")]]


def test_a_surname_of_a_full_name_that_takes_a_new_stake_stays_that_person():
    found = extract_items([{"id": "0", "text": "Carl Icahn has been busy. Icahn took a new stake in Acme Corp. in "
                                               "March."}])[0]["mentions"]
    assert [(m["text"], m["type"], m["entity"]) for m in found] == [
        ("Carl Icahn", "PERSON", "Carl Icahn"), ("Icahn", "PERSON", "Carl Icahn"), ("Acme Corp.", "ORG", "Acme Corp.")]
