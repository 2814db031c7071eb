"""Tờ trình của UBND cấp xã đề nghị đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026 Điều
6.2.a, 7.2.b): the commune's proposal letter to the province, with its list of dossiers.

One letter per commune of a round: ``--product K`` gives the letter of K's commune, listing
every product of the round from that commune (the producer's commune in its dossier, else
the commune of its Mẫu 03). Its number, date and signer come from the round's
``van_ban_xa`` entry for the commune; without one, the signer of the commune's Mẫu 03
(``danh_gia_xa.nguoi_ky``) signs and the number and date are left to write by hand.
Before any round exists, a commune makes the same letter from its producers' dossiers
(:func:`from_dossiers`: ``ocop-docs render de-nghi-xa DOSSIERS… --thong-tin FILE``), the
letter's own fields in a small YAML (``schemas/de-nghi-xa.schema.json``,
``samples/de-nghi-xa/``). Template ``templates/de-nghi-xa.docx``, schema
``schemas/contexts/de-nghi-xa.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue
from ocop_docs.production.contexts import letters
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.inputs import read_data_file, read_dossier_data
from ocop_docs.production.printing import CHAM, bare_name, format_address, header_name, punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.wording import procedure_wording, wording
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.text.dates import parse_date
from ocop_docs.text.official import pad2
from ocop_docs.validation.loading import dossier_folders, is_dossier_folder
from ocop_docs.validation.pipeline import validate_dossier
from ocop_docs.validation.report import DossierReport


def _entry(rnd: Round, commune: str) -> dict[str, Any]:
    """The round's ``van_ban_xa`` entry for ``commune``, or {}."""
    for raw in (rnd.data or {}).get("van_ban_xa") or []:
        if letters.same_name(str(raw.get("xa", "")), commune):
            return dict(raw)
    return {}


def wanted(rnd: Round, product: ProductResult | None) -> bool:
    """A letter for the commune of ``product`` when the round names the commune and its
    signer (a ``van_ban_xa`` entry, or a Mẫu 03 of one of its products)."""
    if not letters.procedure_round(rnd):
        return False
    if product is None:
        return True
    commune = letters.commune_of(product)
    if commune is None:
        return False
    members = letters.same_group(rnd.products, commune, letters.commune_of)
    return bool(_entry(rnd, commune).get("nguoi_ky")) or any(
        (p.inline.get("danh_gia_xa") or {}).get("nguoi_ky") for p in members
    )


def commune_letter(rnd: Round, ctx: dict[str, Any], product: ProductResult) -> Built:
    data = rnd.data or {}
    letters.require_procedure(rnd, "de-nghi-xa")
    commune = letters.commune_of(product)
    if commune is None:
        raise InputError("render-no-commune", product=product.ten)
    members = letters.same_group(rnd.products, commune, letters.commune_of)
    entry = _entry(rnd, commune)
    signer_raw = entry.get("nguoi_ky") or next(
        (
            (p.inline.get("danh_gia_xa") or {}).get("nguoi_ky")
            for p in members
            if (p.inline.get("danh_gia_xa") or {}).get("nguoi_ky")
        ),
        None,
    )
    if not signer_raw:
        raise InputError("render-no-commune-letter", commune=commune)
    products = [
        Proposed(p.ten, p.chu_the, letters.producer_address(p), p.bo_san_pham, letters.case_of(p))
        for p in members
    ]
    ctx = dict(ctx)
    ctx["van_ban_xa"] = letter_context(
        commune,
        products,
        {**entry, "nguoi_ky": signer_raw},
        kinh_gui=str(data["co_quan"]["ten"]),
        office=str(letters.office(data)["ten"]),
        period=letters.period(ctx),
    )
    return Built(ctx, document_day(entry.get("ngay")))


@dataclass(frozen=True, slots=True)
class Proposed:
    """A product the commune proposes: a row of the letter's list of dossiers."""

    ten: str
    chu_the: str
    dia_chi: str
    bo_san_pham: int | None
    case: str  # lan_dau | nang_hang | danh_gia_lai


def letter_context(
    commune: str,
    products: Sequence[Proposed],
    entry: Mapping[str, Any],
    *,
    kinh_gui: str,
    office: str,
    period: str,
) -> dict[str, Any]:
    """The ``van_ban_xa`` context of a commune's letter: ``entry`` holds the letter's own
    fields (a round's ``van_ban_xa`` item, or the ``--thong-tin`` file), its ``nguoi_ky``
    given; ``kinh_gui`` and ``office`` the default recipient and copy."""
    sets = product_sets()
    rows = []
    for i, p in enumerate(products, start=1):
        chosen = sets.get(p.bo_san_pham) if p.bo_san_pham else None
        rows.append(
            {
                "stt": str(i),
                "ten": p.ten,
                "chu_the": p.chu_the,
                "dia_chi": p.dia_chi,
                "bo_san_pham": f"{chosen.so}. {chosen.ten}" if chosen else "",
                "hinh_thuc": letters.CASES.get(p.case, letters.CASES["lan_dau"]),
            }
        )
    return {
        "xa": commune,
        "ten_in_hoa": header_name(f"Ủy ban nhân dân {commune}"),
        "so": letters.number(entry.get("so"), "TTr-UBND"),
        "ngay_dong": letters.dated(entry.get("dia_danh") or bare_name(commune), entry.get("ngay")),
        "kinh_gui": str(entry.get("kinh_gui") or kinh_gui),
        "trich_yeu": str(
            entry.get("trich_yeu") or f"Về việc đề nghị đánh giá, phân hạng sản phẩm OCOP {period}"
        ),
        "san_pham": rows,
        "so_san_pham": pad2(len(rows)),
        "ho_so": punctuate(procedure_wording().commune_dossier),
        "nguoi_ky": letters.signer(entry["nguoi_ky"], "TM. ỦY BAN NHÂN DÂN"),
        "noi_nhan": letters.recipients(entry.get("noi_nhan"), ["Như trên", office, "Lưu: VT"]),
    }


# --- the letter from the commune's own dossiers, before any round exists ---------------------

DETAILS_SCHEMA = "de-nghi-xa.schema.json"  # the letter's own fields (--thong-tin)
# The regime whose procedure has this letter (Điều 6.2.a, 7.2.b of QĐ 26/2026/QĐ-TTg).
REGIME = letters.PROCEDURE_REGIME


def read_details(path: Path | None) -> tuple[dict[str, Any], list[Issue]]:
    """The letter's own fields (number, date, signer, recipients) from ``--thong-tin``, NFC,
    and their warnings; an input error naming every problem when the file is not valid."""
    if path is None:
        raise InputError("commune-letter-details-missing")
    return read_data_file(path, DETAILS_SCHEMA, "commune-letter-details-invalid")


def _dossier_paths(paths: Sequence[Path]) -> list[Path]:
    """Each dossier the inputs name: a dossier (folder or ho-so file) as it is, a folder
    of dossiers as every dossier below it (as ``validate DIR`` reads it); in order, once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink() and not is_dossier_folder(path):
            try:
                below = dossier_folders(path)
            except OSError:
                below = []
            if not below:
                raise InputError("commune-letter-no-dossiers", path=str(path))
            found.extend(below)
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _checked(paths: Sequence[Path]) -> list[DossierReport]:
    """Every dossier validated as ``ocop-docs validate`` does; an input error listing each
    one that is not valid (a letter never proposes a dossier the check refuses)."""
    reports = [validate_dossier(p) for p in paths]
    bad = [r for r in reports if not r.valid]
    if bad:

        def listed(lang: Lang) -> str:
            parts = []
            for r in bad:
                first = next(i for i in r.issues if i.severity == "error")
                more = f" (+{r.errors - 1})" if r.errors > 1 else ""
                parts.append(f"«{r.source}»: {first.message(lang)}{more}")
            return "; ".join(parts)

        raise InputError(
            "commune-letter-dossiers-invalid",
            issues=[i for r in bad for i in r.issues if i.severity == "error"],
            count=len(bad),
            total=len(reports),
            dossiers=listed("vi"),
            dossiers_en=listed("en"),
            first=bad[0].source,
        )
    old = [r for r in reports if r.regime != REGIME]
    if old:
        raise InputError(
            "commune-letter-regime", path=old[0].source, regime=str(old[0].regime), current=REGIME
        )
    return reports


def _commune(reports: Sequence[DossierReport]) -> tuple[str, str]:
    """The one commune (today's unit, former units mapped) all dossiers are from, and its
    province: "xã Côn Minh", "tỉnh Thái Nguyên" (Điều 7.2: a commune proposes its own)."""
    by_commune: dict[Any, list[DossierReport]] = {}
    for r in reports:
        address = r.address or {}
        if not address.get("commune_code") or not address.get("current"):
            raise InputError("commune-letter-no-commune", path=r.source)
        by_commune.setdefault(address["commune_code"], []).append(r)
    if len(by_commune) > 1:
        groups = "; ".join(
            f"{str((rs[0].address or {})['current']).split(', ')[0]}: "
            + ", ".join(f"«{r.source}»" for r in rs)
            for rs in by_commune.values()
        )
        raise InputError("commune-letter-many-communes", n=len(by_commune), communes=groups)
    current = str((reports[0].address or {})["current"])
    commune, _, province = current.partition(", ")
    return commune, province


def from_dossiers(paths: Sequence[Path], details: Path | None) -> Built:
    """The commune's proposal letter from its producers' dossiers (``render de-nghi-xa
    DOSSIERS… --thong-tin FILE``): a commune writes it before the province opens a round
    (Điều 7.2.b), so nothing here needs a round file. Every dossier is validated; they must
    all be of one commune; ``details`` gives the letter's number, date, signer, recipients."""
    folders = _dossier_paths(paths)
    if not folders:
        raise InputError("commune-letter-no-dossiers", path=", ".join(str(p) for p in paths))
    entry, warnings = read_details(details)
    reports = _checked(folders)
    commune, province = _commune(reports)
    given = entry.get("xa")
    if given and not letters.same_name(str(given), commune):
        raise InputError("commune-letter-commune-mismatch", given=str(given), commune=commune)
    products = []
    for folder, report in zip(folders, reports, strict=True):
        data, _issues, _file = read_dossier_data(folder)
        chu_the = (data or {}).get("chu_the") or {}
        products.append(
            Proposed(
                str(report.product or ""),
                str(report.producer or ""),
                format_address(chu_the.get("dia_chi")),
                report.product_set,
                str(report.case or "lan_dau"),
            )
        )
    day = parse_date(entry.get("ngay"))
    year = (day or dt.date.today()).year
    words = wording()
    ctx: dict[str, Any] = {
        "cham": CHAM,
        "bo_tieu_chi": REGIME,
        "van_ban_bo_tieu_chi": words.act(REGIME),
        "nam": year,
        "ten_dot": str(entry.get("ten_dot") or f"năm {year}"),
        "cap": "tinh",
        "cap_chu": words.levels["tinh"]["vi"],
    }
    ctx["van_ban_xa"] = letter_context(
        commune,
        products,
        entry,
        kinh_gui=f"Ủy ban nhân dân {province}",
        office=f"Sở Nông nghiệp và Môi trường {province}",  # DEFAULT_OFFICE, of this province
        period=letters.period(ctx),
    )
    return Built(ctx, document_day(entry.get("ngay")), warnings)


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    assert product is not None  # a per-commune kind: the commune of this product
    return commune_letter(rnd, base, product)


KIND = Kind(
    "de-nghi-xa",
    "Tờ trình của UBND cấp xã đề nghị đánh giá, phân hạng sản phẩm OCOP",
    "The commune's letter proposing its products for evaluation",
    per_product=True,
    from_round=build,
    group=letters.commune_of,
    wanted=wanted,
    from_dossiers=from_dossiers,
)

__all__ = [
    "DETAILS_SCHEMA",
    "KIND",
    "Proposed",
    "build",
    "commune_letter",
    "from_dossiers",
    "letter_context",
    "read_details",
    "wanted",
]
