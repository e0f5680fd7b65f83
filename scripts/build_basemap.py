"""Build the offline basemap the place pages draw under their points (serve/plugin/static/countries-110m.geojson).

Input: `countries-110m.json` of the npm package world-atlas 2.0.2 (TopoJSON of Natural Earth 1:110m
Admin 0 countries; Natural Earth is public domain, world-atlas ISC), fetched with `npm pack world-atlas@2.0.2`.
TopoJSON arcs are delta-encoded and quantized; this decodes them into GeoJSON polygons with coordinates
rounded to 0.01°, which is finer than the 1:110m source.

    python scripts/build_basemap.py path/to/countries-110m.json loader/serve/plugin/static/countries-110m.geojson
"""
import json
import sys

SOURCE = ("Natural Earth 1:110m Admin 0 countries (public domain), via npm world-atlas 2.0.2 (ISC), "
          "decoded by scripts/build_basemap.py")


# Antarctica spans every longitude: on a Mercator map it is a band along the bottom edge, not a shape.
LEFT_OUT = {"Antarctica"}


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[list[float]]:
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def feature(geometry: dict, arcs) -> dict:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
    return {"type": "Feature", "properties": {"name": geometry.get("properties", {}).get("name")},
            "geometry": {"type": "MultiPolygon", "coordinates": coordinates}}


def main(source: str, target: str) -> None:
    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = [feature(g, arcs) for g in topology["objects"]["countries"]["geometries"]
                if g.get("arcs") and g.get("properties", {}).get("name") not in LEFT_OUT]
    with open(target, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "source": SOURCE, "features": features}, out,
                  separators=(",", ":"), ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:3])
