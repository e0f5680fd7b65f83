"""The archive in a real browser: Chromium (Debian's, driven by Playwright) against `news-archive serve`.

A reader searches, opens an article, follows a highlighted mention to its entity and back, follows a quote
link to its anchor and exports every match as CSV; the archive holds articles written to attack the pages
(<script> and <img onerror> in titles, bodies, quotes and entity names) and nothing they carry may run.
`make test` installs Chromium when /usr/bin/chromium is missing (Playwright's own browser download is
never used). Screenshots go to tests/screenshots/ (git-ignored).
"""
import csv
import io
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT, run_load

CHROMIUM = "/usr/bin/chromium"
NEWS_ARCHIVE = str(Path(sys.executable).with_name("news-archive"))
SHOTS = ROOT / "tests" / "screenshots"
# Each payload would set window.__pwned or open a dialog if a page ran it.
TITLE = ("Harbour <script>window.__pwned=1;alert(1)</script> council "
         "<img src=x onerror=\"window.__pwned=2;alert(2)\"> keeps the night ferries")
HOSTILE = {
    "ferries.md": f"""---
title: {TITLE}
published: 2024-05-02T09:30:00+01:00
---

PORTLAND — The harbour council voted on Tuesday to keep the night ferries to the islands running
<img src=x onerror="window.__pwned=3;alert(3)"> through the winter.

"The <script>window.__pwned=4;alert(4)</script> ferries stay," said Alice Hartley, the mayor of Portland.

The Portland Port Authority said the vote would cost the harbour $2 million a year.
""",
    "dredging.md": """---
title: Dredging of the harbour channel delayed again
published: 2024-06-11T14:00:00+01:00
---

PORTLAND — Work to deepen the harbour channel will not start before autumn, the Portland Port Authority said on Monday.

"We need the <b onmouseover=alert(5)>permits</b> first," said Alice Hartley, who chairs the harbour council.
""",
}
HOSTILE_NAME = " <img src=x onerror=alert(6)><script>alert(7)</script>"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(db_path: Path):
    port = _free_port()
    server = subprocess.Popen([NEWS_ARCHIVE, "serve", "--db", str(db_path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5)
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError(f"news-archive serve did not start: {server.stderr.read()}")
            time.sleep(0.2)


def _build(folder: Path, name: str) -> Path:
    for file_name, text in HOSTILE.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    db_path = folder / name
    run_load(db_path, CORPUS, *(folder / file_name for file_name in HOSTILE), nlp=True, workers=1)
    with sqlite3.connect(db_path) as conn:  # an entity name someone else's archive might hold
        conn.execute("update entities set name = name || ? where name = 'Alice Hartley'", [HOSTILE_NAME])
    return db_path


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db_path = _build(tmp_path_factory.mktemp("browser"), "archive.db")
    server, base = _serve(db_path)
    yield base, db_path
    server.terminate()
    server.wait(timeout=30)


def _page(browser, dialogs: list):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page


def _nothing_ran(page, dialogs):
    assert dialogs == [] and page.evaluate("window.__pwned === undefined")


def _shoot(page, name: str):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


@pytest.mark.slow
def test_reader_searches_reads_follows_links_and_exports(browser, served, tmp_path):
    base, db_path = served
    dialogs = []
    page = _page(browser, dialogs)
    page.goto(base + "/")
    assert page.locator("figure.chart[data-drawn] canvas").count() == 1  # articles per month, drawn by uPlot
    page.fill("form.search-box input[name=q]", "harbour")
    page.click("form.search-box button")
    page.wait_for_url("**/-/search?q=harbour")
    assert page.locator("ol.search-results > li").count() == 2
    assert page.locator("ol.search-results mark").count() >= 2
    _shoot(page, "search.png")
    _nothing_ran(page, dialogs)

    with page.expect_download() as download:
        page.click("a.export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert sorted(row["title"][:7] for row in rows) == ["Dredgin", "Harbour"]

    page.click("ol.search-results a:has-text('keeps the night ferries')")
    assert page.locator("article.news-article h1").inner_text() == TITLE
    assert "<img src=x onerror=\"window.__pwned=3;alert(3)\">" in page.locator(".article-body").inner_text()
    _nothing_ran(page, dialogs)
    article_url = page.url

    mention = page.locator(".article-body a.mention.person").first
    name = mention.inner_text()
    mention.click()
    assert page.locator(".entity-page h1").inner_text() == "Alice Hartley" + HOSTILE_NAME
    assert "Hartley" in name
    _nothing_ran(page, dialogs)
    page.go_back()
    assert page.url == article_url

    quote_link = page.locator(".panel-quotes a").first
    target = quote_link.get_attribute("href")
    quote_link.click()
    page.wait_for_url(article_url + target)
    marked = page.locator(f".article-body {target}")
    assert marked.count() == 1 and marked.evaluate("el => el.matches(':target')")
    assert "<script>window.__pwned=4;alert(4)</script> ferries stay" in marked.inner_text()
    _shoot(page, "article.png")
    _nothing_ran(page, dialogs)

    page.goto(base + "/")
    page.click(".top-lists a:has-text('Alice Hartley')")
    page.click(".speaker-quotes a.quote-link >> nth=0")
    page.wait_for_url("**/archive/articles/*#quote-*")
    page.wait_for_selector(".article-body .quote:target", timeout=10_000)
    _nothing_ran(page, dialogs)


@pytest.mark.slow
def test_pages_work_on_a_file_not_named_archive(browser, tmp_path):
    db_path = _build(tmp_path, "harbour news.db")
    server, base = _serve(db_path)
    try:
        dialogs = []
        page = _page(browser, dialogs)
        with sqlite3.connect(db_path) as conn:
            article_id, = conn.execute("select id from articles where title like 'Dredging%'").fetchone()
            place_id, = conn.execute("select place_id from locations join places on places.id = place_id "
                                     "where places.name = 'Portland' limit 1").fetchone()
        page.goto(f"{base}/harbour+news/articles/{article_id}")
        assert page.locator("article.news-article h1").inner_text() == "Dredging of the harbour channel delayed again"
        page.goto(f"{base}/harbour+news/places/{place_id}")
        assert page.locator(".place-page h1").inner_text() == "Portland"
        assert page.locator(".place-page .article-list li").count() == 2
        page.wait_for_selector("figure.place-map[data-drawn] svg path")  # the shipped basemap, no tiles
        page.goto(base + "/harbour+news/articles?_search=%22")
        assert "Dredging of the harbour channel delayed again" in page.content()  # all listed, no error
        _nothing_ran(page, dialogs)
    finally:
        server.terminate()
        server.wait(timeout=30)
