"""Keeping the full-text indexes in sync cheaply (the FTS tables and their triggers are made by
sqlite-utils' enable_fts in ensure_db_shape).

- The update trigger is narrowed to the indexed columns: the loader updates articles often for other
  reasons (near-duplicate links, `extracted_with`, place arrays), and each such update used to delete
  and re-add the whole article in the index.
- A batch of new rows is indexed in one `insert … select` after the rows are in, instead of row by row
  from the insert trigger (3–4× faster on a file of news articles, benchmarks/RESULTS.md); the trigger is
  dropped and re-created inside the caller's transaction, so a killed load rolls back both.
"""
import contextlib


def _trigger_sql(db, name: str) -> str | None:
    found = db.execute("select sql from sqlite_master where type = 'trigger' and name = ?", [name]).fetchone()
    return found[0] if found else None


def narrow_update_trigger(db, table: str, columns: list[str]) -> None:
    """Make `<table>_au` fire only when an indexed column is updated (same name, same body)."""
    name = f"{table}_au"
    sql = _trigger_sql(db, name)
    if not sql or " UPDATE OF " in sql.upper():
        return
    listed = ", ".join(f'"{column}"' for column in columns)
    narrowed = sql.replace(f'AFTER UPDATE ON "{table}"', f'AFTER UPDATE OF {listed} ON "{table}"', 1)
    if narrowed == sql:
        return  # not the shape sqlite-utils writes: left alone
    db.execute(f'drop trigger "{name}"')
    db.execute(narrowed)


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
