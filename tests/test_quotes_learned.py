"""The learned pass over the quote rules (loader/extract/quotes/learned.py), driven by small models
written here, on sentences written for these tests: what a model adds, what it drops, and that
without a model extraction is the rules alone."""
import json

import pytest

from loader.extract import extract_items
from loader.extract.quotes import learned

POSITED = "Ruth Okafor posited that the new bridge would never open on time."


def write_model(path, keep_weights=None, propose_weights=None, keep_bias=5.0, propose_bias=-5.0):
    model = {"keep": {"threshold": 0.4, "bias": keep_bias, "weights": keep_weights or {}},
             "propose": {"threshold": 0.4, "bias": propose_bias, "weights": propose_weights or {}}}
    path.write_text("# a model written for the tests\n" + json.dumps(model), encoding="utf-8")
    return path


@pytest.fixture
def use_model(monkeypatch):
    def use(path):
        monkeypatch.setenv(learned.MODEL_VARIABLE, str(path))
        learned.load_model.cache_clear()
    yield use
    learned.load_model.cache_clear()


def found(text):
    quotes = extract_items([{"id": "t", "text": text}])[0]["quotes"]
    return [(q["content"], q["speaker"], q["cue"], q["rule"]) for q in quotes]


def test_a_cue_outside_the_lexicon_gives_no_quote_to_the_rules(use_model):
    use_model("none")
    assert found(POSITED) == []


def test_a_proposal_the_model_accepts_is_a_quote_named_learned(use_model, tmp_path):
    use_model(write_model(tmp_path / "m.json", propose_weights={"lemma=posit": 10.0}))
    assert found(POSITED) == [("the new bridge would never open on time", "Ruth Okafor", "posited", "learned")]


def test_a_proposal_below_the_threshold_is_left_out(use_model, tmp_path):
    use_model(write_model(tmp_path / "m.json", propose_weights={"lemma=posit": 4.0}))
    assert found(POSITED) == []


def test_the_rest_of_the_sentence_after_a_verb_without_a_clause(use_model, tmp_path):
    use_model(write_model(tmp_path / "m.json", propose_weights={"shape=rest": 10.0}))
    text = "Ruth Okafor posited on Monday a bridge of steel and glass across the bay."
    assert found(text) == [("a bridge of steel and glass across the bay", "Ruth Okafor", "posited", "learned")]


def test_the_model_drops_a_rule_quote_it_doubts(use_model, tmp_path):
    text = "“The bridge opens in May,” Ruth Okafor said. The mayor said the toll would be two dollars."
    use_model(write_model(tmp_path / "m.json", keep_weights={"shape=rule:reported": -10.0}))
    assert found(text) == [("The bridge opens in May", "Ruth Okafor", "said", "direct")]


def test_a_model_that_doubts_nothing_changes_nothing(use_model, tmp_path):
    text = "“The bridge opens in May,” Ruth Okafor said. The mayor said the toll would be two dollars."
    use_model("none")
    rules = found(text)
    use_model(write_model(tmp_path / "m.json"))
    assert found(text) == rules == [("The bridge opens in May", "Ruth Okafor", "said", "direct"),
                                    ("the toll would be two dollars", "mayor", "said", "reported")]


def test_every_quote_names_the_rule_that_found_it(use_model):
    use_model("none")
    text = "“We will rebuild the bridge this year,” Ruth Okafor said. “It will be finished by May.”"
    assert [rule for *_, rule in found(text)] == ["direct", "continuation"]


def test_the_model_file_is_read_past_its_header(tmp_path):
    path = write_model(tmp_path / "m.json", propose_weights={"lemma=posit": 1.5})
    model = learned.load_model(str(path))
    assert model["propose"]["weights"] == {"lemma=posit": 1.5} and model["keep"]["bias"] == 5.0
    assert learned.probability(model["propose"], ["lemma=posit", "unknown"]) == pytest.approx(0.02931, abs=1e-5)


ORPHANED = ("“We will rebuild the bridge this year,” Ruth Okafor said.\n\n"
            "The council met on Monday to discuss the budget for the project.\n\n"
            "“It will be finished by May and it will carry four lanes.”")


def test_an_orphan_quote_is_dropped_by_the_rules(use_model):
    use_model("none")
    assert [content for content, *_ in found(ORPHANED)] == ["We will rebuild the bridge this year"]


def test_the_model_gives_an_orphan_quote_the_speaker_before_it(use_model, tmp_path):
    path = write_model(tmp_path / "m.json")
    model = json.loads(path.read_text(encoding="utf-8").split("\n", 1)[1])
    model["attach"] = {"threshold": 0.4, "bias": -5.0, "weights": {"side=before": 10.0, "side=after": -10.0}}
    path.write_text(json.dumps(model), encoding="utf-8")
    use_model(path)
    assert found(ORPHANED)[1:] == [("It will be finished by May and it will carry four lanes", "Ruth Okafor", None,
                                    "attached")]
