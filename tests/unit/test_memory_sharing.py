"""What a large register shares or leaves on disk to stay small, and that it changes no result: the models'
sets of given fields (model_types.Frozen) and the files' texts (yamlfile.SourceMap.forget_text)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from svo_cli.model import Agreement
from svo_cli.yamlfile import read_yaml_file

AGREEMENT = {
    "id": "a", "title": "Avtal", "kind": "avtal", "parties": ["region-ostergotland", "linkoping"],
    "responsible": "LPO", "valid_from": "2024-01-01", "valid_until": "2025-12-31",
    "source": {"document": "d.pdf", "quote": "Avtalet gäller"},
}


def test_models_with_the_same_given_fields_share_one_set_and_a_copy_gets_its_own():
    first = Agreement.model_validate(AGREEMENT)
    second = Agreement.model_validate({**AGREEMENT, "id": "b"})
    assert first.model_fields_set == set(AGREEMENT)
    assert first.model_fields_set is second.model_fields_set
    changed = first.model_copy(update={"notes": "Förlängt"})
    assert changed.model_fields_set == set(AGREEMENT) | {"notes"}
    assert first.model_fields_set == set(AGREEMENT) and second.model_fields_set == set(AGREEMENT)
    assert changed.model_dump(exclude_unset=True)["notes"] == "Förlängt"
    assert "notes" not in first.model_dump(exclude_unset=True)


def test_a_models_values_are_held_in_a_smaller_dict_and_behave_as_before():
    import pickle
    import sys

    from svo_cli.model import Event

    Agreement.model_validate({**AGREEMENT, "events": [{"date": "2024-03-01", "type": "note"}]})
    agreement = Agreement.model_validate({**AGREEMENT, "events": [  # the second: its class's keys are shared
        {"date": "2024-03-01", "type": "note", "source": {"document": "d.pdf", "quote": "q"}}]})
    plain = dict(agreement.__dict__)
    assert sys.getsizeof(agreement.__dict__) < 0.7 * sys.getsizeof(plain)  # key-sharing: the values only
    event = agreement.events[0]
    assert sys.getsizeof(event.__dict__) < 0.7 * sys.getsizeof(dict(event.__dict__))
    assert list(agreement.__dict__) == list(Agreement.model_fields) and agreement.id == "a"
    assert agreement == Agreement.model_validate({**AGREEMENT, "events": [
        {"date": "2024-03-01", "type": "note", "source": {"document": "d.pdf", "quote": "q"}}]})
    assert pickle.loads(pickle.dumps(agreement)) == agreement
    assert hash(event) == hash(Event.model_validate(event.model_dump()))
    changed = agreement.model_copy(update={"title": "Nytt"})
    assert (changed.title, agreement.title) == ("Nytt", "Avtal")
    assert changed.model_dump()["events"] == agreement.model_dump()["events"]
    with pytest.raises(Exception):
        agreement.title = "x"  # still frozen


def test_a_class_with_many_instances_gets_a_faster_holder_that_holds_the_same():
    import sys

    from svo_cli import model_types
    from svo_cli.model import Event

    events = [Event.model_validate({"date": "2024-03-01", "type": "note", "reference": f"r{i}"})
              for i in range(model_types.FAST_FROM + 2)]
    assert Event in model_types._FAST
    early, late = events[1], events[-1]
    assert type(late.__dict__) is dict and list(late.__dict__) == list(early.__dict__) == list(Event.model_fields)
    assert sys.getsizeof(late.__dict__) < 0.7 * sys.getsizeof(dict(late.__dict__))
    assert late.reference == f"r{model_types.FAST_FROM + 1}" and late == Event.model_validate(late.model_dump())


TEXT = "id: a\ntitle: Avtal\nvalid_from: 2024-01-01\nnotes: sist\n"


def _read(path: Path):
    document, found = read_yaml_file(path, str(path))
    assert document is not None and not found
    return document.source_map


def test_a_read_file_keeps_no_text_and_reads_it_again_for_a_position(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(TEXT, encoding="utf-8")
    source_map = _read(path)
    assert source_map._text is None  # not kept in memory
    assert tuple(source_map.value(("notes",))) == (4, 8)
    assert source_map.excerpt(4) == "notes: sist"


@pytest.mark.parametrize("change", ["edit", "same_length_edit", "delete", "fifo"])
def test_a_file_changed_since_it_was_read_gives_no_position_rather_than_a_wrong_one(tmp_path, change):
    import signal

    signal.alarm(20)  # reading the FIFO again must never block: fail instead of hanging
    path = tmp_path / "a.yaml"
    path.write_text(TEXT, encoding="utf-8")
    source_map = _read(path)
    if change == "edit":
        path.write_text("# a new first line\n" + TEXT, encoding="utf-8")
    elif change == "same_length_edit":
        path.write_text(TEXT.replace("sist", "mist"), encoding="utf-8")  # same length, other bytes
    else:
        path.unlink()
        if change == "fifo":
            if not hasattr(os, "mkfifo"):
                pytest.skip("no FIFOs on this system")
            os.mkfifo(path)  # opening it to read would block without O_NONBLOCK
    assert tuple(source_map.value(("notes",))) == (1, 1)
    assert source_map.excerpt(4) == ""
    signal.alarm(0)


EVENT_TEXT = "id: a\ntitle: R&D\nnotes: sist\n"  # '&': parsed on the event path, positions found while parsing


def test_positions_found_while_parsing_stay_those_of_the_text_read(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(EVENT_TEXT, encoding="utf-8")
    source_map = _read(path)
    assert source_map._text is None and tuple(source_map.value(("notes",))) == (3, 8)
    path.write_text("# a new first line\n" + EVENT_TEXT, encoding="utf-8")
    assert tuple(source_map.value(("notes",))) == (3, 8)  # of the text svo checked
    assert source_map.excerpt(3) == ""  # the file now says something else there


@pytest.mark.parametrize("text", [TEXT, EVENT_TEXT], ids=["node path", "event path"])
def test_the_tests_strict_source_map_still_refuses_a_key_path_the_file_lacks(tmp_path, monkeypatch, text):
    from svo_cli.yamlfile import SourceMap

    monkeypatch.setattr(SourceMap, "STRICT", True)
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LookupError):
        _read(path).value(("nope",))
