"""svo site -o DIR is safe and clean: built beside DIR and swapped in, so no stale page of an earlier build
survives; only what svo wrote (its manifest) is ever removed; symlinks are never followed; a directory
holding anything else, or a data directory, is refused before anything is computed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from conftest import broken_links, invoke
from svo_cli.output import OutputRefused
from svo_cli.site.swap import MANIFEST, publish
from test_site_minutes import chain_data


def build(data: Path, out: Path, *extra: str):
    return invoke("site", "--data", str(data), "--as-of", "2026-06-20", "-o", str(out), "--lang", "en", *extra)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_rebuild_leaves_no_stale_page_and_lists_what_it_wrote(tmp_path):
    data, out = chain_data(tmp_path), tmp_path / "public"
    assert build(data, out).exit_code == 0
    assert (out / "moten" / "m3.html").is_file() and (out / "en" / "moten" / "m3.html").is_file()
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert sorted(listed) == sorted(p for p in tree(out) if p != MANIFEST)
    (data / "minutes" / "m3.yaml").unlink()  # a meeting's minutes taken out of the register
    result = build(data, out)
    assert result.exit_code == 0, result.stderr
    assert not (out / "moten" / "m3.html").exists() and not (out / "en" / "moten" / "m3.html").exists()
    assert broken_links(out) == []
    assert [p.name for p in tmp_path.iterdir() if ".svo-" in p.name] == []  # nothing left beside it
    fresh = tmp_path / "fresh"
    assert build(data, fresh).exit_code == 0
    assert tree(out) == tree(fresh)  # the rebuilt site is exactly a fresh one


def test_an_empty_directory_is_taken_and_files_are_readable_by_a_web_server(tmp_path):
    data, out = chain_data(tmp_path), tmp_path / "public"
    out.mkdir()
    old = os.umask(0o022)
    try:
        assert build(data, out).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((out / "moten").stat().st_mode) == 0o755


def test_a_directory_holding_a_file_svo_did_not_write_is_refused_and_kept(tmp_path):
    data, out = chain_data(tmp_path), tmp_path / "public"
    assert build(data, out).exit_code == 0
    before = tree(out)
    (out / "moten" / "notes.txt").write_text("mine", encoding="utf-8")
    result = build(data, out)
    assert result.exit_code == 2
    assert f"--output {out} holds moten/notes.txt, which svo site did not write" in result.stderr
    assert tree(out) == {**before, "moten/notes.txt": b"mine"}
    sv = invoke("site", "--data", str(data), "-o", str(out), "--lang", "sv")
    assert sv.exit_code == 2 and "som svo site inte skrev" in sv.stderr
    (out / "moten" / "notes.txt").unlink()
    (out / "extra").mkdir()  # an empty directory svo did not make
    assert build(data, out).exit_code == 2 and (out / "extra").is_dir()


def test_a_directory_that_is_or_holds_a_data_directory_is_refused(tmp_path):
    data = chain_data(tmp_path)
    other = tmp_path / "other"
    (other / "register").mkdir(parents=True)
    (other / "register" / "parties.yaml").write_text("parties: []\n", encoding="utf-8")
    for target in (other, other / "register"):
        result = build(data, target)
        assert result.exit_code == 2 and "holds a data directory" in result.stderr, result.stderr
    assert (other / "register" / "parties.yaml").read_text(encoding="utf-8") == "parties: []\n"
    result = build(data, data)  # the data directory itself
    assert result.exit_code == 2 and "inside the data directory" in result.stderr


def test_symlinks_are_never_followed(tmp_path):
    data, out = chain_data(tmp_path), tmp_path / "public"
    assert build(data, out).exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.html").write_text("keep", encoding="utf-8")
    # DIR itself a symlink: refused, the directory it points to untouched
    link = tmp_path / "link"
    link.symlink_to(elsewhere, target_is_directory=True)
    result = build(data, link)
    assert result.exit_code == 2 and "is a symlink" in result.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["keep.html"]
    # a symlink inside DIR, even one named in the manifest: refused, neither it nor its target removed
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(elsewhere / "keep.html")
    result = build(data, out)
    assert result.exit_code == 2 and "holds a symlink (index.html)" in result.stderr
    assert (out / "index.html").is_symlink() and (elsewhere / "keep.html").read_text(encoding="utf-8") == "keep"


def test_a_manifest_naming_files_outside_removes_nothing_but_svo_s_files(tmp_path):
    data, out = chain_data(tmp_path), tmp_path / "public"
    assert build(data, out).exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("x", encoding="utf-8")
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    listed["files"] += ["../victim.txt", "/etc/hostname"]
    (out / MANIFEST).write_text(json.dumps(listed), encoding="utf-8")
    assert build(data, out).exit_code == 0
    assert victim.read_text(encoding="utf-8") == "x"


def test_a_build_that_fails_leaves_the_old_site_and_nothing_beside_it(tmp_path):
    out = tmp_path / "public"
    assert publish({"index.html": b"old"}, out) == 1
    with pytest.raises(OutputRefused):
        publish({"a.html": b"new", "b/../../escape.html": b"x"}, out)
    assert tree(out) == {"index.html": b"old", MANIFEST: (out / MANIFEST).read_bytes()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]
    assert not (tmp_path / "escape.html").exists()


def test_pages_are_written_as_they_are_made_and_a_page_made_twice_is_written_once(tmp_path):
    """svo site hands its pages over one at a time (site_files): each is on disk before the next is made,
    and a path given twice (two files with one id, SVO202) is one file, the later page, as in a mapping."""
    out = tmp_path / "public"
    made: list[str] = []

    def pages():
        for name, payload in (("index.html", b"1"), ("avtal/x.html", b"first"), ("avtal/x.html", b"second")):
            written = sorted(p.name for p in tmp_path.rglob("*.html"))
            assert written == sorted(n.split("/")[-1] for n in made)  # every page before this one is written
            made.append(name)
            yield name, payload

    assert publish(pages(), out) == 2
    assert tree(out) == {"index.html": b"1", "avtal/x.html": b"second", MANIFEST: (out / MANIFEST).read_bytes()}
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"] == ["avtal/x.html", "index.html"]


@pytest.mark.parametrize("stop", [RuntimeError("a renderer's bug"), KeyboardInterrupt(),
                                  OSError(5, "a renderer's own error", "/elsewhere")], ids=["bug", "interrupt", "oserror"])
def test_a_page_that_fails_to_render_leaves_the_old_site_and_nothing_beside_it(tmp_path, stop):
    """The pages are made while the new directory is written: whatever stops their making (a renderer's
    error passes as it is, never as a failed write) leaves the old site and nothing beside it."""
    out = tmp_path / "public"
    assert publish({"index.html": b"old"}, out) == 1

    def pages():
        yield "a.html", b"new"
        raise stop

    with pytest.raises(type(stop)):
        publish(pages(), out)
    assert tree(out) == {"index.html": b"old", MANIFEST: (out / MANIFEST).read_bytes()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]
