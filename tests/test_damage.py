"""Export damage mended in normalize: curly marks written as '"' (and the space after them as '?'), a lost space
written as '-'. Texts written for these tests."""
import pytest

from loader.model import Record
from loader.normalize import normalize
from loader.normalize.damage import mend, mend_in_place


@pytest.mark.parametrize("damaged, mended", [
    ('We don"t know. I"ve said it before, didn""t I?', "We don't know. I've said it before, didn't I?"),
    ('Don"t wait: you"re late and we"ll go; she"d come, I"m sure.',
     "Don't wait: you're late and we'll go; she'd come, I'm sure."),
    ('The Sheriff"s Office said the harbour"s gate stays shut.',
     "The Sheriff's Office said the harbour's gate stays shut."),
    ('"We can"t wait," the mayor said.', '"We can\'t wait," the mayor said.'),
    ('"I"ve seen it. I"m sure they"ll come and we"d stay; it should"ve worked," she said.',
     '"I\'ve seen it. I\'m sure they\'ll come and we\'d stay; it should\'ve worked," she said.'),
])
def test_a_double_quote_inside_a_word_before_a_contraction_is_an_apostrophe(damaged, mended):
    assert mend(damaged) == mended


def test_inside_a_quotation_a_double_quote_before_s_closes_it():
    # "a food desert" is then "is": the mark closes the quotation, the "i" was lost
    text = 'The town\'s status as "a food desert"s debated, but the council"s plan won"t wait.'
    assert mend(text) == 'The town\'s status as "a food desert"s debated, but the council\'s plan won\'t wait.'


def test_a_double_quote_before_t_is_an_apostrophe_also_inside_a_quotation():
    assert mend('The signs read "Gov"t Offices" and "Don"t Park" by the gate.') == \
        'The signs read "Gov\'t Offices" and "Don\'t Park" by the gate.'


def test_the_parse_time_mend_keeps_every_offset_and_reads_apostrophes_as_normalize_does():
    text = 'They called it "a food desert"s debated,"?Kim Vale said. The council"s plan.-Ramirez said "Gov"t" did."?"I'
    assert mend_in_place(text) == \
        'They called it "a food desert"s debated," Kim Vale said. The council\'s plan. Ramirez said "Gov\'t" did." "I'
    assert mend_in_place(mend(text)) == mend(text)  # nothing normalize leaves is read otherwise


def test_a_damaged_mark_glued_to_the_next_word_is_the_mark_and_a_space():
    assert mend('"It is the worst choice,"?Sen. Kim Vale said. The vote on Vale"?plan came after "months"?of talk.') == \
        '"It is the worst choice," Sen. Kim Vale said. The vote on Vale" plan came after "months" of talk.'


def test_after_an_s_outside_a_quotation_a_damaged_mark_is_an_apostrophe():
    assert mend('The board voted on the teachers"?contract. Both ministers"?aides left.') == \
        "The board voted on the teachers' contract. Both ministers' aides left."


def test_after_a_space_a_damaged_mark_is_a_dash_unless_it_may_open_a_quotation():
    assert mend('PELHAM "?The ferry, he said "?maybe "?runs on Sunday.') == \
        "PELHAM — The ferry, he said — maybe — runs on Sunday."
    # a mark closing a few words on: an opening mark or an aside, the mark stays ("and" and "for" still mended)
    assert mend('The sign called the bridge "?safe"?and "open"?for all.') == \
        'The sign called the bridge "?safe" and "open" for all.'


def test_real_question_marks_and_hyphens_stay():
    text = 'Who called it "a failure"? Nobody. The U.S.-Canada deal, a well-known "yes"?? Ask her.'
    assert mend(text) == text


def test_a_lost_space_after_a_sentence_or_a_clause_comes_back():
    assert mend('The ferry stopped.-The port closed, he said,-and "we wait."-Kim Vale agreed. Ms Vale.- Then U.S.-Mexico.') \
        == 'The ferry stopped. The port closed, he said, and "we wait." Kim Vale agreed. Ms Vale. Then U.S.-Mexico.'


def test_a_lost_space_next_to_a_quotation_mark_comes_back():
    assert mend('Kim Vale said:-"It is over." The club called-"Harbour Nights"-the best; the shops-"?and one school-"?shut.') \
        == 'Kim Vale said: "It is over." The club called "Harbour Nights" the best; the shops — and one school — shut.'


def test_normalize_mends_body_title_and_subtitle_and_reads_the_dateline_behind_a_damaged_dash():
    record = Record("site.json", 1, "json", fields={
        "title": 'Harbour fees rise "?port authority', "subtitle": 'The port"s board didn"t vote',
        "body": 'PELHAM "?The harbour"s fees will rise in May. "We can"t stop it,"?Kim Vale said.'})
    article, _ = normalize(record)
    assert (article.title, article.subtitle, article.dateline, article.body) == (
        "Harbour fees rise — port authority", "The port's board didn't vote", "PELHAM",
        "The harbour's fees will rise in May. \"We can't stop it,\" Kim Vale said.")
