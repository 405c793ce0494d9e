"""One order of principals everywhere (issue 14): plans, report, check and show list a plan's principals
by name in Swedish alphabetical order (å, ä, ö after z), as the application layer decides."""

from __future__ import annotations

import json

from conftest import invoke

AS_OF = "2026-11-23"
PLAN = "svo-arbetsplan-2026-2027"
SWEDISH = ["Boxholms kommun", "Finspångs kommun", "Kinda kommun", "Linköpings kommun", "Mjölby kommun",
           "Motala kommun", "Norrköpings kommun", "Region Östergötland", "Söderköpings kommun", "Vadstena kommun",
           "Valdemarsviks kommun", "Ydre kommun", "Åtvidabergs kommun", "Ödeshögs kommun"]


def _order(text: str) -> list[str]:
    """The principals' names in the order the text first names them."""
    found = {name: text.find(name) for name in SWEDISH if name in text}
    return sorted(found, key=found.__getitem__)


def _run(*args: str) -> str:
    result = invoke(*args, "--as-of", AS_OF, "--lang", "sv", env={"COLUMNS": ""})
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_every_command_lists_missing_principals_in_the_same_swedish_order():
    plans = next(line for line in _run("plans").splitlines() if line.startswith(PLAN))
    check = next(line for line in _run("check", "--meeting", "2026-12-10", "--fail-on", "never").splitlines()
                 if "saknas" in line)
    report = next(line for line in _run("report", "--meeting", "2026-12-10", "--format", "md").splitlines()
                  if line.startswith("| Samråd vård och omsorg (SVO), arbetsplan för åren 2026-2027"))
    html = _run("report", "--meeting", "2026-12-10", "--format", "html")
    html_rows = [line for line in html.splitlines() if line.startswith("<tr") and "Boxholms kommun" in line]
    # the three decisions (each naming the principals without a decision), the two notice deadlines and
    # the adoption due after the meeting (their missing principals by name), and the work plans' table
    assert len(html_rows) == 7
    show = _run("show", PLAN)
    adoption = show.split("Huvudmännens beslut")[1].split("\n\n")[0]
    deadlines = show.split("Tidsgränser")[1]
    for text in (plans, check, report, adoption, deadlines, *html_rows):
        assert _order(text) == SWEDISH, text[:300]


def test_json_lists_principals_in_the_same_order():
    doc = json.loads(invoke("plans", "--as-of", AS_OF, "--format", "json").stdout)
    names = {p["id"]: p["name"] for p in _parties()}
    plan = next(p for p in doc["plans"] if p["id"] == PLAN)
    assert [names[p] for p in plan["adoption"]["missing"]] == SWEDISH
    shown = json.loads(invoke("show", PLAN, "--as-of", AS_OF, "--format", "json").stdout)
    assert [names[p] for p in shown["status"]["adoption"]["missing"]] == SWEDISH
    rows = json.loads(invoke("deadlines", "--as-of", AS_OF, "--within", "60", "--format", "json").stdout)["deadlines"]
    assert [names[r["party"]] for r in rows if r["party"] and r["id"] == PLAN] == SWEDISH


def _parties() -> list[dict]:
    import yaml

    from conftest import DATA

    doc = yaml.safe_load((DATA / "parties.yaml").read_text("utf-8"))
    return doc["parties"]
