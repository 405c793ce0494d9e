"""contacts: in parties.yaml: optional, addresses checked for syntax, one line each, no duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import copy_data, invoke
from svo_cli.model import Contact, PartiesFile

LINKOPING = "  - {id: linkoping, name: Linköpings kommun, kind: kommun}"
KINDA = "  - {id: kinda, name: Kinda kommun, kind: kommun}"


def data_with_contacts(tmp_path: Path, linkoping: str | None = None, kinda: str | None = None) -> Path:
    """A copy of the county's data where Linköping has a registrator and a coordinator with a deputy, and
    Kinda a registrator (or the contacts given, as YAML list items)."""
    data = copy_data(tmp_path)
    parties = data / "parties.yaml"
    text = parties.read_text(encoding="utf-8")
    assert LINKOPING in text and KINDA in text
    linkoping = linkoping if linkoping is not None else (
        "      - {role: registrator, email: kommunen@linkoping.se}\n"
        "      - {role: samordnare, name: Anna Ek, email: anna.ek@linkoping.se}\n"
        "      - {role: samordnare, name: Per Ås, email: per.as@linkoping.se, deputy: true}\n")
    kinda = kinda if kinda is not None else "      - {role: registrator, email: kommun@kinda.se}\n"
    text = text.replace(LINKOPING, "  - id: linkoping\n    name: Linköpings kommun\n    kind: kommun\n"
                                   "    contacts:\n" + linkoping.rstrip("\n"))
    text = text.replace(KINDA, "  - id: kinda\n    name: Kinda kommun\n    kind: kommun\n"
                               "    contacts:\n" + kinda.rstrip("\n"))
    parties.write_text(text, encoding="utf-8")
    return data


def test_contacts_are_optional_and_read():
    assert all(p.contacts == [] for p in PartiesFile.model_validate(
        {"parties": [{"id": "kinda", "name": "Kinda kommun", "kind": "kommun"}]}).parties)
    contact = Contact.model_validate({"role": "samordnare", "name": "Per Ås", "email": " per.as@linköping.se ",
                                      "deputy": True})
    assert (contact.email, contact.deputy) == ("per.as@linköping.se", True)


@pytest.mark.parametrize("email", ["registrator(at)kinda.se", "kinda.se", "a@b", "a b@kinda.se", "a@kinda.se\nBcc: x@y.se",
                                   "a@-kinda.se", "a..b@kinda.se", "a@kinda..se", "x" * 250 + "@kinda.se", 7])
def test_an_address_that_is_not_one_is_refused(email):
    with pytest.raises(ValidationError):
        Contact.model_validate({"role": "registrator", "email": email})


@pytest.mark.parametrize("field", ["role", "name"])
def test_a_header_injection_in_a_role_or_name_is_refused(field):
    fields = {"role": "registrator", "email": "a@kinda.se", field: "Anna\r\nBcc: everyone@example.se"}
    with pytest.raises(ValidationError):
        Contact.model_validate(fields)


def test_the_county_data_with_contacts_is_valid(tmp_path):
    data = data_with_contacts(tmp_path)
    result = invoke("validate", str(data), "--strict")
    assert result.exit_code == 0, result.stdout


def test_a_bad_address_is_a_located_finding(tmp_path):
    data = data_with_contacts(tmp_path, kinda="      - {role: registrator, email: \"kommun(at)kinda.se\"}\n")
    result = invoke("validate", str(data), "--lang", "sv")
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "SVO112" in line)
    assert line.startswith(f"{data / 'parties.yaml'}:")
    assert "'kommun(at)kinda.se' är ingen e-postadress; förväntade namn@exempel.se" in line


def test_a_duplicate_address_is_a_located_finding(tmp_path):
    data = data_with_contacts(tmp_path, linkoping=(
        "      - {role: registrator, email: kommunen@linkoping.se}\n"
        "      - {role: samordnare, email: anna.ek@linkoping.se}\n"
        "      - {role: samordnare, email: Anna.Ek@Linkoping.se, deputy: true}\n"))
    result = invoke("validate", str(data), "--lang", "sv")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if " fel: " in line]
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith(f"{data / 'parties.yaml'}:") and "SVO221" in lines[0]
    assert "Anna.Ek@Linkoping.se står två gånger bland kontakterna för 'linkoping'" in lines[0]
    english = invoke("validate", str(data), "--lang", "en").stdout
    assert "is listed twice among the contacts of 'linkoping'" in english
