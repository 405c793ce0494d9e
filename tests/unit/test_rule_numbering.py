"""One rule numbering: docs/rules.md's. A test of a numbered rule says so with `@pytest.mark.rule(id="4d")`
(`pytest -m "rule(id='4d')"` runs that rule's tests); every rule has a test, and no test names a rule the
document does not have."""

from __future__ import annotations

import re

from conftest import REPO, TESTS

# The rule numbers of docs/rules.md: "4." and "4a." open a line, or a list item within a rule ("   - 4a.").
RULE = re.compile(r"^(?:\s+- )?(\d+[a-z]?)\. ", re.M)
MARK = re.compile(r"(?:^[ \t]*@|marks=\[?)pytest\.mark\.rule\(([^)]*)\)", re.M)  # a decorator, or a param's marks
# Rules that are prose only, with the reason they have no test of their own (none today).
PROSE_ONLY: dict[str, str] = {}


def documented() -> list[str]:
    return RULE.findall((REPO / "docs" / "rules.md").read_text(encoding="utf-8"))


def marked() -> dict[str, list[str]]:
    """Each rule id the tests mark, with where: file::line."""
    found: dict[str, list[str]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        for m in MARK.finditer(text):
            where = f"{path.relative_to(TESTS).as_posix()}:{text.count(chr(10), 0, m.start()) + 1}"
            given = re.fullmatch(r'id="(\d+[a-z]?)"', m.group(1).strip())
            found.setdefault(given.group(1) if given else f"malformed: {m.group(1)}", []).append(where)
    return found


def test_each_rule_is_numbered_once():
    ids = documented()
    assert len(ids) == len(set(ids)) and len(ids) > 30


def test_every_test_names_a_rule_docs_rules_md_has():
    """(a) A mark names a rule of docs/rules.md, as `id="…"` (the keyword is what `-m "rule(id='4d')"` selects)."""
    unknown = {rule: where for rule, where in marked().items() if rule not in documented()}
    assert unknown == {}


def test_every_rule_has_a_test():
    """(b) Every numbered rule of docs/rules.md has a test marked with its number, or a reason here why not."""
    assert set(PROSE_ONLY) <= set(documented())
    missing = [rule for rule in documented() if rule not in marked() and rule not in PROSE_ONLY]
    assert missing == []


def test_no_test_is_numbered_another_way():
    """Not by a name prefix (test_4b_…, test_rule_16a_…): the mark is the one way."""
    prefixed = [f"{path.relative_to(TESTS).as_posix()}::{name}" for path in sorted(TESTS.rglob("test_*.py"))
                for name in re.findall(r"^def (test_(?:rule_)?\d+[a-z]?_\w+)\(", path.read_text(encoding="utf-8"), re.M)
                if re.match(r"test_(?:rule_)?(\d+[a-z]?)_", name).group(1) in documented()]  # type: ignore[union-attr]
    assert prefixed == []
