"""Page chrome inside article text: share rows and promos leave the body, credit lines move to credits."""
import json

import pytest

from loader.model import Record
from loader.normalize import normalize
from loader.normalize.chrome import chrome_cuts, strip_chrome

SHARE_ROW = "Send Facebook Twitter Google+ Whatsapp Tumblr linkedin reddit Permalink http://example.org/p/3XyZ"


def _record(body: str) -> Record:
    return Record("site.json", 1, "json", fields={"title": "Harbour bridge reopens", "body": body})


def test_a_share_row_between_two_parts_of_a_story_becomes_a_paragraph_break():
    body, credits = strip_chrome([f"The bridge reopened on Monday. {SHARE_ROW} Traffic was light at first."])
    assert (body, credits) == (["The bridge reopened on Monday.", "Traffic was light at first."], [])


def test_prose_naming_social_networks_keeps_them():
    text = ("She posted the video on Facebook, Twitter and Instagram. Followers shared it on Twitter and "
            "Facebook within minutes.")
    assert strip_chrome([text]) == ([text], [])


def test_three_share_words_are_not_a_share_row():
    text = "Fans can share Facebook Twitter posts about the match."
    assert chrome_cuts(text) == []


def test_a_lone_permalink_goes():
    assert strip_chrome(["Rain is due on Friday. Permalink https://example.org/p/7Q"]) == (
        ["Rain is due on Friday."], [])


def test_agency_codes_after_a_share_row_move_to_credits():
    body, credits = strip_chrome([f"Talks resume on Friday. {SHARE_ROW} ab/cd (AFP, Reuters, dpa)"])
    assert (body, credits) == (["Talks resume on Friday."], ["ab/cd (AFP, Reuters, dpa)"])


def test_agency_codes_before_a_share_row_move_to_credits_and_the_story_goes_on():
    text = f"The vote is in May. xy/zz-(AP, Reuters) {SHARE_ROW} Opposition parties reacted."
    assert strip_chrome([text]) == (["The vote is in May.", "Opposition parties reacted."], ["xy/zz-(AP, Reuters)"])


def test_a_source_line_and_a_damaged_separator_become_a_clean_credit():
    body, credits = strip_chrome(['"We will stay," she said. Source:-Harbour Times and news agencies'])
    assert (body, credits) == (['"We will stay," she said.'], ["Source: Harbour Times and news agencies"])


def test_contact_and_follow_lines_move_to_credits():
    body, credits = strip_chrome(['The mill closes in June. "?Follow Ann Berry on Twitter at https://social.example/ab'])
    assert (body, credits) == (["The mill closes in June. \"?"], ["Follow Ann Berry on Twitter at https://social.example/ab"])
    body, credits = strip_chrome(["The mill closes in June. Contact the writer at ann.berry@paper.example"])
    assert (body, credits) == (["The mill closes in June."], ["Contact the writer at ann.berry@paper.example"])


def test_an_author_label_and_a_wire_credit_run_into_the_text_move_to_credits():
    body, credits = strip_chrome(["The race starts at noon. (Reporting by Jo Bloggs; Editing by Sam Doe)"])
    assert (body, credits) == (["The race starts at noon."], ["Reporting by Jo Bloggs; Editing by Sam Doe"])
    body, credits = strip_chrome(["The race starts at noon. Author: Kim Vale ab/cd (AP)"])
    assert (body, credits) == (["The race starts at noon."], ["Author: Kim Vale", "ab/cd (AP)"])


def test_a_promo_chain_at_the_end_goes_with_the_questions_to_the_reader():
    text = ("The council meets again in April. Do you have a tip you want to share with our desk? Here's how. "
            "Share this slide: How will the new budget affect YOU? Subscribe and we'll send you the news that "
            "matters once a week. Learn more")
    assert strip_chrome([text]) == (["The council meets again in April."], [])


def test_a_question_of_the_story_before_a_promo_stays():
    text = ('"Can you imagine what it is like?" she asked. Why did the council wait? It gave no reason. '
            "Get our weekly digest delivered to your inbox. Learn more")
    assert strip_chrome([text]) == (['"Can you imagine what it is like?" she asked. Why did the council wait? '
                                     "It gave no reason."], [])


def test_a_newsletter_pitch_ending_the_text_goes_without_a_call_to_action():
    text = "The show airs on Sunday. For more stories like this, sign up for our Weekend newsletter."
    assert strip_chrome([text]) == (["The show airs on Sunday."], [])


def test_learn_more_inside_a_sentence_stays():
    text = "Visitors can learn more at the museum. Learn more about the exhibits, the guide said."
    assert strip_chrome([text]) == ([text], [])


def test_a_share_label_in_the_middle_goes():
    assert strip_chrome(["The zoo opened a new wing. Share this slide: Visitors queued for hours."]) == (
        ["The zoo opened a new wing. Visitors queued for hours."], [])


def test_credits_are_only_taken_from_the_last_paragraph():
    paragraphs = ["Source: Harbour Times", "The ferry sails again on Monday."]
    assert strip_chrome(paragraphs) == (paragraphs, [])


def test_normalize_stores_the_body_without_chrome_and_keeps_the_credits():
    article, _ = normalize(_record(f"The bridge reopened on Monday, officials said. {SHARE_ROW} Traffic was light. "
                                   "ab/cd (AFP, dpa)"))
    assert article.body == "The bridge reopened on Monday, officials said.\n\nTraffic was light."
    assert article.credits == "ab/cd (AFP, dpa)"


def test_normalize_keeps_wire_credit_paragraphs_and_chrome_credits_in_order():
    article, _ = normalize(_record("The bridge reopened on Monday.\n\n(Reporting by Jo Bloggs)\n\nSource: Harbour Times"))
    assert article.body == "The bridge reopened on Monday."
    assert article.credits == "Reporting by Jo Bloggs; Source: Harbour Times"


def test_a_loaded_archive_holds_no_chrome_and_every_annotation_indexes_the_stored_body(load_into, tmp_path):
    records = [{"title": "Harbour bridge reopens", "url": "https://news.example/a/1",
                "body": f"Mayor Ines Kowalczyk reopened the Harbour Bridge in Gdansk on Monday. {SHARE_ROW} "
                        '"Traffic will flow again," Kowalczyk told reporters. ab/cd (AFP, Reuters)'},
               {"title": "Ferry strike ends", "url": "https://news.example/a/2",
                "body": "The ferry strike in Tallinn ended on Friday, the union said. Do you have a tip for our "
                        "desk? Here's how. How will the strike affect you? Learn more"},
               {"title": "Port fees rise", "url": "https://news.example/a/3",
                "body": "GDANSK, March 3. /NTB/. Port fees in Gdansk will rise in May. READ MORE: Ferry strike in "
                        "Tallinn ends after two weeks The new fees apply to cargo ships. Source: Harbour Times and agencies"}]
    path = tmp_path / "site.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    bodies = dict(db.execute("select id, body from articles").fetchall())
    assert sorted(bodies.values()) == [
        'Mayor Ines Kowalczyk reopened the Harbour Bridge in Gdansk on Monday.\n\n"Traffic will flow again," '
        "Kowalczyk told reporters.",
        "Port fees in Gdansk will rise in May. The new fees apply to cargo ships.",
        "The ferry strike in Tallinn ended on Friday, the union said."]
    assert db.execute("select credits from articles where url like '%/1'").fetchone()[0] == "ab/cd (AFP, Reuters)"
    assert db.execute("select dateline, credits from articles where url like '%/3'").fetchone() == \
        ("GDANSK", "Source: Harbour Times and agencies")
    assert sorted(db.execute("select name, source_id from article_credits").fetchall()) == [
        ("AFP", "afp"), ("Harbour Times", None), ("Reuters", "reuters")]
    assert db.execute("select count(*) from locations where is_dateline = 1").fetchone()[0] == 1
    mentions = db.execute("select article_id, text, start, end from mentions").fetchall()
    assert mentions and all(bodies[a][s:e] == text for a, text, s, e in mentions)
    assert not {text for _, text, _, _ in mentions} & {"Digg", "Twitter", "Facebook", "AFP", "Reuters", "GDANSK",
                                                        "NTB", "Harbour Times"}
    assert "Tallinn" not in {text for a, text, _, _ in mentions if "Port fees" in bodies[a]}
    quotes = db.execute("select article_id, content, start, end from quotes").fetchall()
    assert sorted((content, bodies[a][s:e] == content) for a, content, s, e in quotes) == [
        ("The ferry strike in Tallinn ended on Friday", True), ("Traffic will flow again", True)]
    _, again = load_into(path, nlp=True)
    assert (again.counts["inserted"], again.counts["updated"], again.counts["unchanged"]) == (0, 0, 3)


@pytest.mark.parametrize("text, body, credits", [
    ("Exports rose 4 percent, he says. jo.lee@paper.example (Paper Weekly Edition 03/14/2017 page12)",
     "Exports rose 4 percent, he says.", ["jo.lee@paper.example", "Paper Weekly Edition 03/14/2017 page12"]),
    ("Crowds watched the parade. Kim Vale / For Harbour Daily (Harbour Weekly 01/06/2017 page3)",
     "Crowds watched the parade.", ["Kim Vale / For Harbour Daily", "Harbour Weekly 01/06/2017 page3"]),
    ("Cities must plan for heat. The views expressed here are the author's own and do not necessarily reflect "
     "Harbour Daily's policy.", "Cities must plan for heat.",
     ["The views expressed here are the author's own and do not necessarily reflect Harbour Daily's policy."]),
])
def test_credits_closing_the_text_move_to_credits(text, body, credits):
    assert strip_chrome([text]) == ([body], credits)


@pytest.mark.parametrize("text", [
    "Source: the port authority, which counts ships. Where can ships dock?",  # a sentence follows the source
    "Readers can write to the panel at panel@city.example.",  # an e-mail ending a sentence of the story
    "The ratio of debt / GDP rose. Sales and Marketing / Operations Director Kim Vale left.",
    "The views of the board do not necessarily reflect a vote, she said.",  # not at the start of a sentence
])
def test_text_of_the_story_that_looks_like_a_credit_stays(text):
    assert strip_chrome([text]) == ([text], [])


@pytest.mark.parametrize("link, story", [
    # a headline in sentence case, then the story's next sentence opening with "The"
    ("READ MORE: Harbour town braces for winter storms", "The ferry stopped running on Friday."),
    # the headline ends at a question mark
    ("WATCH: Can the old ferry survive another winter?", "Its owners say it can."),
    # a proper noun after a lower-case word opens the story's sentence
    ("READ MORE: Fishermen protest new quota rules", "Pelham Harbour was quiet on Sunday."),
    # a quotation opens the story's sentence
    ("RELATED: Ferry crew 'exhausted' after rescue", '"We did what we could," the captain said.'),
    # a headline in title case, then a name and a verb
    ("Read: Ten Things to Know About the Harbour Bridge Vote", "Councillors meet again on Monday."),
    # links to web addresses
    ("More: https://example.org/a/1 https://example.org/a/2", "The ferry resumed on Monday."),
    # a capital after two words is still the headline's: the end is the next capital after a lower-case word
    ("READ MORE: Pelham seeks Coast Guard help over ferry fire", "Kim Vale, the mayor, spoke on Monday."),
    # … unless no other end comes before a full stop
    ("WATCH: Quiet harbour", "Kim Vale, the mayor, spoke on Monday."),
])
def test_a_link_to_another_story_leaves_the_body(link, story):
    body = f"The harbour bridge reopened on Monday. {link} {story}"
    assert strip_chrome([body]) == ([f"The harbour bridge reopened on Monday. {story}"], [])


def test_a_link_closing_the_text_leaves_it():
    assert strip_chrome(["The bridge reopened. READ MORE: Harbour town braces for winter storms"]) == \
        (["The bridge reopened."], [])


@pytest.mark.parametrize("text", [
    # prose that reads a sign or names a body ending in Watch
    'The banner read: "Keep the ferry running." Most people agreed.',
    "The report came from Harbour Watch: it found three faults. The council said it would act.",
    # a label whose headline's end cannot be told before a full stop stays, with its headline
    "The bridge reopened. READ MORE: Storms in Pelham Harbour Council meets on Monday.",
])
def test_text_that_is_no_link_or_whose_headline_cannot_be_told_stays(text):
    assert strip_chrome([text]) == ([text], [])


@pytest.mark.parametrize("closing", [
    # a newsletter described to the reader, a damaged quote mark inside
    'Harbour Weekly is your guide to the coast "?sent right to your inbox every Friday.',
    "Harbour Weekly is a newsletter that will make you love the sea.",
    # invitations to contact or follow the newsroom
    "Email tips@harbour.example with your stories. Please include a contact number if you are happy to talk to "
    "us. You can also contact us in the following ways: Phone: 555 0100",
    "Follow us on Facebook, on Twitter @harbournews, or on Instagram at harbournews. If you have a story "
    "suggestion email the desk.",
])
def test_closing_promos_leave_the_body(closing):
    assert strip_chrome([f"The harbour bridge reopened on Monday. {closing}"]) == \
        (["The harbour bridge reopened on Monday."], [])


def test_a_republished_storys_origin_moves_to_credits():
    text = ("The bridge reopened on Monday. Kim Vale, Lecturer, Pelham University This article was originally "
            "published on The Harbour Review. Read the original article.")
    assert strip_chrome([text]) == (["The bridge reopened on Monday. Kim Vale, Lecturer, Pelham University"],
                                    ["This article was originally published on The Harbour Review."])


@pytest.mark.parametrize("credit, after", [
    ("Kim Vale / For Harbour Daily", "He said the bridge would reopen."),
    ("Kim Vale / Harbour News Service", "Traffic returned on Tuesday."),
    ("Kim J.B. Vale / Harbour Daily", "The bridge reopened."),
    ("Kim Vale / For Harbour Daily", "Ines Kowalczyk, the mayor, says it will reopen."),
    ("Kim Vale / Example Images", "Ma, who runs the port, agreed."),
])
def test_a_picture_credit_inside_the_text_moves_to_credits(credit, after):
    text = f"Workers paint the bridge in Pelham on Jan 9. {credit} {after}"
    assert strip_chrome([text]) == ([f"Workers paint the bridge in Pelham on Jan 9. {after}"], [credit])


def test_an_embedded_posts_signature_and_a_players_placeholder_leave_the_body():
    text = ('The ferry is back in service pic.twitter.com/AbC123xyz "?Harbour News (@harbournews) March 3, 2017 '
            "Media playback is not supported on this device Passengers were pleased.")
    assert strip_chrome([text]) == (["The ferry is back in service Passengers were pleased."], [])


def test_prose_with_a_slash_keeps_it():
    text = "The route runs Pelham / Harbour Town twice a day. Tickets cost $4."
    assert strip_chrome([text]) == ([text], [])
