from __future__ import annotations

from pathlib import Path

import pytest

from svo_cli.model import Agreement

REPO = Path(__file__).resolve().parent.parent
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


@pytest.fixture
def agreement_factory():
    return make_agreement
