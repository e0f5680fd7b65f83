"""CSV/TSV with a header row; the header names are mapped to article fields in normalize."""
import csv
import io

from ..model import Record

csv.field_size_limit(2**31 - 1)  # oversized records are caught, with their position, by the record limit


def read_csv(text: str, origin: str) -> list[Record]:
    dialect = _sniff(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    records = []
    try:
        for row in reader:
            position = f"row {reader.line_num}"
            extra = row.pop(None, None)
            if extra:
                records.append(Record(origin, position, "csv", error=f"row has {len(extra)} more fields than the header",
                                      raw=_raw_row(row, extra)))
                continue
            records.append(Record(origin, position, "csv", fields={k: v for k, v in row.items() if k}))
    except csv.Error as error:
        records.append(Record(origin, f"row {reader.line_num}", "csv", error=f"broken CSV: {error}"))
    if reader.fieldnames is None:
        return [Record(origin, "row 1", "csv", error="CSV has no header row", raw=text)]
    return records


def _sniff(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096].split("\n", 1)[0], delimiters=",\t;|")
    except csv.Error:
        return csv.excel


def _raw_row(row: dict, extra: list) -> str:
    return ",".join(str(v) for v in list(row.values()) + extra)
