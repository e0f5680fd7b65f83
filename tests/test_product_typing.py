"""Products the model tags as people or organisations (loader/extract/mentions.py,
_products_taken_for_firms_and_people): sentences written for these tests."""
from loader.extract import extract_items


def typed(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["type"]) for m in item["mentions"]] for item in found]


def test_a_name_before_a_products_noun_or_after_the_rover_is_a_product():
    assert typed("More than 900 million phones running the Android operating system have been activated.",
                 "Buyers can download Fotolo from the app store, and the Fotolo app is free.",
                 "The Quasar spacecraft will photograph Saturn on Friday.") == [
        [("Android", "PRODUCT")], [("Fotolo", "PRODUCT"), ("Fotolo", "PRODUCT")], [("Quasar", "PRODUCT")]]


def test_every_mention_of_a_name_an_article_mostly_writes_as_a_product_is_one():
    """ "Android phones" and "versions of Android": both mentions, with the place between them kept."""
    assert typed("Sales of cheap Android phones rose in Asia, and many versions of Android are still in use.") == [
        [("Android", "PRODUCT"), ("Asia", "LOC"), ("Android", "PRODUCT")]]


def test_names_listed_after_a_range_of_products_are_products():
    assert typed("The company's products and services include Haokan, Quanmin, Tieba and Wenku.")[0][:2] == [
        ("Haokan", "PRODUCT"), ("Quanmin", "PRODUCT")]


def test_a_name_that_speaks_acts_as_a_maker_or_is_acquired_is_no_product():
    assert typed("Kelvar said on Tuesday that it would hire 500 engineers in Texas.",
                 "Samsung said sales of its phones rose, and Samsung hired 300 engineers.",
                 "Microsoft reported higher earnings on Thursday as Microsoft software sales grew.",
                 "Tim Cook said Apple would release the new iPhone in September.") == [
        [("Kelvar", "ORG"), ("Texas", "GPE")], [("Samsung", "ORG"), ("Samsung", "ORG")],
        [("Microsoft", "ORG"), ("Microsoft", "ORG")], [("Tim Cook", "PERSON"), ("Apple", "ORG")]]


def test_a_firm_with_a_title_after_it_is_no_product_even_before_a_products_noun():
    assert typed("Kelvar chief executive Ann Roe said the Kelvar app had 2 million users.")[0][:2] == [
        ("Kelvar", "ORG"), ("Ann Roe", "PERSON")]


def test_a_teams_score_is_no_version():
    [found] = typed("Chelsea 2, Arsenal 1 was the final score on Sunday.")
    assert found and "PRODUCT" not in {type_ for _, type_ in found}


def test_a_name_before_based_is_a_product_unless_a_place_is_so_named():
    assert typed("Samsung makes most Android-based phones sold in Europe.",
                 "A Homs-based rebel group attacked the town.") == [
        [("Samsung", "ORG"), ("Android", "PRODUCT"), ("Europe", "LOC")], [("Homs", "ORG")]]
