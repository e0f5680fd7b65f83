"""Credit lines ("Additional reporting by Reuters; Editing by Jo Lee", "Source: Example News and agencies",
"ab/cd (AFP, dpa)") → article_credits: one row per
name an article credits, linked to the source when the name is a source of the archive or a news
agency. Written for the articles refresh_stories clusters (new ones), so a load reads only those."""
import re

from .rows import chunks, marks

# Credit lines: what comes after "reporting by" is a list of names (people and news agencies).
CREDIT = re.compile(r"\b(?:reporting|writing|editing|research|contributions?|contributed)\s+(?:by|from)\s+(.+)",
                    re.IGNORECASE)
CREDIT_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
# The other shapes a credit line names its sources in: "Source: Example News and agencies" and the editors'
# initials before the agencies a story draws on, "ab/cd (AFP, dpa)".
SOURCE_LINE = re.compile(r"^\s*Sources?\s*:\s*(.+)$", re.IGNORECASE)
AGENCY_CODES = re.compile(r"^[a-z]{1,4}(?:\s?[,/]\s?[a-z]{1,4})*\s*-?\s*\(([^()]+)\)$")
AGENCY_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b)\s*", re.IGNORECASE)
# What follows a name in such lines without being one: "AP news agency", "Example News and agencies".
NOT_A_NAME = re.compile(r"\s*\b(?:(?:news|wire|press)\s+)?(?:agency|agencies|services?|reports?)$", re.IGNORECASE)
CREDIT_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")  # "Reuters in Beijing" → "Reuters"
# News agencies as credit lines name them → source slug (when no sources row has that name).
AGENCIES = {"reuters": "reuters", "thomson reuters": "reuters", "ap": "ap", "associated press": "ap",
            "the associated press": "ap", "afp": "afp", "agence france-presse": "afp",
            "agence france presse": "afp", "bloomberg": "bloomberg", "xinhua": "xinhua", "dpa": "dpa",
            "kyodo": "kyodo", "yonhap": "yonhap", "ansa": "ansa", "efe": "efe", "tass": "tass",
            "press association": "pa", "pa": "pa", "upi": "upi"}


def credited_names(credits: str | None) -> list[str]:
    """The names a credit line credits, in order: 'Additional reporting by Reuters; Editing by Jo Lee'
    → ['Reuters', 'Jo Lee']."""
    names = []
    for line in (credits or "").split(";"):
        for name in _line_names(line.strip()):
            name = CREDIT_PLACE.sub("", name.strip(" .()")).strip()
            if name and name not in names:
                names.append(name)
    return names


def _line_names(line: str) -> list[str]:
    """The names one credit line gives, as written: "… by A and B", "Source: A and agencies", "ab/cd (A, B)"."""
    if found := CREDIT.search(line):
        return CREDIT_SPLIT.split(found.group(1))
    if found := SOURCE_LINE.match(line) or AGENCY_CODES.match(line):
        return [NOT_A_NAME.sub("", name.strip(" .-")) for name in AGENCY_SPLIT.split(found.group(1))]
    return []


def save_credits(db, article_ids: list[str]) -> int:
    """Replace these articles' article_credits rows: one per name their credit lines credit, with the
    source it names when it is one; returns how many rows were written."""
    sources = {name.casefold(): slug for slug, name in db.execute("select id, coalesce(name, id) from sources")}
    sources.update({slug.casefold(): slug for slug in list(sources.values())})
    rows = []
    for ids in chunks(article_ids):
        db.execute(f"delete from article_credits where article_id in ({marks(ids)})", ids)
        for article_id, credits in db.execute(
                f"select id, credits from articles where id in ({marks(ids)}) and credits is not null", ids).fetchall():
            rows += [(article_id, name, sources.get(name.casefold()) or AGENCIES.get(name.casefold()))
                     for name in credited_names(credits)]
    db.conn.executemany("insert or ignore into article_credits (article_id, name, source_id) values (?, ?, ?)", rows)
    return len(rows)
