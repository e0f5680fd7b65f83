"""Paragraphs: hard-wrapped single-paragraph wire copy is joined back, lists and stamps are not."""
from loader.normalize.paragraphs import split_paragraphs


def test_short_wrapped_story_with_a_sign_off_is_one_paragraph():
    text = ("The port authority will open a tender\n"
            "tomorrow for 4,000 tonnes of refined sunflower and palm\n"
            "oil for April shipment, shipping agents said.\n Reuter\n\x03")
    assert split_paragraphs(text) == ["The port authority will open a tender tomorrow for 4,000 tonnes of refined "
                                      "sunflower and palm oil for April shipment, shipping agents said. Reuter"]


def test_wrapped_lines_that_break_before_a_capitalised_word_are_joined():
    text = ("<Harbour Light Municipal Income\n"
            "Trust Three> said it will pay a special distribution of\n"
            "12.5 cts per unit, which includes 11.2 cts from a return of\n"
            "capital and the rest from interest income.\n Reuter\n")
    assert len(split_paragraphs(text)) == 1


def test_a_list_of_lines_stays_apart():
    text = "Apples and pears are on sale\nBananas cost more this week at the market\nCherries are out"
    assert split_paragraphs(text) == text.split("\n")


def test_two_stamp_lines_of_equal_length_stay_apart():
    text = "PUBLISHED : Monday, 2 March, 2020, 9:15am\nUPDATED : Monday, 2 March, 2020, 10:05am"
    assert split_paragraphs(text) == text.split("\n")
