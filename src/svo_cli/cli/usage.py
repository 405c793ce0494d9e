"""The command-line library's words in the user's language: help pages and usage errors, with suggestions."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from svo_cli.cli.texts import HELP, help_text
from svo_cli.kinds import command_help_key, format_help_key, option_help_key

if TYPE_CHECKING:
    from svo_cli.text_keys import HelpKey, LabelKey

# Options typer adds itself carry no help id of ours; they are known by name.
_BUILTIN_HELP = {"install_completion": "install_completion", "show_completion": "show_completion", "help": "help"}


def argv_lang(argv: list[str]) -> str:
    """The language asked for on the command line (--lang sv / --lang=sv), else the locale's."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("sv", "en"):
            return argv[i + 1]
        if arg in ("--lang=sv", "--lang=en"):
            return arg.split("=", 1)[1]
    from svo_cli.i18n import detect_lang

    return detect_lang(os.environ)


def _translate_params(params: list[Any], lang: str, command: str = "") -> None:
    for param in params:
        # svo declares every help text as an id (an unknown one is MissingText, never shown as itself);
        # typer's own options are known by name. The id is kept beside the text, so that a command tree
        # built once can be put into another language again.
        key = getattr(param, "svo_help_id", None)
        if key is None:
            key = param.svo_help_id = _BUILTIN_HELP.get(param.name or "") or param.help
        if key == "format":
            param.help = format_help(command, lang)
        elif key is not None:
            param.help = help_text(option_help_key(key), lang)


def format_help(command: str, lang: str) -> str:
    """--format's help: the command's default from the render registry (the choices are shown beside it),
    and a word on the formats that need one."""
    from svo_cli.render import REGISTRY, Command

    outputs = REGISTRY[Command(command)]
    notes = [help_text(format_help_key(f), lang) for f in outputs.renderers if f"format.{f}" in HELP["en"]]  # optional
    return " ".join([help_text("format", lang).format(default=outputs.default), *filter(None, notes)])


def translate_tree(group: Any, lang: str) -> None:
    """Put the help texts (declared as ids) into `lang`, for the group and every command, and the
    command-line library's own words ('default', 'required', [OPTIONS]) too."""
    import typer.core

    words = {"default: {default}": help_text("h.default", lang) + ": {default}",
             "required": help_text("h.required", lang)}

    def gettext(message: str) -> str:
        return words.get(message, message)

    typer.core._ = gettext  # the library's gettext hook for these words
    group.help = help_text("app", lang)
    group.options_metavar = help_text("h.options_metavar", lang)
    group.subcommand_metavar = help_text("h.command_metavar", lang)
    _translate_params(group.params, lang)
    for name, command in group.commands.items():
        command.help = help_text(command_help_key(name), lang)
        command.short_help = help_text(command_help_key(name, short=True), lang)
        command.options_metavar = help_text("h.options_metavar", lang)
        _translate_params(command.params, lang, name)


_HEADINGS: tuple[tuple[str, HelpKey], ...] = (("Usage: ", "h.usage"), ("Options:", "h.options"), ("Arguments:", "h.arguments"),
             ("Commands:", "h.commands"))


def translate_help_page(text: str, lang: str) -> str:
    """The help page's headings in `lang` (the texts themselves are translated already); an argument's
    Python type ('ID <str>') left out."""
    text = re.sub(r"^(  [A-Z]+(?:\.\.\.)?) <[a-zA-Z\[\]]+>", r"\1", text, flags=re.MULTILINE)
    if lang == "en":
        return text
    lines = []
    for line in text.split("\n"):
        for english, key in _HEADINGS:
            if line.startswith(english):
                line = help_text(key, lang) + (" " if english.endswith(" ") else ":") + line[len(english):]
                break
        lines.append(line)
    return "\n".join(lines)


class _Translated:
    """Help pages in the language chosen on the command line (kept in the context by SvoGroup)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = help_text("help", _lang(ctx))
        return option

    def get_help(self, ctx: Any) -> str:
        return translate_help_page(super().get_help(ctx), _lang(ctx))  # type: ignore[misc]


def _lang(ctx: Any) -> str:
    return getattr(ctx.find_root().command, "svo_lang", "en")


class SvoCommand(_Translated, TyperCommand):
    """A command whose help page speaks the user's language."""


class SvoGroup(_Translated, TyperGroup):
    """typer's group with help and usage errors in the user's language (Swedish under --lang sv or a
    Swedish locale), "did you mean" for choices too, and exit codes kept: 2 for usage, 130 for Ctrl-C."""

    def make_context(self, info_name: Optional[str], args: list[str], parent: Any = None, **extra: Any) -> Any:
        self.svo_lang = argv_lang(list(args))
        translate_tree(self, self.svo_lang)
        return super().make_context(info_name, args, parent=parent, **extra)

    def main(self, args: Any = None, prog_name: Optional[str] = None, complete_var: Optional[str] = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
        from typer.exceptions import Abort

        argv = list(sys.argv[1:] if args is None else args)
        try:
            rv = super().main(args=argv, prog_name=prog_name, complete_var=complete_var, standalone_mode=False,
                              **extra)
        except ClickException as exc:
            if isinstance(exc, UsageError) and not isinstance(exc, NoArgsIsHelpError):
                from svo_cli.safe import plain_lines, visible

                typer.echo("\n".join(plain_lines(visible(line, newlines=False))
                                     for line in usage_error_text(exc, argv_lang(argv)).split("\n")), err=True)
            else:
                exc.show()
            sys.exit(exc.exit_code)
        except Abort:
            sys.exit(130)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


def usage_error_text(exc: Any, lang: str) -> str:
    """A usage error from the command-line library, in the user's language, with a suggestion."""
    import difflib

    from svo_cli.i18n import join_or, label

    message = exc.format_message().replace("Value error, ", "")
    message = re.sub(r"Input should be a valid integer.*$", "not a whole number", message)
    message = re.sub(r"Input should be (?P<side>greater|less) than or equal to (?P<n>-?\d+)",
                     lambda m: f"must be at {'least' if m['side'] == 'greater' else 'most'} {m['n']}", message)
    match = re.search(r"'([^']*)' is not one of (.*)\.$", message)
    suggestion = ""
    if match:
        choices = re.findall(r"'([^']*)'", match.group(2))
        close = difflib.get_close_matches(match.group(1), choices, n=1)
        suggestion = label("usage_did_you_mean", lang, what=f"'{close[0]}'") if close else ""
        if lang == "sv":
            message = re.sub(r"'([^']*)' is not one of (.*)\.$",
                             lambda m: label("not_one_of", lang, value=m.group(1),
                                             choices=join_or([f"'{c}'" for c in choices], lang)), message)
    if lang == "sv":
        for pattern, key in USAGE_PATTERNS:
            message = re.sub(pattern, lambda m: label(key, lang, **m.groupdict()), message)
    usage = exc.ctx.get_usage() if exc.ctx is not None else ""
    command = exc.ctx.command_path if exc.ctx is not None else "svo"
    lines = [usage.replace("Usage:", label("usage", lang), 1)] if usage else []
    lines.append(label("try_help", lang, command=command))
    lines += ["", label("error_prefix", lang) + message + (" " + suggestion if suggestion else "")]
    return "\n".join(lines)


USAGE_PATTERNS: tuple[tuple[str, LabelKey], ...] = (
    (r"^No such option: (?P<option>\S+)", "no_such_option"),
    (r"not a whole number$", "whole_number"),
    (r"must be at least (?P<n>-?\d+)", "at_least"),
    (r"must be at most (?P<n>-?\d+)", "at_most"),
    (r"Did you mean (?P<what>.+)\?$", "usage_did_you_mean"),
    (r"\(Possible options: (?P<what>.+)\)$", "possible_options"),
    (r"^Missing option '(?P<what>[^']+)'.*$", "missing_option"),
    (r"^Missing argument '(?P<what>[^']+)'.*$", "missing_argument"),
    (r"^Invalid value for (?P<what>'[^']+'[^:]*):", "invalid_value"),
    (r"'(?P<value>[^']*)' is not a valid integer( range)?\.", "not_an_integer"),
    (r"(?P<value>-?\d+) is not in the range (?P<range>.+)\.", "out_of_range"),
    (r"^No such command '(?P<what>[^']+)'\.", "no_such_command"),
    (r"^Got unexpected extra arguments? \((?P<what>.+)\)$", "extra_argument"),
    (r"^Option '(?P<what>[^']+)' requires an argument\.", "requires_argument"),
)
