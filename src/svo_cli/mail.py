"""Sending mail over SMTP (the edge of svo remind): one connection, each message once, STARTTLS by default.

Nothing is retried: a message the server may have accepted before the connection dropped is never sent a
second time in the run. Credentials are used, never printed or written.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Sequence


@dataclass(frozen=True)
class Settings:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout: float = 30.0


class SendFailed(Exception):
    """Sending stopped: how many were sent before, and why (login refused, connection lost, …)."""

    def __init__(self, sent: int, reason: str, login: bool = False) -> None:
        super().__init__(reason)
        self.sent, self.reason, self.login = sent, reason, login


def send(messages: Sequence[EmailMessage], settings: Settings) -> int:
    """Send every message over one connection; SendFailed at the first failure (nothing retried)."""
    sent = 0
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as server:
            if settings.starttls:
                server.starttls(context=ssl.create_default_context())
            if settings.user:
                try:
                    server.login(settings.user, settings.password or "")
                except smtplib.SMTPAuthenticationError as exc:
                    said = exc.smtp_error
                    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
                    raise SendFailed(0, f"{exc.smtp_code} {text}", login=True) from None
            for msg in messages:
                server.send_message(msg)
                sent += 1
    except SendFailed:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        raise SendFailed(sent, str(exc) or type(exc).__name__) from None
    return sent
