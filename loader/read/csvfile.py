"""CSV/TSV with a header row; the header names are mapped to article fields in normalize.

A broken quote would make the csv module swallow every line after it into one field, so a row
that spans several lines and does not fit the header is reported on its first line and the
lines after it are read again: one bad row costs one record, never the rest of the file.
"""
import csv
import io

from ..model import Record

csv.field_size_limit(2**31 - 1)  # oversized records are caught, with their position, by the record limit


def read_csv(text: str, origin: str) -> list[Record]:
    lines = io.StringIO(text, newline="").readlines()
    delimiter = _sniff_delimiter(text)
    header, records, start = None, [], 0
    while start < len(lines):
        reader = csv.reader(lines[start:], delimiter=delimiter)
        done = 0  # lines of lines[start:] taken by the rows read so far
        try:
            for fields in reader:
                first, span = start + done + 1, reader.line_num - done
                done = reader.line_num
                if not fields:
                    continue
                if header is None:
                    header = fields
                elif span > 1 and _broken(fields, header, lines[first - 1:first - 1 + span],
                                          first - 1 + span >= len(lines)):
                    records.append(Record(origin, f"row {first}", "csv", raw=lines[first - 1],
                                          error="unbalanced quote: the row runs into the lines after it"))
                    start = first  # read again from the line after the broken one
                    break
                else:
                    records.append(_record(origin, f"row {first}", header, fields))
            else:
                start = len(lines)
        except csv.Error as error:
            records.append(Record(origin, f"row {start + done + 1}", "csv", error=f"broken CSV: {error}",
                                  raw=lines[start + done]))
            start += done + 1
    if header is None:
        return [Record(origin, "row 1", "csv", error="CSV has no header row", raw=text)]
    return records


def _broken(fields: list, header: list, row_lines: list[str], at_end: bool) -> bool:
    """A multi-line row is a real quoted field only if it fits the header and closes its quotes.

    A quote that never closes runs to the end of the file; a quote in mid-field is literal, so
    counting quotes alone misses it ('x;"<tab>"' opens a field at its second quote).
    """
    quotes = sum(line.count('"') for line in row_lines)
    unclosed = at_end and "\n" in fields[-1] and not row_lines[-1].rstrip("\r\n").endswith('"')
    return len(fields) != len(header) or quotes % 2 == 1 or unclosed


def _record(origin: str, position: str, header: list, fields: list) -> Record:
    if len(fields) > len(header):
        return Record(origin, position, "csv", error=f"row has {len(fields) - len(header)} more fields than the header",
                      raw=",".join(fields))
    return Record(origin, position, "csv", fields={name: value for name, value in zip(header, fields) if name})


def _sniff_delimiter(text: str) -> str:
    """Only the delimiter is sniffed, from the header line; quoting stays standard CSV ("" inside
    quotes): the sniffer's quoting guesses from one line wrongly turn off doubled quotes."""
    try:
        return csv.Sniffer().sniff(text[:4096].split("\n", 1)[0], delimiters=",\t;|").delimiter
    except csv.Error:
        return ","
