"""A normal install serves: the wheel carries metadata.yml, templates and static files (package data read
through importlib.resources) and declares the Datasette plugins as entry points, so `news-archive serve`
works from an installed package exactly as from a checkout (issue 11, item 5).

The wheel is built from this checkout and installed without dependencies into a fresh folder that comes
first on the path (the dependencies are this environment's); the check runs outside the checkout, so
nothing can be read from the source tree."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import CORPUS, ROOT, run_load

CHECK = """
import asyncio, json, sys
import loader
from loader.serve import make_datasette

async def main():
    datasette = make_datasette("archive.db")
    await datasette.invoke_startup()
    paths = ["/", "/-/search?q=Shenyang", "/archive/articles/" + sys.argv[1],
             "/-/static-plugins/news-archive/vendor/uPlot.iife.min.js",
             "/-/static-plugins/news-archive/countries-110m.geojson"]
    pages = {path: (await datasette.client.get(path)) for path in paths}
    print(json.dumps({"loader": loader.__file__, "status": {p: r.status_code for p, r in pages.items()},
                      "search": "<mark>Shenyang</mark>" in pages["/-/search?q=Shenyang"].text,
                      "article": 'class="news-article"' in pages[paths[2]].text,
                      "plugins": sorted({p["name"] for p in (await datasette.client.get("/-/plugins.json")).json()})}))

asyncio.run(main())
"""


@pytest.mark.slow
def test_a_wheel_install_serves_the_seeds(tmp_path):
    wheels, site, source = tmp_path / "wheels", tmp_path / "site", tmp_path / "source"
    # A clean copy of what a wheel is built from: no build/ folder left by an earlier build can fill gaps.
    shutil.copytree(ROOT / "loader", source / "loader", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                            "-w", str(wheels), str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel, = wheels.glob("news_archive-*.whl")
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                                str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-2000:]
    db, _ = run_load(tmp_path / "archive.db", CORPUS)
    article_id = db.execute("select id from articles where source_id = 'scmp'").fetchone()[0]
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", CHECK, article_id], capture_output=True, text=True, timeout=300,
                         cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["loader"].startswith(str(site))  # the installed package, not the checkout
    assert set(found["status"].values()) == {200} and found["search"] and found["article"]
    assert "news-archive" in found["plugins"]
