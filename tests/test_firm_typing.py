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
