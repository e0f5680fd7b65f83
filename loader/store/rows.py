"""Small SQL helpers shared by the save_* modules of the store (one home, imported by each)."""

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


def replace_article_rows(db, table: str, article_id: str, rows: list[dict]) -> None:
    """Extraction output for one article replaces whatever was stored for it before."""
    db.execute(f"delete from [{table}] where article_id = ?", [article_id])
    if rows:
        db[table].insert_all([{**row, "article_id": article_id} for row in rows])
