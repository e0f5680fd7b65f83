"""Keeping a full-text index cheaply (the FTS tables and their triggers are made by sqlite-utils'
enable_fts in ensure_db_shape).

A row is re-indexed only when its indexed columns change (narrow_update_trigger).

A batch of new rows is indexed in one `insert … select` after the rows are in, instead of row by row
from the insert trigger (3–4× faster on a file of news articles, benchmarks/RESULTS.md); the trigger is
dropped and re-created inside the caller's transaction, so a killed load rolls back both.
"""
import contextlib


def _trigger_sql(db, name: str) -> str | None:
    found = db.execute("select sql from sqlite_master where type = 'trigger' and name = ?", [name]).fetchone()
    return found[0] if found else None


@contextlib.contextmanager
def indexed_afterwards(db, table: str, columns: list[str]):
    """Within the caller's transaction: rows inserted into `table` inside the block are added to its
    FTS index in one statement at the end, not one by one by the insert trigger."""
    name = f"{table}_ai"
    sql = _trigger_sql(db, name)
    if sql is None:
        yield
        return
    before = db.execute(f'select coalesce(max(rowid), 0) from "{table}"').fetchone()[0]
    db.execute(f'drop trigger "{name}"')
    try:
        yield
    finally:
        listed = ", ".join(f'"{column}"' for column in columns)
        db.execute(f'insert into "{table}_fts" (rowid, {listed}) select rowid, {listed} from "{table}" '
                   f'where rowid > ?', [before])
        db.execute(sql)


def narrow_update_trigger(db, table: str, columns: list[str]) -> None:
    """Re-index a row's text only when its indexed columns change: sqlite-utils' trigger fires on any
    update, so marking an article extracted or linking a near-duplicate would re-index its whole body."""
    listed = ", ".join(f"[{column}]" for column in columns)
    old, new = (", ".join(f"{row}.[{column}]" for column in columns) for row in ("old", "new"))
    wanted = (f"CREATE TRIGGER [{table}_au] AFTER UPDATE OF {listed} ON [{table}] BEGIN\n"
              f"  INSERT INTO [{table}_fts] ([{table}_fts], rowid, {listed}) VALUES('delete', old.rowid, {old});\n"
              f"  INSERT INTO [{table}_fts] (rowid, {listed}) VALUES (new.rowid, {new});\nEND")
    found = _trigger_sql(db, f"{table}_au")
    if found and found != wanted:
        db.execute(f"drop trigger [{table}_au]")
        db.execute(wanted)
