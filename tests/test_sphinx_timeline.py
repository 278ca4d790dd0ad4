"""The timeline of a large archive: each month's releases counted by publisher."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from sphinx_support import built, copy_root, main_text, page

CONF = {"pressroom_timeline_max": 2}
FOLDER = "corpus/releases/hrf/2011"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def copy_root_with(src: Path, dest: Path) -> Path:
    """A copy of the sources *src* (its build output left out)."""
    out = dest / "src"
    shutil.copytree(src, out, ignore=shutil.ignore_patterns("_build"))
    return out


def test_beyond_the_limit_each_month_counts_its_releases(tmp_path):
    src = copy_root("pressroom", tmp_path)
    (src / FOLDER / "2011-05-20-third.txt").write_text(
        "A Third Release\n\nMay 20, 2011\n\nWashington, DC – Jane Roe spoke.\n", encoding="utf-8")
    app = built(src, confoverrides=CONF)
    html = main_text(page(app, "docs/timeline"))
    text = _text(html)
    assert "Timeline ¶ 3 dated releases: each month says how many" in text
    # events one by one, releases counted by month with a link to the month's list
    assert "27–28 April Event U.S.-China Human Rights Dialogue Releases 1 — Human Rights First (1)" \
        in text
    assert "9–10 May Event U.S.-China Strategic and Economic Dialogue 2011 Releases 2 — " \
        "Human Rights First (2)" in text
    assert re.findall(r'href="([^"]*archive[^"]*)"', html) == [
        "../archive/hrf/2011/04.html", "../archive/hrf/2011/05.html"]
    assert "A Third Release" not in text and "Upcoming Dialogue" not in text
    # every release counted is on the page linked
    may = _text(main_text(page(app, "archive/hrf/2011/05")))
    assert "A Third Release" in may and "Markup Is Data" in may

    # a release of a new month, then an incremental build: as a clean build shows it
    time.sleep(0.01)
    (src / FOLDER / "2011-06-01-june.txt").write_text(
        "June Release\n\nJune 1, 2011\n\nWashington, DC – Brian Dooley spoke.\n", encoding="utf-8")
    app = built(src, confoverrides=CONF)
    incremental = main_text(page(app, "docs/timeline"))
    assert "June 2011 Releases 1 — Human Rights First (1)" in _text(incremental)
    clean = built(copy_root_with(src, tmp_path / "clean"), confoverrides=CONF)
    assert main_text(page(clean, "docs/timeline")) == incremental


def test_up_to_the_limit_every_release_is_listed(pressroom_site):
    text = _text(main_text(page(pressroom_site, "docs/timeline")))
    assert "Release Upcoming Dialogue" in text and "dated releases: each month" not in text
