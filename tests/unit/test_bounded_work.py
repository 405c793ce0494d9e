"""Work bounded by the size of the input (red-team H4–H6), output bounded however many findings the data
has (M8), and calendar UIDs unique by identity (L2). The shapes are the red team's (and those of
benchmarks/pathological.py) at a small size: the tests count work or check the results, never time them."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import BENCHMARKS, DATA, commands_with, invoke, run_of
from svo_cli.loader import load_dataset
from svo_cli.register import Context, check_expectations
from svo_cli.validate import check_supersede_cycles, strongly_connected, validate

sys.path.insert(0, str(BENCHMARKS))
from pathological import (  # noqa: E402  (the benchmark's shapes, at a small size)
    agreement,
    days,
    expectations,
    followups_done,
    supersede_layers,
    terminations,
    unknown_keys,
)


def _data(tmp_path: Path, files: dict[str, str], plans: dict[str, str] | None = None) -> Path:
    root = tmp_path / "data"
    (root / "agreements").mkdir(parents=True)
    (root / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for stem, text in files.items():
        (root / "agreements" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    if plans:
        (root / "workplans").mkdir()
        for stem, text in plans.items():
            (root / "workplans" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return root


# ---------------------------------------------------------------- H4: the supersession check is linear


class CountingGraph(dict):
    reads = 0

    def __getitem__(self, key):
        CountingGraph.reads += 1
        return super().__getitem__(key)


def test_bounded_work_supersession_components_read_each_node_once_per_edge():
    """Tarjan's pass reads a node's successors once on arrival and once after each child: nodes + edges."""
    layers = 40  # 2^40 paths: the enumeration this replaces would never end
    graph = CountingGraph()
    for layer in range(layers):
        following = [f"{layer + 1}a", f"{layer + 1}b"] if layer + 1 < layers else ["0a", "0b"]
        for side in "ab":
            graph[f"{layer}{side}"] = following
    CountingGraph.reads = 0
    components = strongly_connected(graph)
    edges = sum(len(v) for v in dict.values(graph))
    assert CountingGraph.reads <= len(graph) + edges
    assert [sorted(c) for c in components] == [sorted(graph)]  # the loop holds every node


def test_bounded_work_supersession_layers_without_a_loop_are_fine(tmp_path):
    dataset, _ = load_dataset(_data(tmp_path, supersede_layers(30)))
    assert check_supersede_cycles(dataset.agreements) == []


def test_bounded_work_supersession_loop_reported_once_with_its_members_at_an_entry(tmp_path):
    dataset, _ = load_dataset(_data(tmp_path, supersede_layers(30, loop=True)))
    (found,) = check_supersede_cycles(dataset.agreements)
    assert found.code == "SVO205" and found.path.endswith("l00a.yaml")
    # the shortest loop through the first file, then how many more agreements are in it
    assert found.message.startswith("supersede cycle: l00a → l01a → l02a")
    assert found.message.split(";")[0].endswith("l29a → l00a")
    assert "30 more agreements are in the same loop: l00b, l01b," in found.message
    assert (found.line, found.column) == (6, 14)  # the entry naming the next file: `supersedes: [l01a, …]`


def test_bounded_work_supersession_two_separate_loops_are_two_findings(tmp_path):
    files = {"a": agreement("a", "supersedes: [b]\n"), "b": agreement("b", "supersedes: [a]\n"),
             "c": agreement("c", "supersedes: [d]\n"), "d": agreement("d", "supersedes: [e]\n"),
             "e": agreement("e", "supersedes: [c, a]\n")}
    dataset, _ = load_dataset(_data(tmp_path, files))
    found = check_supersede_cycles(dataset.agreements)
    assert [(Path(d.path).stem, d.message) for d in found] == [
        ("a", "supersede cycle: a → b → a"), ("c", "supersede cycle: c → d → e → c")]


# ---------------------------------------------------------------- H5: self-tests once per date


@pytest.fixture
def count_statuses(monkeypatch):
    """How many times an agreement's status is computed (engine.status_of), however it is reached."""
    from svo_cli import engine

    calls = []
    real = engine.status_of
    monkeypatch.setattr(engine, "status_of", lambda tl: calls.append(tl.agreement.id) or real(tl))
    return calls


def test_bounded_work_self_tests_compute_each_status_once_per_date(tmp_path, count_statuses):
    on = days(3) * 20  # 60 expectations on 3 dates
    others = {f"other{i:02d}": agreement(f"other{i:02d}") for i in range(30)}
    dataset, _ = load_dataset(_data(tmp_path, {"selftest": expectations(on), **others}))
    assert check_expectations(dataset, Context()) == []
    assert count_statuses == ["selftest"] * 3  # not 60 × 31


def test_bounded_work_self_tests_still_find_each_mismatch(tmp_path, count_statuses):
    on = days(2) * 3
    text = expectations(on).replace("status: active}\n", "status: expired}\n", 1)
    dataset, _ = load_dataset(_data(tmp_path, {"selftest": text}))
    found = check_expectations(dataset, Context())
    assert [(d.code, d.line) for d in found] == [("SVO407", 7)]
    assert "active" in found[0].message and "expired" in found[0].message


# Every command that computes on a data directory and writes a file (changes reads git, not one directory),
# as the command table runs it; show shows the self-tested agreement.
SELF_TESTED = [["show", "selftest"] if c == "show" else run_of(c)
               for c in commands_with("--data", "--as-of", writes="FILE") if c != "changes"]


@pytest.mark.parametrize("command", SELF_TESTED, ids=lambda c: c[0])
def test_bounded_work_self_tests_in_every_command(tmp_path, count_statuses, command):
    """Each command runs the self-tests: its status computations stay within the agreements plus one per
    date the self-tests name (the red team's 2,000 expectations with 400 agreements took 38 s)."""
    others = {f"other{i:02d}": agreement(f"other{i:02d}") for i in range(30)}
    data = _data(tmp_path, {"selftest": expectations(days(2) * 50), **others})
    result = invoke(*command, "--data", str(data), "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    assert 0 < len(count_statuses) <= 3 * 31 + 2


# ---------------------------------------------------------------- H6: event replay is linear


def test_bounded_work_event_replay_locates_each_event_by_its_place(tmp_path, monkeypatch):
    """SVO215 and SVO217 name each event's own line, equal events too, without comparing events (a
    search of the list for an equal event made validate quadratic: 12,000 events, 101 s)."""
    from svo_cli.model import Event

    files = {"replay": followups_done(days(30) + ["2000-01-01"]),  # the last equals the first
             "ended": terminations(days(400)[380:])}
    dataset, _ = load_dataset(_data(tmp_path, files))
    compared = []
    real = Event.__eq__
    monkeypatch.setattr(Event, "__eq__", lambda self, other: compared.append(1) or real(self, other))
    found = validate(dataset)
    assert compared == []
    replay = sorted(d.line for d in found if d.code == "SVO215")
    assert replay == list(range(9, 9 + 31))  # one a line, the copy at its own line
    ended = [d.line for d in found if d.code == "SVO217"]
    assert ended == list(range(8, 8 + 20))


# ---------------------------------------------------------------- M8: findings capped in every output


def _many_findings(tmp_path: Path, files: int = 12, keys: int = 150) -> Path:
    return _data(tmp_path, {f"keys{n:02d}": unknown_keys(f"keys{n:02d}", keys) for n in range(files)})


def test_findings_capped_in_json_with_the_count_of_the_rest(tmp_path):
    data = _many_findings(tmp_path)  # 12 files × 150 findings: 100 a file, 1,000 in all are listed
    doc = json.loads(invoke("validate", str(data), "--format", "json").stdout)
    assert (len(doc["findings"]), doc["findings_omitted"], doc["errors"]) == (1000, 800, 1800)
    per_file = {f["path"] for f in doc["findings"]}
    assert len(per_file) == 10
    status = invoke("status", "--data", str(data), "--as-of", "2026-01-01", "--format", "json")
    assert status.exit_code == 1
    doc = json.loads(status.stdout)
    assert (len(doc["findings"]), doc["findings_omitted"]) == (1000, 800)


def test_findings_capped_on_stderr_text_and_annotations(tmp_path):
    data = _many_findings(tmp_path)
    status = invoke("status", "--data", str(data), "--as-of", "2026-01-01")
    assert status.exit_code == 1
    lines = status.stderr.splitlines()
    assert sum(": error: SVO" in line for line in lines) == 1000
    assert "… and 800 more findings, not shown (at most 100 a file and 1000 in all are shown)" in lines
    text = invoke("validate", str(data))
    assert text.exit_code == 1
    assert sum(": error: SVO" in line for line in text.stdout.splitlines()) == 1000
    assert text.stdout.count("… and 50 more findings in this file") == 10
    assert "1800 errors" in text.stdout.splitlines()[-1]
    github = invoke("validate", str(data), "--format", "github", "--lang", "sv")
    assert sum(line.startswith("::error ") for line in github.stdout.splitlines()) == 1000
    assert "… och 800 fynd till, som inte visas" in github.stdout
    assert github.exit_code == 1


def test_findings_not_capped_below_the_limits(tmp_path):
    data = _many_findings(tmp_path, files=2, keys=30)
    doc = json.loads(invoke("validate", str(data), "--format", "json").stdout)
    assert (len(doc["findings"]), doc["findings_omitted"]) == (60, 0)
    assert "more findings" not in invoke("validate", str(data)).stdout


# ---------------------------------------------------------------- L2: calendar UIDs unique by identity


PLAN = """id: plan
title: Planen
body: SVO
period: {from: 2026-01-01, until: 2026-12-31}
meeting_rules: {agenda_before: 2 weeks, minutes_final_after: 5 arbetsdagar}
meetings:
MEETINGS
source: {document: d, quote: q}
"""


def _calendar_uids(tmp_path: Path, meetings: list[str]) -> dict[str, list[str]]:
    data = _data(tmp_path, {}, {"plan": PLAN.replace("MEETINGS\n", "".join(f"  - {m}\n" for m in meetings))})
    result = invoke("calendar", "--data", str(data), "--as-of", "2026-01-01", "--until", "2026-12-31")
    events = [c for c in Calendar.from_ical(result.stdout).walk() if c.name == "VEVENT"]
    found: dict[str, list[str]] = {}
    for e in events:
        found.setdefault(str(e["SUMMARY"]), []).append(str(e["UID"]))
    return found


def test_calendar_uids_unique_for_meetings_on_one_day(tmp_path):
    found = _calendar_uids(tmp_path, ["{date: 2026-03-10, title: SVO-möte}", "{date: 2026-03-10, title: Extramöte}",
                                      "{date: 2026-03-10, title: Konferens, kind: conference}",
                                      "{date: 2026-06-10, title: SVO-möte}"])
    uids = [u for us in found.values() for u in us]
    assert len(uids) == 3 * 3 + 1 and len(set(uids)) == len(uids)  # 3 meetings with agenda and minutes, a conference
    # A meeting alone on its day keeps the UID it always had: a re-import updates it.
    (tmp_path / "alone").mkdir()
    alone = _calendar_uids(tmp_path / "alone", ["{date: 2026-06-10, title: SVO-möte}"])
    assert set(u for us in alone.values() for u in us) <= set(uids)


def test_calendar_uids_unique_and_a_finding_for_the_same_meeting_twice(tmp_path):
    found = _calendar_uids(tmp_path, ["{date: 2026-03-10, title: SVO-möte}", "{date: 2026-03-10, title: SVO-möte}"])
    uids = [u for us in found.values() for u in us]
    assert len(uids) == 6 + 1 and len(set(uids)) == 7  # and the event saying the data has errors
    assert any(summary.startswith("svo: ") for summary in found)
    result = invoke("validate", str(tmp_path / "data"))
    assert result.exit_code == 1 and "SVO222" in result.stdout


# ---------------------------------------------------------------- issue 26: the event replay computes no window


def test_bounded_work_event_replay_computes_no_terms_it_does_not_read(tmp_path, monkeypatch):
    """The replay builds the timeline on a far date for its notice, end and withdrawals; the hundred
    terms of that date's window are never read, so none is computed (SVO215 found all the same)."""
    from svo_cli import validate as validating
    from svo_cli.schedule import Schedule

    text = agreement("yearly", "valid_until: 2015-12-31\nrenewal: {every: 1 year}\nnotice: {period: 3 months}\n"
                               "followups:\n  - {id: f, what: w, every: 1 year, first: 2015-12-31}\n"
                               "events:\n  - {date: 2020-06-01, type: followup_done, followup: f, occurrence: 1999-01-01}\n",
                     valid_from="2015-01-01")
    dataset, diagnostics = load_dataset(_data(tmp_path, {"yearly": text}))
    assert not [d for d in diagnostics if d.is_error]
    calls = 0
    term = Schedule.term

    def counting(self, k):
        nonlocal calls
        calls += 1
        return term(self, k)

    monkeypatch.setattr(Schedule, "term", counting)
    found = validating.check_event_replay(dataset)
    assert [d.code for d in found] == ["SVO215"]
    assert calls < 10


# ---------------------------------------------------------------- issue 26: one walk over the agreements, not one a row


def _renewing(count: int) -> dict[str, str]:
    """`count` agreements whose notice deadline (2026-12-31) falls near the as-of date, each a decision
    row with options, decided at the SVO's meetings (the plan of `_meetings`); and one that ends with the
    first."""
    notice = "notice: {period: 6 months, decision_meetings: {body: SVO, count: 2, assumed: a test}}\n"
    files = {f"renew{i:02d}": agreement(f"renew{i:02d}", "valid_until: 2027-06-30\nrenewal: {every: 2 years}\n"
                                        + notice, valid_from="2020-07-01") for i in range(count)}
    files["follower"] = agreement("follower", "ends_with: renew00\n", valid_from="2020-07-01")
    return files


def _meetings() -> dict[str, str]:
    return {"plan": PLAN.replace("MEETINGS\n", "".join(f"  - {{date: {day}, title: SVO-möte}}\n"
                                                        for day in ("2026-09-15", "2026-11-10", "2026-12-15")))}


@pytest.fixture
def count_walks(monkeypatch):
    """How many times a command walks every agreement: for supersessions, the agreements by id, or a tuple of
    every file's model."""
    from svo_cli import decisions, engine
    from svo_cli.loader import Dataset

    calls = []
    for name in ("supersessions", "by_id"):
        real = getattr(engine, name)
        monkeypatch.setattr(engine, name, lambda agreements, real=real, name=name: calls.append(name) or real(agreements))
    for name in ("agreement_models", "workplan_models", "minutes_models"):  # each a tuple of every file's model
        real = getattr(Dataset, name)
        monkeypatch.setattr(Dataset, name, lambda self, real=real, name=name: calls.append(name) or real(self))
    real_days = decisions.meeting_days  # every plan's meetings
    monkeypatch.setattr(decisions, "meeting_days", lambda *a, **k: calls.append("meeting_days") or real_days(*a, **k))
    return calls


WALKING = [["show", "renew00"] if c[0] == "show" else c for c in SELF_TESTED]


@pytest.mark.parametrize("command", WALKING, ids=lambda c: c[0])
def test_bounded_work_walks_over_every_agreement_do_not_grow_with_the_rows(tmp_path, count_walks, command):
    """A command walks the agreements a fixed number of times, however many rows it has: the options of
    each notice row once looked up the supersessions anew (check at 50,000 agreements: 356 s, now 37 s)."""
    walks = []
    for count in (3, 12):
        data = _data(tmp_path / str(count), _renewing(count), _meetings())
        result = invoke(*command, "--data", str(data), "--as-of", "2026-12-01")
        assert result.exit_code == 0, result.stderr  # the data is clean: no finding, nothing overdue
        walks.append(len(count_walks))
        count_walks.clear()
    assert walks[0] == walks[1]


def test_bounded_work_the_walked_rows_are_there(tmp_path):
    """The data of the test above gives check a decision with options for each renewing agreement."""
    data = _data(tmp_path, _renewing(12), _meetings())
    result = invoke("check", "--data", str(data), "--as-of", "2026-12-01", "--format", "json")
    decisions = json.loads(result.stdout)["decisions"]
    assert sorted(d["id"] for d in decisions if d["options"]) == [f"renew{i:02d}" for i in range(12)]


def test_bounded_work_the_site_walks_the_agreements_a_fixed_number_of_times(tmp_path, count_walks):
    """`svo site` shows every agreement on a page of its own: each page looked up the supersessions (and the
    agreements by id, the assumed items) anew, and each row's link walked every agreement; at 10,000
    agreements it had not finished after 20 minutes (now 177 s)."""
    walks = []
    for count in (3, 12):
        data = _data(tmp_path / str(count), _renewing(count), _meetings())
        result = invoke("site", "--data", str(data), "--as-of", "2026-12-01", "-o", str(tmp_path / f"site{count}"))
        assert result.exit_code == 0, result.stderr
        assert (tmp_path / f"site{count}" / "avtal" / f"renew{count - 1:02d}.html").is_file()
        walks.append(len(count_walks))
        count_walks.clear()
    assert walks[0] == walks[1]


class CountingTuple(tuple):
    walks = 0

    def __iter__(self):
        CountingTuple.walks += 1
        return super().__iter__()


def test_bounded_work_the_sites_pages_link_each_row_by_a_lookup(tmp_path):
    """Each row's link on a page (Page.item_link) walked every agreement, plan and minutes to find its page:
    rows × agreements. The pages walk them a fixed number of times, however many rows they have."""
    from dataclasses import replace

    from svo_cli.app import Request
    from svo_cli.site import build
    from svo_cli.site.pages import render_site

    walks = []
    for count in (3, 12):
        data = _data(tmp_path / str(count), _renewing(count), _meetings())
        site = build(Request(data, date(2026, 12, 1)))
        counted = replace(site, agreements=CountingTuple(site.agreements), workplans=CountingTuple(site.workplans),
                          minutes=CountingTuple(site.minutes))
        CountingTuple.walks = 0
        files = render_site(counted)
        assert f"avtal/renew{count - 1:02d}.html" in files
        walks.append(CountingTuple.walks)
    assert walks[0] == walks[1]
