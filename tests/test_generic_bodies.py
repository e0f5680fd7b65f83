"""A bare noun of a kind of body ("the Army", "Parliament", "the Opposition") joined to one country's or one party's
body across articles (store/entities.py): it stays that body only in articles that lie in its country or write its
name; elsewhere it is the noun's own row."""
import json

import pytest

from loader.store.entities import entity_id
from tests.test_short_form_evidence import article_of, merged, place, save_tagged, where_written, write

WORLD = [{"id": 30, "name": "United States", "feature_code": "PCLI", "country_code": "US", "admin1": "00"},
         {"id": 31, "name": "Manchester", "feature_code": "PPLA2", "country_code": "GB", "admin1": "ENG"},
         {"id": 32, "name": "Wellington", "feature_code": "PPLC", "country_code": "NZ", "admin1": "G2"},
         {"id": 33, "name": "Colombo", "feature_code": "PPLC", "country_code": "LK", "admin1": "36"},
         {"id": 34, "name": "Winnipeg", "feature_code": "PPLA", "country_code": "CA", "admin1": "03"},
         {"id": 35, "name": "Valletta", "feature_code": "PPLC", "country_code": "MT", "admin1": "60"},
         {"id": 36, "name": "New Delhi", "feature_code": "PPLC", "country_code": "IN", "admin1": "07"},
         {"id": 37, "name": "Moscow", "feature_code": "PPLC", "country_code": "RU", "admin1": "48"}]

SAS = "An SAS sergeant who served in the Army for 20 years died in Manchester, a Ministry of Defence spokesman said."
UNPLACED_ARMY = "Soldiers said the Army would pay for the repairs to the barracks."
UNPLACED_US_ARMY = "U.S. soldiers said the Army would pay for the repairs to the barracks."


@pytest.mark.parametrize("foreign_stories, unplaced_joins", [(7, False), (0, True)])
def test_a_bare_army_is_the_us_army_only_in_articles_of_the_united_states(load_into, tmp_path, foreign_stories,
                                                                         unplaced_joins):
    """ "Army" joins the U.S. Army of the American stories; the Manchester story's Army is Britain's. A story no place
    locates is the U.S. Army's only in an archive whose located stories mostly lie in the United States: not with seven
    more stories from Wellington (six of fourteen), but with none (six of seven); or when it writes "U.S."."""
    tagged = ([(f"The U.S. Army opened a base in Texas on day {n}.", ["U.S. Army"]) for n in range(2)]
              + [(f"The Army trained recruits in Texas on day {n}.", ["Army"]) for n in range(4)]
              + [(SAS, ["Army", ("Ministry of Defence", "ORG")]), (UNPLACED_ARMY, ["Army"]),
                 (UNPLACED_US_ARMY, ["Army"])])
    others = [f"Rain fell in Wellington on day {n}." for n in range(foreign_stories)]
    db, _ = load_into(write(tmp_path, "army.json", [text for text, _ in tagged] + others))
    place(db, [(text, [30]) for text, _ in tagged[:6]] + [(SAS, [31])] + [(text, [32]) for text in others], WORLD)
    save_tagged(db, tagged)
    assert merged(db)["Army"] == "U.S. Army"
    us_army, army = entity_id("U.S. Army", "ORG"), entity_id("Army", "ORG")
    assert where_written(db, "Army") == {**{article_of(db, text): us_army for text, _ in tagged[2:6]},
                                         article_of(db, SAS): army,
                                         article_of(db, UNPLACED_ARMY): us_army if unplaced_joins else army,
                                         article_of(db, UNPLACED_US_ARMY): us_army}


def test_a_bare_parliament_is_a_countrys_parliament_by_the_gazetteer_only_in_its_articles(load_into, tmp_path):
    """ "Maltese Parliament": no article resolves Malta, but the gazetteer knows the nationality's country. "Parliament"
    joins it in the Valletta stories, not in the Wellington one."""
    tagged = ([(f"The Maltese Parliament sat in Valletta on day {n}.", ["Maltese Parliament"]) for n in range(2)]
              + [(f"Parliament voted in Valletta on day {n}.", ["Parliament"]) for n in range(3)]
              + [("Parliament voted in Wellington to raise the levy.", ["Parliament"])])
    db, _ = load_into(write(tmp_path, "parliament.json", [text for text, _ in tagged]))
    place(db, [(text, [32 if "Wellington" in text else 35]) for text, _ in tagged], WORLD)
    db.execute("update locations set text = 'Valletta'")  # the articles write no "Malta"
    save_tagged(db, tagged)
    assert merged(db)["Parliament"] == "Maltese Parliament"
    assert where_written(db, "Parliament") == {
        **{article_of(db, text): entity_id("Maltese Parliament", "ORG") for text, _ in tagged[2:5]},
        article_of(db, tagged[5][0]): entity_id("Parliament", "ORG")}


def test_a_bare_opposition_is_one_alliance_only_in_articles_that_name_it(load_into, tmp_path):
    """ "Joint Opposition" is one alliance, not every country's opposition: the noun joins it only in the articles
    that write its name, not in a Colombo story that does not, nor in the Winnipeg, Valletta or unplaced ones, though
    an article of the alliance lies in Canada too."""
    tagged = ([(f"The Joint Opposition rallied in Colombo on day {n}. The Opposition walked out; the opposition was "
                f"angry.", ["Joint Opposition", "Opposition"]) for n in range(2)]
              + [("The Joint Opposition met Canadian envoys in Colombo and Winnipeg.", ["Joint Opposition"]),
                 ("The Opposition leader in Colombo walked out; the opposition was angry.", ["Opposition"]),
                 ("The Opposition in Winnipeg asked about the budget; the opposition was angry.", ["Opposition"]),
                 ("The Opposition in Valletta walked out; the opposition was angry.", ["Opposition"]),
                 ("The Opposition walked out of the chamber; the opposition was angry.", ["Opposition"])])
    db, _ = load_into(write(tmp_path, "opposition.json", [text for text, _ in tagged]))
    located = [[33], [33], [33, 34], [33], [34], [35], []]
    place(db, [(text, ids) for (text, _), ids in zip(tagged, located) if ids], WORLD)
    save_tagged(db, tagged)
    assert merged(db)["Opposition"] == "Joint Opposition"
    alliance, opposition = entity_id("Joint Opposition", "ORG"), entity_id("Opposition", "ORG")
    assert where_written(db, "Opposition") == {**{article_of(db, text): alliance for text, _ in tagged[:2]},
                                               **{article_of(db, text): opposition for text, _ in tagged[3:]}}
    aliases = db.execute("select aliases from entities where id = ?", [alliance]).fetchone()[0]
    assert json.loads(aliases) == ["Opposition"]  # written beside the full name in two articles


def test_a_common_noun_joined_to_a_places_paper_stays_apart_in_another_countrys_article(load_into, tmp_path):
    """ "Post" joins the Wellington Post in the stories that write both; in the Manchester story "the Post" is
    another paper (the archive writes "post" in lower case too, so it is a common noun, not a name)."""
    manchester = "The Post said in Manchester that the post was late again."
    tagged = ([(f"The Wellington Post said on day {n} that the post was late. The Post added more.",
                ["Wellington Post", "Post"]) for n in range(2)]
              + [(manchester, ["Post"])])
    db, _ = load_into(write(tmp_path, "post.json", [text for text, _ in tagged]))
    place(db, [(tagged[0][0], [32]), (tagged[1][0], [32]), (manchester, [31])], WORLD)
    db.execute("update locations set text = 'Wellington' where place_id = 32")
    save_tagged(db, tagged)
    assert merged(db)["Post"] == "Wellington Post"
    assert where_written(db, "Post") == {**{article_of(db, text): entity_id("Wellington Post", "ORG")
                                            for text, _ in tagged[:2]},
                                         article_of(db, manchester): entity_id("Post", "ORG")}


def test_a_country_named_in_passing_does_not_make_its_body_of_a_bare_noun(load_into, tmp_path):
    """ "Congress" joins the U.S. Congress in American stories and in a story of Moscow's ties with Washington that
    names Russian places three times and American ones twice; not in a story of six Indian places and one American
    (the Indian party), though the article's places lie in the United States too."""
    india = "Congress won the vote in New Delhi, a week after the leader flew home from Washington."
    russia = "Congress will ask Moscow about the hacking; Washington and Moscow disagree, Moscow said."
    tagged = ([(f"The U.S. Congress met in Washington on day {n}.", ["U.S. Congress"]) for n in range(2)]
              + [(f"Congress passed the budget in Washington on day {n}.", ["Congress"]) for n in range(3)]
              + [(india, ["Congress"]), (russia, ["Congress"])])
    db, _ = load_into(write(tmp_path, "congress.json", [text for text, _ in tagged]))
    place(db, [(text, [30]) for text, _ in tagged[:5]] + [(india, [36] * 6 + [30]), (russia, [37] * 3 + [30] * 2)],
          WORLD)
    save_tagged(db, tagged)
    assert merged(db)["Congress"] == "U.S. Congress"
    us_congress = entity_id("U.S. Congress", "ORG")
    assert where_written(db, "Congress") == {**{article_of(db, text): us_congress for text, _ in tagged[2:5]},
                                             article_of(db, india): entity_id("Congress", "ORG"),
                                             article_of(db, russia): us_congress}
