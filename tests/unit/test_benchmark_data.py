"""The benchmark generator writes valid, deterministic data (no timing here: benchmarks are not tests)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from conftest import BENCHMARKS
from svo_cli.loader import load_dataset
from svo_cli.validate import validate

sys.path.insert(0, str(BENCHMARKS))
from generate import generate  # noqa: E402


def digest(directory: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(directory.rglob("*.yaml")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def test_generated_data_is_valid_and_deterministic(tmp_path):
    first = generate(300, tmp_path / "a")
    second = generate(300, tmp_path / "b")
    assert digest(first) == digest(second)
    dataset, diagnostics = load_dataset(first)
    errors = [d for d in diagnostics + validate(dataset) if d.is_error]
    assert errors == []
    assert len(dataset.agreements) == 300 and len(dataset.workplans) == 3
    kinds = {e.type for a in dataset.agreement_models() for e in a.events}
    assert {"notice", "extended", "followup_done"} <= kinds
