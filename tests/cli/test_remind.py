"""svo remind: digest mails per principal contact, dry run as .eml, --send to a real SMTP server on loopback."""

from __future__ import annotations

import email
import socket
import threading
from email.policy import default

from conftest import data_with_contacts, invoke
from conftest import smtp_env as env


def test_dry_run_writes_the_mails_due_28_days_before_the_decide_by(tmp_path):
    data = data_with_contacts(tmp_path)
    out = tmp_path / "mail"
    result = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(out), "--lang", "sv")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["2027-09-02-kinda.eml", "2027-09-02-linkoping.eml"]
    msg = email.message_from_bytes((out / "2027-09-02-linkoping.eml").read_bytes(), policy=default)
    assert msg["To"] == "registrator <kommunen@linkoping.se>, Anna Ek <anna.ek@linkoping.se>"
    assert msg["Cc"] == "Per Ås <per.as@linkoping.se>"
    assert msg["Subject"] == "svo: 2 påminnelser för Linköpings kommun (2027-09-02)"
    text = msg.get_body(("plain",)).get_content()
    assert "Beslut senast 2027-09-30 (om 28 dagar): Ramavtal för ungdomshälsa i Östergötland" in text
    assert msg.get_body(("html",)).get_content().startswith("<!DOCTYPE html>")
    # deterministic: the same day gives the same mails, byte for byte, with the same Message-ID
    again = tmp_path / "again"
    assert invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "-o", str(again), "--lang", "sv").exit_code == 0
    assert (again / "2027-09-02-linkoping.eml").read_bytes() == (out / "2027-09-02-linkoping.eml").read_bytes()
    # a day with no milestone: nothing
    quiet = invoke("remind", "--data", str(data), "--as-of", "2027-09-03", "-o", str(tmp_path / "q"))
    assert quiet.exit_code == 0 and not list((tmp_path / "q").iterdir())


def test_send_delivers_each_mail_once_to_the_smtp_server(tmp_path, smtp):
    inbox, port = smtp
    data = data_with_contacts(tmp_path)
    result = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "--send", env=env(port))
    assert result.exit_code == 0, result.stderr
    assert len(inbox.messages) == 2
    ids = {email.message_from_bytes(m, policy=default)["Message-ID"] for m in inbox.messages}
    assert len(ids) == 2
    assert "right" not in result.stdout + result.stderr  # the password is never printed


def test_a_refused_login_sends_nothing_and_says_so(tmp_path, smtp):
    inbox, port = smtp
    data = data_with_contacts(tmp_path)
    result = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "--send", "--lang", "sv",
                    env=env(port, password="wrong"))
    assert result.exit_code == 69
    assert "SMTP-servern nekade inloggningen" in result.stderr and "inget skickades" in result.stderr
    assert "wrong" not in result.stdout + result.stderr
    assert inbox.messages == []


def test_a_server_that_drops_the_connection_is_a_clear_error_and_nothing_is_sent_twice(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    seen: list[bytes] = []

    def serve():
        conn, _ = listener.accept()
        conn.sendall(b"220 test\r\n")
        seen.append(conn.recv(1024))
        conn.close()  # gone after the greeting

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    data = data_with_contacts(tmp_path)
    result = invoke("remind", "--data", str(data), "--as-of", "2027-09-02", "--send",
                    env=env(listener.getsockname()[1]))
    thread.join(5)
    listener.close()
    assert result.exit_code == 69
    assert "sending stopped after 0 of 2" in result.stderr and "nothing was sent twice" in result.stderr
    assert len(seen) == 1  # one connection, no retry


def test_send_without_a_host_and_bad_days_are_usage_errors(tmp_path):
    assert invoke("remind", "--send", env={"SVO_SMTP_HOST": ""}).exit_code == 2
    assert invoke("remind", "--at", "28,x", "-o", str(tmp_path / "m")).exit_code == 2
    assert invoke("remind").exit_code == 2
