"""Save an article's geocoded locations: one `places` row per GeoNames place (upserted by id, with its
article count kept current) and one `locations` row per mention. The article row gets the JSON arrays
`place_names` and `country_codes`, so articles can be faceted by place and by country."""
import json

from .rows import replace_article_rows

PLACE_COLUMNS = ("name", "feature_code", "country_code", "admin1", "latitude", "longitude", "population")
LOCATION_COLUMNS = ("text", "start", "end", "is_dateline", "score")
# sqlite-utils' upsert in plain SQL (run for every location; the other columns, article_count, are kept).
UPSERT_PLACE = (f"insert into places (id, {', '.join(PLACE_COLUMNS)}) "
                f"values ({', '.join('?' * (1 + len(PLACE_COLUMNS)))}) on conflict (id) do update set "
                + ", ".join(f"{name} = excluded.{name}" for name in PLACE_COLUMNS))


def save_place(db, location: dict) -> int:
    """Upsert the GeoNames place a location resolved to; returns its id (the GeoNames id)."""
    values = [location["geonameid"], *(location.get(column) for column in PLACE_COLUMNS)]
    db.execute(UPSERT_PLACE, values)
    return values[0]


def save_locations(db, article_id: str, locations: list[dict]) -> list[int]:
    """Replace the article's locations; returns the ids of the places it mentions."""
    before = {row["place_id"] for row in db.query(
        "select distinct place_id from locations where article_id = ?", [article_id])}
    rows = [{"place_id": save_place(db, location), **{column: location.get(column) for column in LOCATION_COLUMNS}}
            for location in locations]
    replace_article_rows(db, "locations", article_id, rows)
    place_ids = sorted({row["place_id"] for row in rows})
    refresh_article_counts(db, before | set(place_ids))
    _tag_article(db, article_id, locations)
    return place_ids


def refresh_article_counts(db, place_ids) -> None:
    for place_id in place_ids:
        db.execute("update places set article_count = (select count(distinct article_id) from locations "
                   "where place_id = :id) where id = :id", {"id": place_id})


def _tag_article(db, article_id: str, locations: list[dict]) -> None:
    names = sorted({location["name"] for location in locations})
    countries = sorted({location["country_code"] for location in locations if location.get("country_code")})
    db.execute("update articles set place_names = ?, country_codes = ? where id = ?",
               [json.dumps(names, ensure_ascii=False), json.dumps(countries), article_id])
