"""contacts: in parties.yaml: optional, addresses checked for syntax, one line each, no duplicates."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from conftest import data_with_contacts, invoke
from svo_cli.model import Contact, PartiesFile


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
