"""A town the model takes for a person in a story of the town's region (loader/extract/mentions.py,
_towns_of_the_articles_region): sentences written for these tests. Where the model types a sentence right by itself,
the rule is tested on the parsed sentence with the model's slip put into the mention by hand."""
from loader.extract.mentions import _towns_of_the_articles_region
from loader.extract.nlp import get_nlp
from tests.test_person_typing import mention, typed


def retyped(text: str, *names: tuple[str, str, int]) -> list[str]:
    doc = get_nlp()(text)
    mentions = [mention(doc, name, kind, nth) for name, kind, nth in names]
    _towns_of_the_articles_region(doc, mentions)
    return [m.type for m in mentions]


def test_towns_listed_after_a_preposition_in_a_story_of_their_state_are_the_towns():
    assert typed("Motorists should avoid the road between the Old Coast Road and Robertson, police in New South Wales "
                 "said on Sunday.") == [[("Old Coast Road", "LOC"), ("Robertson", "GPE"), ("New South Wales", "LOC")]]
    assert retyped("Roads were closed in Jackson and Vicksburg on Monday, Mississippi officials said.",
                   ("Jackson", "PERSON", 0), ("Vicksburg", "GPE", 0), ("Mississippi", "GPE", 0)) == [
        "GPE", "GPE", "GPE"]


def test_every_mention_of_the_name_follows_a_mention_typed_as_the_town():
    text = "Roads were closed in Jackson on Monday. Crews reached Jackson by noon, Mississippi officials said."
    assert retyped(text, ("Jackson", "GPE", 0), ("Jackson", "PERSON", 1), ("Mississippi", "GPE", 0)) == [
        "GPE", "GPE", "GPE"]


def test_without_the_towns_state_a_preposition_is_no_proof():
    assert retyped("Roads were closed in Jackson and Vicksburg on Monday, officials said.",
                   ("Jackson", "PERSON", 0), ("Vicksburg", "GPE", 0)) == ["PERSON", "GPE"]
    assert retyped("Roads were closed in Jackson and Vicksburg on Monday, Texas officials said.",
                   ("Jackson", "PERSON", 0), ("Vicksburg", "GPE", 0), ("Texas", "GPE", 0)) == ["PERSON", "GPE", "GPE"]


def test_a_name_written_as_a_person_anywhere_in_the_article_stays_a_person():
    assert typed("The Clinton administration had funded the lab near Boston, Massachusetts.",
                 "Voters in Ohio backed Clinton in the primary.") == [
        [("Clinton", "PERSON"), ("Boston", "GPE"), ("Massachusetts", "GPE")], [("Ohio", "GPE"), ("Clinton", "PERSON")]]
    text = "Jackson said roads were closed in Jackson on Monday, Mississippi officials said."
    assert retyped(text, ("Jackson", "PERSON", 0), ("Jackson", "PERSON", 1), ("Mississippi", "GPE", 0)) == [
        "PERSON", "PERSON", "GPE"]
    # Two names that are both towns of the state, listed after "between": a race as likely as a road.
    text = "The race between Warren and Clinton tightened in Boston, Massachusetts."
    assert retyped(text, ("Warren", "PERSON", 0), ("Clinton", "PERSON", 0), ("Boston", "GPE", 0),
                   ("Massachusetts", "GPE", 0)) == ["PERSON", "PERSON", "GPE", "GPE"]
