"""Shared CLI pieces: command classes, common options, the report writer, the error printer.

Every verb's module only parses options, calls its library function and hands the result to
:func:`print_report`, which picks the reporter from :mod:`ocop_docs.reporting`. A verb
never catches :class:`~ocop_docs.errors.OcopError`: the root group prints it with
:func:`print_error` (message and hint in the run's language, or JSON with ``--format
json``) and exits with the class's ``exit_code`` (architecture §3).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.language import click_language, current_language, language_of
from ocop_docs.errors import OcopError
from ocop_docs.reporting import formats, issue_line, report
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime_codes

FC = TypeVar("FC", bound=Callable[..., Any])

LANG_OPTION: Callable[[FC], FC] = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Ngôn ngữ thông báo / message language.",
)

# The files a round names (dossiers, scorecards) are read from the round file's folder only,
# or from the folders named here (issue 9: never outside it unless the user says so).
ALLOW_OPTION: Callable[[FC], FC] = click.option(
    "--allow",
    "allow",
    multiple=True,
    metavar="DIR",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=(
        "Thư mục ngoài thư mục của tệp đợt được phép đọc hồ sơ, phiếu chấm (ghi nhiều lần "
        "được) / a folder besides the round file's own that its dossiers and scorecards "
        "may lie in (repeatable)."
    ),
)

REGIME_OPTION: Callable[[FC], FC] = click.option(
    "--regime",
    "regime_code",
    type=click.Choice(list(regime_codes())),
    default=DEFAULT_REGIME,
    show_default=True,
    help="Bộ tiêu chí / regime.",
)

_format: ContextVar[str] = ContextVar("ocop_format", default="text")


def format_option(verb: str) -> Callable[[FC], FC]:
    """``--format`` with the formats the reporter registry has for ``verb``."""
    choices = formats(verb)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Định dạng kết quả / output format.",
    )


def format_of(args: Sequence[str]) -> str:
    """``--format`` as given on the command line (for errors raised before it is parsed)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--format" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--format="):
            return arg.partition("=")[2]
    return "text"


def write_output(text: str) -> None:
    """UTF-8 to stdout whatever the terminal's locale (Windows consoles included)."""
    stream = sys.stdout
    if stream is None:  # started with stdout closed (``>&-``): nothing to write to
        return
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.buffer.write(text.encode("utf-8"))
    stream.flush()


def print_report(verb: str, fmt: str, result: Any, lang: Lang) -> None:
    """The verb's report: warnings to stderr, the report itself to stdout."""
    output = report(verb, fmt, result, lang)
    if output.err:
        click.echo(output.err, err=True, nl=False)
    if output.out:
        write_output(output.out)


def error_json(exc: OcopError, lang: Lang) -> dict[str, Any]:
    return {
        "ok": False,
        "exit_code": exc.exit_code,
        "code": exc.code,
        "message": exc.message(lang),
        "hint": exc.hint(lang),
        "issues": [i.to_json(lang) for i in exc.issues],
    }


def error_text(exc: OcopError, lang: Lang) -> str:
    """``[FILE[:LINE:COLUMN]: ]message`` then ``Cách sửa: hint``, after the findings.

    An error about one place of one input file names the file in its ``source`` parameter
    and carries that place as an issue of its own code; the other issues are listed first.
    """
    own = [i for i in exc.issues if i.code == exc.code]
    lines = [issue_line(i, lang) for i in exc.issues if i.code != exc.code]
    where = ""
    source = exc.params.get("source")
    if source is not None:
        where = str(source)
        if own and own[0].line is not None:
            where += f":{own[0].line}:{own[0].column or 1}"
        where += ": "
    lines.append(f"{where}{exc.message(lang)}")
    hint = exc.hint(lang)
    if hint:
        lines.append(f"{ui('hint', lang)}: {hint}")
    return "".join(f"{line}\n" for line in lines)


def print_error(exc: OcopError, lang: Lang, fmt: str = "text") -> None:
    """The one error printer: JSON on stdout with ``--format json``, else text on stderr."""
    if fmt == "json":
        write_output(json.dumps(error_json(exc, lang), ensure_ascii=False, indent=2) + "\n")
    else:
        click.echo(error_text(exc, lang), err=True, nl=False)


_quick_exit = False


def allow_quick_exit() -> None:
    """Let :func:`quick_exit` end this process: for a verb that leaves nothing behind but
    its output (no child processes, no temporary files, no atexit work), such as
    ``validate``."""
    global _quick_exit
    _quick_exit = True


def quick_exit(code: object) -> None:
    """End the process now with ``code`` when the verb allowed it, after flushing stdout and
    stderr; otherwise (or when a flush fails) return, and Python exits as usual.

    Python's own exit tears down every module and object one by one (about 40 million
    instructions after a ``validate`` start, some 8 ms, issue 15) for a process that is
    ending anyway; ``os._exit`` skips that and nothing else.
    """
    if not _quick_exit or not (code is None or isinstance(code, int)):
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: started with that descriptor closed
                stream.flush()
    except (OSError, ValueError):
        return  # the interpreter's exit reports it, as it always has
    os._exit(code or 0)


class OcopCommand(click.Command):
    """A verb: run in the user's language, failures printed once and mapped to exit codes.

    ``main`` (the entry point, also what Click's test runner calls) chooses the language
    and the format from the arguments before Click parses them; ``invoke`` prints an
    :class:`OcopError` with :func:`print_error` and exits with its class's code (arch. §3).
    """

    def main(  # Click's parameters, passed through unchanged
        self, args: Sequence[str] | None = None, *more: Any, **extra: Any
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        token = _format.set(format_of(argv))
        try:
            with click_language(language_of(argv)):
                return super().main(argv, *more, **extra)
        finally:
            _format.reset(token)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:  # Click caches the option: set its text on every run
            option.help = ui("click.help", current_language())
        return option

    def invoke(self, ctx: click.Context) -> Any:
        lang = current_language()
        try:
            return super().invoke(ctx)
        except OcopError as exc:
            print_error(exc, lang, _format.get())
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (``| head``): not an error of ours; silence the flush at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo(ui("cli.interrupted", lang), err=True)
            ctx.exit(130)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            click.echo(ui("cli.internal_error", lang, error=error), err=True)
            click.echo(ui("cli.report_bug", lang), err=True)
            click.echo("".join(traceback.format_exception(exc)[-3:]).rstrip(), err=True)
            ctx.exit(3)
        return None  # pragma: no cover


class OcopGroup(OcopCommand, click.Group):
    """A group of verbs (``ocop-docs``, ``rubric``, ``templates``); subcommands are
    :class:`OcopCommand` unless they say otherwise."""

    command_class = OcopCommand
    group_class = type
