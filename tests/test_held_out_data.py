"""The held-out page set (benchmarks/_held_out_data.py) is read without its download: a tarball laid out like the
npm package's (package/files/*.html), with pages written here, is taken only when its sha256 is the pinned one,
and its pages become records with the fields the loader's HTML reader finds, English pages only, each body once."""
import hashlib
import importlib
import io
import tarfile

import pytest

from .conftest import ROOT

PARAGRAPHS = [
    "The town council of Marbleford voted on Tuesday to rebuild the old stone bridge over the river Wend, "
    "which has been closed to lorries since the floods of last winter.",
    "\u201cWe have waited long enough for this,\u201d said Harriet Quill, who chairs the council's transport "
    "committee. She said that the work would start in the spring and that it should be finished by the autumn.",
    "Shopkeepers on the high street have said that the closure cost them trade, and a petition with more than "
    "two thousand names was handed to the council in March. The new bridge will have a wider footpath.",
]
GERMAN = [
    "Der Gemeinderat von Marbleford hat am Dienstag beschlossen, die alte Steinbrücke über den Fluss Wend neu "
    "zu bauen, die seit dem Hochwasser im letzten Winter für Lastwagen gesperrt ist.",
    "Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte die Vorsitzende des "
    "Verkehrsausschusses. Geschäftsleute in der Hauptstraße klagen seit Monaten über weniger Kundschaft.",
    "Eine Unterschriftenliste mit mehr als zweitausend Namen wurde dem Rat im März übergeben. Die neue Brücke "
    "soll einen breiteren Fußweg bekommen und auch für Radfahrer sicherer werden als die alte.",
]


def page(title: str, paragraphs: list[str], lang: str = "", url: str = "") -> str:
    attributes = f' lang="{lang}"' if lang else ""
    link = f'<link rel="canonical" href="{url}">' if url else ""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f"<!DOCTYPE html><html{attributes}><head><title>{title}</title>{link}"
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="2013-03-05T09:30:00Z"></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>")


PAGES = {
    "a1.html": page("Council votes to rebuild Wend bridge", PARAGRAPHS, "en-GB", "https://news.example.org/wend"),
    "b2.html": page("Council votes to rebuild Wend bridge", PARAGRAPHS),  # the same body again, no language
    "c3.html": page("Wend bridge: the vote", PARAGRAPHS[::-1]),  # no language declared, English words
    "d4.html": page("Neue Brücke über die Wend", GERMAN),  # no language declared, German words
    "e5.html": page("Wend-Brücke", GERMAN[::-1], "de"),
    "f6.html": "<!DOCTYPE html><html lang='en'><head><title>Menu</title></head><body><nav>Home</nav></body></html>",
}


@pytest.fixture
def held_out(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    module = importlib.import_module("_held_out_data")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in {**{f"files/{name}": text for name, text in PAGES.items()}, "README.md": "no page"}.items():
            data = text.encode("utf-8")
            member = tarfile.TarInfo(f"package/{name}")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    (tmp_path / "npm").mkdir()
    (tmp_path / "npm" / "pages-1.0.0.tgz").write_bytes(buffer.getvalue())
    monkeypatch.setattr(module, "DATA", tmp_path)
    pinned = ("pages", "1.0.0", hashlib.sha256(buffer.getvalue()).hexdigest(), "package/files/")
    monkeypatch.setattr(module, "PAGE_SETS", {"written": pinned, "again": pinned})
    monkeypatch.setattr(module, "JOINED_SETS", {"both": ("written", "again")})
    return module


def test_the_pinned_tarballs_pages_become_english_records_each_body_once(held_out, tmp_path):
    records = held_out.records("written")
    assert sorted(path.name for path in (tmp_path / "held-out" / "written").iterdir()) == sorted(PAGES)
    assert [(record["id"], record["title"], record.get("language"), record.get("url")) for record in records] == [
        ("written-a1", "Council votes to rebuild Wend bridge", "en", "https://news.example.org/wend"),
        ("written-c3", "Wend bridge: the vote", None, None),
    ]
    assert records[0]["body"] == "\n\n".join(PARAGRAPHS)
    assert records[1]["body"] == "\n\n".join(PARAGRAPHS[::-1])
    assert all(record["published_at"].startswith("2013-03-05") for record in records)


def test_a_joined_set_takes_a_body_that_two_sets_hold_once(held_out):
    assert held_out.records("both") == held_out.records("written")
    assert len(held_out.records("again")) == 2


def test_a_tarball_that_is_not_the_pinned_one_is_refused(held_out, tmp_path):
    package, version, _, inside = held_out.PAGE_SETS["written"]
    held_out.PAGE_SETS["written"] = (package, version, "0" * 64, inside)
    with pytest.raises(SystemExit, match="sha256 differs"):
        held_out.records("written")
    assert not (tmp_path / "held-out" / "written").exists()


def test_english_by_its_words(held_out):
    assert held_out.mostly_english(" ".join(PARAGRAPHS))
    assert not held_out.mostly_english(" ".join(GERMAN))
    assert not held_out.mostly_english("")
