"""Speakers the parser did not tag as names: fragments of damaged text are no speaker, names it missed are people or
organisations, not descriptions. Sentences written for these tests."""
from loader.extract.nlp import get_nlp, mended
from loader.extract.quotes.speakers import Speaker, _pointed_person
from tests.test_speakers import speakers


def test_a_lost_space_written_as_a_hyphen_reads_as_a_space():
    assert mended("They sold it.-Ramirez said so, in a post,-Gatti wrote. -That said, U.S.-Mexico co-chairs") == \
        "They sold it. Ramirez said so, in a post, Gatti wrote.  That said, U.S.-Mexico co-chairs"


def test_a_damaged_mark_before_an_opening_mark_and_a_double_mark_for_an_apostrophe_are_mended():
    text = 'It failed."?"We couldn"t stop it," it"s said. Done."\ufffd\ufffd?"Yes," he said "no" to it.'
    assert mended(text) == 'It failed." "We couldn\'t stop it," it\'s said. Done."   "Yes," he said "no" to it.'


def test_a_speaker_after_a_glued_full_stop_or_comma_is_the_name_after_it():
    assert speakers("Carla Ramirez led the study. Shoppers bought little.-Ramirez said the price mattered most.") == [
        ("Carla Ramirez", "PERSON")]
    assert speakers("Robbie Gatti posed for the photo. In a Facebook post,-Gatti confirmed the image was of him.") == [
        ("Robbie Gatti", "PERSON")]


def test_a_heading_run_into_the_sentence_is_not_its_subject():
    assert speakers("Regional response The minister also stressed that the harvest would be saved.") == [
        ("minister", "ANONYMOUS")]


def test_a_word_before_a_full_stop_inside_the_span_is_not_the_speaker():
    assert speakers("Lyft Inc cut prices on Monday. (12.03.2018) Lyft said it had begun a review of its software.") \
        == [("Lyft Inc", "ORG")]


def test_a_name_the_source_damaged_is_a_person_or_an_organisation():
    # a quote mark left at the edge of the span is no part of the name
    text = 'Police stopped Mathilde Gr\ufffd\ufffdber on Friday. "We are full," Gr\ufffd\ufffdber said on Monday.'
    assert speakers(text) == [("Gr\ufffd\ufffdber", "PERSON")]
    # the one person the article names so
    assert speakers('Se\ufffd\ufffdn Kelly runs the shelter. "We are full," Se\ufffd\ufffdn said on Monday.') == [
        ("Se\ufffd\ufffdn Kelly", "PERSON")]


def test_a_name_whose_capital_the_source_turned_into_a_question_mark_is_the_whole_name():
    text = "Drivers at Bus ?ireann went on strike. Bus ?ireann said the losses were mounting."
    assert speakers(text) == [("Bus ?ireann", "ORG")]
    assert speakers("Trains ran late. But Bus ?ireann said the losses were mounting.") == [("Bus ?ireann", "ORG")]


def test_capitalised_words_the_parser_missed_are_an_organisation_or_a_person():
    assert speakers('"Rinsing bottles saves water," says Recycle Now.') == [("Recycle Now", "ORG")]
    assert speakers('"The jail is full," according to the Omaha World-Herald.') == [("Omaha World-Herald", "ORG")]
    text = "The Harbour Water Justice Initiative, a group backed by a local family, said the ruling was wrong."
    assert speakers(text) == [("Harbour Water Justice Initiative", "ORG")]


def test_the_and_a_capitalised_word_is_the_organisation_named_with_it():
    text = "The US Army Corps of Engineers approved the pipeline. The Corps said it had made a good decision."
    assert speakers(text) == [("US Army Corps of Engineers", "ORG")]
    assert speakers('Motown legends The Jacksons tweeted: "He merged blues and swing."') == [("Jacksons", "ORG")]


def test_one_capitalised_word_is_the_person_named_so():
    text = ('Maria Little ran away at 15. "We were always watched," explains Little. "There is a debt."')
    assert speakers(text) == [("Maria Little", "PERSON"), ("Maria Little", "PERSON")]
    # a lone given name, spoken by the one person the article gives it
    text = 'Syrian activist Hala Omran fled in 2014. "The city was free," Hala said of those months.'
    assert speakers(text) == [("Hala Omran", "PERSON")]


def test_a_capitalised_word_starting_a_sentence_is_a_name_only_when_the_article_gives_one():
    text = ("Roger Stone spoke to reporters. Stone claimed he had talked to the group before the vote.")
    assert speakers(text)[-1] == ("Roger Stone", "PERSON")
    assert speakers("The plan is new. Support said the plan would work.") == [("support", None)]
    # a capitalised word with "a" or an adjective is a common noun unless the article names someone so
    assert speakers('"We gave everything and it hurt," said an emotional Varga after Amy Varga lost the final.') == [
        ("Amy Varga", "PERSON")]


def test_fragments_of_damaged_text_are_no_speaker():
    # the quote mark inside a word makes the span a fragment: the quote keeps no speaker of its own
    assert all(name != 'I couldn"t' for name, _ in speakers('"It is done.?"I couldn"t" said that it was fine.'))


def test_a_capitalised_word_opening_a_sentence_is_a_person_when_a_he_or_she_after_it_points_to_it():
    # the parser tags the word an adjective and no entity: a name as written, not a lower-cased description
    assert speakers("Rain fell all day. Kyiv claims she was never paid.") == [("Kyiv", "PERSON")]
    assert speakers("The mine closed on Friday. Kyiv claims he was never paid for the work.") == [("Kyiv", "PERSON")]
    # no pronoun, or another name between: no evidence, the word stays as the parser read it
    assert speakers("Rain fell all day. Kyiv claims the money was never paid.") == [("kyiv", None)]
    assert speakers("Rain fell all day. Kyiv claims Moscow said he was never paid.") == [("kyiv", None)]
    # a word the article also writes in lower case is a common word capitalised
    assert speakers("Rain fell all day. Kyiv claims he was never paid, and the kyiv team agreed.") == [
        ("kyiv", None)]


def test_a_plural_opening_a_sentence_is_no_name_whatever_the_pronoun_after_it():
    doc = get_nlp()("Keeps saying she backed the plan, when there are tapes of her opposing it.")
    assert doc[0].tag_ == "NNS" and _pointed_person(doc[0], "Keeps") is None
    doc = get_nlp()("Kyiv claims she was never paid.")
    assert _pointed_person(doc[0], "Kyiv") == Speaker("Kyiv", "PERSON")
