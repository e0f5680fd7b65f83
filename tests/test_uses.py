"""Names the archive writes as a law or an office (loader/store/uses.py): retyped across articles from the
`used_as` evidence of single mentions, and given their type back when the evidence goes."""
from loader.store import ensure_db_shape, open_db
from loader.store.entities import entity_id, refresh_entities
from loader.store.uses import retype_uses


def archive(tmp_path, rows: dict):
    """rows: name → (type, [(article, used_as), …])."""
    db = open_db(str(tmp_path / "archive.db"))
    ensure_db_shape(db)
    for name, (type_, mentions) in rows.items():
        db["entities"].insert({"id": entity_id(name, type_), "name": name, "type": type_, "aliases": "[]"})
        db["mentions"].insert_all({"article_id": article, "entity_id": entity_id(name, type_), "text": name,
                                   "type": type_, "entity_name": name, "used_as": used_as}
                                  for article, used_as in mentions)
    refresh_entities(db)
    return db


def types(db) -> dict:
    return {row["name"]: row["type"] for row in db.query("select name, type from entities")}


def test_a_name_written_as_a_law_or_an_office_in_enough_articles_is_shown_as_one(tmp_path):
    db = archive(tmp_path, {
        # 3 of 8 articles write it as a law (the others neutrally: "... is failing")
        "Carecorp": ("ORG", [(f"a{n}", "programme" if n < 3 else None) for n in range(8)]),
        "Nordlink": ("ORG", [(f"a{n}", "programme" if n < 2 else None) for n in range(12)]),  # 2 of 12: a body
        "Fennel": ("ORG", [("a1", "programme"), ("a2", None)]),  # one article is not enough
        "Ceannasai": ("PERSON", [("a1", "office"), ("a2", "office"), ("a3", None), ("a4", None), ("a5", None)]),
    })
    assert retype_uses(db) == 2
    assert types(db) == {"Carecorp": "LAW", "Nordlink": "ORG", "Fennel": "ORG", "Ceannasai": "OFFICE"}
    assert retype_uses(db) == 0  # nothing new: nothing changes


def test_a_retyped_name_gets_its_type_back_when_the_evidence_goes(tmp_path):
    db = archive(tmp_path, {"Carecorp": ("ORG", [("a1", "programme"), ("a2", "programme"), ("a3", None)])})
    assert retype_uses(db) == 1 and types(db) == {"Carecorp": "LAW"}
    db.execute("update mentions set used_as = null where article_id = 'a2'")  # re-extracted: no longer so
    assert retype_uses(db) == 1
    assert types(db) == {"Carecorp": "ORG"}


def test_a_persons_full_name_is_never_retyped_nor_a_person_a_law(tmp_path):
    db = archive(tmp_path, {"Ann Hale": ("PERSON", [("a1", "office"), ("a2", "office")]),
                            "Halvorsen": ("PERSON", [("a1", "programme"), ("a2", "programme")])})  # "under Halvorsen"
    assert retype_uses(db) == 0 and types(db) == {"Ann Hale": "PERSON", "Halvorsen": "PERSON"}


def test_a_law_each_article_names_once_is_shown_as_a_law_after_a_load(load_into, tmp_path):
    """Real extraction: one mention per article, so no article drops it; two of three write it as a law."""
    import json
    records = [
        {"title": "Cover", "body": "The Affordable Care Act, known as Obamacare, covers 20 million people."},
        {"title": "Program", "body": "The state expanded the program under Obamacare. Costs rose under NATO rules."},
        {"title": "Poll", "body": "Voters in Ohio still support Obamacare, a poll found."},  # no use: neutral
    ]
    path = tmp_path / "laws.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    db, _ = load_into(path, nlp=True)
    rows = {row["name"]: (row["type"], row["article_count"]) for row in db.query(
        "select name, type, article_count from entities where name in ('Obamacare', 'NATO')")}
    assert rows == {"Obamacare": ("LAW", 3), "NATO": ("ORG", 1)}
    assert [row[0] for row in db.execute("select used_as from mentions where text = 'Obamacare' order by article_id")
            ].count("programme") == 2
