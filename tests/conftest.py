from __future__ import annotations

import contextlib
import functools
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from svo_cli.model import Agreement

TESTS = Path(__file__).resolve().parent  # tests/: unit/, cli/, golden/, process/ beside this file
REPO = TESTS.parent
CORPUS = TESTS / "corpus"  # broken files, each naming on its first line the finding it must give
GOLDEN = TESTS / "golden"  # golden files (formats/, status-*.json) and their frozen data (data/), beside their tests
BENCHMARKS = REPO / "benchmarks"


@pytest.fixture(autouse=True)
def strict_locations(monkeypatch):
    """Every finding must point at a key path its file has (a wrong path fails the test loudly)."""
    from svo_cli.yamlfile import SourceMap

    monkeypatch.setattr(SourceMap, "STRICT", True)
DATA = REPO / "data"


def make_agreement(**fields) -> Agreement:
    """An agreement with sensible defaults; keyword arguments override (None removes a key)."""
    base = {
        "id": "test-agreement",
        "title": "Testöverenskommelse",
        "kind": "överenskommelse",
        "parties": ["region-ostergotland"],
        "valid_from": "2018-01-01",
        "valid_until": "2021-12-31",
        "notice": {"before_end": "12 months"},
        "renewal": {"every": "2 years"},
        "source": {"document": "002_b651ba93a14b073c.txt", "quote": "…"},
    }
    base.update(fields)
    return Agreement.model_validate({k: v for k, v in base.items() if v is not None})


def make_agreement_any_period(**fields) -> Agreement:
    """make_agreement, but `renewal.every` and a follow-up's `every` may be shorter than the data's floor
    of 1 month (the loader refuses such files, SVO111): for tests that the engine's work stays bounded
    whatever periods it is given. The model is validated with a valid period, then given the short one."""
    from svo_cli.dates import parse_duration

    renewal, followups = fields.get("renewal"), fields.get("followups") or []
    valid = dict(fields)
    if renewal and "every" in renewal:
        valid["renewal"] = {**renewal, "every": "1 year"}
    valid["followups"] = [{**f, "every": "1 year"} if "every" in f else f for f in followups]
    a = make_agreement(**valid)
    if renewal and "every" in renewal:
        assert a.renewal is not None
        a = a.model_copy(update={"renewal": a.renewal.model_copy(update={"every": parse_duration(renewal["every"])})})
    if followups:
        a = a.model_copy(update={"followups": [
            f.model_copy(update={"every": parse_duration(given["every"])}) if "every" in given else f
            for f, given in zip(a.followups, followups)]})
    return a


def copy_data(tmp_path: Path) -> Path:
    """A private copy of the county's data directory."""
    import shutil

    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@functools.cache
def _command(app: Any) -> Any:
    """The click command of a typer app, built once per test session, as `svo` builds it once per
    process (typer's runner would build the whole tree again for every run: 40 % of the quick suite)."""
    import typer.main

    return typer.main.get_command(app)


typer.testing._get_command = _command  # type: ignore[attr-defined]  # the runner's one builder


def invoke(*args: str, env: dict | None = None, input: str | None = None):
    """Run `svo ARGS` in-process through the real command (typer's CliRunner); stdout and stderr apart."""
    from typer.testing import CliRunner

    from svo_cli.cli import app

    full_env = {"NO_COLOR": "1", "SVO_DATA": str(DATA), "COLUMNS": "200", **(env or {})}
    return CliRunner().invoke(app, list(args), env=full_env, input=input, catch_exceptions=False)


def bare_data(tmp_path: Path) -> Path:
    """A data directory with the parties only (no document register): for tests of single files."""
    target = tmp_path / "bare"
    (target / "agreements").mkdir(parents=True)
    (target / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return target


@dataclass(frozen=True)
class Ran:
    """What a run of `svo` left: its exit code and what it wrote on stdout and stderr (as subprocess has it)."""

    returncode: int
    stdout: str
    stderr: str


def svo(*args: str, env: dict | None = None, cwd: Path = REPO) -> Ran:
    """`svo ARGS` in-process, from `cwd`, with the environment a user's shell gives (no SVO_DATA: the data
    directory is found from the working directory). Exceptions propagate: a crash fails the test loudly."""
    with contextlib.chdir(cwd):
        result = invoke(*args, env={"SVO_DATA": "", "COLUMNS": "", **(env or {})})
    return Ran(result.exit_code, result.stdout, result.stderr)


def svo_process(*args: str, env: dict | None = None, cwd: Path = REPO, **kwargs) -> subprocess.CompletedProcess:
    """`python -m svo_cli ARGS` in a real process, for what only a process has: the entry point's own guard,
    signals, pipes, stream encodings and terminals. Slow (a Python start-up each): tests that use it are
    marked `slow`."""
    full_env = {**os.environ, "NO_COLOR": "1", "SVO_DATA": "", **(env or {})}
    options = {"capture_output": True, "text": True, **kwargs}
    return subprocess.run([sys.executable, "-m", "svo_cli", *args], env=full_env, cwd=cwd, timeout=120, **options)


def hostile_data(tmp_path: Path) -> Path:
    """A data directory whose one agreement's texts try formula, Markdown, table, markup and HTML injection."""
    (tmp_path / "agreements").mkdir()
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "agreements" / "hostile.yaml").write_text(
        "id: hostile\n"
        "title: '=HYPERLINK(\"http://evil\") | [bold red]x[/] <script>alert(1)</script>'\n"
        "kind: avtal\nparties: [region-ostergotland]\nvalid_from: 2020-01-01\nvalid_until: 2027-06-30\n"
        "notice: {before_end: 6 months}\n"
        "followups: [{id: f, what: '=cmd|x | *y*', due: 2026-12-01}]\n"
        "source: {document: x, quote: q}\n", encoding="utf-8")
    return tmp_path



def html_report(tmp_path: Path, *args: str) -> Path:
    """The county's HTML report (as of 2026-11-23, 40 days ahead) written to a file."""
    target = tmp_path / "report.html"
    result = svo("report", "--as-of", "2026-11-23", "--horizon", "40", "-o", str(target), *args)
    assert result.returncode == 0, result.stderr
    return target


def write_docx(tmp_path: Path, command: str, *args: str, name: str = "out.docx") -> Any:
    """The county's Word document of `command` for the meeting of 2026-12-10 (as of 2026-12-02), read back."""
    import docx

    target = tmp_path / name
    extra = ["--fail-on", "never"] if command == "check" else []
    result = invoke(command, "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--data", str(DATA), *extra, *args,
                    "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return docx.Document(str(target))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The county's site, built once for a test module."""
    target = tmp_path_factory.mktemp("site") / "public"
    result = invoke("site", "--as-of", "2026-12-02", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert "files written to" in result.stdout
    return target

# --------------------------------------------------------------------------- the commands, one table
# Every command of the CLI, with what a typical run on the county's data adds after its name (the as-of
# date apart: AS_OF). Tests parametrize over this table, the options each command declares and the
# formats the render registry gives it, never over a list of their own; test_help holds the table to
# the commands the CLI declares, so a new command fails there until it has its row here.
AS_OF = "2026-11-23"
COMMANDS: dict[str, tuple[str, ...]] = {
    "status": (),
    "deadlines": ("--within", "400"),
    "show": ("lakarmedverkan",),
    "plans": (),
    "check": ("--meeting", "2026-12-10", "--fail-on", "never"),
    "changes": ("--since", "HEAD"),  # the repository's own git checkout (tests/cli/test_changes.py: a repository of its own)
    "calendar": (),
    "report": ("--meeting", "2026-12-10"),
    "timeline": (),
    "arshjul": (),
    "site": (),  # -o DIR: see output_of
    "remind": (),  # -o DIR or --send: see output_of
    "schema": (),
    "validate": (),
}


def run_of(command: str) -> list[str]:
    """The command's typical run: its name and arguments (see COMMANDS)."""
    return [command, *COMMANDS[command]]


def options_of(command: str) -> frozenset[str]:
    """The options the CLI declares for `command` (the session's command tree)."""
    from svo_cli.cli import app

    group: Any = _command(app)
    return frozenset(option for param in group.commands[command].params for option in param.opts)


def output_of(command: str) -> str | None:
    """What `-o` names for `command`, as its help says: FILE, DIR (site, remind), or None (no -o)."""
    from svo_cli.cli import app

    group: Any = _command(app)
    return next((param.metavar for param in group.commands[command].params if "--output" in param.opts), None)


def formats_of(command: str) -> tuple[str, ...]:
    """The formats the render registry has for `command` (none for site, remind and schema, which write
    their own files)."""
    from svo_cli.render import REGISTRY, Command

    return tuple(f.value for f in REGISTRY[Command(command)].renderers) if command in set(Command) else ()


def commands_with(*options: str, format: str | None = None, writes: str | None = None) -> list[str]:
    """The commands that take all of `options` (and can write `format`; whose -o names a `writes`: FILE or
    DIR), in the table's order."""
    return [c for c in COMMANDS if set(options) <= options_of(c) and (format is None or format in formats_of(c))
            and (writes is None or output_of(c) == writes)]


def chromium() -> str:
    """Debian's chromium for the tests that draw a page in a real browser (all marked slow); CI must have it."""
    import shutil

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium package (see .ci/run)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


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


# A real SMTP server on the loopback address (aiosmtpd), for svo remind --send.
class Inbox:
    def __init__(self):
        self.messages: list[bytes] = []
        self.recipients: list[list[str]] = []  # each message's envelope recipients (RCPT TO)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope.content)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


def _auth(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"svo" and auth_data.password == b"right"
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on the loopback address
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=_auth, auth_require_tls=False)
    controller.start()
    yield inbox, port
    controller.stop()


def smtp_env(port: int, password: str = "right") -> dict:
    return {"SVO_SMTP_HOST": "127.0.0.1", "SVO_SMTP_PORT": str(port), "SVO_SMTP_USER": "svo",
            "SVO_SMTP_PASSWORD": password, "SVO_SMTP_STARTTLS": "0", "SVO_SMTP_FROM": "svo@region.se"}


def broken_links(root: Path) -> list[tuple[str, str]]:
    """Every link of every page under `root` that does not resolve: (page, href). A link resolves when it is
    relative, names a file inside `root`, and its fragment (if any) is an id on that page."""
    import re
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []
            self.ids: set[str] = set()

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if a.get("id"):
                self.ids.add(a["id"] or "")
            if tag == "a" and a.get("href") is not None:
                self.hrefs.append(a["href"] or "")

    parsed: dict[Path, Links] = {}

    def parse(page: Path) -> Links:
        if page not in parsed:
            links = Links()
            links.feed(page.read_text(encoding="utf-8"))
            parsed[page] = links
        return parsed[page]

    top = root.resolve()
    broken = []
    for page in sorted(root.rglob("*.html")):
        for href in parse(page).hrefs:
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page.resolve()
            ok = (not re.match(r"[a-z][a-z0-9+.-]*:", href) and target.is_file() and target.is_relative_to(top)
                  and (not fragment or target.suffix != ".html" or fragment in parse(target).ids))
            if not ok:
                broken.append((page.relative_to(root).as_posix(), href))
    return broken


@dataclass(frozen=True)
class Browsed:
    requests: list[tuple[str, int]]  # every request the browser made of the site's server: (path, status)
    console: list[str]  # the browser's console messages and load failures, from its log on stderr
    dom: str  # the frames page as the browser left it


def browse(root: Path, pages: list[str], profile: Path) -> Browsed:
    """Load every page (paths under `root`) in headless Chromium, served over HTTP on the loopback address
    (a file:// load logs no failed resource): one page that frames them all. No DevTools protocol, no script
    in the pages: what the browser fetched is read from the server's side, its console from its log."""
    import html
    import threading
    import urllib.parse
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    seen: list[tuple[str, int]] = []
    frames = ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>all</title></head><body>" + "".join(
        f'<iframe src="/{html.escape(urllib.parse.quote(p))}" width="800" height="200" title="{html.escape(p)}">'
        f"</iframe>" for p in pages) + "</body></html>").encode("utf-8")

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/__all__.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(frames)))
                self.end_headers()
                self.wfile.write(frames)
                return
            super().do_GET()

        def log_request(self, code: Any = "-", size: Any = "-") -> None:
            if self.path != "/__all__.html":
                seen.append((urllib.parse.unquote(self.path), int(code)))

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/__all__.html"
        run = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                              "--no-first-run", "--disable-background-networking", "--disable-component-update",
                              "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                              f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                              "--virtual-time-budget=30000", "--dump-dom", url],
                             capture_output=True, text=True, timeout=300, check=False)
    finally:
        server.shutdown()
        server.server_close()
    console = [line for line in run.stderr.splitlines()
               if ":CONSOLE" in line or "Failed to load" in line or "ERR_FILE_NOT_FOUND" in line]
    return Browsed(seen, console, run.stdout)
