"""Scaffolding: a new, commented dossier for one product set (the library form of ``new``).

The file holds every key ``validate`` and the dossier's forms (Mẫu 01, Mẫu 02) read, each
with its meaning in the comment (Vietnamese, or English with ``lang="en"``; the keys stay
the data's own), so a cooperative fills in blanks instead of guessing keys (issue 12):

* ``""`` is a value to fill in: ``validate`` names each one left empty;
* an empty value (nothing after the colon) is optional and may stay empty;
* ``tai_lieu`` lists the documents a dossier cannot be filed without, one file each under
  ``tai-lieu/`` with a readable name; the other documents the set asks for (the 3-star
  floor, sector-law papers, the recommended ones) follow commented out, to be switched on
  when their file is in the folder. A listed file that is not there is an error, so none is
  listed that the producer may not have.

Nothing is ever overwritten unless asked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ocop_docs.catalogue import Lang, ui
from ocop_docs.errors import InputError
from ocop_docs.files import atomic_write_text
from ocop_docs.resources import load_data
from ocop_docs.rules.documents import document_name, document_types
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime, required_documents, rubric_regimes
from ocop_docs.scoring.rubric_files import load_rubric
from ocop_docs.validation.checks.rules import REEVALUATION_UPDATES

ATTACHMENT_FOLDER = "tai-lieu"
FILL = '""'  # a value to fill in
OPTIONAL = ""  # nothing after the colon: null, an optional value
COMMENT_COLUMN = 34

# The document levels in the order the file lists them (docs/dossier.md "Document levels").
LEVELS = ("bat_buoc", "sao_3", "theo_quy_dinh", "nen_co")
# The forms ocop-docs itself fills from this file (``ocop-docs render KIND``).
RENDERED_FORMS = {"phieu_dang_ky": "phieu-dang-ky", "bao_cao_tu_danh_gia": "bao-cao-tu-danh-gia"}
# Papers the Mẫu 02 evidence table names by number and date ("… số 07/2025, cấp ngày …"),
# besides the time-limited ones; a numbered IP paper ticks "nhãn hiệu" in Mẫu 02.
NUMBERED = frozenset(
    {
        "giay_dang_ky_kinh_doanh",
        "quyet_dinh_thanh_lap",
        "quyet_dinh_cong_nhan",
        "cong_bo_chat_luong",
        "phieu_kiem_nghiem",
        "so_huu_tri_tue",
    }
)


class _Lines:
    """The file being written: ``key: value    # comment`` lines, comments aligned."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.out: list[str] = []

    def text(self, key: str, **params: object) -> str:
        return ui(f"new.{key}", self.lang, **params)

    def comment(self, key: str, indent: int = 0, **params: object) -> None:
        for line in self.text(key, **params).splitlines():
            self.out.append(f"{'  ' * indent}# {line}".rstrip())

    def blank(self) -> None:
        self.out.append("")

    def key(
        self,
        indent: int,
        key: str,
        value: str = OPTIONAL,
        note: str | None = None,
        *,
        prefix: str = "",
        **params: object,
    ) -> None:
        line = f"{'  ' * indent}{prefix}{key}:" + (f" {value}" if value else "")
        if note is not None:
            line = f"{line.ljust(COMMENT_COLUMN - 1)} # {self.text(note, **params)}"
        self.out.append(line)

    def raw(self, line: str) -> None:
        self.out.append(line)


def attachment_file(number: int, code: str) -> str:
    """The file a listed document is expected in: ``tai-lieu/04-chung-nhan-attp.pdf``."""
    return f"{ATTACHMENT_FOLDER}/{number:02d}-{code.replace('_', '-')}.pdf"


def dossier_template(
    product_set: int,
    case: str = "lan_dau",
    regime_code: str = DEFAULT_REGIME,
    today: dt.date | None = None,
    lang: Lang = "vi",
) -> str:
    """The text of a new ``ho-so.yaml`` for ``product_set`` (see the module docstring)."""
    sets = product_sets()
    if product_set not in sets:
        raise InputError("new-set-out-of-range", value=product_set)
    ps = sets[product_set]
    rules = regime(regime_code)
    docs = required_documents(product_set, case, regime_code)
    year = (today or dt.date.today()).year
    samples = 0 if product_set in rules.samples_exempt_sets else rules.samples
    w = _Lines(lang)
    en = lang == "en"
    w.comment(
        "head",
        regime=rules.name_en if en else rules.name,
        so=ps.so,
        ten=ps.ten_en if en else ps.ten,
        nhom=ps.nhom,
        nhom_ten="" if en else f": {ps.nhom_ten}",
    )
    w.blank()
    w.raw(f'bo_tieu_chi: "{rules.code}"')
    w.key(0, "loai_danh_gia", case, "loai_danh_gia")
    w.key(0, "bo_san_pham", str(ps.so), "bo_san_pham")
    w.key(0, "ngay_nop", FILL, "ngay_nop")
    w.key(0, "nam_danh_gia", str(year), "nam_danh_gia")

    w.blank()
    w.key(0, "chu_the", note="chu_the")
    w.key(1, "ten", FILL, "ten_chu_the")
    types = "hop_tac_xa | to_hop_tac | doanh_nghiep | trang_trai | ho_san_xuat | ho_gia_dinh"
    if product_set == 26:
        types += " | hoi_hiep_hoi"
    w.key(1, "loai_hinh", "hop_tac_xa", "loai_hinh", types=types)
    w.key(1, "ma_so_thue", FILL, "ma_so_thue")
    w.key(1, "dia_chi", note="dia_chi")
    w.key(2, "so_nha", OPTIONAL, "so_nha")
    w.key(2, "thon", OPTIONAL, "thon")
    w.key(2, "xa", FILL, "xa")
    w.key(2, "tinh", FILL, "tinh")
    w.comment("dia_chi_cu", indent=2)
    w.key(2, "huyen", OPTIONAL, "huyen", prefix="# ")
    w.key(1, "dien_thoai", FILL, "dien_thoai")
    w.key(1, "email", OPTIONAL, "email")
    w.key(1, "ngay_thanh_lap", FILL, "ngay_thanh_lap")
    w.key(1, "so_dang_ky", OPTIONAL, "so_dang_ky")
    w.key(1, "lich_su", FILL, "lich_su")
    w.key(1, "co_cau_to_chuc", FILL, "co_cau_to_chuc")
    w.key(1, "nguoi_dai_dien", note="nguoi_dai_dien")
    w.key(2, "ho_ten", FILL, "ho_ten")
    w.key(2, "chuc_vu", FILL, "chuc_vu")
    w.key(2, "gioi_tinh", FILL, "gioi_tinh")
    w.key(2, "dan_toc", FILL, "dan_toc")
    w.key(2, "dia_chi_thuong_tru", OPTIONAL, "dia_chi_thuong_tru")
    w.key(2, "so_dinh_danh", OPTIONAL, "so_dinh_danh")
    w.key(2, "dien_thoai", OPTIONAL, "dien_thoai_nguoi_dai_dien")

    w.blank()
    w.key(0, "san_pham", note="san_pham")
    w.key(1, "ten", FILL, "ten_san_pham")
    w.key(1, "mo_ta", FILL, "mo_ta")
    w.key(1, "tieu_chuan", OPTIONAL, "tieu_chuan")
    w.key(1, "so_luong_mau", str(samples), "so_luong_mau")
    w.key(1, "ma_so", OPTIONAL, "ma_so")

    if case != "lan_dau":
        w.blank()
        w.key(0, "chung_nhan_truoc", note="chung_nhan_truoc")
        w.key(1, "so_quyet_dinh", FILL, "so_quyet_dinh")
        w.key(1, "ngay_quyet_dinh", FILL, "ngay_quyet_dinh")
        w.key(1, "co_quan", FILL, "co_quan")
        w.key(1, "hang_sao", "3", "hang_sao")
        w.key(1, "ngay_het_han", OPTIONAL, "ngay_het_han_gcn")

    w.blank()
    w.key(0, "bao_cao", note="bao_cao")
    w.key(1, "ket_qua_san_xuat", FILL, "ket_qua_san_xuat")
    w.key(1, "ke_hoach", FILL, "ke_hoach")
    if case == "nang_hang":
        w.key(1, "thay_doi", note="thay_doi")
        w.key(2, "noi_dung", FILL, "noi_dung_thay_doi", prefix="- ")
        w.key(3, "minh_chung", OPTIONAL, "minh_chung")
    if case == "danh_gia_lai":
        w.key(1, "cap_nhat", note="cap_nhat")
        titles = _update_titles()
        for key in REEVALUATION_UPDATES:
            w.key(2, key, FILL)
            title = titles.get(key, {}).get("x-title-en" if en else "title")
            if title:  # the schema's own field names (schemas/dossier/common.schema.json)
                w.out[-1] = f"{w.out[-1].ljust(COMMENT_COLUMN - 1)} # {title}"

    w.blank()
    _self_assessment(w, product_set, regime_code)

    if docs["theo_quy_dinh"]:
        w.blank()
        w.comment("khong_ap_dung")
        w.raw("# khong_ap_dung:")
        for code in docs["theo_quy_dinh"]:
            w.raw(f"#   - loai: {code}")
            w.raw('#     ly_do: ""')

    w.blank()
    w.comment("tai_lieu", folder=ATTACHMENT_FOLDER)
    w.raw("tai_lieu:")
    limited = {code for code, spec in document_types().items() if spec.get("thoi_han")}
    number = 0
    for level in LEVELS:
        if not docs[level]:
            continue
        w.comment(f"muc.{level}", indent=1)
        for code in docs[level]:
            number += 1
            file = attachment_file(number, code)
            first = len(w.out)
            if code in RENDERED_FORMS:
                docx = file.removesuffix(".pdf") + ".docx"
                w.comment("made_by", indent=1, kind=RENDERED_FORMS[code], file=docx)
            w.raw(f"  - loai: {code}".ljust(COMMENT_COLUMN - 1) + f" # {document_name(code, lang)}")
            w.key(2, "tep", file)
            if code in limited or code in NUMBERED:
                w.key(2, "so", OPTIONAL, "so_giay")
                w.key(2, "ngay_cap", OPTIONAL, "ngay_cap")
            if code in limited:
                w.key(2, "ngay_het_han", FILL, "ngay_het_han")
            if level != "bat_buoc":
                # "  # - loai: …" / "  #   tep: …": deleting "# " gives the entry back.
                w.out[first:] = [
                    line if line.lstrip().startswith("#") else f"  # {line[2:]}"
                    for line in w.out[first:]
                ]
    return "\n".join(w.out) + "\n"


def _self_assessment(w: _Lines, product_set: int, regime_code: str) -> None:
    """``tu_danh_gia``: one line per criterion of the set's rubric, in rubric order."""
    if regime_code not in rubric_regimes():
        w.comment("tu_danh_gia_none", regime=regime_code)
        return
    rubric = load_rubric(product_set, regime_code)
    w.key(0, "tu_danh_gia", note="tu_danh_gia", so=product_set)
    w.key(1, "chon")
    for part in rubric.phan:
        for group in part.muc:
            for c in group.tieu_chi:
                w.key(2, f'"{c.so}"', OPTIONAL, "tieu_chi", diem=c.diem, n=len(c.lua_chon))
                if w.lang == "vi":  # the criterion's name is the rubric's own (Vietnamese) text
                    w.out[-1] += f" — {_short(c.ten)}"


def _update_titles() -> dict[str, dict[str, str]]:
    schema = load_data("dossier/common.schema.json")
    props: dict[str, dict[str, str]] = schema["$defs"]["bao_cao"]["properties"]["cap_nhat"][
        "properties"
    ]
    return props


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def new_dossier(
    folder: Path,
    product_set: int,
    case: str = "lan_dau",
    regime_code: str = DEFAULT_REGIME,
    overwrite: bool = False,
    lang: Lang = "vi",
) -> Path:
    """Create ``folder/ho-so.yaml`` and ``folder/tai-lieu/``; refuses to overwrite."""
    target = folder / "ho-so.yaml"
    if target.exists() and not overwrite:
        raise InputError("output-exists", path=str(target))
    text = dossier_template(product_set, case, regime_code, lang=lang)
    (folder / ATTACHMENT_FOLDER).mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, text)
    return target
