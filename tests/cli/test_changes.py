"""`svo changes --since REV|DATE [--until REV]` (issue 22, item 3): the data at two git revisions, both computed on
one as-of date, compared per agreement and plan; and the Word pack's "Ändrat sedan förra mötet". Each test
builds a small git repository of its own, with fixed commit dates."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import DATA, invoke

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AGREEMENT = """\
id: testavtal
title: Testavtal om samverkan
kind: avtal
parties: [region-ostergotland, kommunerna-i-ostergotland]
responsible: LGVO
valid_from: 2020-01-01
valid_until: 2021-12-31
notice:
  before_end: {before}
renewal:
  every: 2 years
source:
  document: test.txt
  quote: "{quote}"
"""

NEW = """\
id: nytt-avtal
title: Nytt avtal om hjälpmedel
kind: avtal
parties: [region-ostergotland, kommunerna-i-ostergotland]
valid_from: 2026-01-01
source:
  document: test.txt
  quote: "Avtalet gäller tills vidare."
"""


def _git(repo: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if day is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+01:00"
    done = subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.se",
                           "-c", "commit.gpgsign=false", *args], capture_output=True, env=env, check=True)
    return done.stdout.decode().strip()


def _commit(repo: Path, day: str, message: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message, day=day)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A repository whose data directory (data/) has three commits: 2026-10-01 one agreement; 2026-11-15 its
    notice rule 12 → 6 months, a notice recorded, a new agreement and a broken file; 2026-11-20 the broken
    file removed."""
    repo = tmp_path / "register"
    data = repo / "data"
    (data / "agreements").mkdir(parents=True)
    shutil.copy(DATA / "parties.yaml", data / "parties.yaml")
    _git(repo, "init", "-q", "-b", "main")
    agreement = data / "agreements" / "testavtal.yaml"
    agreement.write_text(AGREEMENT.format(before="12 months", quote="Uppsägning senast tolv månader före."),
                         encoding="utf-8")
    _commit(repo, "2026-10-01", "first")
    agreement.write_text(AGREEMENT.format(before="6 months", quote="Uppsägning senast sex månader före.")
                         + "decisions:\n  - {party: region-ostergotland, date: 2026-11-10, decision: continue,"
                           " reference: RS 2026/1}\n", encoding="utf-8")
    (data / "agreements" / "nytt-avtal.yaml").write_text(NEW, encoding="utf-8")
    (data / "agreements" / "trasig.yaml").write_text("id: trasig\ntitle: [unclosed\n", encoding="utf-8")
    _commit(repo, "2026-11-15", "second")
    (data / "agreements" / "trasig.yaml").unlink()
    _commit(repo, "2026-11-20", "third")
    return data


def _json(data: Path, *args: str) -> tuple[int, dict, str]:
    result = invoke("changes", *args, "--as-of", "2026-12-01", "--format", "json", env={"SVO_DATA": str(data)})
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}, result.stderr


def _by_id(document: dict) -> dict[str, dict]:
    return {c["id"]: c for c in document["changes"]}


def test_a_changed_notice_an_added_agreement_and_a_moved_deadline(history):
    code, document, stderr = _json(history, "--since", "HEAD~2")
    assert code == 0, stderr
    assert document["until"] == {"rev": None, "commit": None, "date": None}  # the working tree
    assert document["since"]["rev"] == "HEAD~2" and document["since"]["date"] == "2026-10-01"
    changes = _by_id(document)
    assert set(changes) == {"testavtal", "nytt-avtal"}
    assert changes["nytt-avtal"]["change"] == "added"
    changed = changes["testavtal"]
    assert changed["change"] == "changed" and changed["edited"] is True
    moved = {m["field"]: (m["old"], m["new"]) for m in changed["moved"]}
    # term 4 runs 2026-01-01 – 2027-12-31: its last day to give notice moves from 12 to 6 months before its end
    assert moved["notice_deadline"] == ("2026-12-31", "2027-06-30")
    assert "decide_by" in moved and moved["decide_by"][0] < moved["decide_by"][1]
    assert "term_end" not in moved and "status" not in moved
    assert changed["recorded"] == [{"date": "2026-11-10", "kind": "decision", "party": "region-ostergotland",
                                    "decision": "continue", "reference": "RS 2026/1"}]
    quotes = {(q["change"], q["quote"]) for q in changed["quotes"]}
    assert quotes == {("added", "Uppsägning senast sex månader före."),
                      ("removed", "Uppsägning senast tolv månader före.")}
    assert document["findings"] == []


def test_a_date_means_the_last_commit_on_or_before_that_day(history):
    first = _git(history.parent, "rev-list", "--max-parents=0", "HEAD")
    code, document, _ = _json(history, "--since", "2026-10-31")
    assert code == 0 and document["since"]["commit"] == first and document["since"]["rev"] == "2026-10-31"
    assert set(_by_id(document)) == {"testavtal", "nytt-avtal"}
    code, document, _ = _json(history, "--since", "2026-11-20", "--until", "HEAD")
    assert code == 0 and document["changes"] == []  # the same commit: nothing changed
    result = invoke("changes", "--since", "2026-09-30", env={"SVO_DATA": str(history)})
    assert result.exit_code == 2 and "no commit on or before 2026-09-30" in result.stderr


def test_a_directory_not_in_git_says_so(history, tmp_path):
    elsewhere = tmp_path / "copy"
    shutil.copytree(history, elsewhere)
    result = invoke("changes", "--since", "HEAD", "--lang", "sv", env={"SVO_DATA": str(elsewhere)})
    assert result.exit_code == 2 and "ligger inte i ett git-förråd" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=x", "HEAD~99"])
def test_an_unknown_revision_is_a_usage_error(history, rev):
    result = invoke("changes", "--since", rev, env={"SVO_DATA": str(history)})
    assert result.exit_code == 2 and "knows no revision" in result.stderr and not (history / "x").exists()


def test_data_errors_at_one_revision_are_findings_never_a_traceback(history):
    code, document, stderr = _json(history, "--since", "HEAD~1", "--until", "HEAD")
    assert code == 1
    paths = {f["path"] for f in document["findings"]}
    assert paths == {"HEAD~1:data/agreements/trasig.yaml"}, paths
    assert "HEAD~1:data/agreements/trasig.yaml" in stderr and "Traceback" not in stderr
    assert document["changes"] == []  # the broken file was never an agreement: nothing added or removed


def test_nothing_is_written_into_the_data_directory_or_the_repository(history):
    before = sorted(p.relative_to(history.parent) for p in history.parent.rglob("*") if ".git" not in p.parts)
    status = _git(history.parent, "status", "--porcelain")
    invoke("changes", "--since", "HEAD~2", env={"SVO_DATA": str(history)})
    after = sorted(p.relative_to(history.parent) for p in history.parent.rglob("*") if ".git" not in p.parts)
    assert before == after and _git(history.parent, "status", "--porcelain") == status


def test_every_format_and_uncommitted_edits(history, tmp_path):
    (history / "agreements" / "nytt-avtal.yaml").unlink()  # an uncommitted edit: the working tree is `until`
    result = invoke("changes", "--since", "HEAD", "--as-of", "2026-12-01", "--lang", "sv", env={"SVO_DATA": str(history)})
    assert result.exit_code == 0 and "borttagen" in result.stdout and "nytt-avtal" in result.stdout
    md = invoke("changes", "--since", "HEAD~2", "--format", "md", env={"SVO_DATA": str(history)}).stdout
    assert md.startswith("## Changes in the register from HEAD\\~2") and "| testavtal |" in md.replace("  ", " ")
    target = tmp_path / "andringar.docx"
    result = invoke("changes", "--since", "HEAD~2", "--as-of", "2026-12-01", "--lang", "sv", "-o", str(target),
                    env={"SVO_DATA": str(history)})
    assert result.exit_code == 0, result.stderr
    text = "\n".join(c.text for t in docx.Document(str(target)).tables for row in t.rows for c in row.cells)
    assert "Testavtal om samverkan" in text and "2026-12-31 → 2027-06-30" in text


def test_the_word_pack_has_changed_since_the_last_meeting(history):
    result = invoke("check", "--as-of", "2026-12-01", "--since", "2026-10-31", "--fail-on", "never", "--lang", "sv",
                    "--format", "docx", env={"SVO_DATA": str(history)})
    assert result.exit_code == 0, result.stderr
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    changed = next(t for t in titles if "Ändrat sedan förra mötet, 2026-10-31" in t)
    assert titles.index(changed) < titles.index("Anmärkningar i datafilerna")
    assert titles[-1] == "Bilaga: gemensamma styrdokument"
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("sista dag för uppsägning 2026-12-31 → 2027-06-30" in c for c in cells)
    assert any(c.startswith("Nytt avtal om hjälpmedel") for c in cells)


def test_the_word_pack_says_why_changes_are_missing_outside_git(history, tmp_path):
    elsewhere = tmp_path / "copy"
    shutil.copytree(history, elsewhere)
    result = invoke("check", "--as-of", "2026-12-01", "--since", "2026-10-31", "--fail-on", "never", "--lang", "sv",
                    "--format", "docx", env={"SVO_DATA": str(elsewhere)})
    assert result.exit_code == 0, result.stderr
    texts = [p.text for p in docx.Document(io.BytesIO(result.stdout_bytes)).paragraphs]
    assert any(t.startswith("Visas inte: datakatalogen") and "git-förråd" in t for t in texts)


def test_the_json_fields_are_documented(history):
    """docs/json.md's `svo changes` section names every field the output has, and its example no other."""
    import re

    from test_json_docs import SECTIONS, _example, _keys, _top_level

    _, document, _ = _json(history, "--since", "HEAD~2")
    text = SECTIONS["svo changes"]
    named = set(re.findall(r'"([a-z_]+)"', text)) | set(re.findall(r"[`.]([a-z_]+)`", text)) | \
        set(re.findall(r"`([a-z_]+)[`.\[]", text))
    assert _top_level(_example(text)) == set(document)
    assert _keys(document) - named == set()
    assert set(re.findall(r'"([a-z_]+)"\s*:', _example(text))) - _keys(document) - {"path", "line"} == set()
