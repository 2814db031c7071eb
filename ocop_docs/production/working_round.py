"""The working round of a batch: the input's round without the products that failed.

A batch reads its round from a round file or a results spreadsheet. A product with errors
becomes a failed item, listed with its line (round file) or sheet row (spreadsheet), and
the round is rebuilt without it, so that the other documents are still produced (issue #5:
one bad row fails that item alone; exit code 1). Errors of the round as a whole stop the
batch (exit 1) before anything is written.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue
from ocop_docs.production.inputs import BatchInput
from ocop_docs.production.manifest import ItemRecord, issue_error
from ocop_docs.production.rounds.loading import load_round, round_from_data
from ocop_docs.production.rounds.model import Round
from ocop_docs.production.spreadsheets.mapping import read_round_sheet

ROW_KIND = "san-pham"  # an input row (product) that could not be used
_PRODUCT_POINTER = re.compile(r"^/san_pham/(\d+)(?:/|$)")


@dataclass(slots=True)
class WorkingRound:
    """The round the documents are made from, and what was left out of it."""

    round: Round
    numbers: list[int]  # each product's number in the input as the user sees it …
    rows: list[int] | None  # … which is its sheet row for a spreadsheet
    failures: list[ItemRecord] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def product_label(raw: Any) -> str:
    """How a product of the input is named in messages: its name, or its dossier."""
    if isinstance(raw, dict):
        for key in ("ten", "ho_so"):
            if raw.get(key):
                return str(raw[key])
    return "—"


def _products(data: dict[str, Any]) -> list[Any]:
    """The round's products as given, whatever the file holds: a round with schema errors
    still has its data (so that every error is reported at once), and ``san_pham`` may then
    be missing, empty or not a list; the schema check has already said so (issue 9)."""
    products = data.get("san_pham")
    return list(products) if isinstance(products, list) else []


def load_working_round(
    source: Path, kind: BatchInput, lang: Lang, allow: Sequence[Path] = ()
) -> WorkingRound:
    """Load the round (file or spreadsheet); products with errors become failed items and
    the round is rebuilt without them; errors of the round as a whole raise (exit 1).
    ``allow``: folders besides the input's own that the files it names may lie in."""
    failures: list[ItemRecord] = []
    warnings: list[Issue] = []
    rows: list[int] | None = None
    if kind == "spreadsheet":
        sheet = read_round_sheet(source, allow=allow)
        errors = [i for i in sheet.issues if i.severity == "error"]
        if errors or sheet.data is None:
            first = errors[0]
            raise InputError(first.code, issues=sheet.issues, **first.params)
        warnings.extend(i for i in sheet.issues if i.severity == "warning")
        for failure in sheet.failures:
            failures.append(
                ItemRecord(
                    id=f"{ROW_KIND}/dong-{failure.row}",
                    kind=ROW_KIND,
                    title=failure.product,
                    status="failed",
                    row=failure.row,
                    error=issue_error(failure.issues, lang),
                )
            )
        if failures and not sheet.data.get("san_pham"):
            # Every row failed: say so with the rows' own findings, not as a round
            # without products (the schema's "san_pham" would hide why).
            raise InputError(
                "batch-no-products", issues=[i for f in sheet.failures for i in f.issues]
            )
        rows = list(sheet.rows)
        numbers = list(rows)
        rnd = round_from_data(sheet.data, source, allow=allow)
    else:
        rnd = load_round(source, allow=allow)
        if rnd.data is None:
            raise InputError(
                "round-invalid",
                issues=rnd.issues,
                path=str(source),
                count=max(1, rnd.errors),
                first=next((i.message("vi") for i in rnd.issues if i.severity == "error"), "?"),
                first_en=next((i.message("en") for i in rnd.issues if i.severity == "error"), "?"),
            )
        numbers = list(range(1, len(_products(rnd.data)) + 1))
    original = rnd  # its warnings carry the line numbers of the user's file
    while True:
        assert rnd.data is not None
        bad: dict[int, list[Issue]] = {}
        general: list[Issue] = []
        for issue in rnd.issues:
            if issue.severity != "error":
                continue
            m = _PRODUCT_POINTER.match(issue.pointer)
            if m and int(m.group(1)) < len(numbers):
                bad.setdefault(int(m.group(1)), []).append(issue)
            else:
                general.append(issue)
        if general:
            code = "sheet-round-invalid" if rows is not None else "round-invalid"
            raise InputError(
                code,
                issues=rnd.issues,
                path=str(source),
                count=len(general),
                first=general[0].message("vi"),
                first_en=general[0].message("en"),
            )
        if not bad:
            break
        raw_products = _products(rnd.data)
        for index, issues in sorted(bad.items()):
            failures.append(
                _product_failure(raw_products[index], numbers[index], issues, rows, lang)
            )
        keep = [i for i in range(len(raw_products)) if i not in bad]
        if not keep:
            raise InputError("batch-no-products", issues=[i for v in bad.values() for i in v])
        data = dict(rnd.data)
        data["san_pham"] = [raw_products[i] for i in keep]
        numbers = [numbers[i] for i in keep]
        rnd = round_from_data(data, source, allow=allow)
    if rows is None:
        warnings.extend(i for i in original.issues if i.severity == "warning")
    else:
        warnings.extend(_sheet_warnings(rnd, rows))
    return WorkingRound(rnd, numbers, rows, failures, warnings)


def _product_failure(
    raw: Any, number: int, issues: list[Issue], rows: list[int] | None, lang: Lang
) -> ItemRecord:
    """A product the round checks rejected, as a failed item at its line or sheet row."""
    label = product_label(raw)
    first = issues[0]
    vi, en = first.message("vi"), first.message("en")
    if rows is not None:  # a spreadsheet: the row is what the official can find
        head = Issue(
            "sheet-row-invalid",
            params={"row": number, "product": label, "problem": vi, "problem_en": en},
        )
        item_id, row, product, line = f"{ROW_KIND}/dong-{number}", number, None, None
    else:
        head = Issue(
            "batch-product-invalid",
            pointer=first.pointer,
            line=first.line,
            column=first.column,
            params={"number": number, "product": label, "reason": vi, "reason_en": en},
        )
        item_id, row, product, line = f"{ROW_KIND}/{number:03d}", None, number, first.line
    return ItemRecord(
        id=item_id,
        kind=ROW_KIND,
        title=label,
        status="failed",
        product=product,
        row=row,
        line=line,
        error=issue_error([head, *issues], lang),
    )


def _sheet_warnings(rnd: Round, rows: list[int]) -> Iterator[Issue]:
    """A spreadsheet round's warnings, placed at sheet rows instead of lines of the
    generated round file."""
    raw = (rnd.data or {}).get("san_pham") or []
    for issue in rnd.issues:
        if issue.severity != "warning":
            continue
        m = _PRODUCT_POINTER.match(issue.pointer)
        if m and int(m.group(1)) < len(rows):
            index = int(m.group(1))
            yield Issue(
                "sheet-row-warning",
                params={
                    "row": rows[index],
                    "product": product_label(raw[index]),
                    "problem": issue.message("vi"),
                    "problem_en": issue.message("en"),
                },
            )
        else:
            yield Issue(issue.code, pointer=issue.pointer, params=issue.params)


def _absolute_paths(data: dict[str, Any], base: Path) -> dict[str, Any]:
    """A round's data with its dossier and scorecard paths made absolute (it is moved)."""
    out = dict(data)
    products = []
    for raw in data.get("san_pham") or []:
        item = dict(raw)
        if isinstance(item.get("ho_so"), str):
            item["ho_so"] = os.path.normpath(os.path.abspath(base / item["ho_so"]))
        if isinstance(item.get("phieu"), dict):
            item["phieu"] = {
                k: os.path.normpath(os.path.abspath(base / v)) if isinstance(v, str) else v
                for k, v in item["phieu"].items()
            }
        products.append(item)
    out["san_pham"] = products
    return out


def round_file(working: WorkingRound, source: Path, kind: BatchInput, workdir: Path) -> Path:
    """A round file for the kinds built by
    :func:`~ocop_docs.production.contexts.building.build_context` from a file: the user's own
    when nothing was left out, else the working round, written out."""
    rnd = working.round
    assert rnd.data is not None
    if kind == "round" and not working.failures:
        return source
    target = workdir / "dot-danh-gia.json"
    data = _absolute_paths(rnd.data, source.parent)
    target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return target


__all__ = ["ROW_KIND", "WorkingRound", "load_working_round", "product_label", "round_file"]
