"""Scoring sheets entered in the browser (issue 13): a council member's choices per
criterion, scored by the library against the product set's rubric (the rubric is data,
``schemas/rubrics/``), or only a total; and the round those sheets make.

A sheet is the ``phieu`` entry a round file would carry (``{"chon": {"1.1": 3, …}}``), so
the production that follows reads it exactly as ``ocop-docs batch`` reads a round file with
cards (:mod:`ocop_docs.production.rounds`): when every member who scores a product has
entered a sheet, the job's round takes those sheets (or totals) for that product instead
of what was uploaded; the other products keep the uploaded scores.
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from ocop_docs.production.spreadsheets.mapping import read_round_sheet
from ocop_docs.rules.regimes import DEFAULT_REGIME
from ocop_docs.scoring.bands import display_mean, star_band
from ocop_docs.scoring.card import result_to_json, score_card
from ocop_docs.scoring.rubric_files import load_rubric, rubric_to_json
from ocop_docs.service.errors import ServiceError

Cards = dict[tuple[int, str], dict[str, Any]]
SHEET_SUFFIXES = (".xlsx", ".csv")


def rubric_sheet(product_set: int, regime: str = DEFAULT_REGIME) -> dict[str, Any]:
    """The rubric as the page shows it: parts, sections, criteria and their options."""
    return rubric_to_json(load_rubric(product_set, regime))


def score_choices(
    product_set: int, choices: dict[str, int], regime: str = DEFAULT_REGIME
) -> dict[str, Any]:
    """The library's result for one member's choices (``rubric score --format json``)."""
    rubric = load_rubric(product_set, regime)
    result = score_card({"bo_san_pham": product_set, "chon": choices}, rubric)
    return result_to_json(result, "vi")


def parse_choices(fields: dict[str, list[str]], sheet: dict[str, Any]) -> dict[str, int]:
    """``c:<criterion>`` form fields → ``{"1.1": 3, …}``; only the rubric's criteria and
    options (anything else is refused, not ignored)."""
    options: dict[str, set[int]] = {}
    for part in sheet["phan"]:
        for section in part["muc"]:
            for criterion in _criteria(section):
                options[str(criterion["so"])] = {int(o["stt"]) for o in criterion["lua_chon"]}
    out: dict[str, int] = {}
    for name, values in fields.items():
        if not name.startswith("c:") or not values or not values[0]:
            continue
        key = name[2:]
        try:
            stt = int(values[0])
        except ValueError:
            raise ServiceError(422, "scoresheet-choice-invalid", criterion=key[:20]) from None
        if key not in options or stt not in options[key]:
            raise ServiceError(422, "scoresheet-choice-invalid", criterion=key[:20])
        out[key] = stt
    return out


def _criteria(section: dict[str, Any]) -> list[dict[str, Any]]:
    """A section's criteria, also those under its sub-headings."""
    out: list[dict[str, Any]] = []
    for entry in section.get("tieu_chi", []):
        if "lua_chon" in entry:
            out.append(entry)
        else:
            out.extend(_criteria(entry))
    return out


def criteria_of(sheet: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for part in sheet["phan"] for s in part["muc"] for c in _criteria(s)]


def sheet_parts(sheet: dict[str, Any]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The rubric's parts, each with its criteria in order (for the sheet's page)."""
    return [(part, [c for s in part["muc"] for c in _criteria(s)]) for part in sheet["phan"]]


def card_total(card: dict[str, Any]) -> float | None:
    if card.get("tong") is not None:
        return float(card["tong"])
    result = card.get("ket_qua") or {}
    value = result.get("tong_diem")
    return float(value) if value is not None else None


def council_preview(
    product: dict[str, Any], scorers: list[str], cards: Cards, regime: str = DEFAULT_REGIME
) -> dict[str, Any] | None:
    """The mean and star band of the sheets entered so far for a product (QĐ 26/2026
    Điều 3.3: the mean of the members' totals), with the library's rounding and bands."""
    totals = [
        card_total(cards[(product["index"], ma)])
        for ma in scorers
        if (product["index"], ma) in cards
    ]
    known = [Fraction(str(t)) for t in totals if t is not None]
    if not known:
        return None
    mean = sum(known, Fraction(0)) / len(known)
    return {
        "entered": len(known),
        "of": len(scorers),
        "diem_tb": display_mean(mean, regime),
        "hang_theo_diem": star_band(mean, regime),
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def apply_cards(view: Any, source: Path, cards: Cards, tree: Path | None = None) -> Path:
    """The round file the job produces from: ``source`` itself, or (when sheets were
    entered for every scoring member of some product) a JSON round beside it with those
    sheets (``phieu``) or totals (``diem``) for such products. ``tree``: the round's
    laid-out folder, which the dossiers a spreadsheet names lie in."""
    if not cards:
        return source
    summary = view.summary
    scorers = [m["ma"] for m in summary.get("thanh_vien", []) if m["co_mat"] and m["cham_diem"]]
    if not scorers:
        return source
    if source.suffix.lower() in SHEET_SUFFIXES:
        sheet = read_round_sheet(source, allow=(tree or source.parent,))
        data = sheet.data
        position = {row: i for i, row in enumerate(sheet.rows)}
        key = "row"
    else:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        position = {n + 1: n for n in range(len((data or {}).get("san_pham") or []))}
        key = "number"
    if not isinstance(data, dict):
        return source
    changed = False
    for product in summary.get("san_pham", []):
        entered = {
            ma: cards[(product["index"], ma)] for ma in scorers if (product["index"], ma) in cards
        }
        where = position.get(product.get(key))
        if len(entered) < len(scorers) or where is None:
            continue
        raw = data["san_pham"][where]
        if all(c.get("chon") for c in entered.values()):
            raw["phieu"] = {ma: {"chon": c["chon"]} for ma, c in entered.items()}
            raw.pop("diem", None)
        else:
            raw["diem"] = {ma: card_total(c) for ma, c in entered.items()}
            raw.pop("phieu", None)
        changed = True
    if not changed:
        return source
    target = source.with_name(f"{source.stem}.diem-nhap.json")
    text = json.dumps(data, ensure_ascii=False, indent=1, default=_jsonable)
    target.write_text(text, encoding="utf-8")
    return target
