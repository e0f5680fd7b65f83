"""Small SQL helpers shared by the save_* modules of the store (one home, imported by each)."""
from contextlib import contextmanager

from sqlite_utils.db import jsonify_if_needed

SQL_CHUNK = 500  # ids per "in (...)" query, under SQLite's variable limit


def chunks(items: list) -> list[list]:
    return [items[start:start + SQL_CHUNK] for start in range(0, len(items), SQL_CHUNK)]


def marks(items: list) -> str:
    return ",".join("?" * len(items))


def insert_or_ignore(db, table: str, row: dict) -> None:
    """One row, in plain SQL: called per article, where sqlite-utils' helpers would re-read the schema."""
    columns = ", ".join(f"[{name}]" for name in row)
    db.execute(f"insert or ignore into [{table}] ({columns}) values ({', '.join('?' * len(row))})",
               list(row.values()))


def replace_article_rows(db, table: str, article_id: str, rows: list[dict]) -> bool:
    """Extraction output for one article replaces whatever was stored for it before; returns whether
    anything changed. Rows equal to the stored ones are left as they are, ids included, so extracting
    again with a new version that finds the same keeps every link (a quote's anchor) valid."""
    if _same_as_stored(db, table, article_id, rows):
        return False
    db.execute(f"delete from [{table}] where article_id = ?", [article_id])
    if rows:
        insert_rows(db, table, [{**row, "article_id": article_id} for row in rows])
    return True


def insert_rows(db, table: str, rows: list[dict], verb: str = "insert") -> None:
    """Insert rows in one executemany (`verb`: "insert" or "insert or ignore"), values stored as sqlite-utils'
    insert_all stores them (lists and dicts as JSON), without its per-call reading of the schema: this runs
    for every extracted article and every batch of new articles."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    db.conn.executemany(f"{verb} into [{table}] ({', '.join(f'[{name}]' for name in columns)}) "
                        f"values ({', '.join('?' * len(columns))})",
                        [[jsonify_if_needed(row.get(name)) for name in columns] for row in rows])


def _same_as_stored(db, table: str, article_id: str, rows: list[dict]) -> bool:
    if not rows:
        return not db.execute(f"select 1 from [{table}] where article_id = ? limit 1", [article_id]).fetchone()
    columns = ", ".join(f"[{name}]" for name in rows[0])
    stored = db.execute(f"select {columns} from [{table}] where article_id = ? order by id", [article_id])
    return [tuple(row) for row in stored] == [tuple(row.values()) for row in rows]


@contextmanager
def finisher_pass(db):
    """One pass of the FINISHERS (store.finish_load): what several of them read and none of them writes (the
    locations, article bodies, mentions' spans and types) is read once in the pass (`once_per_pass`), and forgotten
    when it ends, so that the next load reads it afresh."""
    db.pass_memo = {}
    try:
        yield
    finally:
        del db.pass_memo


def once_per_pass(db, key: tuple, compute):
    """compute(), remembered under `key` for the rest of the finisher pass (outside one, computed every time)."""
    memo = getattr(db, "pass_memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
