"""A broken data file shows in every output of every command (issue 12, item 4): a banner in tables,
Markdown and HTML, `findings` in JSON, a message on stderr for every format, and exit 1."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATA, invoke


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    data = tmp_path_factory.mktemp("broken") / "data"
    shutil.copytree(DATA, data)
    path = data / "agreements" / "samverkan-barn-och-unga.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("valid_from:", "valid_form:"), encoding="utf-8")
    return data


CASES = [
    (["status"], "table"), (["status", "--format", "md"], "md"), (["status", "--format", "json"], "json"),
    (["deadlines"], "table"), (["deadlines", "--format", "json"], "json"), (["plans"], "table"),
    (["plans", "--format", "json"], "json"), (["check", "--meeting", "2026-12-10"], "table"),
    (["check", "--meeting", "2026-12-10", "--format", "md"], "md"),
    (["check", "--meeting", "2026-12-10", "--format", "json"], "json"),
    (["report", "--meeting", "2026-12-10"], "md"), (["report", "--meeting", "2026-12-10", "--format", "html"], "html"),
    (["show", "lakarmedverkan"], "table"), (["show", "lakarmedverkan", "--format", "json"], "json"),
    (["timeline"], "table"), (["status", "--format", "csv"], "csv"), (["calendar"], "ics"),
]


@pytest.mark.parametrize("args, kind", CASES, ids=lambda c: " ".join(c) if isinstance(c, list) else c)
def test_a_broken_file_shows_in_every_output(broken, args, kind):
    result = invoke(*args, "--data", str(broken), "--as-of", "2026-11-23")
    assert result.exit_code == 1
    assert "samverkan-barn-och-unga.yaml" in result.stderr and "SVO101" in result.stderr
    out = result.stdout
    if kind == "json":
        findings = json.loads(out)["findings"]
        assert any(f["code"] == "SVO101" and f["path"].endswith("samverkan-barn-och-unga.yaml") for f in findings)
    elif kind in ("table", "md", "html"):
        # At the top: before any result (the report keeps its title line first).
        assert "INCOMPLETE" in out and "samverkan-barn-och-unga.yaml" in out
        top = out.split("<h2", 1)[0] if kind == "html" else "\n".join(out.splitlines()[:4])
        assert "INCOMPLETE" in top, out[:400]


def test_no_banner_when_the_data_is_whole():
    result = invoke("status", "--as-of", "2026-11-23")
    assert "INCOMPLETE" not in result.stdout and result.exit_code == 0
