from __future__ import annotations

from pathlib import Path

import pytest

from svo_cli.model import Agreement

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def strict_locations(monkeypatch):
    """Every finding must point at a key path its file has (a wrong path fails the test loudly)."""
    from svo_cli.yamlfile import SourceMap

    monkeypatch.setattr(SourceMap, "STRICT", True)
DATA = REPO / "data"


def make_agreement(**fields) -> Agreement:
    """An agreement with sensible defaults; keyword arguments override (None removes a key)."""
    base = {
        "id": "test-agreement",
        "title": "Testöverenskommelse",
        "kind": "överenskommelse",
        "parties": ["region-ostergotland"],
        "valid_from": "2018-01-01",
        "valid_until": "2021-12-31",
        "notice": {"before_end": "12 months"},
        "renewal": {"every": "2 years"},
        "source": {"document": "002_b651ba93a14b073c.txt", "quote": "…"},
    }
    base.update(fields)
    return Agreement.model_validate({k: v for k, v in base.items() if v is not None})


def make_agreement_any_period(**fields) -> Agreement:
    """make_agreement, but `renewal.every` and a follow-up's `every` may be shorter than the data's floor
    of 1 month (the loader refuses such files, SVO111): for tests that the engine's work stays bounded
    whatever periods it is given. The model is validated with a valid period, then given the short one."""
    from svo_cli.dates import parse_duration

    renewal, followups = fields.get("renewal"), fields.get("followups") or []
    valid = dict(fields)
    if renewal and "every" in renewal:
        valid["renewal"] = {**renewal, "every": "1 year"}
    valid["followups"] = [{**f, "every": "1 year"} if "every" in f else f for f in followups]
    a = make_agreement(**valid)
    if renewal and "every" in renewal:
        assert a.renewal is not None
        a = a.model_copy(update={"renewal": a.renewal.model_copy(update={"every": parse_duration(renewal["every"])})})
    if followups:
        a = a.model_copy(update={"followups": [
            f.model_copy(update={"every": parse_duration(given["every"])}) if "every" in given else f
            for f, given in zip(a.followups, followups)]})
    return a


@pytest.fixture
def agreement_factory():
    return make_agreement


def copy_data(tmp_path: Path) -> Path:
    """A private copy of the county's data directory."""
    import shutil

    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def invoke(*args: str, env: dict | None = None, input: str | None = None):
    """Run `svo ARGS` in-process through the real command (typer's CliRunner); stdout and stderr apart."""
    from typer.testing import CliRunner

    from svo_cli.cli import app

    full_env = {"NO_COLOR": "1", "SVO_DATA": str(DATA), "COLUMNS": "200", **(env or {})}
    return CliRunner().invoke(app, list(args), env=full_env, input=input, catch_exceptions=False)


def bare_data(tmp_path: Path) -> Path:
    """A data directory with the parties only (no document register): for tests of single files."""
    target = tmp_path / "bare"
    (target / "agreements").mkdir(parents=True)
    (target / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return target
