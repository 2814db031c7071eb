"""Shared CLI pieces: the group class that maps exceptions to exit codes, common options."""

from __future__ import annotations

import os
import sys
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.errors import OcopError

FC = TypeVar("FC", bound=Callable[..., Any])

LANG_OPTION: Callable[[FC], FC] = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Ngôn ngữ thông báo / message language.",
)


def format_option(*choices: str) -> Callable[[FC], FC]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Định dạng kết quả / output format.",
    )


def _lang_of(ctx: click.Context) -> Lang:
    """The ``--lang`` the user gave the verb (the verb's own context is gone on failure)."""
    with warnings.catch_warnings():  # Click 8.2 deprecates the name, not the tokens
        warnings.simplefilter("ignore", DeprecationWarning)
        protected = list(getattr(ctx, "protected_args", []))
    args = [*protected, *ctx.args]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "vi"
    return "vi"


class OcopGroup(click.Group):
    """Maps tool failures to the documented exit codes instead of tracebacks (arch. §3)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OcopError as exc:
            lang = _lang_of(ctx)
            click.echo(f"{ui('error', lang)}: {exc.message(lang)}", err=True)
            hint = exc.hint(lang)
            if hint:
                click.echo(f"{ui('hint', lang)}: {hint}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (``| head``): not an error of ours; silence the flush at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Đã dừng theo yêu cầu (Ctrl-C).", err=True)
            ctx.exit(130)
        except Exception as exc:
            click.echo(
                f"Lỗi nội bộ của công cụ / internal error: {type(exc).__name__}: {exc}", err=True
            )
            click.echo("Vui lòng báo lỗi kèm lệnh đã chạy. Chi tiết:", err=True)
            click.echo("".join(traceback.format_exception(exc)[-3:]).rstrip(), err=True)
            ctx.exit(3)
        return None  # pragma: no cover


def write_output(text: str) -> None:
    """UTF-8 to stdout whatever the terminal's locale (Windows consoles included)."""
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        stream.buffer.write(text.encode("utf-8"))
    stream.flush()
