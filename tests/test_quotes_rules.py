"""Each quote rule on sentences written for these tests (never evaluation text)."""
import pytest

from loader.extract import extract_items
from loader.extract.quotes.marks import quoted_spans


def quotes(text):
    return extract_items([{"id": "t", "text": text}])[0]["quotes"]


def said(text):
    """(content, speaker) pairs, in order."""
    return [(q["content"], q["speaker"]) for q in quotes(text)]


def marked(text):
    return [text[m.inner_start:m.inner_end] for m in quoted_spans(text)]


# --- quotation marks -------------------------------------------------------------------------

@pytest.mark.parametrize("text, inner", [
    ("“Rates will rise,” she said.", ["Rates will rise"]),
    ('"Rates will rise," she said.', ["Rates will rise"]),
    ("«Rates will rise», she said.", ["Rates will rise"]),
    ("‘Rates will rise,’ she said.", ["Rates will rise"]),
    ("''Rates will rise,'' she said.", ["Rates will rise"]),
    ("``Rates will rise,'' she said.", ["Rates will rise"]),
])
def test_every_quote_mark_style(text, inner):
    assert marked(text) == inner


def test_single_quotes_inside_double_are_part_of_the_quote():
    assert marked("“He called it ‘a farce’ on Tuesday,” she said.") == ["He called it ‘a farce’ on Tuesday"]


def test_apostrophes_are_not_quotes():
    assert marked("The mayor’s plan won workers’ support and the council's vote.") == []


def test_a_quote_left_open_continues_in_the_next_paragraph():
    text = "“The first part ends here.\n\n“The second part ends the quote,” he said."
    assert marked(text) == ["The first part ends here.\n\n“The second part ends the quote"]


def test_an_unclosed_quote_stops_at_its_paragraph():
    assert marked("“Nobody closed this one.\n\nThe story goes on.") == ["Nobody closed this one"]


# --- direct quotes and their attribution ------------------------------------------------------

def test_attribution_after_the_quote():
    assert said("“We will appeal the ruling,” Nadia Petrov said.") == [("We will appeal the ruling", "Nadia Petrov")]


def test_inverted_attribution_with_role():
    found = quotes("“The bridge is safe,” said Tom Alvarez, the city engineer.")
    assert [(q["speaker"], q["speaker_role"], q["cue"]) for q in found] == [("Tom Alvarez", "city engineer", "said")]


def test_attribution_before_with_colon():
    assert said("Nadia Petrov said: “We will appeal the ruling.”") == [("We will appeal the ruling", "Nadia Petrov")]


def test_attribution_between_two_parts_of_a_quote():
    text = "“We will appeal,” Nadia Petrov said, “and we expect to win the case.”"
    assert said(text) == [("We will appeal", "Nadia Petrov"), ("and we expect to win the case", "Nadia Petrov")]


def test_quote_after_its_attribution_continues_the_speaker():
    text = "“Prices are too high,” Omar Haddad said. “Families cannot keep up with them.”"
    assert said(text) == [("Prices are too high", "Omar Haddad"), ("Families cannot keep up with them", "Omar Haddad")]


def test_a_multi_paragraph_quote_is_one_quote_per_paragraph_by_one_speaker():
    text = ("Lena Fischer spoke after the vote.\n\n“We lost tonight.\n\n“But the campaign goes on,” she said.")
    assert said(text) == [("We lost tonight", "Lena Fischer"), ("But the campaign goes on", "Lena Fischer")]


def test_it_said_adding():
    text = ("The Harbour Authority issued new rules on Monday.\n\n"
            "“Ships must slow down near the pier,” it said, adding that fines would follow.")
    assert said(text) == [("Ships must slow down near the pier", "Harbour Authority"),
                          ("fines would follow", "Harbour Authority")]


def test_scare_quotes_are_not_quotes():
    assert quotes("The council called the plan a “bold step” for the town.") == []


def test_a_title_in_quotes_is_not_a_quote():
    assert quotes("A still from the film “The Long Road Home” shows the valley.") == []


# --- reported speech --------------------------------------------------------------------------

def test_clausal_complement():
    assert said("Omar Haddad said the port would reopen in May.") == [("the port would reopen in May", "Omar Haddad")]


def test_that_clause_and_document_speaker():
    text = "The Harbour Authority issued a report. The Harbour Authority report charged that the pier was unsafe."
    found = quotes(text)
    assert [(q["content"], q["speaker"], q["speaker_text"], q["cue"]) for q in found] == [
        ("the pier was unsafe", "Harbour Authority", "The Harbour Authority report", "charged")]


def test_told_a_briefing_that():
    assert said("Omar Haddad told a news briefing that the port would reopen.") == [
        ("the port would reopen", "Omar Haddad")]


def test_according_to():
    assert said("Wheat prices rose by a third last year, according to the Grain Board.") == [
        ("Wheat prices rose by a third last year", "Grain Board")]


def test_inverted_reported_speech():
    assert said("The port will reopen in May, said Omar Haddad.") == [("The port will reopen in May", "Omar Haddad")]


def test_parenthetical_attribution_splits_the_clause():
    text = "The new rules, Omar Haddad said, will cost shippers millions."
    assert said(text) == [("The new rules", "Omar Haddad"), ("will cost shippers millions", "Omar Haddad")]


@pytest.mark.parametrize("text", [
    "Omar Haddad did not say whether the port would reopen.",
    "Omar Haddad would not say when the port would reopen.",
    "Omar Haddad was told the port would reopen.",
    "A new survey shows that most residents want the port reopened.",
])
def test_things_that_are_not_quotes(text):
    assert quotes(text) == []


# --- quotation marks stripped (wire copy) -----------------------------------------------------

def test_stripped_quote_and_its_floating_sentence():
    text = ("The city closed the harbour on Monday.\n"
            "The repairs will take a month, harbour master Ines Duarte said in a statement.\n"
            "We are asking boat owners to move their vessels now.\n"
            "The harbour was built in 1901.")
    found = quotes(text)
    assert [(q["content"], q["speaker"], q["direct"]) for q in found] == [
        ("The repairs will take a month", "Ines Duarte", 0),
        ("We are asking boat owners to move their vessels now", "Ines Duarte", 0)]
    assert found[0]["speaker_role"] == "harbour master"


def test_stripped_quote_continued_in_its_paragraph():
    text = ("Fans waited outside.\n\n"
            "It was a hard game, coach Rita Moreau said. We made too many mistakes in the second half.\n\n"
            "The next match is on Friday.")
    assert said(text) == [("It was a hard game", "Rita Moreau"),
                          ("We made too many mistakes in the second half", "Rita Moreau")]


def test_a_past_tense_narrative_sentence_after_a_stripped_quote_is_no_ones():
    text = ("Two shells hit the market at dawn, local sources said. Dozens of people were wounded in the attack.\n\n"
            "The market reopened on Sunday.")
    assert said(text) == [("Two shells hit the market at dawn", "sources")]


def test_a_line_with_no_full_stop_is_no_floating_quote():
    text = ("The ministry approved the sale of four jets, officials said. READ MORE: Six facts about the jets\n\n"
            "The sale is worth $500m.")
    assert said(text) == [("The ministry approved the sale of four jets", "officials")]


def test_sentences_before_a_stripped_attribution_join_its_quote():
    text = "Fans waited outside.\n\nWe played badly. We have to do better, Rita Moreau said.\n\nThe bus left."
    assert said(text) == [("We played badly. We have to do better", "Rita Moreau")]


# --- speakers ---------------------------------------------------------------------------------

def test_he_and_she_follow_gender_and_salience():
    text = ("Ms. Clara Jensen met Mr. Victor Hale on Tuesday. Jensen said the talks went well.\n\n"
            "“We agreed on a timetable,” she said.\n\n"
            "Hale said little. “There is more work to do,” he said.")
    assert said(text) == [("the talks went well", "Clara Jensen"), ("We agreed on a timetable", "Clara Jensen"),
                          ("There is more work to do", "Victor Hale")]


def test_short_name_becomes_the_full_name():
    text = "Rafael Ortiz won the race. Ortiz said the weather helped."
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(text)] == [("Rafael Ortiz", "Ortiz")]


def test_it_refers_to_the_organisation_last_speaking():
    text = ("The Grain Board announced that exports would fall. "
            "Farmers protested in the capital. It said prices would stay high.")
    assert [q["speaker"] for q in quotes(text)] == ["Grain Board", "Grain Board"]


def test_the_statement_is_the_organisation_of_the_speaker_in_a_statement():
    text = ("Port Authority chief Ines Duarte said in a statement that the harbour would close. "
            "The statement said repairs would take a month.")
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(text)] == [
        ("Ines Duarte", "Ines Duarte"), ("Port Authority", "The statement")]


def test_a_nationality_named_before_the_statement_does_not_issue_it():
    """The issuer is the organisation in the phrase of the person who made the statement, even with
    a nationality (NORP) and a place named in between."""
    text = ("Port Authority chief Ines Duarte said in a statement that the harbour would close. "
            "Portuguese trawlers were sent to Lisbon. "
            "We regret the delay to the Portuguese fleet, the statement said.")
    assert [q["speaker"] for q in quotes(text)] == ["Ines Duarte", "Port Authority"]


def test_a_nationality_is_no_speaker_organisation():
    text = "The Portuguese delegation left early. The statement said talks would resume in May."
    assert all(q["speaker"] != "Portuguese" for q in quotes(text))


def test_relative_pronoun_speaker_is_the_noun_it_stands_for():
    text = "The award went to Priya Nair, who said the prize belonged to her team."
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(text)] == [("Priya Nair", "who")]


def test_first_person_outside_quotes_is_not_a_speaker():
    assert quotes("I said the plan would fail, and it did.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Still, Okafor said rain can delay the harvest.", "rain can delay the harvest", "Okafor"),
    ("Maria Lopez said inflation and rising rents have hurt young families.",
     "inflation and rising rents have hurt young families", "Maria Lopez"),
])
def test_reported_clause_survives_common_misparses(text, content, speaker):
    assert said(text) == [(content, speaker)]


def test_told_keeps_its_addressee_out_of_the_content():
    assert said("Beatriz Ruiz told reporters the harvest would be late.") == [
        ("the harvest would be late", "Beatriz Ruiz")]


# --- cues that report an instruction, a characterisation or a subordinate clause ----------------

def test_urged_reports_the_infinitive_after_its_addressee():
    assert said("Mayor Ruth Okafor urged all residents to boil their tap water until Friday.") == [
        ("to boil their tap water until Friday", "Ruth Okafor")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Police chief Alan Brody described the theft as a carefully planned robbery.", "a carefully planned robbery",
     "Alan Brody"),
    ("Council member Ines Varga calls the new budget a gift to developers.", "a gift to developers", "Ines Varga"),
])
def test_naming_cues_report_their_characterisation(text, content, speaker):
    assert said(text) == [(content, speaker)]


@pytest.mark.parametrize("text, beginning", [
    ("When the river rises, the farms in the valley lose their crops, Karen Holt said.", "When the river rises"),
    ("What worries me most is the cost of housing, Karen Holt said.", "What worries me most"),
])
def test_a_wh_word_opening_a_statement_is_no_question(text, beginning):
    found = said(text)
    assert len(found) == 1 and found[0][0].startswith(beginning) and found[0][1] == "Karen Holt"


def test_a_question_after_its_cue_is_still_no_quote():
    assert said("Karen Holt would not say what the settlement cost the city.") == []


def test_a_subjectless_verb_after_a_parenthetical_cue_continues_the_content():
    found = said("Dana Smith spoke on Monday. Her son made the choice himself, Smith says, and paid for it "
                 "with his savings.")
    assert [content for content, _ in found] == ["Her son made the choice himself", "paid for it with his savings"]
    assert {speaker for _, speaker in found} == {"Dana Smith"}


def test_the_speakers_next_action_is_not_part_of_the_content():
    assert said("Ruth Okafor left early. The plan is sound, Okafor said, and left the room.") == [
        ("The plan is sound", "Ruth Okafor")]


def test_words_signed_with_a_name_alone_are_that_persons_quote():
    text = ("The ferry will run again next week, and repairs began on Monday.\n\n"
            "We owe the islanders a reliable service and we will deliver it. Ruth Okafor")
    assert said(text) == [("We owe the islanders a reliable service and we will deliver it", "Ruth Okafor")]


def test_a_name_ending_a_sentence_is_no_signature():
    assert said("The award went to a young chemist.\n\nThe committee praised Ruth Okafor") == []


def test_a_cue_after_a_quote_that_reports_its_own_clause_does_not_attribute_the_quote():
    text = ('Tom Rudd said the aide did his job. "The thing is, he did not tell the cabinet and then he forgot." - The '
            "Halvard Council has admitted that Rudd was told three weeks ago.")
    assert said(text) == [("the aide did his job", "Tom Rudd"),
                          ("The thing is, he did not tell the cabinet and then he forgot", "Tom Rudd"),
                          ("Rudd was told three weeks ago", "Halvard Council")]


def test_a_quote_split_around_its_cue_keeps_its_speaker():
    text = '"If you look back at the record," Rudd said, "I could have written those things last week."'
    assert said(text) == [("If you look back at the record", "Rudd"), ("I could have written those things last week", "Rudd")]


# --- cues that say nothing: a participle naming a noun, hearsay -----------------------------------------------------

def test_a_participle_that_names_a_noun_is_no_quote():
    assert said('She painted a huge mural called "The Long Road Home to Dover" for the town.') == []
    assert said('The town fought over the so-called "bathroom bills for every state" all spring.') == []


def test_said_to_be_is_hearsay_with_no_speaker():
    text = 'A photograph said to be from the scene showed a burned car. "We heard the blast at dawn," Ann Lo said.'
    assert said(text) == [("We heard the blast at dawn", "Ann Lo")]


@pytest.mark.parametrize("text", [
    "Acme has a beta of 1.02, indicating that its share price is 2% more volatile than the market.",
    "Acme has a beta of 1.02, indicating its share price is 2% more volatile than the market.",
    "Acme is trading at a lower price-to-earnings ratio than its rivals, suggesting that it is cheaper.",
    "Each crab was found holding an anemone, indicating that they were once one.",
    "The index has been rising for four months, suggesting that optimism is back.",
])
def test_an_inference_participle_after_a_fact_is_the_writers_reading(text):
    assert said(text) == []


def test_an_inference_participle_after_a_cue_stays_the_speakers_words():
    assert said("The senator wrote to the agency, suggesting that it review the rules.") == [
        ("it review the rules", "senator")]
    assert said("Tom Baird hinted at a deal on Friday, suggesting that the talks were close to an end.") == [
        ("the talks were close to an end", "Tom Baird")]
    assert said("Acme suggested that prices would rise.") == [("prices would rise", "Acme")]


@pytest.mark.parametrize("text", [
    "Valuation matters too, so investors should note that Acme Corp. has a forward P/E ratio of 14.2 right now.",
    "Investors should also note that ACME has a PEG ratio of 0.91 at the moment.",
    "Although value investors would argue that the price paid matters most, growth is what buyers want here.",
    "With the surprise metric, it's important to note that a negative value weakens its predictive power.",
    "It is fair to say that the harbour has never looked better.",
    "Acme Corp has beaten estimates four times. When you combine this with its rank, it shows that another beat is "
    "near. With the surprise metric, it's important to note that a negative value reduces its predictive power; "
    "however, a negative value does not indicate a miss.",
    "The technical summary data tells us to buy Acme near 80.44. The data also tells us to set a stop loss at 80.21.",
    "If you believe the price will move towards its value, a low beta could suggest it will take a while to get there.",
    "Fundamentally, the company looks strong. It leads the market for uniform rental services in Ruritania. Acme has "
    "maintained its position through several acquisitions.",
])
def test_the_writers_advice_hypothesis_or_reading_is_no_quote(text):
    assert said(text) == []


def test_a_bare_attribution_sentence_still_makes_the_sentence_before_a_quote():
    assert said("Prices will rise next year. Tom Lane told reporters.") == [("Prices will rise next year", "Tom Lane")]
    assert said("Prices will rise next year. Acme Corp said.") == [("Prices will rise next year", "Acme Corp")]
    assert said("Why would I side with the yacht club? Tom Lane now calls it a rookie mistake.") == [
        ("Why would I side with the yacht club?", "Tom Lane"), ("a rookie mistake", "Tom Lane")]


def test_a_modal_cue_of_someone_in_particular_stays_their_words():
    assert said("The lawyers said the court should note that the contract had expired.") == [
        ("the court should note that the contract had expired", "lawyers")]
    assert said("Tom Baird would argue that the plan is too costly.") == [("the plan is too costly", "Tom Baird")]
    assert said("The three analysts would argue that the plan is too costly.") == [
        ("the plan is too costly", "analysts")]
    assert said("Ann Lo told us that the bridge would reopen in May.") == [
        ("the bridge would reopen in May", "Ann Lo")]
    assert [speaker for _, speaker in said("The shelling woke them at dawn, one of the women tells me.")] == ["one"]
    assert said("Many of the protesters would say they joined because they cared for others.") == [
        ("they joined because they cared for others", "many")]
    assert [speaker for _, speaker in said("Critics would call the plan a reckless gamble with public money.")] == [
        "critics"]


def test_would_of_a_group_of_people_in_a_narrative_is_their_words():
    # "would" is the past of the future in a story or a trial report: police, witnesses, prosecutors said it
    assert said("Police would say only that a 34-year-old man had been arrested.") == [
        ("only that a 34-year-old man had been arrested", "police")]
    assert said("Witnesses would later tell police that the driver ran a red light.") == [
        ("the driver ran a red light", "witnesses")]
    assert said("At trial, prosecutors would argue that Smith planned the attack for months.") == [
        ("Smith planned the attack for months", "prosecutors")]


def test_an_inference_participle_after_an_act_of_someone_who_can_speak_stays_their_words():
    assert said("Ann Lo struck a conciliatory tone on Friday, suggesting that the talks would go on.") == [
        ("the talks would go on", "Ann Lo")]
    assert said("The ministry sent the forecast to the cities, suggesting they issue alerts early.") == [
        ("they issue alerts early", "ministry")]
    assert said("Asked about the bill, Price dodged the question and turned to costs, suggesting that premiums "
                "were rising.") == [("premiums were rising", "Price")]


def test_the_object_of_a_preposition_before_a_cue_is_no_speaker():
    text = 'Ben Alder answered the remarks on illegal immigration by tweeting, "I cannot tell you how scared I am."'
    assert said(text) == [("I cannot tell you how scared I am", "Ben Alder")]



def test_a_bare_someone_under_a_modal_is_the_writers_hypothesis():
    text = ("“The team was ready,” Dale Ortiz said. A cynic might say the players were coached well before the match. "
            "A skeptic could argue that the plan cannot work. A spokesman would later say that the plan had failed.")
    assert [(q["speaker"], q["content"]) for q in extract_items([{"id": "t", "text": text}])[0]["quotes"]] == [
        ("Dale Ortiz", "The team was ready"), ("spokesperson", "the plan had failed")]
