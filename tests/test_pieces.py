"""Long articles: extracted in bounded pieces with the real spaCy model, offsets into the whole text."""
import json
import os
import resource
import shutil
import subprocess
import sys
import time

import pytest

from loader.extract import extract_items, nlp
from loader.extract.pieces import split

NEWS_ARCHIVE = shutil.which("news-archive", path=os.path.dirname(sys.executable))
PARAGRAPHS = [
    "Ships of the northern fleet docked in Hong Kong on Monday after a storm closed the port for three days.",
    '"We are glad to be back," said Captain Mary Tanaka, who commands the largest of the vessels.',
    "The harbour master, John Okafor, said traffic through Singapore and Shanghai had also been delayed.",
    "Officials in London expect shipping rates to fall once the backlog of containers is cleared.",
]


def long_text(characters: int) -> str:
    paragraphs, size, number = [], 0, 0
    while size < characters:
        paragraph = f"{PARAGRAPHS[number % len(PARAGRAPHS)]} (Report {number}.)"
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        number += 1
    return "\n\n".join(paragraphs)


def test_split_covers_the_text_at_paragraph_breaks():
    text = long_text(50_000)
    pieces = split(text, 10_000)
    assert "".join(piece for _, piece in pieces) == text
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:n]) for n in range(len(pieces))]
    assert all(len(piece) <= 10_000 for _, piece in pieces) and len(pieces) == 6
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])


def test_split_without_any_break_cuts_anyway():
    assert split("x" * 25, 10) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]


@pytest.fixture
def short_max_length():
    """spaCy's own E088 limit, lowered so a 60,000-character text stands for a 1,000,001-character one."""
    language = nlp.get_nlp()
    before = language.max_length
    language.max_length = 20_000
    yield
    language.max_length = before


def test_a_text_over_spacys_limit_is_extracted_in_pieces(short_max_length):
    text = long_text(60_000)
    [found] = extract_items([{"id": "long", "text": text, "dateline": "HONG KONG"}])
    assert "error" not in found, found.get("error")
    assert found["mentions"] and found["quotes"] and found["locations"]
    for mention in found["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    for quote in found["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["content"]
        if quote["speaker_start"] is not None:
            assert text[quote["speaker_start"]:quote["speaker_end"]]
    for location in found["locations"]:
        if location["start"] is not None:
            assert text[location["start"]:location["end"]] == location["text"]
    assert sum(1 for location in found["locations"] if location["is_dateline"] and location["start"] is None) == 1
    assert max(m["start"] for m in found["mentions"]) > 50_000  # the last piece's, shifted into the whole text
    sentences = [m["sentence"] for m in found["mentions"]]
    assert sentences == sorted(sentences) and max(sentences) > 400


def test_short_texts_are_extracted_as_before(short_max_length):
    text = "\n\n".join(PARAGRAPHS)
    [whole] = extract_items([{"id": "short", "text": text}])
    names = ["Hong Kong", "Mary Tanaka", "John Okafor"]
    assert [(m["start"], m["text"]) for m in whole["mentions"] if m["text"] in names] == [
        (text.index(name), name) for name in names]


@pytest.mark.slow
def test_a_million_character_article_in_bounded_memory(tmp_path):
    """The probe's article: over 1,000,000 characters (spaCy E088 without pieces), in one worker's memory."""
    text = long_text(1_000_001)
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "huge", "text": text}) + "\n")
    started = time.monotonic()
    with open(tmp_path / "out.jsonl", "w") as out:
        subprocess.run([NEWS_ARCHIVE, "extract", str(tmp_path / "in.jsonl"), "--workers", "1"], stdout=out,
                       check=True, timeout=1800)
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    [found] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert "error" not in found and len(found["mentions"]) > 10_000
    assert all(text[m["start"]:m["end"]] == m["text"] for m in found["mentions"])
    print(f"\n{len(text):,} characters extracted in {seconds:.0f} s, peak {peak_mb} MB "
          f"(load average {os.getloadavg()[0]:.1f})")
    assert peak_mb < 1000  # the model alone takes about 420 MB; 200,000-character batches took 1,221 MB
