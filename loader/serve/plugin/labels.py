"""Human labels for the codes the archive stores: countries, GeoNames feature codes, entity types,
quote kinds, and readable dates. Used by cells, facets and pages alike (one home)."""
from datetime import date, datetime

from ...geonames import FEATURE_LABELS, country_name  # noqa: F401  (labels of GeoNames codes: one home)

# Places a distance to a point means little for ("near" Beijing is not everything in China).
AREA_FEATURES = ("PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR", "PCLH", "ADM1", "CONT", "RGN", "OCN", "SEA", "GULF",
                 "BAY", "STRT", "PEN", "ZNB")
ENTITY_TYPE_LABELS = {
    "PERSON": "person", "ORG": "organisation", "GPE": "country, city or state", "LOC": "place",
    "NORP": "nationality or group", "FAC": "building or facility", "LAW": "law or programme", "OFFICE": "office",
    "PRODUCT": "product",
}
DIRECT_LABELS = {1: "direct quote", 0: "reported speech"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def human_label(column: str, value):
    """The label for a stored code in `column`, or None when the value is shown as it is."""
    if value is None or value == "":
        return None
    if column == "country_code" or column == "country_codes":
        return country_name(value)
    if column == "feature_code":
        return FEATURE_LABELS.get(str(value))
    if column == "direct":
        try:
            return DIRECT_LABELS.get(int(value))
        except (TypeError, ValueError):
            return None
    if column == "type":
        return ENTITY_TYPE_LABELS.get(str(value))
    if column == "published_month":
        return month_label(str(value))
    return None


def month_label(month: str) -> str | None:
    """2017-10 → October 2017."""
    try:
        return f"{MONTHS[int(month[5:7]) - 1]} {int(month[:4])}"
    except (ValueError, IndexError):
        return None


def human_time(value: str | None) -> str:
    """ISO 8601 as stored → "27 October 2017, 19:50 (UTC+08:00)"; a date alone stays a date."""
    if not value:
        return ""
    try:
        if len(value) <= 10:
            day = date.fromisoformat(value)
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"
    offset = moment.strftime("%z")
    if offset:
        text += " (UTC)" if offset == "+0000" else f" (UTC{offset[:3]}:{offset[3:]})"
    return text
