"""Command tests through the real command, in-process (conftest.svo); the entry point itself in a process."""

from __future__ import annotations

import hashlib
import json
import sys

import pytest

from conftest import COMMANDS, CORPUS, DATA, REPO, bare_data, invoke, options_of, output_of, run_of, svo


def test_status_table_is_plain_when_piped():
    result = svo("status", "--as-of", "2026-11-23")
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "missbruk-psykisk-funktionsnedsattning" in result.stdout and "notice_given" not in result.stdout


@pytest.mark.rule(id="8b")
def test_deadlines_json_window_and_rows():
    result = svo("deadlines", "--as-of", "2026-11-23", "--until", "2026-12-31", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["as_of"], doc["until"]) == ("2026-11-23", "2026-12-31")
    rows = doc["deadlines"]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    notice = [r for r in rows if r["kind"] == "notice_deadline"]
    assert {(r["id"], r["date"], r["act_by"]) for r in notice} == {
        ("missbruk-psykisk-funktionsnedsattning", "2026-12-31", "2026-12-30"),
        ("samverkan-barn-och-unga", "2026-12-31", "2026-12-30"),
    }
    # nothing overdue on the register's first day: what fell due before it has no record (rule 8b)
    assert not [r for r in rows if r["status"] == "overdue"]
    past = [r for r in rows if r["status"] == "unrecorded"]
    assert past and all(r["date"] < "2026-11-23" and r["days_left"] < 0 for r in past)
    # läkarmedverkan's 2024 follow-up: due before the register's records begin, no record (rule 8b)
    assert [(r["status"], r["unrecorded"]) for r in rows if r["id"] == "lakarmedverkan"] == [("unrecorded", 1)]
    fields = {"date", "act_by", "kind", "id", "title", "days_left", "status", "approximate", "explanation",
              "term", "followup", "party", "assignment", "act_days_left", "earlier_overdue", "unrecorded",
              "unrecorded_since", "decide_by", "deciders", "decided", "undecided", "decide_by_assumed",
              "decision_overdue", "assumed"}
    assert all(set(r) == fields for r in rows)


def test_deadlines_within_days():
    doc = json.loads(svo("deadlines", "--as-of", "2026-11-23", "--within", "10", "--format", "json").stdout)
    assert doc["until"] == "2026-12-03"
    # In the window, overdue, or a later deadline whose boards must decide within the window.
    assert all(r["status"] in ("overdue", "unrecorded") or r["date"] <= "2026-12-03"
               or (r["decide_by"] or "9") <= "2026-12-03" for r in doc["deadlines"])


def test_show_an_agreement():
    result = svo("show", "missbruk-psykisk-funktionsnedsattning", "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    for text in ("2026-12-31", "2026-12-30", "Terms", "Source", "Överenskommelsen gäller från och med 2018-01-01"):
        assert text in result.stdout
    doc = json.loads(svo("show", "ramavtal-ungdomshalsa", "--as-of", "2026-11-23", "--format", "json").stdout)
    assert doc["status"]["term"] == 3 and doc["terms"][0]["end"] == "2022-12-30"


def test_show_unknown_id_is_a_usage_error():
    result = svo("show", "missbruk", "--as-of", "2026-11-23")
    assert result.returncode == 2 and "did you mean" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "2026-02-30"],
        ["status", "--as-of", "tomorrow"],
        ["status", "--format", "xml"],
        ["deadlines", "--within", "-3"],
        ["deadlines", "--within", "abc"],
        ["deadlines", "--within", "5", "--until", "2027-01-01"],
        ["deadlines", "--as-of", "2026-11-23", "--until", "2026-01-01"],
        ["status", "--data", "/nonexistent/dir"],
        ["validate", "/nonexistent/file.yaml"],
        ["nosuchcommand"],
    ],
)
def test_bad_options_exit_2_without_traceback(args):
    result = svo(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_validate_broken_files_gives_located_findings_and_exit_1(tmp_path):
    corpus = CORPUS
    bare = bare_data(tmp_path)
    result = svo("validate", str(corpus / "duplicate-key.yaml"), str(corpus / "impossible-date.yaml"),
                 "--data", str(bare))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.endswith("duplicate-key.yaml:3:1: error: SVO004 duplicate key 'id' (first at line 2)")
               for line in lines)
    assert any("impossible-date.yaml:6:13: error: SVO110" in line and "February 2023 has 28 days" in line
               for line in lines)
    assert lines[-1] == "failed: 2 files checked, 2 errors, 0 warnings"
    doc = json.loads(svo("validate", str(corpus / "late-notice.yaml"), "--data", str(bare),
                         "--format", "json").stdout)
    assert doc["errors"] == 0 and {f["code"] for f in doc["findings"]} == {"SVO208", "SVO404", "SVO405"}


def test_strict_turns_warnings_into_errors(tmp_path):
    late = str(CORPUS / "late-notice.yaml")
    bare = bare_data(tmp_path)
    assert svo("validate", late, "--data", str(bare)).returncode == 0
    assert svo("validate", late, "--data", str(bare), "--strict").returncode == 1


def test_other_commands_report_data_errors_on_stderr_and_exit_1(tmp_path):
    (tmp_path / "agreements").mkdir()
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    good = (DATA / "agreements" / "lakarmedverkan.yaml").read_text(encoding="utf-8")
    (tmp_path / "agreements" / "lakarmedverkan.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "agreements" / "broken.yaml").write_text("id: broken\nid: twice\n", encoding="utf-8")
    result = svo("status", "--data", str(tmp_path), "--as-of", "2026-11-23", "--format", "json")
    assert result.returncode == 1
    assert "broken.yaml:2:1: error: SVO004" in result.stderr
    assert [r["id"] for r in json.loads(result.stdout)["agreements"]] == ["lakarmedverkan"]


def test_data_from_environment_variable(tmp_path):
    result = svo("status", "--as-of", "2026-11-23", "--format", "json", env={"SVO_DATA": str(DATA)},
                 cwd=tmp_path)
    assert result.returncode == 0 and len(json.loads(result.stdout)["agreements"]) >= 20


def test_read_only_commands_never_change_data_files():
    def checksums():
        return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DATA.rglob("*")) if p.is_file()}

    before = checksums()
    for args in (["status", "--data", str(DATA), "--as-of", "2026-11-23"],
                 ["deadlines", "--within", "400", "--data", str(DATA), "--as-of", "2026-11-23"],
                 ["show", "lakarmedverkan", "--data", str(DATA), "--as-of", "2026-11-23"],
                 ["validate", str(DATA), "--as-of", "2026-11-23"]):
        result = svo(*args)
        assert result.returncode == 0 and result.stdout.strip(), (args, result.stderr)  # each command really ran
    assert checksums() == before


@pytest.mark.rule(id="8b")
def test_deadlines_include_work_plan_obligations():
    doc = json.loads(svo("deadlines", "--as-of", "2026-11-23", "--until", "2026-12-31", "--format", "json").stdout)
    adoption = [r for r in doc["deadlines"] if r["kind"] == "adoption"]
    assert len(adoption) == 14 and {r["id"] for r in adoption} == {"svo-arbetsplan-2026-2027"}
    assert all(r["party"] and r["date"] == "2026-12-31" and r["act_by"] == "2026-12-30" for r in adoption)
    assignments = [r for r in doc["deadlines"] if r["kind"] == "assignment"]
    # due vt 2025, before the register began (2026-11-23), no record: neither done nor overdue (rule 8b)
    assert any(r["assignment"] == "ramavtal-barnhalsa-ungdomshalsa" and r["status"] == "unrecorded" for r in assignments)


def test_plans_command():
    result = svo("plans", "--as-of", "2026-11-23")
    assert result.returncode == 0
    assert "0 of 14" in result.stdout and "Valdemarsviks kommun (prepared 2026-05-04)" in " ".join(result.stdout.split())
    doc = json.loads(svo("plans", "--as-of", "2026-11-23", "--format", "json").stdout)
    svo_plan = next(p for p in doc["plans"] if p["id"] == "svo-arbetsplan-2026-2027")
    assert svo_plan["adoption"]["required"] == 14 and len(svo_plan["adoption"]["missing"]) == 14
    assert svo_plan["state"] == "active"


@pytest.mark.rule(id="8b")
def test_check_at_a_real_lgvo_meeting():
    result = svo("check", "--as-of", "2024-05-17", "--meeting", "2024-05-31", "--format", "json")
    doc = json.loads(result.stdout)
    # the window runs through the day before LGVO's next meeting (2024-08-23)
    assert (doc["as_of"], doc["until"], doc["meeting"]) == ("2024-05-17", "2024-08-22", "2024-05-31")
    assert (doc["window"], doc["next_meeting"]) == ("next_meeting", "2024-08-23")
    kinds = [(r["kind"], r["date"]) for r in doc["items"]]
    assert ("agenda", "2024-05-17") in kinds and ("meeting", "2024-05-31") in kinds
    statuses = [r["status"] for r in doc["items"]]
    assert statuses == sorted(statuses, key=lambda s: s != "overdue")
    # Nothing was overdue two weeks before that meeting: the agenda is due, the meeting upcoming, and until
    # the next meeting that meeting's minutes, HVB's half-year report and the next agenda; the follow-ups
    # due before then, before the register's records begin, are counted without a record (rule 8b); exit 0.
    assert doc["summary"] == {"overdue": 0, "due": 1, "upcoming": 4, "unrecorded": 22} and result.returncode == 0
    assert [(r["section"], r["kind"]) for r in doc["items"] if r["section"] != "unrecorded"] == [
        ("by_meeting", "agenda"), ("by_meeting", "meeting"), ("after_meeting", "minutes"), ("after_meeting", "followup"),
        ("after_meeting", "agenda")]


def test_check_exit_codes_follow_fail_on():
    args = ["check", "--as-of", "2026-11-23", "--horizon", "40"]
    assert svo(*args).returncode == 1  # something is overdue
    assert svo(*args, "--fail-on", "never").returncode == 0
    quiet = ["check", "--as-of", "2024-05-31", "--meeting", "2024-05-31"]
    doc = json.loads(svo(*quiet, "--format", "json").stdout)
    assert doc["summary"]["overdue"] == 0 and doc["items"]
    assert svo(*quiet).returncode == 0
    assert svo(*quiet, "--fail-on", "due").returncode == 1


def test_check_next_meeting_and_its_usage_errors():
    result = svo("check", "--as-of", "2024-05-20", "--next-meeting", "--format", "json")
    assert json.loads(result.stdout)["meeting"] == "2024-05-31"
    assert svo("check", "--as-of", "2026-11-23", "--next-meeting").returncode == 2
    assert svo("check", "--meeting", "2024-05-31", "--next-meeting").returncode == 2
    assert svo("check", "--as-of", "2026-11-23", "--meeting", "2026-01-01").returncode == 2


def test_validate_github_annotations(tmp_path):
    late = str(CORPUS / "late-notice.yaml")
    bad = str(CORPUS / "impossible-date.yaml")
    result = svo("validate", bad, late, "--data", str(bare_data(tmp_path)), "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=") and ",line=6,col=13,title=svo SVO110::" in lines[0]
    assert any(line.startswith("::warning file=") and "SVO208" in line for line in lines)
    assert lines[-1].startswith("failed: 2 files checked")


def test_pre_commit_hook_definition():
    import re

    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "svo-validate" and hook["entry"] == "svo validate --strict" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert pattern.search("data/agreements/lakarmedverkan.yaml") and pattern.search("data/parties.yaml")
    assert pattern.search("data/workplans/svo-arbetsplan-2026-2027.yml")
    assert not pattern.search("src/svo_cli/cli.py")


def test_show_a_work_plan():
    result = svo("show", "svo-arbetsplan-2026-2027", "--as-of", "2026-11-23", "--lang", "sv")
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "Huvudmännens beslut (0 av 14; senast 2026-12-31)" in flat
    assert "Valdemarsviks kommun beredd 2026-05-04, ännu inte antagen" in flat
    doc = json.loads(svo("show", "lgvo-arbetsplan-2024-2025", "--as-of", "2024-05-20", "--format", "json").stdout)
    assert doc["status"]["state"] == "active" and doc["plan"]["period"] == {"from": "2024-01-01", "until": "2025-12-31"}
    assert {"date": "2024-05-31", "title": "LGVO (arbetsplanen reviderad)", "kind": "meeting",
            "agenda_by": "2024-05-17", "minutes_final": "2024-06-10"} in doc["meetings"]


def test_an_unexpected_exception_is_one_line_and_exit_70(monkeypatch, capsys):
    from svo_cli import app, cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "status", broken)
    monkeypatch.setattr(sys, "argv", ["svo", "status", "--data", str(DATA)])
    monkeypatch.delenv("SVO_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 70
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["svo: internal error: RuntimeError: boom; run with SVO_DEBUG=1 for details"]


def test_svo_debug_shows_the_traceback(monkeypatch):
    from svo_cli import app, cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "status", broken)
    monkeypatch.setattr(sys, "argv", ["svo", "status", "--data", str(DATA)])
    monkeypatch.setenv("SVO_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main()


@pytest.mark.parametrize("command", COMMANDS)
def test_lang_is_accepted_by_every_command(command, tmp_path):
    dated = ["--as-of", "2026-11-23"] if "--as-of" in options_of(command) else []
    into = ["-o", str(tmp_path / "out")] if output_of(command) == "DIR" else []
    result = invoke(*run_of(command), "--lang", "sv", *dated, *into)
    assert result.exit_code == 0, (command, result.stderr)


@pytest.mark.rule(id="10")
@pytest.mark.parametrize(("utc", "today"), [("2026-11-22T23:30:00", "2026-11-23"), ("2026-06-30T21:59:00", "2026-06-30"),
                                            ("2026-06-30T22:00:00", "2026-07-01")])
def test_today_is_the_date_in_stockholm_whatever_the_clock_s_zone(monkeypatch, utc, today):
    """Half past midnight in Stockholm (CET) is still yesterday in UTC; in summer (CEST) the day turns at
    22:00 UTC. Without --as-of, the commands compute for Stockholm's date."""
    from datetime import datetime, timezone

    from svo_cli.cli import edge

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            instant = datetime.fromisoformat(utc).replace(tzinfo=timezone.utc)
            return instant.astimezone(tz) if tz else instant.replace(tzinfo=None)

    monkeypatch.setattr(edge, "datetime", Clock)
    result = invoke("status", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(result.stdout)["as_of"] == today
