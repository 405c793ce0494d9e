"""Meeting follow-up: minutes files (data/minutes/), their items, follow-up chains and the body's next
meeting (docs/rules.md, rules 22–24), through the loader, the checks and the real commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import REPO, invoke
from svo_cli import minutes as engine
from svo_cli.app.loading import ERRORS
from svo_cli.checks import CHECKS, run
from svo_cli.loader import load_dataset
from svo_cli.model_minutes import Minutes
from svo_cli.register import Context
from svo_cli.schema import json_schema

EXAMPLE = REPO / "examples" / "chefsgrupp-2026"
SEEDS = REPO.parent / "shared" / "seeds"


def minutes(**fields) -> Minutes:
    base = {"id": "m", "body": "Chefsgrupp", "date": "2026-02-06", "title": "Minnesanteckningar",
            "source": {"document": "004_1c0dd5b9ca72b139.txt", "quote": "Minnesanteckningar"}, "items": []}
    base.update(fields)
    return Minutes.model_validate(base)


def item(id: str, kind: str = "assignment", **fields) -> dict:
    return {"id": id, "title": id.capitalize(), "kind": kind, "assumed": "illustration", **fields}


def write_data(tmp_path: Path, *files: Minutes | dict) -> Path:
    """A data directory with one region and the given minutes files."""
    data = tmp_path / "data"
    (data / "agreements").mkdir(parents=True)
    (data / "minutes").mkdir()
    (data / "parties.yaml").write_text("parties:\n  - {id: region, name: Region, kind: region}\n", encoding="utf-8")
    for m in files:
        raw = m.model_dump(mode="json", exclude_none=True, exclude_defaults=True) if isinstance(m, Minutes) else m
        (data / "minutes" / f"{raw['id']}.yaml").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return data


def codes(data: Path) -> list[tuple[str, str, int, int]]:
    dataset, found = load_dataset(data)
    found += run(dataset, Context(), [c for c in CHECKS if c.name in ("minutes", "self-tests")])
    return sorted((d.code, Path(d.path).name, d.line, d.column) for d in found)


# --------------------------------------------------------------------------- the file kind


def test_the_minutes_schema_is_generated_from_the_model_and_kept_in_the_repository():
    kept = json.loads((REPO / "schema" / "minutes.schema.json").read_text(encoding="utf-8"))
    assert kept == json.loads(json.dumps(json_schema("minutes"), ensure_ascii=False))
    for kind in ("agreement", "workplan", "parties"):  # the others stay in step with their models too
        assert json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")) == json_schema(kind)
    assert kept["properties"]["items"]["maxItems"] == 200


def test_the_example_minutes_validate_against_the_schema():
    import jsonschema
    import yaml

    class AsEditors(yaml.SafeLoader):  # as an editor's YAML server reads it: numbers are numbers, dates text
        yaml_implicit_resolvers = {first: [r for r in found if r[0] != "tag:yaml.org,2002:timestamp"]
                                   for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    schema = json_schema("minutes")
    paths = sorted((EXAMPLE / "minutes").glob("*.yaml"))
    assert paths
    for path in paths:
        jsonschema.validate(yaml.load(path.read_text(encoding="utf-8"), Loader=AsEditors), schema)


def test_next_meeting_words_are_read_as_the_next_meeting():
    for words in ("next_meeting", "nästa mötestillfälle", "Nästa  möte"):
        assert minutes(items=[item("x", due=words)]).items[0].due == "next_meeting"


def test_svo256_a_follow_up_of_an_item_already_closed(tmp_path):
    first = minutes(id="m1", items=[item("teams", due="next_meeting")])
    second = minutes(id="m2", date="2026-04-17", items=[item("klar", "information", follows="m1/teams", status="done")])
    third = minutes(id="m3", date="2026-06-12", items=[item("igen", "information", follows="m1/teams",
                                                            status="carried")])
    data = write_data(tmp_path, first, second, third)
    found = codes(data)
    assert [(c, f) for c, f, _, _ in found] == [("SVO256", "m3.yaml")]
    result = invoke("validate", str(data))
    assert result.exit_code == 0 and "SVO256" in result.stdout and "closed as done on 2026-04-17" in result.stdout


def test_a_follow_up_of_a_follow_up_reaches_the_first_item(tmp_path):
    first = minutes(id="m1", items=[item("teams", due="next_meeting")])
    second = minutes(id="m2", date="2026-04-17", items=[item("kvar", "assignment", follows="m1/teams",
                                                             status="carried", due="2026-05")])
    third = minutes(id="m3", date="2026-06-12", items=[item("klar", "information", follows="m2/kvar", status="done")])
    states = engine.item_states([first, second, third], [], date(2026, 5, 1))
    teams = next(s for s in states if s.key == "m1/teams")
    assert teams.state == "open" and teams.carried and teams.due_day == date(2026, 5, 31) and teams.approximate
    states = engine.item_states([first, second, third], [], date(2026, 6, 12))
    teams = next(s for s in states if s.key == "m1/teams")
    assert teams.state == "done" and teams.closed_on == date(2026, 6, 12) and len(teams.chain) == 2
    assert codes(write_data(tmp_path, first, second, third)) == []


def test_a_self_test_of_minutes_is_checked_at_its_field(tmp_path):
    m = minutes(id="m1", next_meeting={"date": "2026-04-17", "assumed": "illustration"},
                items=[item("teams", due="next_meeting"), item("maj", due="2026-05")],
                expect=[{"as_of": "2026-05-01", "open": 2, "overdue": 0, "next_meeting": "2026-04-17"}])
    data = write_data(tmp_path, m)
    found = codes(data)
    assert [(c, f) for c, f, _, _ in found] == [("SVO407", "m1.yaml")]  # overdue: Teams was due 2026-04-17
    result = invoke("deadlines", "--data", str(data), "--as-of", "2026-05-01")
    assert result.exit_code == 1 and "SVO407" in result.stderr and ERRORS
