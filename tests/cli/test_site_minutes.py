"""svo site: a page per meeting's minutes, its items, their states and follow-up chains, linked both ways and
from every deadline row of a meeting's assignment."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, broken_links, invoke

EXAMPLE = REPO / "examples" / "chefsgrupp-2026"


def _minutes(id: str, day: str, items: list[dict]) -> dict:
    return {"id": id, "body": "Chefsgrupp", "date": day, "title": f"Minnesanteckningar {day}",
            "source": {"document": "004_1c0dd5b9ca72b139.txt", "quote": "Minnesanteckningar"}, "items": items}


def _item(id: str, kind: str = "assignment", **fields) -> dict:
    return {"id": id, "title": f"Punkt {id}", "kind": kind, "assumed": "illustration", **fields}


def chain_data(tmp_path: Path) -> Path:
    """Three meetings: an assignment carried at the second and closed at the third."""
    data = tmp_path / "data"
    (data / "agreements").mkdir(parents=True)
    (data / "minutes").mkdir()
    (data / "parties.yaml").write_text("parties:\n  - {id: region, name: Region, kind: region}\n", encoding="utf-8")
    files = [_minutes("m1", "2026-02-06", [_item("teams", due="next_meeting", owner="Nära vård"),
                                           _item("info", "information")]),
             _minutes("m2", "2026-04-17", [_item("kvar", follows="m1/teams", status="carried", due="2026-05")]),
             _minutes("m3", "2026-06-12", [_item("klar", "information", follows="m2/kvar", status="done")])]
    for m in files:
        (data / "minutes" / f"{m['id']}.yaml").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    return data


def test_each_minutes_file_has_a_page_with_its_items_states_and_chains(tmp_path):
    out = tmp_path / "site"
    result = invoke("site", "--data", str(chain_data(tmp_path)), "--as-of", "2026-06-20", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    first = (out / "moten" / "m1.html").read_text(encoding="utf-8")
    assert '<tr id="punkt-teams"><td>teams</td><td>uppdrag</td><td>klar</td>' in first
    # the chain: each later meeting's word on the item, linked to that meeting's row
    assert '2026-04-17 <a href="../moten/m2.html#punkt-kvar">m2/kvar</a>: ligger kvar' in first
    assert '2026-06-12 <a href="../moten/m3.html#punkt-klar">m3/klar</a>: klar' in first
    assert "<td>Nära vård</td>" in first and "antecknad" in first
    # the later meeting's follow-ups link back to the item they follow
    third = (out / "moten" / "m3.html").read_text(encoding="utf-8")
    assert '<tr id="punkt-klar"><td>klar</td><td><a href="../moten/m1.html#punkt-teams">m1/teams</a></td>' in third
    english = (out / "en" / "moten" / "m1.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "<td>assignment</td><td>done</td>" in english
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '2026-02-06: <a href="moten/m1.html">Minnesanteckningar 2026-02-06</a> (Chefsgrupp)' in index
    assert broken_links(out) == []


def test_every_minutes_row_links_to_its_item_and_every_link_resolves(tmp_path):
    out = tmp_path / "site"
    result = invoke("site", "--data", str(EXAMPLE), "--as-of", "2026-04-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "moten" / "chefsgrupp-2026-02-06.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    # an open assignment of the meeting is a deadline row on the index, linked to its row on the minutes page
    assert 'href="moten/chefsgrupp-2026-02-06.html#punkt-lakaravtal-workshop"' in index
    page = (out / "moten" / "chefsgrupp-2026-02-06.html").read_text(encoding="utf-8")
    assert 'id="punkt-lakaravtal-workshop"' in page and "<blockquote>" in page
    assert broken_links(out) == []


def test_a_link_to_a_missing_page_or_fragment_is_found(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#x">b</a><a href="c.html">c</a><a href="https://x.se">x</a>'
                                     '<a href="#self">s</a><p id="self"></p>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="y"></p>', encoding="utf-8")
    assert broken_links(tmp_path) == [("a.html", "b.html#x"), ("a.html", "c.html"), ("a.html", "https://x.se")]
