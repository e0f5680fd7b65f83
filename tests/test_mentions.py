"""Mentions extraction: clean spans, roles, within-article canonical names, batching over workers."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.cli import cli
from loader.extract import CHUNK_ITEMS, extract_items
from loader.model import Record
from loader.normalize import normalize

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def seed_item(prefix: str) -> dict:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    article, _ = normalize(Record(str(path), "file", "text", text=path.read_text(encoding="utf-8")))
    return {"id": prefix, "text": article.body, "title": article.title,
            "related_headlines": article.related_headlines}


@pytest.fixture(scope="module")
def seeds() -> dict:
    return {found["id"]: found["mentions"] for found in extract_items([seed_item("000"), seed_item("001")])}


def one(text: str) -> list[dict]:
    return extract_items([{"id": "t", "text": text}])[0]["mentions"]


def by_text(mentions: list[dict]) -> dict:
    return {m["text"]: m for m in mentions}


def test_offsets_index_the_text(seeds):
    for prefix, mentions in seeds.items():
        text = seed_item(prefix)["text"]
        assert mentions and all(text[m["start"]:m["end"]] == m["text"] for m in mentions)


def test_spans_lose_the_possessives_and_punctuation():
    mentions = one("The United States said North Korea’s envoy met the Chinese. Later, North Korea s consul left.")
    texts = [m["text"] for m in mentions]
    assert texts.count("North Korea") == 2
    assert "United States" in texts and "Chinese" in texts
    assert not any(t.startswith(("the ", "The ")) or t.endswith(("’s", " s", ".", ",")) for t in texts)


def test_abbreviation_keeps_its_dots():
    mentions = one("Officials in the U.S. said so.")
    assert [m["text"] for m in mentions] == ["U.S."]
    assert mentions[0]["entity"] == "United States"


def test_stripped_apostrophe_surname_is_found_and_resolved(seeds):
    reuters = [m for m in seeds["000"] if m["text"] == "Ku"]
    assert len(reuters) == 1
    assert reuters[0]["entity"] == "Ku Sung Sop" and reuters[0]["type"] == "PERSON"


def test_short_forms_resolve_to_the_full_name_given_earlier(seeds):
    entity_of = {(m["text"], m["entity"]) for m in seeds["000"] + seeds["001"] if m["type"] == "PERSON"}
    assert {("Busby", "Scott Busby"), ("Geng", "Geng Shuang"), ("Ku", "Ku Sung-sop"),
            ("Trump", "Donald Trump")} <= entity_of


def test_surname_tagged_as_organisation_becomes_a_person(seeds):
    scmp = [m for m in seeds["001"] if m["text"] in ("Wang", "Sun", "Trump")]
    assert scmp and all(m["type"] == "PERSON" for m in scmp)
    assert {m["entity"] for m in scmp} == {"Wang Sheng", "Sun Xingjie", "Donald Trump"}


def test_titles_go_to_the_role_not_the_name(seeds):
    roles = {(m["entity"], m["role"]) for m in seeds["000"] + seeds["001"] if m["type"] == "PERSON"}
    assert {("Steven Mnuchin", "U.S. Treasury Secretary"), ("James Mattis", "US Defence Secretary"),
            ("Geng Shuang", "Chinese Foreign Ministry spokesman"),
            ("Geng Shuang", "Chinese foreign ministry spokesman"),
            ("Wang Sheng", "professor of Korean affairs at Jilin University"),
            ("Ku Sung-sop", "North Korea’s consul general in Shenyang")} <= roles


def test_title_words_are_not_organisations(seeds):
    assert "Defence" not in {m["text"] for m in seeds["001"]}


def test_title_inside_the_person_span_is_split_off():
    mentions = by_text(one("Prime Minister John Major met President Reagan in London."))
    assert "John Major" in mentions and mentions["John Major"]["role"] == "Prime Minister"
    assert "Reagan" in mentions and mentions["Reagan"]["type"] == "PERSON"


def test_nickname_takes_the_formal_name_from_a_headline(seeds):
    mattis = [m for m in seeds["001"] if "Mattis" in m["text"]]
    assert [(m["text"], m["entity"]) for m in mattis] == [("Jim Mattis", "James Mattis")]


def test_same_surname_different_people_stay_apart(seeds):
    kims = {m["entity"] for m in seeds["001"] if m["text"].startswith("Kim")}
    assert kims == {"Kim Jong-un", "Kim Min-chol"}


def test_conditional_alias_needs_its_context():
    with_us = by_text(one("The Treasury said the United States would act."))
    without = by_text(one("The Treasury said Australia would act."))
    assert with_us["Treasury"]["entity"] == "U.S. Treasury Department"
    assert without["Treasury"]["entity"] == "Treasury"


def test_sentence_index_counts_from_zero():
    mentions = one("Scott Busby spoke first. Then Angela Merkel spoke in Berlin.")
    assert [(m["text"], m["sentence"]) for m in mentions] == [("Scott Busby", 0), ("Angela Merkel", 1),
                                                              ("Berlin", 1)]


def test_bad_item_gets_an_error_and_the_rest_their_results():
    found = extract_items([{"id": "a", "text": "Angela Merkel spoke."}, {"id": "b", "text": None},
                           {"id": "c", "text": "Paris is big."}])
    assert [f["id"] for f in found] == ["a", "b", "c"]
    assert "error" in found[1] and found[1]["mentions"] == []
    assert found[0]["mentions"][0]["entity"] == "Angela Merkel" and found[2]["mentions"]


@pytest.mark.slow
def test_worker_processes_give_the_same_output_in_the_same_order():
    texts = ["Scott Busby met Angela Merkel in Berlin on {}.", "The U.S. Treasury fined {} firms in Ohio."]
    items = [{"id": str(n), "text": texts[n % 2].format(n)} for n in range(CHUNK_ITEMS * 3 + 5)]
    assert extract_items(items, workers=2) == extract_items(items, workers=1)


def test_cli_extract_emits_canonical_entities(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(seed_item("001")) + "\n", encoding="utf-8")
    output = CliRunner().invoke(cli, ["extract", str(source), "--workers", "1"]).output
    found = json.loads(output.splitlines()[0])
    assert found["id"] == "001"
    assert {"start", "end", "text", "type", "entity"} <= set(found["mentions"][0])
    assert ("Ku", "Ku Sung-sop") in {(m["text"], m["entity"]) for m in found["mentions"]}


def test_acronym_defined_in_brackets_resolves_to_the_full_name():
    mentions = one("The Securities and Exchange Commission (SEC) said on Tuesday that the SEC would act.")
    assert [(m["text"], m["entity"]) for m in mentions] == [
        ("Securities and Exchange Commission", "Securities and Exchange Commission"),
        ("SEC", "Securities and Exchange Commission"), ("SEC", "Securities and Exchange Commission")]


def test_markup_brackets_and_line_breaks_stay_out_of_names():
    mentions = one("Shares of <Hutchison Whampoa Ltd> rose, a Hong\n\nKong broker told Reuter \x03")
    assert ("Hutchison Whampoa Ltd", "Hutchison Whampoa Ltd") in {(m["text"], m["entity"]) for m in mentions}
    assert ("Hong\n\nKong", "Hong Kong") in {(m["text"], m["entity"]) for m in mentions}
    assert "Reuter" in {m["text"] for m in mentions}


def test_a_country_is_not_taken_for_a_first_name():
    mentions = by_text(one("Foreign Minister Israel Katz said Israel would respond. Katz spoke in Jerusalem."))
    assert mentions["Israel Katz"]["type"] == "PERSON" and mentions["Katz"]["entity"] == "Israel Katz"
    assert mentions["Israel"]["type"] == "GPE" and mentions["Israel"]["entity"] == "Israel"


def test_results_table_words_are_no_people():
    table = "Shr 42 cts vs 38 cts\nNet 1.2 mln vs 1.1 mln\nRevs 12.4 mln vs 11.9 mln\nAvg shrs 2.9 mln vs 2.8 mln"
    assert one(table) == []


def test_a_results_line_with_a_figure_and_a_foreign_unit_is_no_name():
    from loader.extract.names import fragment_kind
    assert [fragment_kind(name) for name in ("Div 50 won vs", "Shr 1.20 rand vs", "Div", "Net Holdings",
                                             "Route 66", "Net 1 Cardline Systems")] == [
        "table", "table", "table", None, None, None]


def test_a_name_opening_with_a_roman_numeral_numbers_the_thing_before_it():
    from loader.extract.names import fragment_kind
    assert [fragment_kind(name) for name in ("II and III", "IV and Deskpro", "Pope Pius XII", "Vivendi", "XI JINPING",
                                             "Xi Jinping", "III Corps")] == ["table", "table", None, None, None, None,
                                                                             None]


def test_livestock_report_classes_are_no_people():
    assert one("Heifers 5,000 vs 4,800. Steers 3,200 vs 3,100.") == []


def test_currency_units_are_no_organisations():
    mentions = one("The Bank of Canada cut its rate. The N.Z. Dlrs fell and the U.S. Dollar rose.")
    assert [(m["text"], m["entity"]) for m in mentions] == [("Bank of Canada", "Bank of Canada")]


def test_a_generic_head_noun_alone_refers_back_to_the_organisation():
    mentions = one("The European Commission proposed new quotas. The Commission said farmers would be "
                   "compensated. Harbour Freight Co said it sold its trucks. The Co will close two depots.")
    assert [(m["text"], m["entity"]) for m in mentions] == [
        ("European Commission", "European Commission"), ("Commission", "European Commission"),
        ("Harbour Freight Co", "Harbour Freight Co"), ("Co", "Harbour Freight Co")]


def test_a_generic_head_noun_with_nothing_to_refer_to_is_dropped():
    assert one("The Commission said farmers would be compensated, the Bank said.") == []


def test_state_abbreviations_name_the_state():
    mentions = one("Harbor Freight Corp of Dothan, Ala., said it would close a plant in Fresno, Calif., "
                   "and another in Albany, N.Y.")
    assert [(m["text"], m["entity"]) for m in mentions if m["type"] == "GPE"] == [
        ("Dothan", "Dothan"), ("Ala", "Alabama"), ("Fresno", "Fresno"), ("Calif", "California"),
        ("Albany", "Albany"), ("N.Y.", "New York")]


def test_fragments_of_company_names_are_repaired_or_dropped():
    mentions = one("Standard and Poor's Corp cut the rating. Shares of REED.L rose 5 pct. "
                   "Becor Western Inc said its board approved the merger. Becor said the vote was unanimous.")
    assert [(m["text"], m["type"], m["entity"]) for m in mentions] == [
        ("Standard and Poor's Corp", "ORG", "Standard and Poor's Corp"),
        ("Becor Western Inc", "ORG", "Becor Western Inc"), ("Becor", "ORG", "Becor Western Inc")]


def test_time_zones_are_no_organisations():
    mentions = one("Trading in Chicago stopped at 1430 GMT and resumed at 9 EDT, the Midland Grain Exchange said.")
    assert [m["text"] for m in mentions if m["type"] in ("ORG", "PERSON")] == ["Midland Grain Exchange"]


def test_a_title_after_a_name_is_no_place():
    mentions = one("Investors may contact Laura Finch, Esq., of the Finch Law Firm, or Tom Reyes, Esq. The firm "
                   "said the case was filed in New York.")
    assert [(m["text"], m["type"]) for m in mentions] == [("Laura Finch", "PERSON"), ("Tom Reyes", "PERSON"),
                                                         ("New York", "GPE")]


def test_a_name_used_for_a_thing_is_no_person_or_organisation():
    text = ("Ministers said the Belvedere accord was working. Since the Belvedere accord, currencies were calm. "
            "Prices of Arkansas Heavy crude rose 30 cts, and Oklahoma Light crude fell. U.S. warships shelled "
            "the Nasser platform. The Nasser platform burned, officials said. "
            "Vantor Inc said its Vantor rig was idle; Vantor said output would recover.")
    names = {m["text"] for m in one(text) if m["type"] in ("ORG", "PERSON")}
    # the model tags Belvedere and the crude grades ORG and Nasser PERSON
    assert not names & {"Belvedere", "Arkansas Heavy", "Oklahoma Light", "Nasser"}
    assert "Vantor Inc" in names  # a company's own name, and "Vantor" used for a thing once in two


def test_a_nationality_tagged_as_a_place_is_a_nationality():
    mentions = one("Kuwaiti tankers sailed on Monday, and the Kuwaiti oil minister met officials in Kuwait.")
    assert {(m["text"], m["type"]) for m in mentions} >= {("Kuwaiti", "NORP"), ("Kuwait", "GPE")}
    assert all(m["type"] != "GPE" for m in mentions if m["text"] == "Kuwaiti")


def test_a_nationality_tagged_as_an_organisation_is_a_nationality():
    # the model tags "Kuwaiti" ORG here; a demonym alone is a nationality whatever the tag
    assert [(m["text"], m["type"]) for m in one("A Kuwaiti spokesman said the talks failed.")] == [
        ("Kuwaiti", "NORP")]


def test_a_country_and_a_capitalised_common_noun_is_no_organisation():
    mentions = one("The U.S. Attack marks a shift, and sales by U.S. Exporters fell. U.S. Steel said it agreed. The Canadian Press said so. "
                   "The U.S. Navy and the U.K. Treasury disagreed, while Japanese Firms were upbeat.")
    assert [(m["text"], m["type"]) for m in mentions] == [
        ("U.S.", "GPE"), ("U.S.", "GPE"), ("U.S. Steel", "ORG"), ("Canadian Press", "ORG"), ("U.S. Navy", "ORG"), ("U.K. Treasury", "ORG"), ("Japanese", "NORP")]


def test_a_name_cut_after_of_takes_the_next_word_and_a_legal_form_makes_a_company():
    from loader.extract.mentions import Mention, _companies_by_legal_form, _completed
    from loader.extract.nlp import get_nlp
    text = "The Group of Seven met Hollis Corp and Ann Hollis."
    doc = get_nlp()(text)
    cut = Mention(1, 3, 4, 12, "Group of", "ORG", 1)  # what the model gave for "Group of" before a number
    assert _completed(doc, text, cut).text == "Group of Seven"
    people = [Mention(4, 6, 23, 34, "Hollis Corp", "PERSON", 4), Mention(7, 9, 39, 49, "Ann Hollis", "PERSON", 7)]
    _companies_by_legal_form(people, text)
    assert [m.type for m in people] == ["ORG", "PERSON"]


def test_a_word_in_capitals_in_a_tables_columns_is_no_organisation():
    text = ("Export inspections in thousands of bushels, week ended March 12:\n\n"
            "        WHEAT      SORGHUM      CORN\nGULF   12,345     4,567     23,456\n"
            "DEL    10,100     3,200     19,800\n\nThe USDA said shipments would rise.")
    assert [(m["text"], m["type"]) for m in one(text)] == [("USDA", "ORG")]


def test_a_one_word_person_that_is_a_towns_name_and_does_nothing_is_the_town():
    text = "Grain shipments from Rotterdam rose in March, traders said. Vessels loading at Rotterdam waited two days."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Rotterdam", "GPE"), ("Rotterdam", "GPE")]
    text = "Grain shipments from Izmir rose in March, traders said."  # the gazetteer spells it İzmir
    assert [(m["text"], m["type"]) for m in one(text)] == [("Izmir", "GPE")]
    # accents aside only for a city of 500,000: "Bush" is not Būsh, a town of 136,000 in Egypt
    text = "A senior Bush administration official called the election a fraud."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Bush", "PERSON")]
    # the subject of a verb, or a surname the article gives in full, stays a person
    text = "Jackson said the plan would fail. Peter Hamilton, the analyst, said Hamilton would leave."
    assert [(m["text"], m["type"]) for m in one(text)] == [
        ("Jackson", "PERSON"), ("Peter Hamilton", "PERSON"), ("Hamilton", "PERSON")]


def test_a_persons_name_before_and_co_is_a_company():
    assert [(m["text"], m["type"]) for m in one("The deal was arranged by J.P. Morgan and Co Inc, the bank said.")] \
        == [("J.P. Morgan", "ORG")]


def test_a_persons_name_cut_before_the_rest_of_a_companys_name_is_that_company():
    from spacy.tokens import Span
    from loader.extract.mentions import Mention, _companies_by_legal_form
    from loader.extract.nlp import get_nlp
    text = "Shares of Brandt Tyre and Rubber Co rose. Brandt Tyre said sales grew, Ann Brandt said."
    doc = get_nlp()(text)
    # the model's slip: "Brandt Tyre" a person and the rest of the company's name no entity
    doc.ents = [Span(doc, 2, 4, "PERSON"), Span(doc, 9, 11, "PERSON"), Span(doc, 15, 17, "PERSON")]
    tagged = [Mention(e.start, e.end, e.start_char, e.end_char, e.text, "PERSON", e.start) for e in doc.ents[:3]]
    assert [m.text for m in tagged] == ["Brandt Tyre", "Brandt Tyre", "Ann Brandt"]
    _companies_by_legal_form(tagged, text, doc)
    assert [m.type for m in tagged] == ["ORG", "ORG", "PERSON"]
    # a person beside a company the model tagged on its own ("... and Halvor Lines Inc") stays a person
    text = "The talks were between Ann Brandt and Halvor Lines Inc."
    doc = get_nlp()(text)
    doc.ents = [Span(doc, 4, 6, "PERSON"), Span(doc, 7, 10, "ORG")]
    person = [Mention(4, 6, 23, 33, "Ann Brandt", "PERSON", 4)]
    _companies_by_legal_form(person, text, doc)
    assert person[0].type == "PERSON"
    text = "The talks were between Ann Brandt and Halvor Lines Inc."
    # without the entity check the same words would read as the rest of a company's name
    doc.ents = [Span(doc, 4, 6, "PERSON")]
    _companies_by_legal_form(person, text, doc)
    assert person[0].type == "ORG"


def test_a_longer_person_that_is_exactly_a_countrys_name_is_the_country():
    from loader.extract.mentions import Mention, _places_as_people
    tagged = [Mention(0, 2, 0, 9, "Sri Lanka", "PERSON", 0), Mention(3, 5, 20, 31, "Mary Jordan", "PERSON", 3),
              Mention(6, 8, 40, 52, "Costa Rica", "PERSON", 6), Mention(9, 11, 60, 72, "Costa Gavras", "PERSON", 9)]
    _places_as_people(tagged)
    assert [m.type for m in tagged] == ["GPE", "PERSON", "GPE", "PERSON"]
    # a title, or the last word used alone as a surname, is evidence of a person
    titled = Mention(0, 2, 0, 9, "Sri Lanka", "PERSON", 0, role="Finance Minister")
    surname = [Mention(0, 2, 0, 9, "El Salvador", "PERSON", 0), Mention(5, 6, 30, 38, "Salvador", "PERSON", 5)]
    _places_as_people([titled, *surname])
    assert [titled.type, surname[0].type] == ["PERSON", "PERSON"]


def test_a_place_ending_in_a_public_bodys_noun_is_that_body_and_bhd_is_a_legal_form():
    from loader.extract.mentions import Mention, _bodies_taken_for_places
    tagged = [Mention(0, 4, 0, 26, "Gulf Emirates Central Bank", "GPE", 0),
              Mention(5, 7, 30, 39, "West Bank", "GPE", 5), Mention(8, 10, 45, 57, "Nova Ministry", "LOC", 8)]
    _bodies_taken_for_places(tagged)
    assert [m.type for m in tagged] == ["ORG", "GPE", "ORG"]
    assert [(m["text"], m["type"]) for m in one("Kelang Tin Dredging Malaysia Bhd said it would raise its capital.")] \
        == [("Kelang Tin Dredging Malaysia Bhd", "ORG")]


def model_tags(text: str) -> list[tuple]:
    """What the model itself tags: the slips the rules below repair."""
    from loader.extract.nlp import get_nlp
    return [(ent.text, ent.label_) for ent in get_nlp()(text).ents]


def pairs(text: str) -> list[tuple]:
    return [(m["text"], m["type"]) for m in one(text)]


def test_a_company_the_model_tagged_in_pieces_is_one_organisation():
    text = "It said Hollis Gray and Co Inc and Martin Hale and Sons Inc will manage the offering."
    assert ("Martin Hale", "ORG") in model_tags(text) and ("Sons Inc", "ORG") in model_tags(text)
    assert pairs(text) == [("Hollis Gray", "ORG"), ("Martin Hale and Sons Inc", "ORG")]
    text = "Advisers Pratt Lambert Inc and Peter Dunn and Sons Inc found the price fair."
    assert ("Peter Dunn", "PERSON") in model_tags(text)
    assert ("Peter Dunn and Sons Inc", "ORG") in pairs(text)
    text = "Pires said the strike closed the federally owned Banco do Nordeste."  # head noun + "do" + a name
    assert model_tags(text) == [("Banco", "ORG"), ("Nordeste", "ORG")]
    assert pairs(text) == [("Banco do Nordeste", "ORG")]
    text = "Guards stood outside branches of the Banco do Sertao to stop bank workers."
    assert model_tags(text) == [("Banco", "ORG"), ("Sertao", "PERSON")]
    assert pairs(text) == [("Banco do Sertao", "ORG")]
    assert pairs("The Bank of Japan said it would buy dollars.") == [("Bank of Japan", "ORG")]


def test_a_head_noun_left_untagged_before_a_persons_name_makes_it_an_organisation():
    from spacy.tokens import Span
    from loader.extract.mentions import Mention, _joined_companies
    from loader.extract.nlp import get_nlp
    text = "Police closed the Banco do Sertao on Monday, and Maria do Carmo said so."
    doc = get_nlp()(text)
    doc.ents = [Span(doc, 5, 6, "PERSON"), Span(doc, 10, 13, "PERSON")]
    tagged = [Mention(e.start, e.end, e.start_char, e.end_char, e.text, "PERSON", e.start) for e in doc.ents]
    assert [(m.text, m.type) for m in _joined_companies(doc, text, tagged)] \
        == [("Banco do Sertao", "ORG"), ("Maria do Carmo", "PERSON")]


def test_a_one_word_company_and_a_surname_written_only_together_are_one_firm():
    text = "The offer was made by Kelso Industries Inc and Wagner and Brown. Wagner and Brown said it would bid."
    assert ("Brown", "PERSON") in model_tags(text)
    assert pairs(text) == [("Kelso Industries Inc", "ORG"), ("Wagner and Brown", "ORG"), ("Wagner and Brown", "ORG")]
    # either word written on its own elsewhere, or a fuller name of the person: the two stay apart
    text = "Talks between Exxon and Smith failed. Exxon said it would sue."
    assert pairs(text) == [("Exxon", "ORG"), ("Smith", "PERSON"), ("Exxon", "ORG")]
    text = "John Smith said talks between Exxon and Smith failed."
    assert pairs(text) == [("John Smith", "PERSON"), ("Exxon", "ORG"), ("Smith", "PERSON")]


def test_a_name_starting_with_an_organisations_head_noun_is_an_organisation():
    text = "Gruppo Ferrante said it would buy the stake."
    assert model_tags(text) == [("Gruppo Ferrante", "PERSON")]
    assert pairs(text) == [("Gruppo Ferrante", "ORG")]


def test_a_ship_a_publication_or_a_river_is_no_person():
    text = "Iraqi jets hit the U.S. frigate Stark on Sunday, and the Stark was towed to Bahrain."
    assert model_tags(text).count(("Stark", "PERSON")) == 2
    assert pairs(text) == [("Iraqi", "NORP"), ("U.S.", "GPE"), ("Bahrain", "GPE")]  # a ship: none of our types
    text = "Iran said its gunboats attacked the tanker Maria Lopez off Dubai."
    assert ("Maria Lopez", "PERSON") in model_tags(text)
    assert pairs(text) == [("Iran", "GPE"), ("Dubai", "GPE")]
    text = "The Porter, a U.S. destroyer, was hit by a missile."  # the ship's noun in apposition
    assert ("Porter", "PERSON") in model_tags(text)
    assert pairs(text) == [("U.S.", "GPE")]
    text = "The tanker Exxon Valdez ran aground. Exxon said it would pay."  # a ship tagged as an organisation
    assert model_tags(text) == [("Exxon Valdez", "ORG"), ("Exxon", "ORG")]
    assert pairs(text) == [("Exxon", "ORG")]
    text = "The weekly Jean Paris said prices would rise."
    assert ("Jean Paris", "PERSON") in model_tags(text)
    assert pairs(text) == [("Jean Paris", "ORG")]
    text = "Ice closed the river Weser to barges, shippers said."
    assert model_tags(text) == [("Weser", "PERSON")]
    assert pairs(text) == [("Weser", "LOC")]


def test_a_name_in_apposition_with_a_companys_noun_is_an_organisation():
    text = "Brazil's state-oil company, Kessling, cancelled a purchase."
    assert model_tags(text) == [("Brazil", "GPE"), ("Kessling", "PERSON")]
    assert pairs(text) == [("Brazil", "GPE"), ("Kessling", "ORG")]
    text = "The brokerage Hollis Gray said it would buy the stake."
    assert model_tags(text) == [("Hollis Gray", "PERSON")]
    assert pairs(text) == [("Hollis Gray", "ORG")]
    # a company's noun before a person's name that is no apposition, or a person's own role, changes nothing
    assert pairs("The bank Smith founded in 1980 was sold.") == [("Smith", "PERSON")]
    assert pairs("Mary Jones, a bank economist, said rates would fall.") == [("Mary Jones", "PERSON")]
    assert pairs("John Smith, the company's chairman, said it would sell.") == [("John Smith", "PERSON")]


def test_a_title_keeps_a_person_beside_a_companys_noun_or_a_firm_of_the_same_name():
    from loader.extract.nlp import get_nlp
    text = "Hopewell owns a stake. Chairman of the firm Peter Lang said he expects the bridge to open in 1992."
    assert [(t.dep_, t.head.text) for t in get_nlp()(text) if t.text == "Lang"] == [("appos", "firm")]
    assert ("Peter Lang", "PERSON") in pairs(text)
    text = "The car market is freer now, says Detroit analyst Mara Quist of Mara Quist and Associates."
    assert pairs(text) == [("Detroit", "GPE"), ("Mara Quist", "PERSON"), ("Mara Quist and Associates", "ORG")]


def test_a_capitalised_common_word_the_article_also_writes_in_lower_case_is_no_person():
    text = "Concentrates produced were 12,000 tonnes. The mine ships concentrates to Japan."
    assert ("Concentrates", "PERSON") in model_tags(text)
    assert pairs(text) == [("Japan", "GPE")]
    # a fuller name, a title or speech shows the person
    assert pairs("Analyst Sam Gross said gross margins fell. Gross expects a rebound.") \
        == [("Sam Gross", "PERSON"), ("Gross", "PERSON")]
    assert ("Baker", "PERSON") in pairs("Treasury Secretary Baker met officials. A baker in Tokyo said prices rose.")
    assert pairs("Baker said that a baker in Tokyo had raised prices.") == [("Baker", "PERSON"), ("Tokyo", "GPE")]
    # a name in a paragraph set in lower case is a proper noun there, no common word
    text = "Halvorsen was speaking to reporters. trade minister halvorsen said output would rise."
    assert ("Halvorsen", "PERSON") in model_tags(text)
    assert pairs(text)[0] == ("Halvorsen", "PERSON")



def test_a_firm_named_by_a_run_of_surnames_is_one_organisation():
    text = "Shares were placed by Dowling, Kemp, Sewell and Hart Inc, the company said."
    assert model_tags(text) == [("Dowling", "PERSON"), ("Kemp", "PERSON"), ("Sewell", "ORG"), ("Hart Inc", "ORG")]
    assert pairs(text) == [("Dowling, Kemp, Sewell and Hart Inc", "ORG")]
    text = "Underwriters include L.F. Rothschild, Unterberg, Towbin Inc. L.F. Rothschild said it sold the shares."
    assert model_tags(text)[:2] == [("L.F. Rothschild", "PERSON"), ("Unterberg", "PERSON")]
    assert pairs(text) == [("L.F. Rothschild, Unterberg, Towbin Inc.", "ORG"), ("L.F. Rothschild", "ORG")]
    text = "Dealers now include L.F. Rothschild, Unterberg, Towbin Inc and Security Pacific National Bank."
    assert ("Towbin Inc and", "ORG") in model_tags(text)  # the model takes the "and" in
    assert pairs(text) == [("L.F. Rothschild, Unterberg, Towbin Inc", "ORG"), ("Security Pacific National Bank", "ORG")]
    text = "Analysts at Piper, Jaffray and Hopwood Inc said the stock was cheap."  # "Piper" left untagged
    assert model_tags(text) == [("Jaffray", "PERSON"), ("Hopwood Inc", "ORG")]
    assert pairs(text) == [("Piper, Jaffray and Hopwood Inc", "ORG")]
    text = "Hiram Walker-Gooderham and Worts Ltd said it would sell the unit."
    assert model_tags(text) == [("Hiram Walker-Gooderham", "PERSON"), ("Worts Ltd", "ORG")]
    assert pairs(text) == [("Hiram Walker-Gooderham and Worts Ltd", "ORG")]
    text = "The adviser was Johnson, Lane, Space, Smith and Co Inc, it said."
    assert model_tags(text) == [("Johnson", "PERSON"), ("Lane", "PERSON"), ("Smith and Co Inc", "ORG")]
    assert pairs(text) == [("Johnson, Lane, Space, Smith and Co Inc", "ORG")]


def test_people_and_lists_of_companies_beside_a_legal_form_stay_apart():
    text = "The panel heard Ann Hale, Dowling and Kemp on Monday."  # no company's ending: people
    assert pairs(text) == [("Ann Hale", "PERSON"), ("Dowling", "PERSON"), ("Kemp", "PERSON")]
    text = "Partners Kemp, Dowling and Hart left Sewell Inc last year."  # the ending is another name's
    assert pairs(text) == [("Kemp", "PERSON"), ("Dowling", "PERSON"), ("Sewell Inc", "ORG")]
    text = "Talks between John Smith and Exxon Corp failed."  # a given name first
    assert pairs(text) == [("John Smith", "PERSON"), ("Exxon Corp", "ORG")]
    text = "Yesterday, Exxon, Mobil and Texaco Inc raised prices."  # every piece tagged as an organisation
    assert pairs(text) == [("Exxon", "ORG"), ("Mobil", "ORG"), ("Texaco Inc", "ORG")]
    text = "Lehman Brothers Inc, Jefferies and Co bid."  # a legal form inside the run: two firms
    assert ("Lehman Brothers Inc", "ORG") in pairs(text)
    assert not any("," in name for name, _ in pairs(text))


def test_a_name_written_as_the_medium_of_a_message_is_an_organisation():
    text = "Ana Lopez posted a photo on Twitter from the airport."
    assert model_tags(text) == [("Twitter", "PERSON")]
    assert pairs(text) == [("Twitter", "ORG")]
    text = "After the vote, Senator Ruiz took to Twitter to thank voters."
    assert model_tags(text) == [("Ruiz", "PERSON"), ("Twitter", "PERSON")]
    assert pairs(text) == [("Ruiz", "PERSON"), ("Twitter", "ORG")]
    text = "The mayor wrote on Snapgram that the road would reopen. Her Snapgram account has two million followers."
    assert model_tags(text)[0] == ("Snapgram", "GPE")  # no gazetteer place is called so
    assert pairs(text) == [("Snapgram", "ORG")]


def test_a_medium_in_a_list_with_another_or_before_a_message_is_an_organisation():
    text = "Let us know your plans by telling us on Twitter or Instagram, using the tag."
    assert model_tags(text) == [("Twitter", "PERSON"), ("Instagram", "PERSON")]
    assert pairs(text) == [("Twitter", "ORG"), ("Instagram", "ORG")]
    text = "The Twitter message was no different from a bomb."
    assert model_tags(text) == [("Twitter", "PERSON")]
    assert pairs(text) == [("Twitter", "ORG")]


def test_a_person_after_on_is_still_a_person():
    text = "The senator called on Kessler to resign. Pressure on Kessler grew. Later Ruiz wrote on Kessler's blog."
    assert [kind for name, kind in pairs(text) if name == "Kessler"] == ["PERSON", "PERSON", "PERSON"]
    text = "The report on Kessler and Byrne was published."  # "published" governs the report, not "on"
    assert pairs(text) == [("Kessler", "PERSON"), ("Byrne", "PERSON")]


def test_a_name_before_a_rank_and_a_persons_name_or_a_station_is_a_body():
    text = "Garda superintendent Tony Healy said efforts were continuing. Garda were called to the house at noon."
    assert model_tags(text)[:3] == [("Garda", "PERSON"), ("Tony Healy", "PERSON"), ("Garda", "PERSON")]
    assert pairs(text) == [("Garda", "ORG"), ("Tony Healy", "PERSON"), ("Garda", "ORG")]
    text = "The suspect was brought to Carrow Garda Station. Garda said a man was arrested."
    assert model_tags(text) == [("Carrow Garda Station", "PERSON"), ("Garda", "PERSON")]
    assert pairs(text) == [("Carrow Garda Station", "FAC"), ("Garda", "ORG")]


def test_a_name_used_as_an_event_is_no_entity():
    text = "Prices will rise after Brexit. Brexit talks begin in June."
    assert model_tags(text)[:2] == [("Brexit", "GPE"), ("Brexit", "PERSON")]
    assert pairs(text) == []
    text = "Why a hard Brexit will cost the UK more than Europe."
    assert model_tags(text)[0] == ("Brexit", "PERSON")
    assert pairs(text) == [("UK", "GPE"), ("Europe", "LOC")]


def test_a_person_after_a_word_of_time_or_an_adjective_is_still_a_person():
    assert pairs("The shares rose after Kessler won the vote.") == [("Kessler", "PERSON")]
    assert pairs("A weary Kessler said he would stay.") == [("Kessler", "PERSON")]


def test_two_names_after_a_firms_noun_are_one_firm():
    text = "Chris Tinker, an analyst at brokers Phillips and Drew, said exports rose."
    assert model_tags(text) == [("Chris Tinker", "PERSON"), ("Phillips", "PERSON"), ("Drew", "PERSON")]
    assert pairs(text) == [("Chris Tinker", "PERSON"), ("Phillips and Drew", "ORG")]
    text = "Lawyers at the law firm of Hale and Dorr said the merger was likely."
    assert model_tags(text) == [("Hale", "GPE"), ("Dorr", "PERSON")]
    assert pairs(text) == [("Hale and Dorr", "ORG")]
    text = "Analysts at Hale and Dorr said the merger was likely."  # "Hale" left untagged
    assert model_tags(text) == [("Dorr", "PERSON")]
    assert pairs(text) == [("Hale and Dorr", "ORG")]
    assert pairs("The talks between Kessler and Byrne failed.") == [("Kessler", "PERSON"), ("Byrne", "PERSON")]


def test_a_name_of_a_process_is_no_entity():
    text = "Officials said the Brexit talks would resume. Brexit worried investors in Dublin."
    assert model_tags(text) == [("Brexit", "PERSON"), ("Brexit", "PERSON"), ("Dublin", "GPE")]
    assert pairs(text) == [("Dublin", "GPE")]
    text = "Officials expect a Brexit vote soon. Brexit worried investors in Dublin."  # tagged as an organisation
    assert model_tags(text) == [("Brexit", "ORG"), ("Brexit", "PERSON"), ("Dublin", "GPE")]  # there: no event
    assert pairs(text) == [("Brexit", "ORG"), ("Brexit", "PERSON"), ("Dublin", "GPE")]
    text = "Shares fell as investors weighed the terms of Brexit. Brexit worried investors in Dublin."
    assert [kind for name, kind in model_tags(text) if name == "Brexit"] == ["GPE", "PERSON"]
    assert pairs(text) == [("Dublin", "GPE")]


def test_an_organisation_before_a_process_noun_stays():
    text = "Lawmakers said the House vote was close. The House passed the measure."
    assert model_tags(text) == [("House", "ORG"), ("House", "ORG")]
    assert pairs(text) == [("House", "ORG"), ("House", "ORG")]


def test_a_one_word_organisation_after_a_word_of_time_is_an_event():
    text = "The European Union will change after Grexit, the Commission said."
    assert ("Grexit", "ORG") in model_tags(text)
    assert ("European Union", "ORG") in pairs(text) and "Grexit" not in [name for name, kind in pairs(text)]
    text = "The minister testified before Congress on Tuesday. Congress passed the bill."  # a place, not a time
    assert model_tags(text)[0] == ("Congress", "ORG")
    assert pairs(text) == [("Congress", "ORG"), ("Congress", "ORG")]
    text = "Shares rose after Google said profits climbed. Google hired 500 engineers."  # "after Google said"
    assert pairs(text) == [("Google", "ORG"), ("Google", "ORG")]
    text = "Sales fell at the chain, the third biggest after Tesco and Asda. Tesco said sales rose."
    assert types_of(one(text), "Tesco") == ["ORG", "ORG"]
    text = "Markets fell after House Republican leaders pulled the bill. The House will vote again."
    assert types_of(one(text), "House") == ["ORG", "ORG"]
    text = "The coalition is going after ISIS. ISIS fighters fled the city."  # an acronym is a name
    assert model_tags(text)[:2] == [("ISIS", "ORG"), ("ISIS", "ORG")]
    assert types_of(one(text), "ISIS") == ["ORG", "ORG"]


def test_an_office_written_as_a_title_and_after_the_is_no_entity():
    text = ("The Taoiseach has said the talks with British ministers went well. Taoiseach Enda Kenny will meet the "
            "President in Washington next week, and the Taoiseach will raise the border.")
    assert [kind for name, kind in model_tags(text) if name == "Taoiseach"] == ["ORG", "ORG"]
    assert pairs(text) == [("British", "NORP"), ("Enda Kenny", "PERSON"), ("Washington", "GPE")]
    text = "The House passed the bill, a stance Speaker of the House Paul Ryan backed."  # a title's body
    assert types_of(one(text), "House") == ["ORG", "ORG"]
    text = "The House passed the bill, a stance House Speaker Paul Ryan backed."  # a rank's body
    assert types_of(one(text), "House") == ["ORG", "ORG"]
    text = "Reuters reporter Ann Hale said the Kremlin denied it. The Kremlin's spokesman Dmitry Peskov said so."
    assert pairs(text) == [("Reuters", "ORG"), ("Ann Hale", "PERSON"), ("Kremlin", "ORG"), ("Kremlin", "ORG"),
                           ("Dmitry Peskov", "PERSON")]


def test_an_organisations_name_cut_before_and_the_place_is_one_name():
    text = "Troops fought the Islamic State of Iraq and the Levant near Mosul on Sunday."
    assert model_tags(text)[:2] == [("the Islamic State of Iraq", "ORG"), ("Levant", "GPE")]
    assert pairs(text) == [("Islamic State of Iraq and the Levant", "ORG"), ("Mosul", "GPE")]
    text = "Aid groups said attacks by Islamic State of Iraq and the Levant fighters had killed hundreds."
    assert model_tags(text)[:2] == [("Islamic State of Iraq", "ORG"), ("Levant", "PERSON")]
    assert pairs(text) == [("Islamic State of Iraq and the Levant", "ORG")]
    text = "Talks between the Government of Ireland and the United States ended on Friday."
    assert pairs(text) == [("Government of Ireland", "ORG"), ("United States", "GPE")]
    text = "Officials of the Bank of Ireland and the Netherlands met. The Netherlands said it was pleased."
    assert ("Bank of Ireland", "ORG") in pairs(text)  # the place is written alone too


def test_a_title_before_a_process_noun_does_not_keep_the_event():
    text = "The chief Brexit negotiator met bankers. Prices will rise after Brexit."
    assert [kind for name, kind in model_tags(text) if name == "Brexit"] == ["PERSON", "PERSON"]
    assert pairs(text) == []


def test_a_word_of_a_persons_full_name_is_no_event():
    text = "Park Hye-jin was questioned for hours. The arrest came after Park, 65, faced nine hours of questions."
    assert [kind for name, kind in model_tags(text) if name.startswith("Park")] == ["PERSON", "GPE"]
    # kept by the event rule; no gazetteer place is called "Park", so it is at most another place
    assert pairs(text) == [("Park Hye-jin", "PERSON"), ("Park", "LOC")]


def types_of(mentions: list[dict], name: str) -> list[str]:
    return [m["type"] for m in mentions if m["text"] == name]


def test_a_portfolio_word_in_a_title_or_a_common_noun_in_a_compound_is_no_organisation():
    titles = one("Ann Hale served as Secretary of State for four years. The Minister for Justice said nothing, and "
                 "the Defense Minister added that he was pleased. Acme hired the former Secretary of Commerce.")
    assert [m["text"] for m in titles if m["type"] == "ORG"] == []
    compounds = one("Workers at the State-owned company went on strike on Monday. The schools, which are State-run "
                    "schools, took the step this year. The Google-owned firm said it would appeal.")
    assert [(m["text"], m["type"]) for m in compounds] == [("Google", "ORG")]
    modifiers = one("He said sustaining the State pension was one of the greatest challenges. Full State ownership was "
                    "avoided. Two ISIS-inspired militants attacked the contest.")
    assert [(m["text"], m["type"]) for m in modifiers] == [("ISIS", "ORG")]  # an acronym is a name
    party = one("Labour won the seat with 7,583 votes. Most Labour voters supported Brexit, and peers backed a "
                "Labour-led move.")
    assert types_of(party, "Labour") == ["ORG"] * 3  # a name the article makes act


def test_a_name_used_as_a_programme_in_most_mentions_is_no_organisation():
    assert one("States that expand their Medicaid programs get more money under the bill. Medicaid recipients would "
               "pay more, and the plan puts curbs on Medicaid.") == []
    assert one("The governor wants to expand Medicaid. Medicaid expansion would cover 400,000 people, he said.") == []
    nasa = one("The NASA program was cut in March. NASA said the program would resume, and a NASA spokesman said "
               "crews were ready.")
    assert types_of(nasa, "NASA") == ["ORG"] * 3  # one programme use in three, and a speaker


def test_a_mention_written_as_a_law_or_an_office_carries_that_use_for_the_archive():
    """One use in an article is not enough to drop the name there (loader/store/uses.py decides across articles)."""
    text = "The Affordable Care Act, known as Obamacare, covers 20 million people."
    assert model_tags(text)[:2] == [("The Affordable Care Act", "LAW"), ("Obamacare", "ORG")]
    assert [(m["text"], m["type"], m["used_as"]) for m in one(text)] == [("Obamacare", "ORG", "programme")]
    found = one("The senator is a strong critic of Obamacare and of the Medicaid expansion.")
    assert [(m["text"], m["used_as"]) for m in found] == [("Obamacare", None), ("Medicaid", "programme")]
    nato = one("NATO expansion worried Moscow, and NATO said the alliance would grow.")
    assert [m["used_as"] for m in nato if m["text"] == "NATO"] == [None, None]  # it speaks: an organisation
    text = "Taoiseach Enda Kenny will meet the President in Washington next week."
    assert model_tags(text)[:2] == [("Taoiseach", "PERSON"), ("Enda Kenny", "PERSON")]
    # a title (roles.json) before a name is the name's role; after "the" it is an office
    assert [(m["text"], m["used_as"]) for m in one(text)] == [("Enda Kenny", None), ("Washington", None)]
    assert [(m["text"], m["used_as"]) for m in one("The Taoiseach said the talks went well.")] == [
        ("Taoiseach", "office")]
    held = one("Kenny insisted he was focused on his job as Taoiseach. Firms such as Google said sales rose.")
    assert [(m["text"], m["used_as"]) for m in held] == [("Taoiseach", "office"), ("Google", None)]
    benefits = one("Retirees depend on Social Security benefits. The EU benefits from trade, the minister said.")
    assert [(m["text"], m["used_as"]) for m in benefits if m["text"] != "Retirees"] == [  # "Retirees": the model's ORG
        ("Social Security", "programme"), ("EU", None)]
    owner = one("The program of the Nordic Youth Games includes six sports. The Nordic Youth Games open on Monday.")
    assert [m["used_as"] for m in owner if m["text"] == "Nordic Youth Games"] == [None, None]  # its program
    under = one("The state expanded the program under Obamacare. Costs rose under NATO rules.")
    assert [(m["text"], m["used_as"]) for m in under] == [("Obamacare", "programme"), ("NATO", None)]
    repeal = one("Republicans tanked the Obamacare repeal bill, and a repeal of Obamacare is now unlikely.")
    assert [(m["text"], m["type"], m["used_as"]) for m in repeal] == [  # the model's NORP carries the evidence too
        ("Republicans", "NORP", None), ("Obamacare", "NORP", "programme"), ("Obamacare", "NORP", "programme")]


def test_a_religion_or_its_followers_name_is_a_religious_group_not_an_organisation():
    text = "He converted to Islam in 2011 and now teaches at a mosque. The Sikh temple in Oak Creek was attacked."
    assert model_tags(text) == [("Islam", "ORG"), ("2011", "DATE"), ("Sikh", "PERSON"), ("Oak Creek", "GPE")]
    assert pairs(text) == [("Islam", "NORP"), ("Sikh", "NORP"), ("Oak Creek", "GPE")]
    bodies = one("The Muslim Brotherhood and the Catholic Church said they welcomed the talks.")
    assert [(m["text"], m["type"]) for m in bodies] == [("Muslim Brotherhood", "ORG"), ("Catholic Church", "ORG")]
    text = "Christian Halvorsen showed his new collection in Paris. Christian said the show was his best."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Christian Halvorsen", "PERSON"), ("Paris", "GPE"),
                                                           ("Christian", "PERSON")]  # a word of his full name


def test_a_site_written_after_a_preposition_of_place_is_a_place_unless_it_acts():
    hill = one("Al Jazeera's James Bays, reporting from Capitol Hill, said the address was different. Trump "
               "traveled to Capitol Hill on Tuesday.")
    assert types_of(hill, "Capitol Hill") == ["LOC", "LOC"]
    assert types_of(hill, "Al Jazeera") == ["ORG"]
    acting = one("Capitol Hill is digging deeper into the deal. Senators met on Capitol Hill on Friday to discuss it.")
    assert types_of(acting, "Capitol Hill") == ["ORG", "ORG"]  # a metonym for Congress


def test_a_road_abbreviated_with_a_full_stop_is_a_site_too():
    assert types_of(one("Firefighters were called to a blaze on Marlow St. in the city centre."), "Marlow St.") == [
        "FAC"]
    assert types_of(one("A water main burst on Ferrand St. on Monday morning."), "Ferrand St.") == ["FAC"]
    assert types_of(one("Crowds lined Ferrand St. for the parade."), "Ferrand St.") == ["ORG"]  # no preposition


def test_a_name_the_source_damaged_is_no_person_unless_a_surname_or_given_name_shows_one():
    party = one("Fianna F\ufffd\ufffdil's justice spokesperson Jim O'Callaghan welcomed the commission. Mr Coveney "
                "accused Fianna F\ufffd\ufffdil of hardening its position.")
    assert types_of(party, "Fianna F\ufffd\ufffdil") == ["ORG", "ORG"]
    assert types_of(party, "Jim O'Callaghan") == ["PERSON"]
    assert types_of(one("Se\ufffd\ufffdn Kelly said the party would vote against it."), "Se\ufffd\ufffdn Kelly") == ["PERSON"]


def test_a_country_city_or_state_no_gazetteer_place_is_called_is_at_most_another_place():
    found = one("Others fearful of Brexit will look for the nuances in tone. He lives in Sichuan province, far from "
                "Beijing. Sen. Dianne Feinstein (Calif.) spoke.")
    assert [(m["text"], m["type"]) for m in found if m["type"] in ("GPE", "LOC")] == [
        ("Brexit", "LOC"), ("Sichuan province", "GPE"), ("Beijing", "GPE"), ("Calif", "GPE")]
    initials = one("Kremlin-backed RT reported the talks in Moscow. The man lives in Buffalo, NY, with his family.")
    assert [(m["text"], m["type"]) for m in initials if m["text"] in ("RT", "NY")] == [("RT", "LOC"), ("NY", "GPE")]


def test_a_place_that_starts_a_companys_name_is_the_company_not_the_place():
    # the model tags only the place; the capitalised words and the legal form after it make one company
    assert [(m["text"], m["type"]) for m in one("Shares of US West Inc rose after the Denver company said profits grew.")] \
        == [("US West Inc", "ORG"), ("Denver", "GPE")]
    text = "Brandon Savings bought 1,200 shares of Ohio Teachers Holdings Inc last quarter."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Brandon Savings", "ORG"),
                                                         ("Ohio Teachers Holdings Inc", "ORG")]
    # a place before a list's "and", or after "U.S." (wire copy capitalises the next word), stays a place
    text = "The U.S. Subsidiary Strata Bit Corp of Houston said sales rose."
    assert [(m["text"], m["type"]) for m in one(text)] == [
        ("U.S.", "GPE"), ("Strata Bit Corp", "ORG"), ("Houston", "GPE")]
    text = "United Bank of Arizona and Valley Corp are continuing to meet."
    assert [(m["text"], m["type"]) for m in one(text)] == [("United Bank of Arizona", "ORG"), ("Valley Corp", "ORG")]


def test_a_place_after_a_bodys_head_noun_and_of_is_part_of_its_name():
    assert [(m["text"], m["type"]) for m in one("Teachers Pension Fund of Ohio bought 1,200 shares of the company.")] \
        == [("Teachers Pension Fund of Ohio", "ORG")]
    text = "He is director of the Flagstaff Institute of Arizona, which studies trade."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Flagstaff Institute of Arizona", "ORG")]
    # after a legal form or a group of companies, "of" says where the company is: the place stays a place
    assert [(m["text"], m["type"]) for m in one("Cargill Inc of Minneapolis won the contract.")] \
        == [("Cargill Inc", "ORG"), ("Minneapolis", "GPE")]
    assert [(m["text"], m["type"]) for m in one("It sold its stake to Kleinwort Benson Group of London.")] \
        == [("Kleinwort Benson Group", "ORG"), ("London", "GPE")]


def test_a_place_after_untagged_capitalised_words_ending_in_a_bodys_noun_and_of_is_part_of_its_name():
    # the model tags only the state (and the body's words, the second time, as a person): one organisation
    text = ("Finally, Firefighters Retirement System of Ohio lifted its stake in Acme by 4.1% in the quarter. "
            "Firefighters Retirement System of Ohio now owns 3,200 shares.")
    assert [(m["text"], m["type"]) for m in one(text) if m["text"] != "Acme"] == [
        ("Firefighters Retirement System of Ohio", "ORG"), ("Firefighters Retirement System of Ohio", "ORG")]
    text = "Public Employees Retirement Association of Colorado increased its position in Acme."
    assert [(m["text"], m["type"]) for m in one(text)][0] == ("Public Employees Retirement Association of Colorado",
                                                              "ORG")
    # one capitalised word, or words that are no body's name, leave the place alone
    assert [(m["text"], m["type"]) for m in one("Residents of Ohio voted on Tuesday.")] == [("Ohio", "GPE")]
    text = "Another client is Lumo Payment Services of Switzerland, which began last year."
    assert [(m["text"], m["type"]) for m in one(text) if m["type"] == "GPE"] == [("Switzerland", "GPE")]


def test_two_capitals_after_a_legal_form_or_a_persons_name_are_no_place():
    # a filer's state code after its legal form belongs to its name; a doctor's degree after a name is a title
    text = "Brown T Lane Associates Inc. MD now owns 2,100,500 shares of the company's stock."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Brown T Lane Associates Inc. MD", "ORG")]
    text = "Brown T Lane Associates Inc. MD raised its position in shares of Acme by 58.7% in the quarter."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Brown T Lane Associates Inc. MD", "ORG"), ("Acme", "ORG")]
    # the model tags the code as a person or an organisation too ("Co. MA"): the filer's name takes it all the same
    text = "Bayside Financial Services Co. MA trimmed its position in shares of Acme by 3.4% in the quarter."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Bayside Financial Services Co. MA", "ORG"),
                                                           ("Acme", "ORG")]
    text = "Harbor Point Management Corp CT ADV raised its stake in Dorel Foods by 3% in the quarter."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Harbor Point Management Corp CT ADV", "ORG"),
                                                           ("Dorel Foods", "ORG")]
    text = "Jane Miller, MD, a cardiologist at the clinic, said the drug works."
    assert [(m["text"], m["type"]) for m in one(text)] == [("Jane Miller", "PERSON")]
    # written as a place, the code stays one
    assert [(m["text"], m["type"]) for m in one("The plant is in Baltimore, MD, near the port.")] == [
        ("Baltimore", "GPE"), ("MD", "GPE")]


def test_a_common_word_named_like_a_town_is_a_place_only_where_the_article_says_so():
    # "mobile" is an English adjective: capitalised in a list of products, or as a business, it is no town
    assert [m["text"] for m in one("The company sells Software and Mobile apps for doctors.")] == ["Software"]
    assert [m["text"] for m in one("Analysts see a weaker outlook toward Mobile this year.")] == []
    # with its state beside it, or after "in", it is the town
    assert [(m["text"], m["type"]) for m in one("Mobile police said the man was arrested in Mobile, Alabama.")] == [
        ("Mobile", "GPE"), ("Alabama", "GPE")]
    assert [(m["text"], m["type"]) for m in one("The hotel in Nice was full all summer.")] == [("Nice", "GPE")]
    assert [(m["text"], m["type"]) for m in one("Deputies arrested a Mobile man on Sunday.")] == [("Mobile", "GPE")]
    # in a list beside other places it is the town; a town known abroad by its name ("Hollywood") needs nothing
    assert [m["text"] for m in one("Storms hit Houston, Mobile and Dallas last year.")] == ["Houston", "Mobile",
                                                                                            "Dallas"]
    assert [(m["text"], m["type"]) for m in one("The Hollywood star Jane Roe won an award.")] == [
        ("Hollywood", "GPE"), ("Jane Roe", "PERSON")]
    found = extract_items([{"id": "t", "text": "Officials see a weaker outlook toward Mobile this year.",
                            "dateline": "MOBILE"}])[0]
    assert [(m["text"], m["type"]) for m in found["mentions"]] == [("Mobile", "GPE")]


def test_a_town_named_like_a_common_word_stays_a_place_unless_the_sentence_writes_the_common_word():
    # no lower-case noun after it, no "toward" after a noun: the town, whatever word comes before it
    assert [(m["text"], m["type"]) for m in one("The mayor of Mobile said the port would reopen on Monday.")] == [
        ("Mobile", "GPE")]
    assert [(m["text"], m["type"]) for m in one("He moved to Mobile last year to work at the shipyard.")] == [
        ("Mobile", "GPE")]
    assert [(m["text"], m["type"]) for m in one("The city of Orange approved the budget.")] == [("Orange", "GPE")]
    # the common word: before a noun it describes ("Mobile apps"), or after a noun and "toward"
    assert [m["text"] for m in one("Its Mobile apps sold well.")] == []
    assert [m["text"] for m in one("Further, the company's negative outlook toward Mobile is expected to have "
                                   "been a negative.")] == []


def test_a_place_before_a_company_the_article_names_alone_or_owning_a_name_stays_a_place():
    # a headline run into the text: "Zorva" is named alone, so "United States Zorva Co" is no company
    text = "Zorva plans electric car sales in United States Zorva Co Ltd plans to sell electric cars in the United States."
    assert [(m["text"], m["type"]) for m in one(text)] == [
        ("Zorva", "ORG"), ("United States", "GPE"), ("United States", "GPE")]
    # "of Russia's ...": the place owns the next name and is no part of the committee's
    text = "He is head of the Executive Committee of Russia's National Meat Association."
    assert [(m["text"], m["type"]) for m in one(text)] == [
        ("Executive Committee", "ORG"), ("Russia", "GPE"), ("National Meat Association", "ORG")]
