"""Datasette plugin for places (a declared entry point): the distance function the "articles near"
query uses. Distances come from loader/geometry.py, shared with extraction."""
from datasette import hookimpl

from ...geometry import distance_km


@hookimpl
def prepare_connection(conn):
    conn.create_function("distance_km", 4, distance_or_none, deterministic=True)


def distance_or_none(lat1, lon1, lat2, lon2):
    """Great-circle km; None when a coordinate is missing or not a number."""
    try:
        return distance_km(float(lat1), float(lon1), float(lat2), float(lon2))
    except (TypeError, ValueError):
        return None
