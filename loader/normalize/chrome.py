"""Page chrome inside article text: share-button rows, promo calls to action, trailing credit lines.

Text exported from news sites (a CSV column holding a whole article on one line, a scraper's "text" field)
keeps what the page showed around the story: a row of share buttons ("Send Facebook Twitter Google+ …
Permalink http://…"), an agency credit ("ab/cd (AFP, dpa)", "Source: Example News and agencies"), a
print-edition credit ("(Example Weekly 12/30/2016 page29)"), the writer's e-mail, a newsletter promo ending
in "Learn more". Left in the body, NER turns a share button into a place and a credit line into an
organisation in every article of that site. Each is recognised by its shape — never by a site's name:
- a share row is furniture: removed; between two parts of a story it becomes a paragraph break;
- a promo at the end of the text (a call to action and the question or pitch to the reader before it) and a
  "Share this slide:" label are furniture: removed;
- a credit at the end of the text (agency codes, "Source: …", "Author: …", a print-edition or picture credit,
  the writer's e-mail or social handle, an opinion page's disclaimer) moves to `credits`: nothing the
  publisher said about the story is lost.
Credits and promos are looked for only at the end of the body and just before a share row (where pages put
them), and only a run of several share words with no punctuation between them is a share row, so prose
that names Facebook and Twitter keeps them. Anywhere in the text, a few more shapes are chrome:
- a link to another story, "READ MORE: <headline>" (`links.py` tells where the headline ends): removed;
- an embedded post's signature ("— Kim Vale (@kimvale) March 3, 2017") and a video player's placeholder
  ("Media playback is not supported on this device"): removed;
- a picture's credit after its caption ("… on Jan 9. Kim Vale / For Example Daily He said …"): to `credits`.
"""
import re
from dataclasses import dataclass

from .links import OPENERS, WORD, related_links

# Share buttons as pages label them (lower case; a trailing ':' is ignored). NETWORKS are the ones that are
# names; a share row holds at least MIN_NETWORKS of them in a run of at least MIN_SHARE_RUN share words.
NETWORKS = frozenset({
    "facebook", "twitter", "google+", "googleplus", "whatsapp", "tumblr", "linkedin", "stumble", "stumbleupon",
    "digg", "reddit", "newsvine", "pinterest", "xing", "vk", "flipboard", "telegram", "messenger", "instagram",
    "snapchat", "youtube", "weibo", "wechat", "delicious", "myspace", "pocket",
})
BUTTONS = frozenset({"send", "share", "email", "e-mail", "mail", "print", "tweet", "pin", "permalink", "sms",
                     "comments", "comment"})
MIN_SHARE_RUN, MIN_NETWORKS = 4, 3
URL = r"(?:https?://|www\.)\S+"
PERMALINK = re.compile(r"\bPermalink:?\s+" + URL, re.I)
# A label a slideshow or share box puts before its buttons; it reads as nothing in running text.
LABEL = re.compile(r"\bShare this (?:slide|story|article|page|post|with)\b:?\s*", re.I)
# What a video player says where it cannot play: "Media playback is not supported on this device".
PLAYER = re.compile(r"\b(?:Media playback|This (?:video|media|content)|Your (?:browser|device)) (?:is|does) not "
                    r"(?:supported|support|available)\b[^.!?\n]{0,40}?"
                    r"(?:on this device|in your browser|[.!]|(?=\s[A-Z]))")

EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
HANDLE = rf"(?:{URL}|(?:twitter\.com|instagram\.com)/\S+|@\w+)"
FOLLOW = rf"Follow\s+{NAME}(?:\s+on\s+[A-Z]\w+)?\s*(?:at|:)?\s*{HANDLE}"
# Where a sentence may start: the start of the text or after a sentence's end (pages often glue the next
# sentence on without a space, and damaged exports turn a closing quote into '"?').
STARTS = r"(?:^|(?<=[.!?:;\"”’)]))\s*"
# Credits at the end of the text, each anchored there; tried again after each cut.
CREDITS = [
    # editors' initials and the agencies the story draws on: "ab/cd (AFP, AP, dpa)", "ab, cd/ef-(Reuters)"
    re.compile(r"\b[a-z]{1,4}(?:,\s?[a-z]{1,4})*(?:/[a-z]{1,4})+\s*-?\s*"
               r"\(\s*-?[\w.&' -]{1,30}(?:\s*[,/]\s*-?[\w.&' -]{1,30}){0,7}\)$"),
    # a wire's closing credit run into the text: "(Reporting by A; Editing by B)"
    re.compile(r"\(\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch|[Cc]ompiled|[Ee]dited|"
               r"[Ww]ritten)\b[^()]*\bby\b[^()]*\)$"),
    # "Source: Example News and agencies" (no sentence after it)
    re.compile(r"\bSource\s*:\s*-?\s*[A-Z][^.!?:;()\"]{0,60}$"),
    re.compile(rf"\bAuthor\s*:\s*{NAME}$"),
    # a picture's credit closing the text: "Kim Vale / For Example Daily", "Kim Vale / Example Agency"
    re.compile(rf"(?:{STARTS}){NAME}\s+/\s+(?:For\s+|Provided\s+to\s+)?{NAME}$"),
    # an opinion page's disclaimer: "The views expressed are the author's own and do not necessarily reflect …"
    re.compile(rf"(?:{STARTS})The views? [^.!?]{{0,80}}\bnot necessarily (?:reflect|represent) (?:those of\b|"
               r"[^.!?]{0,60}\b(?:policy|policies|views|positions?|opinions?)\b)[^.!?]{0,60}\.$"),
    # a print edition: "(Example Weekly 12/30/2016 page29)"
    re.compile(r"\(\s*[^()]{0,80}\b\d{1,2}/\d{1,2}/\d{2,4}\s*,?\s*page\s*\d+\s*\)$", re.I),
    re.compile(rf"(?:{STARTS})(?:Contact (?:the )?(?:writers?|authors?|reporters?)\s*(?:at|through|via)?\s*:?\s*)?"
               rf"{EMAIL}(?:\s*(?:,|and)\s*{EMAIL})*\.?$"),
    re.compile(rf"(?:{STARTS}){FOLLOW}(?:\s+and\s+{NAME}(?:\s+on\s+[A-Z]\w+)?\s*(?:at|:)?\s*{HANDLE})*$"),
    # a republished story's origin: "This article was originally published on Example Review."
    re.compile(r"\bThis (?:article|story|piece|post) (?:was|is|has been) (?:originally |first )?"
               r"(?:published|posted|republished|reproduced)\s+(?:on|in|at|by|from|with)\s+[^.!?]{1,80}\.$"),
]
# A call to action that ends a promo, and what may come before it: a sentence addressed to the reader.
CALL = re.compile(rf"(?:{STARTS})(?:Learn more|Read more|Find out more|Here's how|Here’s how|"
                  r"Read the (?:original|full) (?:article|story)|"
                  r"Click here\b[^.!?]{0,40})[.!]?$")
TO_READER = re.compile(rf"(?:{STARTS})[A-Z][^.!?;():]*\b(?:you|your|YOU|YOUR)\b[^.!?;():]*[.!?]$")
# A sentence to the reader before a call to action is part of the promo when it asks the reader something
# ("How will the budget affect you?") or pitches a subscription; any other is the story's.
PROMO_WORDS = re.compile(r"\b(?:subscribe|sign up|sign-up|newsletter|inbox|e-?mail|send you|deliver|contact|"
                         r"let us know)", re.I)
# A newsletter pitch closing the text needs no call to action after it.
PITCH = re.compile(rf"(?:{STARTS})[A-Z][^.!?]*\b(?:[Ss]ign up|[Ss]ubscribe)\b[^.!?]*\b(?:newsletter|inbox)\b"
                   r"[^.!?]*[.!?]$")
# Other closing promos: a newsletter described to the reader ("… sent right to your inbox six days a week",
# where a damaged quote '"?' may sit inside the sentence), an invitation to contact or follow the newsroom.
PROMOS = [
    re.compile(rf"(?:{STARTS})[-–—]?\s*[A-Z](?=(?:[^.!?]|\"\?)*\byour?\b)(?:[^.!?]|\"\?)*\b(?:newsletter|inbox)\b"
               r"(?:[^.!?]|\"\?)*[.!?]$"),
    re.compile(rf"(?:{STARTS})(?:You can (?:also )?(?:contact|reach) us|Contact us)\b[^\n]{{0,200}}$"),
    re.compile(rf"(?:{STARTS})(?:E-?mail|Send)\s+(?:us\s+)?(?:{EMAIL}|us)\b[^.!?]*\byour\b[^.!?]*[.!?]$"),
    re.compile(rf"(?:{STARTS})If you have (?:a|any) (?:story|tip|question|news)\b[^.!?]{{0,80}}[.!?]?$"),
    re.compile(rf"(?:{STARTS})Follow (?:us|me) on [A-Z][^.!?]{{0,120}}[.!?]?$"),
]
TRAILING_JUNK = " \t-–—"

# A picture's credit inside the text: a person's name opening a sentence, a slash, maybe "For", then the agency.
PICTURE_BY = re.compile(rf"(?:{STARTS})(?<![\w,])[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}}\s+/\s+"
                        r"(?:For\s+|Provided\s+to\s+)?(?=[A-Z])")
MAX_AGENCY_WORDS = 3
TWEET_SIGNATURE = re.compile(r"(?:pic\.twitter\.com/\w+\s*)?[\"“”?—–-]*\s*[A-Z][\w.'’?-]*(?:\s+[A-Z\d][\w.'’?-]*){0,4}"
                             r"\s*\(@\w{1,15}\)\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}")


@dataclass(frozen=True)
class Cut:
    """Text [start, end) of one paragraph that is chrome; `kind` is share, label, promo or credit."""
    start: int
    end: int
    kind: str


def chrome_cuts(paragraph: str, tail: bool = True) -> list[Cut]:
    """The chrome in one paragraph, in text order; with `tail`, credits and promos at its end too."""
    cuts = share_rows(paragraph) + [Cut(m.start(), m.end(), "label") for m in LABEL.finditer(paragraph)]
    cuts += [Cut(m.start(), m.end(), "label") for m in PLAYER.finditer(paragraph)]
    cuts += [Cut(start, end, "promo") for start, end in related_links(paragraph)]
    cuts += picture_credits(paragraph) + tweet_signatures(paragraph)
    cuts = _disjoint(cuts)
    ends = [cut.start for cut in cuts if cut.kind == "share"] + ([len(paragraph)] if tail else [])
    starts = [0] + [cut.end for cut in cuts if cut.kind == "share"]
    for end in ends:
        start = max(s for s in starts if s <= end)
        cuts.extend(tail_cuts(paragraph, start, end))
    return _disjoint(cuts)


def share_rows(text: str) -> list[Cut]:
    """Runs of share words with at least MIN_NETWORKS network names, with a "Permalink URL" after them;
    a "Permalink URL" alone too."""
    cuts, run = [], []
    for match in [*WORD.finditer(text), None]:
        if match and match.group().lower().rstrip(":") in NETWORKS | BUTTONS:
            run.append(match)
            continue
        if len(run) >= MIN_SHARE_RUN and sum(m.group().lower().rstrip(":") in NETWORKS for m in run) >= MIN_NETWORKS:
            end = run[-1].end()
            url = re.compile(r"\s*" + URL).match(text, end) if run[-1].group().lower().startswith("permalink") else None
            cuts.append(Cut(run[0].start(), url.end() if url else end, "share"))
        run = []
    cuts.extend(Cut(m.start(), m.end(), "share") for m in PERMALINK.finditer(text))
    return cuts


def picture_credits(text: str) -> list[Cut]:
    """A picture's credit after its caption, inside the text: "… in Chengdu. Kim Vale / For Example Daily He
    said …". The credited agency is read up to where the story's next sentence starts."""
    cuts = []
    for match in PICTURE_BY.finditer(text):
        words = list(WORD.finditer(text, match.end(), match.end() + 120))
        taken = 0
        while taken < min(len(words), MAX_AGENCY_WORDS) and words[taken].group()[:1].isupper():
            token = words[taken].group()
            following = words[taken + 1].group() if taken + 1 < len(words) else ""
            named = taken >= 2 and following[:1].isupper() and following.endswith(",")  # "… Kim Vale, the mayor"
            if taken and (token in OPENERS or following[:1].islower() or named):
                break
            taken += 1
            if token.endswith((".", ",", ":", ";")):
                break
        if taken:
            cuts.append(Cut(match.start(), words[taken - 1].end(), "credit"))
    return cuts


def tweet_signatures(text: str) -> list[Cut]:
    """The signature an embedded post leaves in the text, "— Kim Vale (@kimvale) March 3, 2017", with the
    picture link before it."""
    return [Cut(m.start(), m.end(), "promo") for m in TWEET_SIGNATURE.finditer(text)]


def tail_cuts(text: str, start: int, end: int) -> list[Cut]:
    """Credits and promos ending text[start:end], last first: each cut uncovers the one before it."""
    cuts, readers = [], False
    while True:
        piece = text[start:end].rstrip(TRAILING_JUNK)
        found = _tail_match(piece, readers)
        if not found:
            return cuts
        kind, at, pattern = found
        cuts.append(Cut(start + at, start + len(piece), kind))
        # after a call or a pitch to the reader, one more sentence to the reader may belong to the promo
        readers = pattern is CALL or pattern in PROMOS or (pattern is TO_READER and not piece.endswith("?"))
        end = start + at


def _tail_match(piece: str, readers: bool) -> tuple[str, int, re.Pattern] | None:
    """(kind, where it starts, the pattern) of the chrome ending `piece`; `readers`: whether a sentence to
    the reader may belong to the promo cut after it."""
    for pattern in CREDITS:
        if match := pattern.search(piece):
            return "credit", match.start(), pattern
    for pattern in (CALL, PITCH, *PROMOS):
        if match := pattern.search(piece):
            return "promo", match.start(), pattern
    match = TO_READER.search(piece) if readers else None
    if match and (piece.endswith("?") or PROMO_WORDS.search(match.group())):
        return "promo", match.start(), TO_READER
    match = LABEL.search(piece)
    if match and not piece[match.end():].strip():
        return "label", match.start(), LABEL
    return None


def _disjoint(cuts: list[Cut]) -> list[Cut]:
    """In text order, overlapping cuts merged into the first one's kind."""
    merged: list[Cut] = []
    for cut in sorted(cuts, key=lambda c: (c.start, -c.end)):
        if merged and cut.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Cut(last.start, max(last.end, cut.end), last.kind)
        else:
            merged.append(cut)
    return merged


def strip_chrome(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Body paragraphs without page chrome, and the credit lines taken out of them (in text order).

    A share row splits its paragraph in two; a paragraph left empty goes.
    """
    kept, credits = [], []
    for index, paragraph in enumerate(paragraphs):
        cuts = chrome_cuts(paragraph, tail=index == len(paragraphs) - 1)
        if not cuts:
            kept.append(paragraph)
            continue
        pieces, credits_here = _apply(paragraph, cuts)
        kept.extend(pieces)
        credits.extend(credits_here)
    return kept, credits


def _apply(paragraph: str, cuts: list[Cut]) -> tuple[list[str], list[str]]:
    pieces, credits, text, at = [], [], "", 0
    for cut in cuts:
        text += paragraph[at:cut.start]
        if cut.kind == "credit":
            credits.append(_credit(paragraph[cut.start:cut.end]))
        if cut.kind == "share":
            pieces.append(text)
            text = ""
        else:  # what was on either side of the cut stays apart
            text = text.rstrip() + " "
        at = cut.end
    pieces.append(text + paragraph[at:])
    pieces = [re.sub(r"\s{2,}", " ", piece).strip().rstrip(TRAILING_JUNK).strip() for piece in pieces]
    return [piece for piece in pieces if piece], [credit for credit in credits if credit]


def _credit(text: str) -> str:
    """The credit as a line of `credits`: spaces squashed, brackets and a damaged ':-' undone."""
    text = re.sub(r"\s+", " ", re.sub(r":\s*-\s*", ": ", text)).strip(" -;")
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text
