"""JSON Schema (2020-12) for each kind of data file, generated from the models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

KINDS = ("agreement", "workplan", "parties", "minutes")
SCHEMA_BASE = "https://svo.example/schema"


def json_schema(kind: str) -> dict[str, Any]:
    from svo_cli.model import OPEN_ENDED_WORDS, Agreement, PartiesFile, Workplan
    from svo_cli.model_minutes import Minutes

    models: dict[str, type[BaseModel]] = {"agreement": Agreement, "workplan": Workplan, "parties": PartiesFile,
                                          "minutes": Minutes}
    model = models[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    if kind == "agreement":
        schema["properties"]["valid_until"]["anyOf"].append(
            {"type": "string", "enum": sorted(OPEN_ENDED_WORDS), "description": "open-ended"})
    described = {
        "agreement": "An svo agreement file: data/agreements/<id>.yaml (see docs/data-format.md).",
        "workplan": "An svo work-plan file: data/workplans/<id>.yaml (see docs/data-format.md).",
        "parties": "The svo parties file: data/parties.yaml (see docs/data-format.md).",
        "minutes": "An svo minutes file: data/minutes/<id>.yaml (see docs/data-format.md).",
    }[kind]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{SCHEMA_BASE}/{kind}.schema.json",
            **schema, "description": described}
