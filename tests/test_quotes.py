"""Quotes on the seed articles: every quote found, with the right canonical speaker.

The rules one by one are tested on sentences written for the purpose in test_quotes_rules.py;
storage, search and the entity page in test_quotes_store.py.
"""
import json

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.extract import extract_items

from .conftest import REUTERS_SEED, SCMP_SEED

CONTRACT_KEYS = {"start", "end", "content", "speaker", "speaker_start", "speaker_end", "cue", "direct"}


def seed_quotes(path, db):
    """The quotes the loader stored for one seed (the body is what the normalizer kept)."""
    source = "reuters" if path == REUTERS_SEED else "scmp"
    return list(db.query("select quotes.* from quotes join articles on articles.id = quotes.article_id "
                         "where articles.source_id = ? order by quotes.start", [source]))


@pytest.fixture(scope="module")
def nlp_db(tmp_path_factory):
    from .conftest import run_load

    db, _ = run_load(tmp_path_factory.mktemp("quotes") / "archive.db", REUTERS_SEED, SCMP_SEED, nlp=True)
    return db


def by_start_of_content(quotes, beginning):
    found = [quote for quote in quotes if quote["content"].startswith(beginning)]
    assert len(found) == 1, f"{beginning!r} in {[q['content'][:40] for q in quotes]}"
    return found[0]


# (start of the content, canonical speaker, speaker as written, cue)
REUTERS_QUOTES = [
    ("Today s sanctions target the North Korean military", "Steven Mnuchin", "Steven Mnuchin", "said"),
    ("We also are targeting North Korean financial facilitators", "Steven Mnuchin", "Steven Mnuchin", None),
    ("We are especially concerned with the North Korean military", "U.S. Treasury Department", "the statement", "said"),
    ("Further, the military operates outside of North Korea", "U.S. Treasury Department", "the statement", None),
    ("Ku Sung Sop, the consul general in Shenyang", "U.S. Treasury Department", "The Treasury statement", "charged"),
    ("Ku s case had been raised with China", "Scott Busby", "Scott Busby", "told"),
    ("it was up to China how to react", "Scott Busby", "He", "said"),
    ("China does not approve of countries using their own domestic law", "Geng Shuang", "Geng Shuang", "said"),
    ("We will maintain normal exchanges and cooperation", "Geng Shuang", "he", "told"),
    ("North Korean government violations included extrajudicial killings", "Scott Busby", "Busby", "said"),
    ("the Ch olhyo n Overseas Construction Company", "U.S. Treasury Department", "The Treasury statement", "said"),
    ("Employees of Ch olhyo n are kept in slave-like conditions", "U.S. Treasury Department", "the Treasury statement", "said"),
    ("the External Construction Bureau had operated in Kuwait", "U.S. Treasury Department", "It", "said"),
]

SCMP_QUOTES = [
    ("it had frozen Ku’s US assets", "U.S. Treasury Department", "US Treasury Department", "announced"),
    ("Ku had been involved in the forced repatriation", "U.S. Treasury Department", "It", "said"),
    ("Ku’s case had been raised with China", "Scott Busby", "Scott Busby", "said"),
    ("Beijing has maintained normal communication with Pyongyang", "Geng Shuang", "Geng Shuang", "adding"),
    ("China opposes any nation imposing unilateral sanctions", "Geng Shuang", "Geng", "said"),
    ("China upholds the United Nations Security Council resolutions", "Geng Shuang", "Geng", None),
    ("China was unlikely to expel the North Korean diplomat", "Wang Sheng", "Wang Sheng", "said"),
    ("China will only enforce the sanctions passed by the UN", "Wang Sheng", "Wang", "said"),
    ("But to create an amicable atmosphere before Trump’s visit", "Wang Sheng", "Wang", None),
    ("China would play down the US sanctions", "Sun Xingjie", "Sun Xingjie", "said"),
    ("The sanctions are more of a diplomatic gesture", "Sun Xingjie", "Sun", "said"),
    ("Washington was concerned that the North Korean military", "U.S. Treasury Department", "US Treasury Department",
     "said"),
    ("Further, the military operates outside North Korea", "U.S. Treasury Department", "it", "said"),
    ("the US was committed to a “diplomatic solution” for North Korea", "James Mattis", "Jim Mattis", "said"),
]


@pytest.mark.slow
@pytest.mark.parametrize("beginning, speaker, written, cue", REUTERS_QUOTES)
def test_reuters_seed_quote(nlp_db, beginning, speaker, written, cue):
    quote = by_start_of_content(seed_quotes(REUTERS_SEED, nlp_db), beginning)
    assert (quote["speaker"], quote["speaker_text"], quote["cue"]) == (speaker, written, cue)
    assert quote["direct"] == 0  # the wire copy's quotation marks were stripped: unknown, stored as 0


@pytest.mark.slow
@pytest.mark.parametrize("beginning, speaker, written, cue", SCMP_QUOTES)
def test_scmp_seed_quote(nlp_db, beginning, speaker, written, cue):
    quote = by_start_of_content(seed_quotes(SCMP_SEED, nlp_db), beginning)
    assert (quote["speaker"], quote["speaker_text"], quote["cue"]) == (speaker, written, cue)


@pytest.mark.slow
def test_seed_quotes_are_exactly_these(nlp_db):
    """Nothing else is taken for a quote (the one extra Reuters row is Pyongyang's own claim)."""
    reuters = [q["content"] for q in seed_quotes(REUTERS_SEED, nlp_db)]
    scmp = [q["content"] for q in seed_quotes(SCMP_SEED, nlp_db)]
    assert len(reuters) == len(REUTERS_QUOTES) + 1
    assert any(content.startswith("are aimed at developing weapons") for content in reuters)
    assert len(scmp) == len(SCMP_QUOTES)


@pytest.mark.slow
def test_seed_speakers_are_the_entities_rows(nlp_db):
    """A speaker's entity id is the row the mentions stage stored under that canonical name; the
    Treasury, written "U.S. Treasury" and "US Treasury Department", is one entity in both seeds."""
    rows = list(nlp_db.query("select quotes.speaker, quotes.speaker_entity_id, entities.name from quotes "
                             "left join entities on entities.id = quotes.speaker_entity_id"))
    assert rows and all(row["name"] == row["speaker"] for row in rows)
    treasury = {row["speaker_entity_id"] for row in rows if row["speaker"] == "U.S. Treasury Department"}
    sources = {row["source_id"] for row in nlp_db.query(
        "select distinct source_id from quotes where speaker = 'U.S. Treasury Department'")}
    assert len(treasury) == 1 and sources == {"reuters", "scmp"}


@pytest.mark.slow
def test_seed_roles_as_written(nlp_db):
    quotes = seed_quotes(REUTERS_SEED, nlp_db) + seed_quotes(SCMP_SEED, nlp_db)
    roles = {(q["speaker"], q["speaker_role"]) for q in quotes}
    assert ("Steven Mnuchin", "U.S. Treasury Secretary") in roles
    assert ("Geng Shuang", "Chinese Foreign Ministry spokesman") in roles
    assert ("Geng Shuang", "Chinese foreign ministry spokesman") in roles
    assert ("Scott Busby", "U.S. deputy assistant secretary of state for democracy, human rights and labor") in roles
    assert ("Wang Sheng", "professor of Korean affairs at Jilin University") in roles
    assert ("James Mattis", "US Defence Secretary") in roles


@pytest.mark.slow
def test_seed_direct_flags(nlp_db):
    scmp = seed_quotes(SCMP_SEED, nlp_db)
    assert by_start_of_content(scmp, "China opposes any nation")["direct"] == 1
    assert by_start_of_content(scmp, "China was unlikely to expel")["direct"] == 0


@pytest.mark.slow
def test_stored_offsets_index_the_body(nlp_db):
    for quote in nlp_db.query("select quotes.*, articles.body from quotes join articles on articles.id = article_id"):
        assert quote["body"][quote["start"]:quote["end"]] == quote["content"]
        if quote["speaker_start"] is not None:
            assert quote["body"][quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_text"]


def test_extract_command_emits_quotes_per_contract(tmp_path):
    text = ('“We will not back down,” Maria Lopez said on Monday. “The vote stands.”\n\n'
            'The council met again later.')
    infile = tmp_path / "in.jsonl"
    infile.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(infile)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["id"] == "a1"
    quotes = found["quotes"]
    assert [q["content"] for q in quotes] == ["We will not back down", "The vote stands"]
    for quote in quotes:
        assert CONTRACT_KEYS <= set(quote)
        assert text[quote["start"]:quote["end"]] == quote["content"]
        assert quote["speaker"] == "Maria Lopez" and quote["direct"] == 1
        assert text[quote["speaker_start"]:quote["speaker_end"]] == "Maria Lopez"
    assert [q["cue"] for q in quotes] == ["said", None]


def test_extract_items_uses_mentions_canonical_names():
    """With mention rows from the mentions extractor, speakers take their canonical names."""
    from loader.extract import nlp
    from loader.extract.quotes import extract_quotes

    text = "Officials met on Friday. Lopez said the vote stands."
    doc = next(nlp.parse([text]))
    start = text.index("Lopez")
    mentions = [{"start": start, "end": start + 5, "text": "Lopez", "type": "PERSON", "entity": "Maria Lopez Garcia"}]
    quotes = extract_quotes({"id": "x", "text": text}, doc, {"mentions": mentions})["quotes"]
    assert [(q["speaker"], q["speaker_text"], q["content"]) for q in quotes] == [
        ("Maria Lopez Garcia", "Lopez", "the vote stands")]


def test_extract_items_keeps_order_and_empty_articles():
    found = extract_items([{"id": "1", "text": "No one spoke."}, {"id": "2", "text": "Ann Lee said it rained."}])
    assert [item["id"] for item in found] == ["1", "2"]
    assert found[0]["quotes"] == []
    assert [q["speaker"] for q in found[1]["quotes"]] == ["Ann Lee"]
