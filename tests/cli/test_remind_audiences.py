"""svo remind reaches the contacts of groups and responsible bodies too: a group's contacts hear of its
members' milestones, a body's of the decisions on what it is responsible for; each address gets one mail a
day however often it is listed, with a Message-ID fixed by its milestones and addresses."""

from __future__ import annotations

import email
from collections import Counter
from email.policy import default
from pathlib import Path

from conftest import data_with_contacts, invoke
from conftest import smtp_env as env

GROUP = "    members: [boxholm, finspang, kinda, linkoping, mjolby, motala, norrkoping, soderkoping, vadstena, valdemarsvik, ydre, atvidaberg, odeshog]\n"


def data_with_audiences(tmp_path: Path) -> Path:
    """The county's data with Linköping's and Kinda's contacts, a coordinator of the municipalities' group
    (also listed, in other case, for Linköping's coordinator) and the body responsible for the youth-health
    framework agreement (LPO Barn och unga, ramavtal-ungdomshalsa) with a contact shared with the group."""
    data = data_with_contacts(tmp_path)
    parties = data / "parties.yaml"
    text = parties.read_text(encoding="utf-8")
    assert text.count(GROUP) == 1
    text = text.replace(GROUP, GROUP + "    contacts:\n"
                        "      - {role: samordnare, email: samordnare@kommunforbund.se}\n"
                        "      - {role: samordnare, name: Anna Ek, email: Anna.Ek@Linkoping.se}\n", 1)
    text += ("bodies:\n  - id: lpo-barn-och-unga\n    name: lpo barn och unga\n    contacts:\n"
             "      - {role: processledare, email: lpo.bu@regionostergotland.se}\n"
             "      - {role: kansli, email: samordnare@kommunforbund.se, deputy: true}\n")
    parties.write_text(text, encoding="utf-8")
    return data


def mails(out: Path) -> dict[str, email.message.EmailMessage]:
    return {p.name: email.message_from_bytes(p.read_bytes(), policy=default) for p in sorted(out.iterdir())}


def test_groups_and_bodies_are_reminded_one_mail_per_address(tmp_path):
    data = data_with_audiences(tmp_path)
    assert invoke("validate", str(data), "--strict").exit_code == 0
    out = tmp_path / "mail"
    result = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(out), "--lang", "sv")
    assert result.exit_code == 0, result.stderr
    found = mails(out)
    assert sorted(found) == ["2027-09-02-kinda.eml", "2027-09-02-kommunerna-i-ostergotland+lpo-barn-och-unga.eml",
                             "2027-09-02-linkoping+kommunerna-i-ostergotland.eml", "2027-09-02-linkoping.eml",
                             "2027-09-02-lpo-barn-och-unga.eml"]
    # every address exactly once over all the mails
    addresses = Counter(a.addr_spec.casefold() for m in found.values() for h in ("To", "Cc") if m[h]
                        for a in m[h].addresses)
    assert set(addresses.values()) == {1} and len(addresses) == 6
    own = found["2027-09-02-linkoping.eml"]
    assert own["To"] == "registrator <kommunen@linkoping.se>" and own["Cc"] == "Per Ås <per.as@linkoping.se>"
    assert "(gäller" not in own.get_body(("plain",)).get_content()  # a principal's own mail needs no "for whom"
    both = found["2027-09-02-linkoping+kommunerna-i-ostergotland.eml"]
    assert both["To"] == "Anna Ek <anna.ek@linkoping.se>"
    assert both["Subject"] == "svo: 2 påminnelser för Linköpings kommun, Östergötlands kommuner (2027-09-02)"
    text = both.get_body(("plain",)).get_content()
    assert "Beslut senast 2027-09-30 (om 28 dagar): Ramavtal för ungdomshälsa i Östergötland" in text
    assert "(gäller Boxholms kommun, Finspångs kommun, Kinda kommun, Linköpings kommun" in text
    body = found["2027-09-02-lpo-barn-och-unga.eml"]
    assert body["To"] == "processledare <lpo.bu@regionostergotland.se>"
    body_text = body.get_body(("plain",)).get_content()
    assert "Ramavtal för ungdomshälsa i Östergötland" in body_text and "Region Östergötland" in body_text
    shared = found["2027-09-02-kommunerna-i-ostergotland+lpo-barn-och-unga.eml"]
    assert shared["To"] == "samordnare <samordnare@kommunforbund.se>" and shared["Cc"] is None
    # the region is heard of by the body, but has no contact of its own: still named as not reminded
    assert "region-ostergotland" in result.stdout and "boxholm" not in result.stdout.split("får ingen")[-1]
    ids = [m["Message-ID"] for m in found.values()]
    assert len(set(ids)) == len(ids)
    again = tmp_path / "again"
    assert invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(again), "--lang", "sv").exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {p.name: p.read_bytes() for p in again.iterdir()}


def test_a_body_responsible_for_nothing_due_gets_no_mail(tmp_path):
    data = data_with_audiences(tmp_path)
    parties = data / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("name: lpo barn och unga", "name: LGVO AU"),
                       encoding="utf-8")
    out = tmp_path / "mail"
    assert invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(out)).exit_code == 0
    assert "2027-09-02-lpo-barn-och-unga.eml" not in {p.name for p in out.iterdir()}
    shared = mails(out)["2027-09-02-kommunerna-i-ostergotland.eml"]  # the shared address: the group's mail only
    assert shared["To"] == "samordnare <samordnare@kommunforbund.se>"


def test_send_delivers_one_mail_to_each_address_of_principals_groups_and_bodies(tmp_path, smtp):
    inbox, port = smtp
    data = data_with_audiences(tmp_path)
    result = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "--send", "--lang", "en", env=env(port))
    assert result.exit_code == 0, result.stderr
    assert "2027-09-02: 5 reminder mails to 6 addresses" in result.stdout and "sent 5 of 5" in result.stdout
    rcpt = Counter(a.casefold() for each in inbox.recipients for a in each)
    assert rcpt == Counter({a: 1 for a in ("kommunen@linkoping.se", "per.as@linkoping.se", "anna.ek@linkoping.se",
                                           "kommun@kinda.se", "samordnare@kommunforbund.se",
                                           "lpo.bu@regionostergotland.se")})
    ids = {email.message_from_bytes(m, policy=default)["Message-ID"] for m in inbox.messages}
    assert len(ids) == 5


def test_a_duplicate_address_among_a_body_s_contacts_is_a_located_finding(tmp_path):
    data = data_with_audiences(tmp_path)
    parties = data / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8") + "      - {role: kansli, email: LPO.BU@regionostergotland.se}\n",
                       encoding="utf-8")
    result = invoke("validate", str(data), "--lang", "en")
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "SVO221" in line)
    assert line.startswith(f"{parties}:") and "contacts of 'lpo-barn-och-unga'" in line


def test_the_principals_without_a_contact_are_listed_within_the_terminals_width(tmp_path):
    data = data_with_audiences(tmp_path)
    out = tmp_path / "mail"
    wide = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(out), "--lang", "sv")
    narrow = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(tmp_path / "again"),
                    "--lang", "sv", env={"COLUMNS": "60"})
    assert narrow.exit_code == wide.exit_code == 0, narrow.stderr
    listed = next(line for line in wide.stdout.splitlines() if "får ingen påminnelse" in line)
    assert len(listed) > 60  # the list is long enough to be wrapped at 60
    lines = narrow.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  ingen kontakt"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    wrapped = lines[start:end]
    assert len(wrapped) > 1 and all(len(line) <= 60 for line in wrapped)
    assert " ".join(line.strip() for line in wrapped) == listed.strip()  # every id whole, none lost
