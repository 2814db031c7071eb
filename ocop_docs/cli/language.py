"""The language of a run, and Click's own messages in it (gettext-style).

Click writes its usage errors and help headings through gettext (``_("Usage:")``,
``ngettext(...)``), which is how Click is meant to be translated. Its message ids and their
Vietnamese texts are catalogue data (``catalogue/ui/click.yaml``); :class:`ClickTranslations`
is a :class:`gettext.NullTranslations` over that table, and :func:`click_language` installs
it as the gettext functions of Click's modules for the duration of one command, so a
``--lang vi`` run (the default) reads "Lỗi: Thiếu tham số 'PATHS...'." where Click alone
would print "Error: Missing argument". Nothing outside Click is affected, and English runs
leave Click untouched.

The language is chosen before Click parses anything (a usage error can come before the
``--lang`` option is read), from the arguments: ``--lang en`` or ``--lang=en`` anywhere.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from types import ModuleType

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

from ocop_docs.catalogue import LANGS, UI, Lang

# Click's modules that translate messages, each through its module-level ``_``/``ngettext``.
CLICK_MODULES: tuple[ModuleType, ...] = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
    click.utils,
)
CLICK_NAMESPACE = "click."
DEFAULT_LANG: Lang = "vi"

_current: ContextVar[Lang] = ContextVar("ocop_lang", default=DEFAULT_LANG)


def current_language() -> Lang:
    """The language of the command being run (``vi`` outside one)."""
    return _current.get()


def language_of(args: Sequence[str]) -> Lang:
    """``--lang`` as given on the command line, before Click parses it."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            return "en" if value == "en" else "vi"
    return DEFAULT_LANG


class ClickTranslations(gettext.NullTranslations):
    """Click's message ids → the catalogue's text in one language."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.table: dict[str, str] = {
            texts["en"]: texts[lang] for key, texts in _click_texts() if texts["en"] != texts[lang]
        }

    def gettext(self, message: str) -> str:
        return self.table.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def _click_texts() -> Iterator[tuple[str, dict[Lang, str]]]:
    # Only ui/click.yaml: the click.* strings live there, and reading every namespace at
    # every start cost a fifth of `validate`'s start-up (issue 15).
    for key, texts in UI.namespace(CLICK_NAMESPACE.rstrip(".")).items():
        if key.startswith(CLICK_NAMESPACE):
            yield key, dict(texts)


@lru_cache(maxsize=len(LANGS))
def translations(lang: Lang) -> ClickTranslations:
    return ClickTranslations(lang)


def _swap(module: ModuleType, name: str, function: Callable[..., str] | None) -> None:
    if function is None:
        module.__dict__.pop(name, None)
    else:
        module.__dict__[name] = function


@contextmanager
def click_language(lang: Lang) -> Iterator[None]:
    """Run a command in ``lang``: Click's messages translated, :func:`current_language` set."""
    token = _current.set(lang)
    saved = [(m, m.__dict__.get("_"), m.__dict__.get("ngettext")) for m in CLICK_MODULES]
    if lang != "en":
        table = translations(lang)
        for module, gettext_function, ngettext_function in saved:
            if gettext_function is not None:
                _swap(module, "_", table.gettext)
            if ngettext_function is not None:
                _swap(module, "ngettext", table.ngettext)
    try:
        yield
    finally:
        for module, gettext_function, ngettext_function in saved:
            _swap(module, "_", gettext_function)
            _swap(module, "ngettext", ngettext_function)
        _current.reset(token)
