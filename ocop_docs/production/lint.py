"""Template checks: Jinja syntax, tags split across Word runs, ``{%tr %}`` pairs, variables.

``ocop-docs templates check [DIR]`` runs :func:`check_templates`. A template is scanned
paragraph by paragraph (body, tables, headers, footers) in document order; every Jinja tag
is recorded with its place ("đoạn 12", "bảng 2, dòng 3, ô 1", "đầu trang"). The tags alone
are then assembled into a small Jinja source, one tag per line, so a syntax error's line
number points back to the paragraph, and the parsed tree gives every variable a template
uses, with loop variables resolved to their lists (``m.ho_ten`` inside
``{%tr for m in hop.co_mat %}`` is ``hop.co_mat[].ho_ten``). Those paths are checked against
the context schema of the template's kind (``schemas/contexts/<kind>.schema.json``,
:attr:`ocop_docs.production.contexts.kind.Kind.schema`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError
from lxml import etree  # type: ignore[import-untyped]

from ocop_docs.errors import Issue, IssueCounts
from ocop_docs.production.contexts.registry import ALL_KINDS
from ocop_docs.production.environment import make_environment
from ocop_docs.production.limits import TemplateLimit
from ocop_docs.production.references import external_references
from ocop_docs.resources import templates_dir
from ocop_docs.text.reasons import library_reason

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN = re.compile(r"\{[{%#]")
_PREFIX = re.compile(r"^(\{\{|\{%)\s*(tr|tc|p|r)\s", re.DOTALL)
_DOCXTPL_ONLY = re.compile(r"^\{%\s*(vm|hm)\s*%\}$")
_DOCXTPL_VALUE = re.compile(r"^\{%\s*(colspan|cellbg)\s+(.*?)\s*%\}$", re.DOTALL)
_BLOCK = re.compile(r"^\{%-?\s*(\w+)")
_OPENERS = {"for": "endfor", "if": "endif"}


@dataclass(slots=True)
class Place:
    part: str  # "body", "header", "footer"
    paragraph: int  # 1-based within its part
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    text: str = ""

    def describe(self, lang: str = "vi") -> str:
        snippet = self.text.strip()
        if len(snippet) > 70:
            snippet = snippet[:69] + "…"
        if lang == "vi":
            part = {"body": "", "header": "đầu trang, ", "footer": "chân trang, "}[self.part]
            if self.table is not None:
                where = f"{part}bảng {self.table}, dòng {self.row}, ô {self.cell}"
            else:
                where = f"{part}đoạn {self.paragraph}"
        else:
            part = {"body": "", "header": "header, ", "footer": "footer, "}[self.part]
            if self.table is not None:
                where = f"{part}table {self.table}, row {self.row}, cell {self.cell}"
            else:
                where = f"{part}paragraph {self.paragraph}"
        return f"{where}: «{snippet}»"


@dataclass(slots=True)
class Tag:
    text: str  # as written, e.g. "{%tr for m in x %}"
    prefix: str  # "", "tr", "tc", "p", "r"
    place: Place
    runs: int = 1

    @property
    def jinja(self) -> str:
        """The tag as plain Jinja (docxtpl's prefixes and cell tags removed)."""
        text = self.text
        if _DOCXTPL_ONLY.match(text):
            return ""
        value = _DOCXTPL_VALUE.match(text)
        if value:
            return "{{ " + value.group(2) + " }}"
        if self.prefix:
            text = _PREFIX.sub(lambda m: m.group(1) + " ", text, count=1)
        return text


@dataclass(slots=True)
class VariableUse:
    path: str
    place: Place


@dataclass(slots=True)
class TemplateScan:
    path: Path
    tags: list[Tag] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    uses: list[VariableUse] = field(default_factory=list)


def _paragraph_texts(p: Any) -> list[str]:
    return [t.text or "" for t in p.iter(f"{_W}t")]


def _iter_paragraphs(root: Any, part: str) -> Iterator[tuple[Any, Place]]:
    """Paragraphs in document order, with table coordinates for those in cells."""
    tables: dict[Any, int] = {}
    for counter, p in enumerate(root.iter(f"{_W}p"), start=1):
        place = Place(part, counter)
        tc = next((a for a in p.iterancestors(f"{_W}tc")), None)
        if tc is not None:
            tr = tc.getparent()
            tbl = tr.getparent()
            if tbl not in tables:
                tables[tbl] = len(tables) + 1
            place.table = tables[tbl]
            place.row = tbl.findall(f"{_W}tr").index(tr) + 1
            place.cell = tr.findall(f"{_W}tc").index(tc) + 1
        yield p, place


def _parts(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        yield "body", z.read("word/document.xml")
        for name in sorted(names):
            if re.fullmatch(r"word/header\d*\.xml", name):
                yield "header", z.read(name)
            elif re.fullmatch(r"word/footer\d*\.xml", name):
                yield "footer", z.read(name)


def scan_template(path: Path) -> TemplateScan:
    """All tags of a template with their places, and the syntax-level problems."""
    scan = TemplateScan(path)
    file = path.name
    try:
        parts = list(_parts(path))
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        scan.issues.append(
            Issue("template-unreadable", params={"file": file, **library_reason(exc)})
        )
        return scan
    for part, xml in parts:
        try:
            root = etree.fromstring(xml)
        except etree.XMLSyntaxError as exc:
            scan.issues.append(
                Issue("template-unreadable", params={"file": file, **library_reason(exc)})
            )
            continue
        for p, place in _iter_paragraphs(root, part):
            runs = _paragraph_texts(p)
            text = "".join(runs)
            place.text = text
            if not _OPEN.search(text):
                continue
            bounds = []
            offset = 0
            for r in runs:
                bounds.append((offset, offset + len(r)))
                offset += len(r)
            consumed = 0
            for m in _TAG.finditer(text):
                if _OPEN.search(text[consumed : m.start()]):
                    break
                consumed = m.end()
                spans = sum(1 for a, b in bounds if b > m.start() and a < m.end() and b > a)
                pm = _PREFIX.match(m.group(0))
                tag = Tag(m.group(0), pm.group(2) if pm else "", place, spans)
                scan.tags.append(tag)
                if spans > 1:
                    scan.issues.append(
                        Issue(
                            "template-split-tag",
                            params={
                                "file": file,
                                "tag": tag.text,
                                "runs": spans,
                                "where": place.describe("vi"),
                                "where_en": place.describe("en"),
                            },
                        )
                    )
            rest = text[consumed:]
            if _OPEN.search(rest):
                scan.issues.append(
                    Issue(
                        "template-syntax",
                        params={
                            "file": file,
                            "where": place.describe("vi"),
                            "where_en": place.describe("en"),
                            "reason": "thẻ mở nhưng không đóng trong cùng đoạn",
                            "reason_en": "tag not closed within its paragraph",
                        },
                    )
                )
    _check_pairs(scan)
    return scan


def _check_pairs(scan: TemplateScan) -> None:
    """Block tags pair up with the same docxtpl prefix; {%tr %} pairs sit in later rows."""
    file = scan.path.name
    stack: list[tuple[str, Tag]] = []
    for tag in scan.tags:
        if not tag.text.startswith("{%") or _DOCXTPL_ONLY.match(tag.text):
            continue
        body = _PREFIX.sub("{% ", tag.text, count=1) if tag.prefix else tag.text
        m = _BLOCK.match(body)
        word = m.group(1) if m else ""
        if tag.prefix in ("tr", "tc") and tag.place.table is None:
            scan.issues.append(_unbalanced(file, tag, "{%tr endfor %}"))
            continue
        if word in _OPENERS:
            stack.append((word, tag))
        elif word in ("endfor", "endif"):
            if not stack:
                scan.issues.append(
                    _unbalanced(file, tag, "{%" + f"{tag.prefix} {word[3:]} …" + "%}")
                )
                continue
            opener_word, opener = stack.pop()
            expected = _OPENERS[opener_word]
            if (
                word != expected
                or opener.prefix != tag.prefix
                or (
                    tag.prefix == "tr"
                    and (
                        opener.place.part != tag.place.part
                        or opener.place.table != tag.place.table
                        or (tag.place.row or 0) <= (opener.place.row or 0)
                    )
                )
            ):
                scan.issues.append(_unbalanced(file, opener, _closing(opener)))
    for _word, opener in stack:
        scan.issues.append(_unbalanced(file, opener, _closing(opener)))


def _closing(tag: Tag) -> str:
    body = _PREFIX.sub("{% ", tag.text, count=1) if tag.prefix else tag.text
    m = _BLOCK.match(body)
    word = _OPENERS.get(m.group(1) if m else "", "end")
    return "{%" + (tag.prefix + " " if tag.prefix else " ") + word + " %}"


def _unbalanced(file: str, tag: Tag, expected: str) -> Issue:
    code = "template-unbalanced-tr" if tag.prefix in ("tr", "tc") else "template-syntax"
    params = {
        "file": file,
        "tag": tag.text,
        "expected": expected,
        "where": tag.place.describe("vi"),
        "where_en": tag.place.describe("en"),
    }
    if code == "template-syntax":
        params["reason"] = f"«{tag.text}» không có {expected} tương ứng"
        params["reason_en"] = f"'{tag.text}' has no matching {expected}"
    return Issue(code, params=params)


# --- variables -------------------------------------------------------------------------------


def _expr_path(node: nodes.Node, scope: dict[str, str | None]) -> str | None:
    """ "a.b[0].c" style path of a Name/Getattr/Getitem chain (None: not a data path)."""
    if isinstance(node, nodes.Name):
        if node.name in scope:
            return scope[node.name]
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _expr_path(node.node, scope)
        return None if base is None else f"{base}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        base = _expr_path(node.node, scope)
        if base is None:
            return None
        if isinstance(node.arg, nodes.Const):
            if isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            return f"{base}[]"
        return f"{base}[]"
    return None


_SPECIAL = {
    "loop",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
}


def _collect(node: nodes.Node, scope: dict[str, str | None], out: list[tuple[str, int]]) -> None:
    if isinstance(node, nodes.For):
        _collect(node.iter, scope, out)
        iter_path = _expr_path(node.iter, scope)
        inner = dict(scope)
        for target in (
            node.target.find_all(nodes.Name)
            if not isinstance(node.target, nodes.Name)
            else [node.target]
        ):
            inner[target.name] = f"{iter_path}[]" if iter_path else None
        inner["loop"] = None
        for child in node.body:
            _collect(child, inner, out)
        for child in node.else_:
            _collect(child, scope, out)
        if node.test is not None:
            _collect(node.test, inner, out)
        return
    if isinstance(node, nodes.Assign):
        _collect(node.node, scope, out)
        for target in (
            node.target.find_all(nodes.Name)
            if not isinstance(node.target, nodes.Name)
            else [node.target]
        ):
            scope[target.name] = None
        return
    if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
        path = _expr_path(node, scope)
        root: nodes.Node = node
        while isinstance(root, nodes.Getattr | nodes.Getitem):
            root = root.node
        if isinstance(root, nodes.Name) and root.name in scope and scope[root.name] is None:
            path = None
        if isinstance(root, nodes.Name) and root.name in _SPECIAL:
            path = None
        if path is not None:
            out.append((path, node.lineno))
        if isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Const):
            _collect(node.arg, scope, out)
        if isinstance(root, nodes.Name):
            return
    for child in node.iter_child_nodes():
        _collect(child, scope, out)


def _source(scan: TemplateScan) -> tuple[str, list[Tag]]:
    lines: list[str] = []
    owners: list[Tag] = []
    for tag in scan.tags:
        jinja = tag.jinja
        if not jinja:
            continue
        lines.append(jinja.replace("\n", " "))
        owners.append(tag)
    return "\n".join(lines), owners


def analyse(path: Path) -> TemplateScan:
    """Scan a template and resolve every variable it uses (syntax errors become issues)."""
    scan = scan_template(path)
    if any(i.code == "template-unreadable" for i in scan.issues):
        return scan
    source, owners = _source(scan)
    env = make_environment()
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        line = (exc.lineno or 1) - 1
        place = owners[min(line, len(owners) - 1)].place if owners else Place("body", 0)
        if not any(i.code in ("template-syntax", "template-unbalanced-tr") for i in scan.issues):
            scan.issues.append(
                Issue(
                    "template-syntax",
                    params={
                        "file": path.name,
                        "where": place.describe("vi"),
                        "where_en": place.describe("en"),
                        "reason": exc.message or str(exc),
                    },
                )
            )
        return scan
    found: list[tuple[str, int]] = []
    for child in tree.body:
        _collect(child, {}, found)
    for var, lineno in found:
        owner = owners[min(max(lineno - 1, 0), len(owners) - 1)]
        scan.uses.append(VariableUse(var, owner.place))
    return scan


def trial_render(path: Path) -> list[Issue]:
    """Run the template's tags once on no data (draft), within the render limits: a loop
    over a huge ``range``, a giant power or repetition is found here, before any batch
    (issue 9). Other failures depend on the data and are left to rendering."""
    scan = scan_template(path)
    if scan.issues:
        return []
    source, owners = _source(scan)
    env = make_environment(draft=True)
    try:
        env.from_string(source).render({})
    except TemplateLimit as exc:
        line = (exc.line or 1) - 1
        place = owners[min(line, len(owners) - 1)].place if owners else Place("body", 0)
        return [
            Issue(
                "render-template-limit",
                params={
                    "template": path.name,
                    "where": place.describe("vi"),
                    "where_en": place.describe("en"),
                    "reason": exc.what,
                    "reason_en": exc.what_en,
                },
            )
        ]
    except Exception:
        pass
    return []


def lint_template(path: Path) -> list[Issue]:
    """Syntax-level issues of one template (no schema check)."""
    return analyse(path).issues


def _normalise(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)


def locate_variable(template: Path, path: str) -> tuple[str, str]:
    """Where a template uses ``path`` (as a runtime path like "hop.co_mat[2].chuc_vu")."""
    try:
        scan = analyse(template)
    except Exception:  # never let locating an error hide the error itself
        return "?", "?"
    wanted = _normalise(path)
    exact = [u for u in scan.uses if u.path == wanted]
    near = exact or [
        u for u in scan.uses if u.path.startswith(wanted + ".") or wanted.startswith(u.path + ".")
    ]
    if not near:
        return "không xác định được vị trí", "location unknown"
    places = []
    for use in near:
        if use.place not in places:
            places.append(use.place)
    vi = "; ".join(p.describe("vi") for p in places[:3])
    en = "; ".join(p.describe("en") for p in places[:3])
    return vi, en


# --- schema check ----------------------------------------------------------------------------


def check_template(path: Path, kind: str | None) -> list[Issue]:
    """All issues of one template: syntax, split tags, pairs, and unknown variables."""
    scan = analyse(path)
    issues = list(scan.issues) + external_references(path)
    if not any(i.severity == "error" for i in issues):
        issues += trial_render(path)
    if kind is None or kind not in ALL_KINDS:
        return issues
    schema = ALL_KINDS[kind].schema
    reported: set[str] = set()
    for use in scan.uses:
        if use.path in reported or schema.has(use.path):
            continue
        reported.add(use.path)
        issues.append(
            Issue(
                "template-unknown-variable",
                params={
                    "file": path.name,
                    "variable": use.path,
                    "kind": kind,
                    "where": use.place.describe("vi"),
                    "where_en": use.place.describe("en"),
                },
            )
        )
    return issues


@dataclass(slots=True)
class TemplateReport(IssueCounts):
    folder: Path
    checked: list[Path] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.errors == 0


def check_templates(folder: Path | None = None) -> TemplateReport:
    """Check every template of a folder (default: the shipped ``templates/``).

    A missing template of a kind is an error only in the shipped folder; a user's folder
    may hold just the templates they changed (a warning names the kinds it lacks, whose
    shipped templates are used), but a folder with no template at all is an error.
    """
    shipped = folder is None
    root = templates_dir(folder)
    report = TemplateReport(root)
    names = {f"{k}.docx": k for k in ALL_KINDS}
    files = sorted(p for p in root.glob("*.docx") if not p.name.startswith("~$"))
    for file in files:
        kind = names.get(file.name)
        if kind is None:
            report.issues.append(
                Issue(
                    "template-unknown-kind",
                    params={"file": file.name, "kinds": ", ".join(ALL_KINDS)},
                )
            )
            continue
        report.checked.append(file)
        report.issues.extend(check_template(file, kind))
    present = {p.name for p in files}
    absent = [name for name in names if name not in present]
    if shipped:
        for name in absent:
            report.issues.append(
                Issue("template-missing", params={"file": name, "folder": str(root)})
            )
    elif not files:
        # Nothing to check is not "no errors" (issue 12): a wrong folder, or Word files
        # saved elsewhere.
        report.issues.append(Issue("templates-none-found", params={"folder": str(root)}))
    elif absent:
        report.issues.append(shipped_used(absent, root))
    return report


def shipped_used(files: list[str], folder: Path) -> Issue:
    """The kinds a ``--templates-dir`` folder does not hold: their shipped templates are used."""
    kinds = [name.removesuffix(".docx") for name in files]
    return Issue(
        "template-shipped-used",
        params={"folder": str(folder), "kinds": ", ".join(kinds), "count": len(kinds)},
    )


__all__ = [
    "Place",
    "Tag",
    "TemplateReport",
    "TemplateScan",
    "VariableUse",
    "analyse",
    "check_template",
    "check_templates",
    "lint_template",
    "locate_variable",
    "scan_template",
    "shipped_used",
    "trial_render",
]
