"""The fixed wording the documents print, read from ``schemas/documents/``.

Legal citations and form tables are data beside the rule data, not Python (issue 8):

* ``acts.yaml``: the decision founding each regime, as cited in "Căn cứ …";
* ``names.yaml``: printed names of producer types, genders, council roles and levels;
* ``form-02.yaml``: Mẫu 02's tick boxes (mục 7), its evidence table (Phần III) and the
  topics of a re-evaluation's updates (Điều 6.1.c).

They are a folder of their own rather than keys of ``schemas/rules/<regime>.yaml``: they
are what the produced documents print, read only by this pipeline, while the rule files
are what the validator and the scorer apply (with their own loader,
:mod:`ocop_docs.rules.regimes`); one file, one loader. The acts are keyed by regime code, so
adding a regime is one more line there and a test. A broken file is a broken installation
(:class:`~ocop_docs.errors.DataError`, exit 3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from ocop_docs.catalogue import Lang
from ocop_docs.errors import DataError
from ocop_docs.resources import load_data

FOLDER = "documents"


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One row of Mẫu 02 Phần III: what is evidenced, what is asked, which types show it."""

    noi_dung: str
    yeu_cau: str
    loai: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Wording:
    acts: Mapping[str, str]  # regime code → its founding decision
    producer_types: Mapping[str, str]  # chu_the.loai_hinh → "Hợp tác xã"
    genders: Mapping[str, str]  # "nam" → "Nam"
    roles: Mapping[str, str]  # vai_tro → "Chủ tịch Hội đồng"
    levels: Mapping[str, Mapping[Lang, str]]  # cap → {"vi": "cấp tỉnh", "en": …}
    ticks: Mapping[str, tuple[str, ...]]  # Mẫu 02 mục 7 box → document types
    evidence: tuple[EvidenceRow, ...]
    updates: Mapping[str, str]  # Mẫu 02, re-evaluation: bao_cao.cap_nhat key → topic

    def act(self, regime: str) -> str:
        """The founding decision of ``regime`` as cited, or the code when it is not known."""
        return self.acts.get(regime, regime)


def _read(name: str) -> dict[str, Any]:
    relative = f"{FOLDER}/{name}"
    try:
        data = load_data(relative)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise DataError("schema-unreadable", path=relative, reason=str(exc)) from exc
    if not isinstance(data, dict):
        raise DataError("schema-unreadable", path=relative, reason="not a mapping")
    return data


def _texts(data: Any, where: str) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise DataError("schema-unreadable", path=where, reason="expected code: text")
    return {str(k): v for k, v in data.items()}


def _codes(data: Any, where: str) -> tuple[str, ...]:
    if not isinstance(data, list) or not all(isinstance(v, str) for v in data):
        raise DataError("schema-unreadable", path=where, reason="expected a list of codes")
    return tuple(data)


@lru_cache(maxsize=1)
def wording() -> Wording:
    """The shipped wording, read once per process."""
    try:
        return _wording()
    except (KeyError, TypeError, AttributeError) as exc:  # a section or field is missing
        raise DataError("schema-unreadable", path=FOLDER, reason=repr(exc)) from exc


def _wording() -> Wording:
    acts = _read("acts.yaml")
    names = _read("names.yaml")
    form = _read("form-02.yaml")
    levels: dict[str, dict[Lang, str]] = {}
    for code, raw in names["cap"].items():
        texts = _texts(raw, f"{FOLDER}/names.yaml: cap.{code}")
        levels[str(code)] = {"vi": texts["vi"], "en": texts["en"]}
    evidence = tuple(
        EvidenceRow(
            str(row["noi_dung"]),
            str(row["yeu_cau"]),
            _codes(row["loai"], f"{FOLDER}/form-02.yaml: minh_chung"),
        )
        for row in form["minh_chung"]
    )
    return Wording(
        acts=_texts(acts, f"{FOLDER}/acts.yaml"),
        producer_types=_texts(names["loai_hinh_chu_the"], f"{FOLDER}/names.yaml"),
        genders=_texts(names["gioi_tinh"], f"{FOLDER}/names.yaml"),
        roles=_texts(names["vai_tro"], f"{FOLDER}/names.yaml"),
        levels=levels,
        ticks={
            box: _codes(types, f"{FOLDER}/form-02.yaml: o_danh_dau")
            for box, types in form["o_danh_dau"].items()
        },
        evidence=evidence,
        updates=_texts(form["cap_nhat"], f"{FOLDER}/form-02.yaml: cap_nhat"),
    )


# --- the procedure's other papers (issue 12) -------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProcedureWording:
    """``procedure.yaml``: the dossier lists of Điều 6.2 and 6.3 and the grounds of Điều 8.1."""

    commune_dossier: tuple[str, ...]  # Điều 6.2.b–d, sent with the commune's letter
    five_star_dossier: Mapping[str, tuple[str, ...]]  # "lan_dau" (6.3.a), "danh_gia_lai" (6.3.b)
    revocation_grounds: Mapping[str, str]  # Điều 8.1 letter → its text


@lru_cache(maxsize=1)
def procedure_wording() -> ProcedureWording:
    """The shipped ``procedure.yaml``, read once per process."""
    where = f"{FOLDER}/procedure.yaml"
    data = _read("procedure.yaml")
    try:
        return ProcedureWording(
            commune_dossier=_codes(data["ho_so_xa"], where),
            five_star_dossier={str(k): _codes(v, where) for k, v in data["ho_so_5_sao"].items()},
            revocation_grounds=_texts(data["thu_hoi"], where),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError("schema-unreadable", path=where, reason=repr(exc)) from exc


# --- the scoring sheet's header, per regime ----------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetHeader:
    """``scoring-sheet.yaml``: the header of a regime's scoring sheet as its annex prints it
    (QĐ 26/2026 Phụ lục II; QĐ 1048/QĐ-TTg Phụ lục III: the district's code, QĐ 124/2004)."""

    phu_de: str
    ma_so_trong: str
    chu_giai: str | None
    dien_thoai: bool


@lru_cache(maxsize=1)
def sheet_headers() -> Mapping[str, SheetHeader]:
    """The shipped ``scoring-sheet.yaml`` by regime code, read once per process."""
    where = f"{FOLDER}/scoring-sheet.yaml"
    data = _read("scoring-sheet.yaml")
    try:
        return {
            str(code): SheetHeader(
                phu_de=str(raw["phu_de"]),
                ma_so_trong=str(raw["ma_so_trong"]),
                chu_giai=str(raw["chu_giai"]) if raw.get("chu_giai") else None,
                dien_thoai=bool(raw["dien_thoai"]),
            )
            for code, raw in data.items()
        }
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError("schema-unreadable", path=where, reason=repr(exc)) from exc


def sheet_header(regime: str) -> SheetHeader:
    """The header of ``regime``'s sheet; QĐ 26/2026's for a regime the file does not list."""
    headers = sheet_headers()
    return headers.get(regime) or headers["26/2026"]


__all__ = [
    "EvidenceRow",
    "ProcedureWording",
    "SheetHeader",
    "Wording",
    "procedure_wording",
    "sheet_header",
    "sheet_headers",
    "wording",
]
