"""Which HTML field rules generalise: publisher-level cross-validation on the extraction dev pages.

The dev pages (shared/eval/extraction, read at run time, never copied) come from ~160 publishers; a rule
tuned on them may fit those publishers rather than the web. The publishers are split into two halves by
a hash of their name. Each page is parsed once (loader.read.pagemeta + trafilatura, as the HTML reader
does); then every rule of loader/read/htmlfields.py listed in RULES is switched off in turn and the
title, authors and date are chosen again (choose_fields) and scored with the set's scorer on each half.

- A rule is kept when switching it off does not help on either half, in any field it serves (Δ ≥ 0); the
  verdict says whether it helps on both halves, on one (never hurting), or has no effect. The date rules
  are scored on the calendar date and on the instant (time and offset), which is what borrowing serves.
- The cross-validated figure: rules chosen on one half (kept unless switching off helps there), scored
  on the other half, both ways, pooled over pages; beside it the dev figure (all rules, all pages).

    .venv/bin/python benchmarks/fields_cv.py

Writes benchmarks/results/fields_cv.md.
"""
import gzip
import hashlib
import importlib.util
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import lxml.html
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from loader.normalize.dates import parse_date  # noqa: E402
from loader.read import html as html_reader  # noqa: E402
from loader.read import htmlfields  # noqa: E402
from loader.read.pagemeta import page_metadata  # noqa: E402
from _results import publish  # noqa: E402

EVAL = next((p for p in (ROOT.parent / "shared/eval/extraction", Path("/work/shared/eval/extraction"))
             if p.exists()), None)
FIELDS = ("title_em", "authors_f1", "date_acc", "instant_acc")
# rule → (what it does, the fields it serves, the patch that switches it off: attribute of htmlfields → stand-in)
RULES = {
    "core title": ("of two metadata headlines where one holds the other as spelled, the shorter", ("title_em",),
                   {"_core": lambda titles: None}),
    "strip tail": ("'Headline - Site' → 'Headline' when another source has the headline alone", ("title_em",),
                   {"_strip_tail": lambda title, others: title}),
    "strip site": ("'Headline | og:site_name' → 'Headline'", ("title_em",),
                   {"_strip_site": lambda title, site: title}),
    "heading vote": ("the <h1> that repeats a metadata title votes", ("title_em",),
                     {"_heading": lambda headings, metas, heading=htmlfields._heading:
                      None if any(metas) else heading(headings, metas)}),
    "heading fallback": ("a page without metadata headlines: the <h1> before <title>", ("title_em",),
                         {"_heading": lambda headings, metas, heading=htmlfields._heading:
                          heading(headings, metas) if any(metas) else None}),
    "publisher-only authors": ("authors naming only the publisher lose to metadata naming people, or to a "
                               "text guess of full names", ("authors_f1",),
                               {"choose_authors": lambda sources, site, guess=None: next(
                                   (names for names in map(htmlfields.author_names, [*sources, guess]) if names),
                                   [])}),
    "bracketed asides": ("'Anna Meier (ame)' → 'Anna Meier'", ("authors_f1",),
                         {"_strip_asides": lambda text: text}),
    "labelled <time>": ("<time> elements labelled as the publication time are candidates",
                        ("date_acc", "instant_acc"), {"_labelled_times": lambda page: []}),
    "borrowed offset": ("a date without offset borrows one from another tag giving the same moment",
                        ("date_acc", "instant_acc"), {"_same_moment": lambda naive, aware, with_time: False}),
}


def scorer():
    spec = importlib.util.spec_from_file_location("extraction_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half(publisher: str) -> str:
    return "A" if hashlib.sha256(publisher.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def parsed_pages(gold: list[dict]) -> list[tuple[dict, dict, object]]:
    pages = []
    for row in gold:
        text = gzip.decompress((EVAL / "html" / f"{row['id']}.html.gz").read_bytes()).decode("utf-8", "replace")
        try:
            meta = page_metadata(lxml.html.fromstring(text))
        except Exception:  # noqa: BLE001 - a page the reader cannot parse scores zero, as in the loader
            meta = None
        extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                                favor_precision=True, date_extraction_params=html_reader.DATE_PARAMS)
        pages.append((row, meta, extracted))
    return pages


def predict(meta, extracted) -> dict:
    if meta is None:
        return {}
    fields = htmlfields.choose_fields(meta, extracted)
    published = fields.get("published_at")
    return {"title": fields.get("title"), "authors": fields.get("authors") or [],
            "published": parse_date(published) if published else None}


def scores(pages, score, switched_off: set = frozenset()) -> dict[str, list[dict]]:
    """Scored pages by half, with the rules in `switched_off` patched out."""
    with ExitStack() as stack:
        for rule in switched_off:
            for attribute, stand_in in RULES[rule][2].items():
                stack.enter_context(mock.patch.object(htmlfields, attribute, stand_in))
        by_half = {"A": [], "B": []}
        for row, meta, extracted in pages:
            by_half[half(row["publisher"])].append(score.score_doc(row, predict(meta, extracted)))
    return by_half


def mean(docs: list[dict], field: str) -> float:
    values = [doc[field] for doc in docs if doc.get(field) is not None]
    return sum(values) / len(values) if values else 0.0


def figures() -> tuple[list[str], str]:
    """(the figures table: dev beside cross-validated, the line naming the rules that hurt on a half),
    and the per-rule table and timing, as fields_cv.md reports them."""
    return _run()[:2]


def _run():
    score = scorer()
    gold = [row for row in score.load_jsonl(EVAL / "gold.jsonl") if row.get("title") is not None]
    started = time.monotonic()
    pages = parsed_pages(gold)
    full = scores(pages, score)
    publishers = {h: len({row["publisher"] for row, _, _ in pages if half(row["publisher"]) == h}) for h in "AB"}
    lines = ["| rule | fields | what it does | Δ half A | Δ half B | verdict |", "|---|---|---|---:|---:|---|"]
    harmful = {"A": set(), "B": set()}
    for rule, (what, fields, _) in RULES.items():
        off = scores(pages, score, {rule})
        delta = {h: [mean(full[h], field) - mean(off[h], field) for field in fields] for h in "AB"}
        for h in "AB":
            if min(delta[h]) < 0:
                harmful[h].add(rule)
        helps = [min(delta[h]) >= 0 and max(delta[h]) > 0 for h in "AB"]
        verdict = "hurts on a half" if harmful["A"] & {rule} or harmful["B"] & {rule} else (
            "helps on both" if all(helps) else "helps on one half, never hurts" if any(helps) else "no effect")
        cells = {h: " / ".join(f"{d:+.3f}" for d in delta[h]) for h in "AB"}
        lines.append(f"| {rule} | {', '.join(fields)} | {what} | {cells['A']} | {cells['B']} | {verdict} |")
    # Rules chosen on one half (dropped where switching them off helps there), scored on the other.
    crossed = scores(pages, score, harmful["A"])["B"] + scores(pages, score, harmful["B"])["A"]
    dev = full["A"] + full["B"]
    table = ["| field | dev (all rules, all pages) | cross-validated (rules chosen on the other half) | "
             "half A | half B |", "|---|---:|---:|---:|---:|"]
    for field in FIELDS:
        table.append(f"| {field} | {mean(dev, field):.3f} | {mean(crossed, field):.3f} | "
                     f"{mean(full['A'], field):.3f} | {mean(full['B'], field):.3f} |")
    hurting = (f"Rules that hurt on half A: {', '.join(sorted(harmful['A'])) or 'none'}; "
               f"on half B: {', '.join(sorted(harmful['B'])) or 'none'}.")
    header = (f"Command: `.venv/bin/python benchmarks/fields_cv.py` ({time.monotonic() - started:.0f} s, load "
              f"average {os.getloadavg()[0]:.1f}). {len(pages)} dev pages with a gold title (fundus set), "
              f"{publishers['A']} publishers in half A, {publishers['B']} in half B (split by a hash of the "
              "name). Fields are chosen by `choose_fields` as the HTML reader does; the date is scored after "
              "`parse_date`; the loader's stored fields can differ slightly (see extraction.md).")
    return table, hurting, lines, header


def main() -> int:
    if EVAL is None:
        sys.exit("no shared/eval/extraction next to the repository or at /work/shared/eval/extraction")
    table, hurting, lines, header = _run()
    report = "\n".join([
        "# HTML field rules, cross-validated by publisher", "", header, "", *table, "",
        "Each rule switched off alone; Δ = score with the rule − score without it, on that half's pages "
        "(one figure per field the rule serves, in the order of the fields column).", "",
        *lines, "", hurting, "",
    ])
    return publish(report, "fields_cv.md")


if __name__ == "__main__":
    sys.exit(main())
