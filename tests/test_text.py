"""The small text helpers every stage uses (loader/text.py): sentences written for these tests."""
from loader.text import lower_case_words


def test_lower_case_words_are_the_words_written_starting_in_lower_case_folded():
    assert lower_case_words("Radio Kerry said the radio's iPhone app, well-known in Tralee, works. RADIO") == {
        "said", "the", "radio's", "iphone", "app", "well-known", "in", "works"}


def test_lower_case_words_of_a_text_of_names_alone_are_none():
    assert lower_case_words("Radio Kerry, Tralee") == set()
