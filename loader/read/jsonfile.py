"""JSON (an object, an array of objects, or an object holding such an array) and JSON Lines."""
import json
import sys

from ..model import Record

# Scrapers often wrap their list of articles in one key.
CONTAINER_KEYS = ("articles", "items", "data", "results", "documents", "docs", "records")
# json.loads raises a plain ValueError (not JSONDecodeError) for an integer past Python's digit limit.
TOO_MANY_DIGITS = f"invalid JSON: a number with over {sys.get_int_max_str_digits():,} digits"


def read_json(text: str, origin: str) -> list[Record]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if _looks_like_jsonl(text):
            return read_jsonl(text, origin)
        return [Record(origin, f"line {error.lineno} column {error.colno}", "json",
                       error=f"invalid JSON: {error.msg}", raw=text)]
    except RecursionError:
        return [Record(origin, "file", "json", error="JSON nested too deeply", raw=text)]
    except ValueError:  # an integer too long for Python to convert
        return [Record(origin, "file", "json", error=TOO_MANY_DIGITS, raw=text)]
    items = _unwrap(value)
    if items is None:
        return [Record(origin, "file", "json", error="JSON holds no article object", raw=text)]
    return [_record(item, origin, f"item {index}", "json") for index, item in enumerate(items, 1)]


def read_jsonl(text: str, origin: str) -> list[Record]:
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            records.append(Record(origin, f"line {number}", "jsonl", error=f"invalid JSON: {error.msg}",
                                  raw=line))
            continue
        except RecursionError:
            records.append(Record(origin, f"line {number}", "jsonl", error="JSON nested too deeply", raw=line))
            continue
        except ValueError:
            records.append(Record(origin, f"line {number}", "jsonl", error=TOO_MANY_DIGITS, raw=line))
            continue
        records.append(_record(value, origin, f"line {number}", "jsonl"))
    return records


def _unwrap(value):
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in CONTAINER_KEYS:
            if isinstance(value.get(key), list):
                return value[key]
        return [value]
    return None


def _record(value, origin: str, position: str, fmt: str) -> Record:
    if not isinstance(value, dict):
        return Record(origin, position, fmt, error=f"expected a JSON object, found {type(value).__name__}",
                      raw=json.dumps(value)[:10000])
    return Record(origin, position, fmt, fields=value)


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:5])
