"""Building a context: an input path and a kind → the data its template is filled with.

Stage "context building" of the produce pipeline (architecture §2), the one entry point
:func:`build_context`: it detects the input (:mod:`ocop_docs.production.inputs`), checks that
the kind can be made from it, reads it, and hands it to the kind's builder
(:mod:`.registry`). A dossier kind is built from a dossier or from a product of a round file
(its ``ho_so``); a round kind from a round file; the scoring sheet from any of them, a
scorecard or a set number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError, Issue
from ocop_docs.production.contexts.council import round_context
from ocop_docs.production.contexts.kind import DossierSource, Kind
from ocop_docs.production.contexts.regime_forms import form_kind
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.inputs import (
    INPUT_NAMES,
    InputKind,
    classify,
    detect_input,
    read_valid_dossier,
)
from ocop_docs.production.lookup import apply_lookup
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.rounds.model import Round, require_valid


@dataclass(slots=True)
class BuiltContext:
    kind: Kind
    context: dict[str, Any]
    when: dt.datetime | None = None
    warnings: list[Issue] = field(default_factory=list)
    source: Path | None = None
    round: Round | None = None  # the round a round kind was built from


def _check_input(spec: Kind, path: Path, what: InputKind) -> None:
    allowed: tuple[InputKind, ...]
    if spec.source == "round":
        allowed = ("round",)
    elif spec.source == "file":
        allowed = ("revocation",)
    else:
        allowed = ("dossier", "round")
    if what not in allowed:
        expected = " hoặc ".join(INPUT_NAMES[a][0] for a in allowed)
        expected_en = " or ".join(INPUT_NAMES[a][1] for a in allowed)
        raise InputError(
            "render-input-wrong",
            kind=spec.name,
            path=str(path),
            expected=expected,
            expected_en=expected_en,
            actual=INPUT_NAMES[what][0],
            actual_en=INPUT_NAMES[what][1],
        )


def _regime_spec(spec: Kind, data: Mapping[str, Any]) -> tuple[Kind, list[Issue]]:
    """The kind printed for this dossier: its regime's own form (``regime_forms``: Mẫu 01
    of a QĐ 1048/2019 dossier is its Biểu 02), with the warning that says so."""
    name, noted = form_kind(spec.name, data)
    made = KINDS[name]
    assert made.from_dossier is not None  # a form of a dossier, as the kind asked
    return made, noted


def build_context(
    kind: str,
    source: Path | str | Sequence[Path | str],
    *,
    product: int | None = None,
    assessment: Path | str | None = None,
    allow: Sequence[Path] = (),
    details: Path | str | None = None,
    lookup: str | None = None,
) -> BuiltContext:
    """The context of ``kind`` from its input (``product``: 1-based, with a round file;
    ``assessment``: the commune's assessment file, for Mẫu 03; ``allow``: folders besides
    a round file's own that the dossiers and scorecards it names may lie in). Several
    inputs, a folder of dossiers and ``details`` (the paper's own fields) only for a kind a
    commune makes from its dossiers (``de-nghi-xa``); ``lookup``: the certificates' public
    look-up address, over the round file's ``giay_chung_nhan.tra_cuu``."""
    spec = KINDS[kind]
    sources = [Path(source)] if isinstance(source, str | Path) else [Path(s) for s in source]
    if spec.from_dossiers is not None and (
        len(sources) > 1 or classify(sources[0]) in ("dossier", "dossiers")
    ):
        # The commune's letter from its own dossiers, before any round (issue 12).
        built = spec.from_dossiers(sources, Path(details) if details is not None else None)
        return BuiltContext(spec, built.context, built.when, built.warnings, sources[0])
    if len(sources) > 1:
        raise InputError("render-one-input", kind=kind, n=len(sources))
    if details is not None:
        raise InputError("render-details-unused", kind=kind)
    path = sources[0]
    what = detect_input(path)
    assessment_file = Path(assessment) if assessment is not None else None
    if spec.from_sheet_input is not None:
        built = spec.from_sheet_input(path, what, product, tuple(allow))
        return BuiltContext(spec, built.context, built.when, built.warnings, path)
    _check_input(spec, path, what)
    if spec.from_file is not None:  # a paper with a data file of its own (Điều 8)
        built = spec.from_file(path)
        return BuiltContext(spec, built.context, built.when, built.warnings, path)
    warnings: list[Issue]
    if what == "dossier":
        assert spec.from_dossier is not None
        data, warnings = read_valid_dossier(path)
        label = str((data.get("san_pham") or {}).get("ten", path))
        spec, noted = _regime_spec(spec, data)
        warnings = warnings + noted
        assert spec.from_dossier is not None
        built = spec.from_dossier(data, DossierSource(label, assessment_file))
    else:
        rnd = require_valid(load_round(path, allow=allow))
        warnings = [i for i in rnd.issues if i.severity == "warning"]
        if lookup is not None:  # --tra-cuu over the round file's (issue 12)
            warnings.extend(apply_lookup(rnd, lookup))
        if spec.per_product and product is None:
            raise InputError("render-product-required", kind=kind)
        item = rnd.product(product) if spec.per_product and product is not None else None
        if spec.from_dossier is not None:
            assert item is not None
            if item.dossier is None:
                raise InputError("render-no-dossier", kind=kind, product=item.ten)
            inline = dict(item.inline.get("danh_gia_xa") or {})
            spec, noted = _regime_spec(spec, item.dossier)
            warnings = warnings + noted
            assert spec.from_dossier is not None
            built = spec.from_dossier(
                item.dossier, DossierSource(item.ten, assessment_file, inline)
            )
        else:
            assert spec.from_round is not None
            built = spec.from_round(rnd, round_context(rnd), item)
    return BuiltContext(
        spec,
        built.context,
        built.when,
        warnings + built.warnings,
        path,
        rnd if what != "dossier" else None,
    )


__all__ = ["BuiltContext", "build_context"]
