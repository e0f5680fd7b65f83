"""Two full names whose given names only nicknames.tsv makes one ("Steve Hollis", "Stephen Hollis") are two people
across articles unless the archive shows they are one (store/entities.py: _given_name_variants); within one article
the extract stage makes them one name."""
import json

from loader import store
from loader.store import FINISHERS
from loader.extract.names import entity_id, folded_entity_id
from loader.store.entities import save_mentions
from loader.store.migrations import split_given_name_variants
from loader.store.quotes import save_quotes
from tests.test_short_form_evidence import article_of, write


def tag(db, articles):
    """Save each article's names as the extract stage would: (entity, text as written, role[, type: a person by
    default]) each, then run the store's finishers."""
    for text, people in articles:
        rows, at = [], 0
        for entity, written, role, *kind in people:
            start = text.index(written, at)
            at = start + len(written)
            rows.append({"entity": entity, "type": kind[0] if kind else "PERSON", "text": written, "start": start,
                         "end": at, "sentence": 0, "role": role})
        save_mentions(db, article_of(db, text), rows)
    for step in FINISHERS:
        step(db)


def people(db):
    """name → (the name of the row it is merged into, or None; its article count)."""
    return {row["name"]: (row["target"], row["article_count"]) for row in db.query(
        "select s.name, t.name as target, s.article_count from entities s left join entities t on t.id = "
        "s.merged_into where s.type = 'PERSON'")}


def archive(load_into, tmp_path, articles):
    db, _ = load_into(write(tmp_path, "people.json", [text for text, _ in articles]))
    tag(db, articles)
    return db


AUTHOR = [(f"The novelist Stephen Hollis signed copies of book {n} in a shop.", [("Stephen Hollis", "Stephen Hollis",
                                                                                   "novelist")]) for n in range(4)]


def test_a_congressman_and_an_author_whose_given_names_fold_together_stay_two_people(load_into, tmp_path):
    db = archive(load_into, tmp_path, AUTHOR + [
        ("Rep. Steve Hollis voted against the farm bill.", [("Steve Hollis", "Steve Hollis", "Rep.")])])
    assert people(db) == {"Stephen Hollis": (None, 4), "Steve Hollis": (None, 1)}


def test_an_article_that_writes_both_spellings_makes_them_one_person(load_into, tmp_path):
    both = "Stephen Hollis, who goes by Steve Hollis, opened the shop."
    db = archive(load_into, tmp_path, [
        (both, [("Stephen Hollis", "Stephen Hollis", None), ("Stephen Hollis", "Steve Hollis", None)]),
        ("Rep. Steve Hollis voted against the farm bill.", [("Steve Hollis", "Steve Hollis", "Rep.")])])
    found = people(db)
    assert found == {"Stephen Hollis": (None, 2), "Steve Hollis": ("Stephen Hollis", 0)}
    row = db["entities"].get(entity_id("Stephen Hollis", "PERSON"))
    assert json.loads(row["aliases"]) == ["Steve Hollis"]


def test_one_role_written_beside_both_spellings_makes_them_one_person(load_into, tmp_path):
    db = archive(load_into, tmp_path, [
        ("U.S. Rep. Stephen Hollis spoke on the farm bill.", [("Stephen Hollis", "Stephen Hollis", "U.S. Rep.")]),
        ("Rep. Steve Hollis voted against the farm bill.", [("Steve Hollis", "Steve Hollis", "Rep.")])])
    assert people(db) == {"Stephen Hollis": (None, 2), "Steve Hollis": ("Stephen Hollis", 0)}


def test_a_spelling_whose_articles_share_the_others_context_joins_it(load_into, tmp_path):
    """A rare entity both spellings' articles name (the bookshop) ties them; a role written beside one only does not
    tell them apart."""
    db = archive(load_into, tmp_path, [
        ("The novelist Stephen Hollis signed copies at Quillfeather Books.",
         [("Stephen Hollis", "Stephen Hollis", "novelist"), ("Quillfeather Books", "Quillfeather Books", None, "ORG")]),
        ("Steve Hollis read a chapter at Quillfeather Books on Friday.",
         [("Steve Hollis", "Steve Hollis", None), ("Quillfeather Books", "Quillfeather Books", None, "ORG")])])
    assert people(db) == {"Stephen Hollis": (None, 2), "Steve Hollis": ("Stephen Hollis", 0)}


def test_a_spelling_of_a_small_share_and_no_shared_context_stays_apart(load_into, tmp_path):
    """Counts alone are no evidence: one article of a voice actor beside four of an author."""
    db = archive(load_into, tmp_path, AUTHOR + [
        ("The cartoon's hero is voiced by Steve Hollis in English.", [("Steve Hollis", "Steve Hollis", None)])])
    assert people(db) == {"Stephen Hollis": (None, 4), "Steve Hollis": (None, 1)}


def test_two_formal_spellings_of_one_class_are_two_people_too(load_into, tmp_path):
    db = archive(load_into, tmp_path, [
        ("Judge Steven Hollis ruled on the appeal.", [("Steven Hollis", "Steven Hollis", "Judge")]),
        ("The novelist Stephen Hollis signed copies in a shop.", [("Stephen Hollis", "Stephen Hollis", "novelist")])])
    assert people(db) == {"Stephen Hollis": (None, 1), "Steven Hollis": (None, 1)}


def test_a_surname_of_two_people_apart_joins_neither_without_a_clear_majority(load_into, tmp_path):
    db = archive(load_into, tmp_path, AUTHOR[:3] + [
        ("Rep. Steve Hollis voted against the farm bill.", [("Steve Hollis", "Steve Hollis", "Rep.")]),
        ("Hollis said the vote was close.", [("Hollis", "Hollis", None)])])
    assert people(db)["Hollis"] == (None, 1)


def test_a_speaker_shows_the_persons_row_it_is_on(load_into, tmp_path):
    apart = "Rep. Steve Hollis said the bill was dead."
    db = archive(load_into, tmp_path, AUTHOR + [(apart, [("Steve Hollis", "Steve Hollis", "Rep.")])])
    save_quotes(db, article_of(db, apart), [{"content": "the bill was dead", "speaker": "Steve Hollis",
                                              "speaker_type": "PERSON", "direct": 0}])
    for step in FINISHERS:
        step(db)
    assert [tuple(row) for row in db.execute("select speaker, speaker_entity_id from quotes")] == [
        ("Steve Hollis", entity_id("Steve Hollis", "PERSON"))]


def test_a_merged_spelling_speaks_as_the_person(load_into, tmp_path):
    both = "Stephen Hollis, who goes by Steve Hollis, opened the shop."
    rare = "Steve Hollis said the opening went well."
    db = archive(load_into, tmp_path, [
        (both, [("Stephen Hollis", "Stephen Hollis", None), ("Stephen Hollis", "Steve Hollis", None)]),
        (rare, [("Steve Hollis", "Steve Hollis", None)])])
    save_quotes(db, article_of(db, rare), [{"content": "the opening went well", "speaker": "Steve Hollis",
                                            "speaker_type": "PERSON", "direct": 0}])
    for step in FINISHERS:
        step(db)
    assert [tuple(row) for row in db.execute("select speaker, speaker_name, speaker_entity_id from quotes")] == [
        ("Stephen Hollis", "Steve Hollis", entity_id("Stephen Hollis", "PERSON"))]


def test_an_older_archive_moves_each_spelling_to_its_own_row(load_into, tmp_path):
    """Rows made when a person's id folded the given name: the upgrade moves the mentions and quotes of "Steve
    Hollis" to its own row, and the finishers leave it apart from the author's."""
    rep = "Rep. Steve Hollis said the bill was dead."
    db = archive(load_into, tmp_path, AUTHOR + [(rep, [("Steve Hollis", "Steve Hollis", "Rep.")])])
    save_quotes(db, article_of(db, rep), [{"content": "the bill was dead", "speaker": "Steve Hollis",
                                           "speaker_type": "PERSON", "direct": 0}])
    old, new = folded_entity_id("Steve Hollis", "PERSON"), entity_id("Steve Hollis", "PERSON")
    assert old == entity_id("Stephen Hollis", "PERSON") != new
    with db.conn:  # as an older version saved them, the row shown by the folded row's name
        db.execute("update mentions set entity_id = ? where entity_id = ?", [old, new])
        db.execute("update quotes set speaker_entity_id = ?, speaker = 'Stephen Hollis'", [old])
        db.execute("delete from entities where id = ?", [new])
        db.execute(f"pragma user_version = {store.migrations.MIGRATIONS.index(split_given_name_variants)}")
    path = db.conn.execute("pragma database_list").fetchone()[2]
    db.conn.close()
    db = store.open_db(path)  # the upgrade runs on opening
    assert db.execute("pragma user_version").fetchone()[0] == len(store.migrations.MIGRATIONS)
    assert [tuple(row) for row in db.execute("select speaker, speaker_entity_id from quotes")] == [
        ("Steve Hollis", new)]
    for step in FINISHERS:
        step(db)
    assert people(db) == {"Stephen Hollis": (None, 4), "Steve Hollis": (None, 1)}
    assert [tuple(row) for row in db.execute("select speaker, speaker_entity_id from quotes")] == [
        ("Steve Hollis", new)]


# A surname written alone far more often than its one full name: the role tells whether it is that person.
PRESIDENT = [(f"President Hollis vetoed bill {n} on Tuesday.", [("Hollis", "Hollis", "President")]) for n in range(3)] \
    + [(f"Hollis flew to Ottawa for talks on day {n}.", [("Hollis", "Hollis", None)]) for n in range(3)]


def test_a_surname_that_bears_its_one_full_names_role_joins_it_however_often_it_is_written_alone(load_into, tmp_path):
    db = archive(load_into, tmp_path, PRESIDENT + [
        ("President Martin Hollis signed the treaty.", [("Martin Hollis", "Martin Hollis", "President")])])
    assert people(db) == {"Martin Hollis": (None, 7), "Hollis": ("Martin Hollis", 0)}


def test_a_surname_with_another_role_than_its_one_full_names_stays_apart(load_into, tmp_path):
    db = archive(load_into, tmp_path, PRESIDENT + [
        ("The novelist Martin Hollis signed copies in a shop.", [("Martin Hollis", "Martin Hollis", "novelist")])])
    assert people(db) == {"Martin Hollis": (None, 1), "Hollis": (None, 6)}


def test_a_surname_given_another_role_in_one_article_stays_apart(load_into, tmp_path):
    db = archive(load_into, tmp_path, PRESIDENT + [
        ("Coach Hollis praised the team.", [("Hollis", "Hollis", "Coach")]),
        ("President Martin Hollis signed the treaty.", [("Martin Hollis", "Martin Hollis", "President")])])
    assert people(db) == {"Martin Hollis": (None, 1), "Hollis": (None, 7)}


def test_a_surname_whose_role_is_written_in_too_few_of_its_articles_stays_apart(load_into, tmp_path):
    db = archive(load_into, tmp_path, PRESIDENT[:1] + [
        (f"Hollis flew to Ottawa for talks on day {n}.", [("Hollis", "Hollis", None)]) for n in range(3, 8)] + [
        ("President Martin Hollis signed the treaty.", [("Martin Hollis", "Martin Hollis", "President")])])
    assert people(db) == {"Martin Hollis": (None, 1), "Hollis": (None, 6)}


def test_the_head_of_a_role():
    from loader.store.entities import role_head
    assert [role_head(role) for role in ("U.S. Treasury Secretary", "Secretary of State", "only President", None)] == [
        {"secretary"}, {"secretary"}, {"president"}, set()]
