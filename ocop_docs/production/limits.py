"""Limits on one render: a template cannot run forever or fill the memory (issue 9).

A template from ``--templates-dir`` is code written by someone else, and the web service
will take such folders from strangers. Jinja's sandbox stops attribute tricks but not
``{% for i in range(99999) %}{% for j in range(99999) %}``, ``9 ** 9 ** 9``, ``"x" * 10**10``
or a string doubled in a loop. So every render of :class:`BoundedTemplate` carries a
:class:`Budget`:

* **time**: :data:`RENDER_SECONDS` of wall clock per template part, checked on every loop
  iteration and every piece of output;
* **work**: :data:`MAX_ITERATIONS` loop iterations in all (every ``for`` of a template is
  compiled through :func:`bounded_loop`), ``range`` at most :data:`MAX_RANGE` long;
* **memory**: a string or list made by ``*``, ``+``, ``~``, a ``%`` or ``format`` width, or
  a width filter (``center``, ``indent``…) at most :data:`MAX_TEXT` long, a power at most
  :data:`MAX_POWER_BITS` bits, the output at most :data:`MAX_OUTPUT` characters.

Those checks count what a template *does*; a filter of Jinja's own still makes what it is
asked to (``([s] * 3000) | join`` of a 1 MB ``s`` is a 3 GB string, made in one C call
where no loop is counted, and took 73 s and 5.9 GB on the test machine). So two ceilings
hold whatever the template does, for as long as one render runs:

* **memory ceiling**: the process's address space (``RLIMIT_AS``) may grow by at most
  :data:`MAX_RENDER_MEMORY` over what it maps when the render starts; an allocation past
  it fails with ``MemoryError`` instead of swapping the machine or waking the OOM killer,
  and the render stops as any other overrun (Linux; where ``/proc/self/statm`` or
  ``resource`` is missing only the counted limits apply). The limit is the process's and
  is inherited by every child started meanwhile, so it is set only in the main thread
  (``render``, ``templates check``, a batch and its workers, where nothing else runs while
  a document is filled); the web service fills only the shipped templates, in threads
  that may be starting LibreOffice, and keeps the counted limits;
* **alarm**: in the main thread, ``SIGPROF`` fires after :data:`RENDER_SECONDS` and one
  more second of the process's CPU time, so that slow work no loop counts (``wordwrap`` of
  a 1 MB string takes seconds) is stopped too. CPU time, not wall clock: ``SIGALRM`` is
  often someone else's (pytest-timeout's, a server's), and a render's time is CPU time.

A template that goes over raises :class:`TemplateLimit` (a Jinja
:class:`~jinja2.exceptions.SecurityError`), which :func:`~ocop_docs.production.rendering.
translate_errors` reports as ``render-template-limit`` naming the template and the line.
The limits are far above what any official document needs: the minutes of an 8,000-product
round render in under 5 s with 8,000 loop iterations.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import operator
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.environment import Template
from jinja2.exceptions import SecurityError
from jinja2.runtime import markup_join, str_join
from jinja2.utils import pass_eval_context

RENDER_SECONDS = 60.0
MAX_ITERATIONS = 5_000_000
MAX_RANGE = 100_000
MAX_TEXT = 1_000_000
MAX_OUTPUT = 256 * 1024**2
# One run of text between two tags of the filled XML: libxml2 (python-docx, docxtpl) refuses
# a text node over 10,000,000 bytes, and a Vietnamese character is up to 3 bytes in UTF-8;
# a longer run used to leave a document without its body (an internal error, issue 9).
MAX_TEXT_RUN = 3_000_000
MAX_POWER_BITS = 4096
MAX_RENDER_MEMORY = 1024**3  # bytes of address space one render may add (1 GiB)
_ALARM_GRACE = 1.0  # seconds past the counted deadline before SIGPROF stops the render
_CHECK_EVERY = 1024  # loop iterations between two looks at the clock
_WIDE = re.compile(r"\d{7,}")  # a "%9999999s" or "{:>9999999}" width


class TemplateLimit(SecurityError):
    """A render went over one of the limits of this module."""

    def __init__(self, what: str, what_en: str) -> None:
        super().__init__(what_en)
        self.what = what
        self.what_en = what_en
        self.where: tuple[str, str] | None = None  # filled by BoundedTemplate
        self.line: int | None = None  # line of the template source


@dataclass(slots=True)
class Budget:
    """What one render may still spend."""

    deadline: float
    iterations: int = MAX_ITERATIONS
    output: int = MAX_OUTPUT

    def tick(self, count: int = 1) -> None:
        self.iterations -= count
        if self.iterations < 0:
            raise TemplateLimit(
                f"quá {MAX_ITERATIONS:,} vòng lặp".replace(",", "."),
                f"more than {MAX_ITERATIONS:,} loop iterations",
            )
        if time.monotonic() > self.deadline:
            raise TemplateLimit(
                f"quá {RENDER_SECONDS:g} giây".replace(".", ","),
                f"more than {RENDER_SECONDS:g} seconds",
            )


_budget: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "ocop_render_budget", default=None
)


def _too_long(size: int) -> TemplateLimit:
    return TemplateLimit(
        f"chuỗi hoặc danh sách dài {size:,} phần tử, quá giới hạn {MAX_TEXT:,}".replace(",", "."),
        f"a string or list of {size:,} items, over the limit of {MAX_TEXT:,}",
    )


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple | bytes) else 0


# --- loops and ranges -------------------------------------------------------------------------


def bounded_loop(value: Any) -> Iterable[Any]:
    """The iterable of a ``for`` tag, counted against the render's budget."""
    iterator = iter(value)  # fails now, as the plain loop would (a missing variable)
    budget = _budget.get()
    if budget is None:  # rendered outside BoundedTemplate.render (Jinja's generate())
        return value  # type: ignore[no-any-return]
    return _counted(iterator, budget)


def _counted(iterator: Iterator[Any], budget: Budget) -> Iterator[Any]:
    pending = 0
    for item in iterator:
        pending += 1
        if pending >= _CHECK_EVERY:
            budget.tick(pending)
            pending = 0
        yield item
    budget.tick(pending)


def safe_range(*args: int) -> range:
    """``range`` at most :data:`MAX_RANGE` long."""
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise TemplateLimit(
            f"range() dài {len(rng):,}, quá giới hạn {MAX_RANGE:,}".replace(",", "."),
            f"range() of {len(rng):,} items, over the limit of {MAX_RANGE:,}",
        )
    return rng


@pass_eval_context
def bounded_concat(eval_ctx: Any, parts: list[Any]) -> Any:
    """The ``~`` operator with a length limit (Jinja's markup_join / str_join otherwise)."""
    texts = [str(p) if not hasattr(p, "__html__") else p for p in parts]
    size = sum(len(t) for t in texts)
    if size > MAX_TEXT:
        raise _too_long(size)
    return markup_join(texts) if eval_ctx.autoescape else str_join(texts)


LOOP_FILTER = "_ocop_bounded_loop"
CONCAT_FILTER = "_ocop_bounded_concat"


def bound_tree(tree: nodes.Template) -> nodes.Template:
    """Every ``for`` iterates through :func:`bounded_loop`, every ``~`` is
    :func:`bounded_concat`: the compiled template counts what it does."""
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Filter(loop.iter, LOOP_FILTER, [], [], None, None, lineno=loop.lineno)
    for concat in list(tree.find_all(nodes.Concat)):
        replacement = nodes.Filter(
            nodes.List(concat.nodes, lineno=concat.lineno),
            CONCAT_FILTER,
            [],
            [],
            None,
            None,
            lineno=concat.lineno,
        )
        _replace(tree, concat, replacement)
    return tree


def _replace(tree: nodes.Node, old: nodes.Node, new: nodes.Node) -> None:
    for node in tree.find_all(nodes.Node):
        for name in node.fields:
            value = getattr(node, name, None)
            if value is old:
                setattr(node, name, new)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new


# --- operators, calls and filters -------------------------------------------------------------

BINOPS = frozenset({"*", "**", "+", "%"})
_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "**": operator.pow,
    "+": operator.add,
    "%": operator.mod,
}


def check_binop(op: str, left: Any, right: Any) -> Any:
    """``left op right`` unless its result would be huge."""
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            if _length(seq) and isinstance(n, int) and _length(seq) * n > MAX_TEXT:
                raise _too_long(_length(seq) * n)
    elif op == "+":
        if _length(left) + _length(right) > MAX_TEXT:
            raise _too_long(_length(left) + _length(right))
    elif op == "**":
        if isinstance(left, int | float) and isinstance(right, int | float) and abs(left) > 1:
            bits = abs(right) * math.log2(abs(left))
            if bits > MAX_POWER_BITS:
                raise TemplateLimit(
                    f"lũy thừa quá lớn ({left!r} ** {right!r})",
                    f"a power too large ({left!r} ** {right!r})",
                )
    elif op == "%" and isinstance(left, str):
        check_arguments("format", (left,), {})
    return _OPERATORS[op](left, right)


# Filters and str methods whose number argument is a width or a count of the result.
WIDTH_FILTERS = ("center", "indent", "truncate", "wordwrap", "format")
_WIDTH_METHODS = frozenset(
    {"center", "ljust", "rjust", "zfill", "expandtabs", "format", "format_map"}
)


def check_arguments(name: str, args: Iterable[Any], kwargs: dict[str, Any]) -> None:
    """Refuse a width over :data:`MAX_TEXT` ("x".center(10**9), "{:>9999999}".format(1))
    and a ``replace`` whose result would be over it."""
    for value in [*args, *kwargs.values()]:
        if name == "format":  # only the format string's widths; the values are data
            wide = _WIDE.search(value) if isinstance(value, str) else None
            if wide is not None:
                raise _too_long(int(wide.group()))
        elif isinstance(value, int) and not isinstance(value, bool) and value > MAX_TEXT:
            raise _too_long(value)


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """:func:`check_arguments` for a method call of sandboxed code."""
    name = getattr(obj, "__name__", "")
    owner = getattr(obj, "__self__", None)
    if name in _WIDTH_METHODS:
        if name.startswith("format"):
            check_arguments("format", (owner,), {})
        else:
            check_arguments(name, args, kwargs)
    elif name == "replace" and isinstance(owner, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        growth = (len(owner) + 1) * len(new) if not old else len(owner) // len(old) * len(new)
        if growth > MAX_TEXT:
            raise _too_long(growth)


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a width filter) with :func:`check_arguments` first."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        check_arguments(name, args, kwargs)
        return function(*args, **kwargs)

    checked.__dict__.update(function.__dict__)  # keeps Jinja's pass_context marks
    checked.__name__ = getattr(function, "__name__", name)
    return checked


# --- ceilings that hold whatever the template does ------------------------------------------

try:
    import resource as _resource
except ImportError:  # Windows
    _resource = None  # type: ignore[assignment]

_STATM = "/proc/self/statm"
_ceiling_lock = threading.Lock()
_ceiling_users = 0
_ceiling_saved: tuple[int, int] | None = None


def _mapped_bytes() -> int | None:
    """The process's address space now (the first field of /proc/self/statm, in pages)."""
    try:
        with open(_STATM, "rb") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _memory_limit() -> TemplateLimit:
    size = MAX_RENDER_MEMORY // 1024**2
    return TemplateLimit(
        f"cần quá {size:,} MB bộ nhớ".replace(",", "."), f"needs more than {size:,} MB of memory"
    )


@contextlib.contextmanager
def memory_ceiling() -> Iterator[None]:
    """``RLIMIT_AS`` lowered to the address space now + :data:`MAX_RENDER_MEMORY` while
    the block runs, in the main thread (see the module's docstring). A render within a
    render (``templates check`` tries one) keeps the outer ceiling: the first sets it, the
    last lifts it."""
    global _ceiling_users, _ceiling_saved
    if _resource is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    with _ceiling_lock:
        if _ceiling_users == 0:
            mapped = _mapped_bytes()
            soft, hard = _resource.getrlimit(_resource.RLIMIT_AS)
            if mapped is not None:
                target = mapped + MAX_RENDER_MEMORY
                if hard != _resource.RLIM_INFINITY:
                    target = min(target, hard)
                if soft == _resource.RLIM_INFINITY or soft > target:
                    with contextlib.suppress(ValueError, OSError):
                        _resource.setrlimit(_resource.RLIMIT_AS, (target, hard))
                        _ceiling_saved = (soft, hard)
        _ceiling_users += 1
    try:
        yield
    finally:
        with _ceiling_lock:
            _ceiling_users -= 1
            if _ceiling_users == 0 and _ceiling_saved is not None:
                with contextlib.suppress(ValueError, OSError):
                    _resource.setrlimit(_resource.RLIMIT_AS, _ceiling_saved)
                _ceiling_saved = None


def _time_limit() -> TemplateLimit:
    return TemplateLimit(
        f"quá {RENDER_SECONDS:g} giây".replace(".", ","), f"more than {RENDER_SECONDS:g} seconds"
    )


def _ring(_signum: int, _frame: Any) -> None:
    raise _time_limit()


@contextlib.contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """``SIGPROF`` after ``seconds`` of CPU time raises the time limit, in the main thread
    and when no one else uses the signal (elsewhere the counted deadline alone applies)."""
    usable = (
        hasattr(signal, "setitimer")
        and hasattr(signal, "SIGPROF")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, None)
    )
    if not usable or seconds <= 0:
        yield
        return
    previous = signal.signal(signal.SIGPROF, _ring)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# --- the template -----------------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]+>")


class BoundedTemplate(Template):
    """A template whose every render has a :class:`Budget`; an overrun names its line."""

    source_text: str = ""

    def render(self, *args: Any, **kwargs: Any) -> str:
        budget = Budget(time.monotonic() + RENDER_SECONDS)
        token = _budget.set(budget)
        overrun: TemplateLimit | None = None
        try:
            with memory_ceiling(), alarm(RENDER_SECONDS + _ALARM_GRACE):
                return self._render(budget, *args, **kwargs)
        except TemplateLimit as exc:
            exc.where = self._place(exc)
            raise
        except MemoryError as exc:
            # Past the ceiling: the half-made value is gone with the frames; only the
            # place is kept (the traceback would hold them), and the render stops.
            overrun = _memory_limit()
            overrun.where = self._place(exc)
            overrun.line = getattr(exc, "line", None)
            exc.__traceback__ = None
        except Exception:
            self.environment.handle_exception()
        finally:
            _budget.reset(token)
        assert overrun is not None
        raise overrun

    def _render(self, budget: Budget, *args: Any, **kwargs: Any) -> str:
        ctx = self.new_context(dict(*args, **kwargs))
        out: list[str] = []
        size = run = 0
        for n, chunk in enumerate(self.root_render_func(ctx), start=1):
            size += len(chunk)
            cut = chunk.rfind(">")  # text is escaped: a bare ">" ends a tag
            run = len(chunk) - cut - 1 if cut >= 0 else run + len(chunk)
            if run > MAX_TEXT_RUN:
                raise TemplateLimit(
                    f"một đoạn chữ dài quá {MAX_TEXT_RUN:,} ký tự".replace(",", "."),
                    f"a run of text longer than {MAX_TEXT_RUN:,} characters",
                )
            if size > MAX_OUTPUT:
                raise TemplateLimit(
                    f"văn bản dài quá {MAX_OUTPUT:,} ký tự".replace(",", "."),
                    f"a document of more than {MAX_OUTPUT:,} characters",
                )
            if n % _CHECK_EVERY == 0:
                budget.tick(0)
            out.append(chunk)
        return "".join(out)

    def _place(self, exc: BaseException) -> tuple[str, str]:
        """ "dòng N: «text of that paragraph»" of the template line that went over."""
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "<template>":
                line = self.get_corresponding_lineno(tb.tb_lineno)
            tb = tb.tb_next
        exc.line = line  # type: ignore[attr-defined]
        if line is None:
            return "?", "?"
        lines = self.source_text.splitlines()
        text = _TAGS.sub("", lines[line - 1]).strip() if 0 < line <= len(lines) else ""
        text = text if len(text) <= 70 else text[:69] + "…"
        return f"dòng {line}: «{text}»", f"line {line}: '{text}'"


__all__ = [
    "BINOPS",
    "CONCAT_FILTER",
    "LOOP_FILTER",
    "MAX_ITERATIONS",
    "MAX_OUTPUT",
    "MAX_POWER_BITS",
    "MAX_RANGE",
    "MAX_RENDER_MEMORY",
    "MAX_TEXT",
    "MAX_TEXT_RUN",
    "RENDER_SECONDS",
    "WIDTH_FILTERS",
    "BoundedTemplate",
    "Budget",
    "TemplateLimit",
    "alarm",
    "bound_tree",
    "bounded_concat",
    "bounded_filter",
    "bounded_loop",
    "check_binop",
    "check_call",
    "memory_ceiling",
    "safe_range",
]
