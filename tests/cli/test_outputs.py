"""Languages, formats, escaping and atomic output."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, DATA, REPO, hostile_data, svo
from svo_cli import output
from svo_cli.i18n import EXPLANATIONS, LABELS, detect_lang
from svo_cli.render.csvfmt import neutralise, to_csv
from svo_cli.render.markdown import escape


def test_every_text_exists_in_both_languages():
    assert set(LABELS["en"]) == set(LABELS["sv"])
    assert set(EXPLANATIONS["en"]) == set(EXPLANATIONS["sv"])


@pytest.mark.parametrize("env, lang", [
    ({"LANG": "sv_SE.UTF-8"}, "sv"), ({"LC_ALL": "sv_FI"}, "sv"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({}, "en"), ({"LC_ALL": "C", "LANG": "sv_SE"}, "en"),
])
def test_language_from_the_environment(env, lang):
    assert detect_lang(env) == lang


def test_swedish_locale_gives_swedish_output():
    result = svo("status", "--as-of", "2026-11-23", env={"LANG": "sv_SE.UTF-8", "LC_ALL": ""})
    assert "Överenskommelser 2026-11-23" in result.stdout and "gäller" in result.stdout
    english = svo("status", "--as-of", "2026-11-23", "--lang", "en", env={"LANG": "sv_SE.UTF-8", "LC_ALL": ""})
    assert "Agreements on 2026-11-23" in english.stdout


def test_swedish_explanations_and_durations():
    doc = json.loads(svo("deadlines", "--as-of", "2026-11-23", "--until", "2026-12-31", "--lang", "sv",
                         "--format", "json").stdout)
    notice = next(r for r in doc["deadlines"] if r["id"] == "missbruk-psykisk-funktionsnedsattning"
                  and r["kind"] == "notice_deadline")
    assert notice["explanation"] == ("sista dag för skriftlig uppsägning under period 4: periodens slut 2027-12-31 "
                                     "minus 12 månader; annars förlängs överenskommelsen med 2 år efter 2027-12-31")
    assert notice["kind"] == "notice_deadline"  # codes stay stable in JSON whatever the language


def test_csv_rfc4180_reads_back(tmp_path):
    target = tmp_path / "deadlines.csv"
    result = svo("deadlines", "--as-of", "2026-11-23", "--until", "2026-12-31", "--format", "csv", "-o", str(target))
    assert result.returncode == 0
    raw = target.read_bytes()
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[0] == ["Date", "Act by", "Decide by", "Days", "Status", "Kind", "ID", "What"]
    assert any(r[6] == "missbruk-psykisk-funktionsnedsattning" and r[0] == "2026-12-31" and r[2] == "2026-09-30 [assumption]"
               for r in rows[1:])


def test_csv_for_excel_with_swedish_settings(tmp_path):
    target = tmp_path / "plans.csv"
    result = svo("plans", "--as-of", "2026-11-23", "--format", "csv-excel", "--lang", "sv", "--output", str(target))
    assert result.returncode == 0 and result.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["ID", "Titel", "Organ", "Läge"]
    header = rows[0]
    plan = next(r for r in rows[1:] if r[0] == "svo-arbetsplan-2026-2027")
    assert (plan[header.index("Antagen av")], plan[header.index("Ska antas av")]) == ("0", "14")


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "%0A"])
def test_formulas_are_neutralised(text):
    assert neutralise(text).startswith("'")
    assert list(csv.reader(io.StringIO(to_csv(["h"], [[text]]))))[1] == ["'" + text]


def test_numbers_svo_computes_are_not_touched():
    assert neutralise(-38) == "-38" and neutralise("Överenskommelse") == "Överenskommelse"


def test_hostile_text_is_escaped_everywhere(tmp_path):
    data = str(hostile_data(tmp_path))
    md = svo("deadlines", "--data", data, "--as-of", "2026-11-23", "--until", "2026-12-31", "--format", "md").stdout
    row = next(line for line in md.splitlines() if "hostile" in line)
    assert row.count(" | ") == 7  # the title's '|' cannot split the row
    assert "'=cmd\\|x \\| \\*y\\*'" in row
    rows = list(csv.reader(io.StringIO(svo("deadlines", "--data", data, "--as-of", "2026-11-23",
                                           "--until", "2026-12-31", "--format", "csv").stdout)))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    table = svo("show", "hostile", "--data", data, "--as-of", "2026-11-23").stdout
    assert "[bold red]x[/]" in table  # printed literally, not interpreted as markup


def test_markdown_escape():
    assert escape("a|b\n*c*") == "a\\|b \\*c*"


def test_output_is_written_atomically_and_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind
    monkeypatch.undo()
    output.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"


def test_output_option(tmp_path):
    target = tmp_path / "status.json"
    assert svo("status", "--as-of", "2026-11-23", "--format", "json", "--output", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == "2026-11-23"
    missing_dir = tmp_path / "nope" / "status.json"
    result = svo("status", "--as-of", "2026-11-23", "--output", str(missing_dir))
    assert result.returncode == 2 and not missing_dir.parent.exists()
    assert svo("status", "--output", str(tmp_path)).returncode == 2


def test_findings_in_swedish():
    corpus = CORPUS
    result = svo("validate", str(corpus / "impossible-date.yaml"), str(corpus / "unknown-key.yaml"),
                 str(corpus / "late-notice.yaml"), "--data", str(DATA), "--lang", "sv")
    assert result.returncode == 1
    out = result.stdout
    assert "impossible-date.yaml:6:13: fel: SVO110 valid_from: '2023-02-30' är inget datum: februari 2023 har 28 dagar" in out
    assert "fel: SVO101 okänd nyckel 'valid_untill'" in out and "tips: menade du 'valid_until'?" in out
    assert "varning: SVO208 sen uppsägning" in out
    assert out.splitlines()[-1].startswith("underkänt: kontrollerade 3 filer, ")
    doc = json.loads(svo("validate", str(corpus / "duplicate-key.yaml"), "--data", str(DATA), "--lang", "sv",
                         "--format", "json").stdout)
    assert doc["findings"][0]["message"] == "dubblerad nyckel 'id' (första på rad 2)"


def _placeholders(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_id_has_english_and_swedish_with_the_same_placeholders():
    """Every id written as T("id", ...) in the source has an English and a Swedish template taking the same
    {placeholders}; every id in the catalogue is used (month_1..month_12 are made from a month number)."""
    import ast
    import re

    from svo_cli.messages import FINDINGS

    assert FINDINGS["en"].keys() == FINDINGS["sv"].keys()
    assert [key for key, en in FINDINGS["en"].items() if _placeholders(en) != _placeholders(FINDINGS["sv"][key])] == []

    def literals(node: ast.expr) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return literals(node.body) | literals(node.orelse)
        return set()

    src = REPO / "src" / "svo_cli"
    used: set[str] = set()
    quoted: set[str] = set()
    for path in src.rglob("*.py"):
        if path.name == "messages.py":
            continue
        text = path.read_text(encoding="utf-8")
        quoted |= set(re.findall(r"""["']([a-z0-9_]+)["']""", text))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "T" and node.args:
                used |= literals(node.args[0])
    assert len(used) > 150
    assert sorted(used - FINDINGS["en"].keys()) == []
    unused = {key for key in FINDINGS["en"] if key not in quoted and not re.fullmatch(r"month_\d+", key)}
    assert sorted(unused) == []


def test_an_unknown_message_id_fails_loudly():
    from svo_cli.messages import T

    with pytest.raises(KeyError):
        T("no such message")
    with pytest.raises(KeyError):
        T("unknown key '{key}'", key="x")  # English text is not an id


def test_a_message_renders_by_id_in_either_language_and_survives_pickling():
    import pickle

    from svo_cli.i18n import tr
    from svo_cli.messages import T

    message = T("date_no_such_day", text="2023-02-30", month=T("month_2"), year=2023, days=28)
    assert message == "'2023-02-30' is not a date: February 2023 has 28 days"
    assert tr(message, "sv") == "'2023-02-30' är inget datum: februari 2023 har 28 dagar"
    copy = pickle.loads(pickle.dumps(message))
    assert (copy.id, copy.params, tr(copy, "sv")) == (message.id, message.params, tr(message, "sv"))
    assert tr("plain text", "sv") == "plain text"


def test_dates_do_not_import_i18n():
    """The parsers word their errors as message ids; only rendering needs i18n."""
    import subprocess
    import sys

    code = "import sys, svo_cli.dates, svo_cli.yamlfile; print(sorted(m for m in sys.modules if 'i18n' in m))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_data_errors_on_stderr_follow_the_language(tmp_path):
    (tmp_path / "agreements").mkdir()
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "agreements" / "broken.yaml").write_text("id: broken\nid: twice\n", encoding="utf-8")
    result = svo("status", "--data", str(tmp_path), "--lang", "sv", "--as-of", "2026-11-23")
    assert result.returncode == 1
    assert "broken.yaml:2:1: fel: SVO004 dubblerad nyckel 'id'" in result.stderr
    assert "1 fel i data" in result.stderr


def test_counts_agree_with_their_nouns():
    from svo_cli.i18n import label

    assert label("assignments_cell", "sv", open=1, overdue=1, done=2) == "1 öppen, 1 försenad, 2 klara"
    assert label("summary_deadlines", "en", n=1, overdue=0, due=1, upcoming=11).startswith("1 deadline:")
    assert label("summary_deadlines", "sv", n=21, overdue=1, due=0, upcoming=11).startswith("21 tidsgränser: 1 försenad")


@pytest.mark.parametrize("text, expected", [
    # what readers paste into Teams or Word stays as written
    ("Samråd vård och omsorg (LGVO), 2026-2027", "Samråd vård och omsorg (LGVO), 2026-2027"),
    ("svo-arbetsplan-2026-2027 ~", "svo-arbetsplan-2026-2027 ~"), ("~", "~"), ("2024-12-31", "2024-12-31"),
    ("[coarse: first 2019]", "[coarse: first 2019]"), ("a * b", "a * b"), ("snake_case", "snake_case"),
    ("-692 days", "-692 days"), ("a > b", "a > b"), ("Tom & Jerry", "Tom & Jerry"), ("C++ 1.5!", "C++ 1.5!"),
    ("fil.yaml:12 {x}", "fil.yaml:12 {x}"), ("a \\ b", "a \\ b"),
    # what would change the rendering is escaped (an emphasis that cannot open cannot close)
    ("a|b", "a\\|b"), ("`x`", "\\`x\\`"), ("<script>", "\\<script>"), ("a*b*", "a\\*b*"), ("_x_", "\\_x_"),
    ("~~gone~~", "\\~\\~gone\\~~"), ("(~ coarse)", "(~ coarse)"), ("[a](http://x)", "[a\\](http://x)"), ("[ref]: http://x", "[ref\\]: http://x"),
    ("[ ] box", "\\[ ] box"), ("&amp;", "\\&amp;"), ("end\\", "end\\"), ("x\\*", "x\\\\*"), ("Plan #", "Plan \\#"),
    ("# h", "\\# h"), ("- item", "\\- item"), ("+ item", "\\+ item"), ("* item", "\\* item"), ("> quote", "\\> quote"),
    ("1. first", "1\\. first"), ("---", "\\---"), ("===", "\\==="),
])
def test_markdown_escapes_only_what_changes_the_rendering(text, expected):
    assert escape(text) == expected


def _inline_tokens(document: str) -> list:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return [child for token in parser.parse(document) if token.type == "inline" for child in token.children or []]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .-|*_~`<>[]()!#+=&;:\\/x")), min_size=1, max_size=24))
def test_escaped_text_renders_as_exactly_itself(text):
    """Whatever a data file says, as a paragraph, a list item or a table cell it renders as plain text:
    no emphasis, link, code, HTML or structure (checked with a CommonMark parser with GFM tables)."""
    flat = " ".join(text.split())
    if not flat:
        return
    for document in (escape(text), f"- {escape(text)}", f"> {escape(text)}", f"## {escape(text, 'cell')}",
                     f"| {escape(text, 'cell')} | x |\n|---|---|\n"):
        tokens = _inline_tokens(document)
        assert {t.type for t in tokens} <= {"text"}, (document, [t.type for t in tokens])
        texts = [t.content for t in tokens]
        assert texts[0] == flat and texts[1:] in ([], ["x"]), (document, texts)
    # next to markup: inside our own emphasis, and two parts of one line
    tokens = _inline_tokens(f"**{escape(text, 'part')}**: {escape(text, 'part')} x")
    assert [t.type for t in tokens] == ["text", "strong_open", "text", "strong_close", "text"], tokens
    assert tokens[2].content == flat and tokens[4].content == f": {flat} x"


def test_every_label_used_in_the_source_exists_in_both_languages():
    """label("…") with a literal id: a typo would print the id itself, so every one must exist."""
    import re

    from svo_cli.i18n import LABELS

    source = "".join(p.read_text(encoding="utf-8") for p in Path("src/svo_cli").rglob("*.py"))
    used = set(re.findall(r'\blabel\(\s*["\']([^"\']+)["\'](?!\s*\+)', source))  # not prefixes ("s_" + …)
    assert used, "no label calls found"
    assert sorted(used - set(LABELS["en"])) == [] and sorted(used - set(LABELS["sv"])) == []


def test_the_check_in_markdown_has_the_meeting_s_title_as_the_report_and_word_have():
    from conftest import invoke

    text = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--lang", "sv", "--format", "md").stdout
    assert text.startswith("# Inför mötet 2026-12-10\n\n## 1. Beslut som behövs nu")
