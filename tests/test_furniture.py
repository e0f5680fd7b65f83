"""Page furniture between an article's paragraphs leaves the body; a paragraph cut in mid-sentence is joined."""
from loader.model import Record
from loader.normalize import normalize
from loader.normalize.furniture import drop_furniture, is_furniture, rejoin


def _article(*paragraphs: str):
    record = Record("site.json", 1, "json", fields={"title": "Ferry service returns", "body": "\n\n".join(paragraphs)})
    return normalize(record)[0]


def test_widget_words_and_labelled_slots_leave_the_body():
    article = _article("The ferry returned to the harbour on Monday.", "ADVERTISEMENT", "Sponsored Links HARBOURTON |",
                       "Most Viewed", "Posted!", "A link has been posted to your Facebook feed.",
                       "Passengers cheered as it docked.")
    assert article.body == "The ferry returned to the harbour on Monday.\n\nPassengers cheered as it docked."


def test_a_subheading_and_a_sentence_naming_a_widget_stay():
    paragraphs = ["Close to home", "The advertisement ran for a week.", "Related stories were printed later."]
    assert drop_furniture(paragraphs) == (paragraphs, [], None)


def test_an_upper_case_label_linking_another_story_goes_but_an_interview_line_stays():
    assert is_furniture("PHOTOS: Harbour town's new ferry in pictures")
    assert is_furniture("MORE FERRIES: Islanders vote on a second boat")
    assert not is_furniture("Q: Favourite place on the island")
    assert not is_furniture("MAYOR: We will run the ferry every hour.")


def test_a_paragraph_cut_in_mid_sentence_is_joined():
    assert rejoin(["The ferry carried more than two hundred people across the", "bay on its first day, the",
                   "operator said.", "next - the following stop"]) == [
        "The ferry carried more than two hundred people across the bay on its first day, the operator said.",
        "next - the following stop"]


def test_a_list_item_or_a_short_heading_is_not_joined():
    paragraphs = ["Terms used in the timetable", "dep: the time the ferry leaves", "Fares", "adults pay four pounds."]
    assert rejoin(paragraphs) == paragraphs


def test_a_picture_credit_goes_to_credits_and_the_caption_stays():
    assert drop_furniture(["Image: Kim Vale", "The ferry leaves the harbour at dawn. (Photo: Kim Vale/Example Agency)",
                           "Islanders waited on the pier. Photo by Kim Vale"]) == (
        ["The ferry leaves the harbour at dawn.", "Islanders waited on the pier."],
        ["Image: Kim Vale", "Photo: Kim Vale/Example Agency", "Photo by Kim Vale"], None)


def test_a_lower_case_byline_becomes_the_byline():
    article = _article("by Kim Vale", "The ferry returned to the harbour on Monday.")
    assert (article.body, article.byline) == ("The ferry returned to the harbour on Monday.", "Kim Vale")


def test_a_pull_quote_before_the_sentence_it_repeats_goes():
    article = _article("The operator was pleased.", "“Start Quote",
                       "We will run the ferry every hour from May”", "End Quote Kim Vale Harbour Ferries",
                       "“We will run the ferry every hour from May,” said Kim Vale of Harbour Ferries.")
    assert article.body == ("The operator was pleased.\n\n"
                            "“We will run the ferry every hour from May,” said Kim Vale of Harbour Ferries.")


def test_a_list_item_repeated_far_apart_stays():
    days = ["Monday: the ferry leaves at nine.", "Take the early boat to the island", "Pack a lunch for the day.",
            "Tuesday: the ferry leaves at ten.", "Walk to the lighthouse and back.", "Swim at the north beach.",
            "Wednesday: the ferry leaves at noon.", "Take the early boat to the island"]
    assert drop_furniture(days)[0] == days


def test_a_quotation_set_as_a_subheading_stays():
    paragraphs = ["The operator was pleased.", "‘We will run the ferry every hour’",
                  "“We will run the ferry every hour from May,” said Kim Vale of Harbour Ferries."]
    assert drop_furniture(paragraphs)[0] == paragraphs


def test_a_country_label_subheading_stays():
    assert not is_furniture("USA: Faster boats every year")


def test_the_rest_of_a_metadata_row_goes_but_a_bullet_stays():
    assert is_furniture("HARBOURTON |")
    assert not is_furniture("• Changes to the timetable")


def test_furniture_before_a_wire_dateline_is_no_standfirst():
    record = Record("site.json", 1, "json", fields={"title": "Ferry service returns", "body": (
        "Sponsored Links\n\nHARBOURTON |\n\nHARBOURTON (Reuters) - The ferry returned on Monday.\n\n"
        "comment Send to friend")})
    article = normalize(record)[0]
    assert (article.subtitle, article.dateline, article.body) == (None, "HARBOURTON", "The ferry returned on Monday.")


def test_a_label_alone_is_furniture():
    assert is_furniture("Sponsored Links")


def test_an_empty_paragraph_is_no_furniture_and_costs_nothing():
    assert not is_furniture("") and not is_furniture("   ")
    assert drop_furniture(["GLENMORE (Wire) -", "", "The ferry returned on Monday."]) == (
        ["GLENMORE (Wire) -", "", "The ferry returned on Monday."], [], None)


def test_the_end_of_a_sentence_cut_before_by_is_joined_not_a_byline():
    paragraphs = ["The new wing of the ferry terminal will be finished", "by Christmas Eve", "Islanders cheered."]
    assert drop_furniture(paragraphs) == (
        ["The new wing of the ferry terminal will be finished by Christmas Eve", "Islanders cheered."], [], None)
