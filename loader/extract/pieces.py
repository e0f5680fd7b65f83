"""Long texts extracted in bounded pieces, with offsets into the whole text.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters: error E088), and what one parse
costs grows with the text's length (a 950,000-character article took 404 s and 4.2 GB in one worker).
So a text over PIECE_CHARS is cut into pieces of at most that many characters, at paragraph breaks
(a blank line; failing that a line break, a sentence end, a space, and only then anywhere); each
piece is extracted as an item of its own, at most BATCH_CHARS of pieces at a time, and the results
are joined: character offsets shifted back into the whole text, sentence numbers kept distinct.

What crosses a cut is not seen: a quote running over it, a surname resolved to a full name given in
an earlier piece. Only the first piece keeps the dateline (the place a story was filed from is
counted once). Short texts, nearly all articles, pass through untouched, in one call.
"""
PIECE_CHARS = 100_000
BATCH_CHARS = 100_000  # characters handed to one run() call (one spaCy memory zone): one piece at a time
OFFSET_KEYS = ("start", "end", "speaker_start", "speaker_end")
# Where a cut may go, best first: after a paragraph break, a line break, a sentence end, a space.
BREAKS = ("\n\n", "\n", ". ", " ")


def extract_in_pieces(items: list[dict], run, limit: int = PIECE_CHARS) -> list[dict]:
    """run(items) → one result per item; long texts go through it as pieces, in batches."""
    pieces, plan = [], []  # plan: per item, the (index in pieces, offset) of its pieces
    for item in items:
        text = item.get("text")
        cuts = split(text, limit) if isinstance(text, str) and len(text) > limit else [(0, text)]
        plan.append([(len(pieces) + number, offset) for number, (offset, _) in enumerate(cuts)])
        pieces += [_piece(item, part, first=number == 0) for number, (_, part) in enumerate(cuts)]
    if len(pieces) == len(items):
        return run(items)
    found = [result for batch in _batches(pieces) for result in run(batch)]
    return [_join(item, [(found[index], offset) for index, offset in parts]) for item, parts in zip(items, plan)]


def split(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text` in order, each piece at most `limit` characters."""
    pieces, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    return pieces + [(start, text[start:])]


def _cut(text: str, start: int, end: int) -> int:
    """The best place to end a piece in text[start:end], in its second half so pieces stay large."""
    for mark in BREAKS:
        found = text.rfind(mark, start + (end - start) // 2, end)
        if found != -1:
            return found + len(mark)
    return end


def _piece(item: dict, text, first: bool) -> dict:
    return {**item, "text": text} if first else {**item, "text": text, "dateline": None}


def _batches(pieces: list[dict]):
    batch, size = [], 0
    for piece in pieces:
        if batch and size + len(piece["text"] or "") > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece["text"] or "")
    if batch:
        yield batch


def _join(item: dict, parts: list[tuple[dict, int]]) -> dict:
    """One result from its pieces' results: rows concatenated with offsets into the whole text; the
    first error, if a piece had one, is the item's."""
    joined = {"id": item.get("id")}
    sentences = 0
    for result, offset in parts:
        for key, rows in result.items():
            if isinstance(rows, list):
                joined.setdefault(key, []).extend(_shifted(row, offset, sentences) for row in rows)
        sentences = 1 + max([sentences - 1] + [row.get("sentence", -1) for row in joined.get("mentions", [])])
        if result.get("error") and "error" not in joined:
            joined["error"] = result["error"]
    return joined


def _shifted(row: dict, offset: int, sentences: int) -> dict:
    moved = {key: row[key] + offset for key in OFFSET_KEYS if isinstance(row.get(key), int)}
    if isinstance(row.get("sentence"), int) and offset:
        moved["sentence"] = row["sentence"] + sentences
    return {**row, **moved}
