"""Regenerate tests/acceptance/examples/: one folder per case, each a dossier variant.

Each example holds the dossier file(s) and ``expected.yaml``:
  exit_code: the CLI's exit code;
  codes:     the exact set of issue codes the report must contain;
  files:     attachments to materialise in a temporary copy (path → fixture name from
             tests/acceptance/fixtures/, or "empty", "dir", "symlink:TARGET", "big:BYTES");
  args:      extra CLI arguments.
The base dossier (set 23, flowers) validates cleanly; every other example changes one thing.
Run: python tests/acceptance/build_examples.py
"""

from __future__ import annotations

import copy
import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from ocop_docs.validation.checks.rules import REEVALUATION_UPDATES

HERE = Path(__file__).parent / "examples"

BASE: dict[str, Any] = {
    "bo_tieu_chi": "26/2026",
    "loai_danh_gia": "lan_dau",
    "bo_san_pham": 23,
    "ngay_nop": "2026-10-05",
    "chu_the": {
        "ten": "Trang trại hoa lan Côn Minh",
        "loai_hinh": "trang_trai",
        "ma_so_thue": "4799990081",
        "dia_chi": {"thon": "Thôn Bản Đính", "xa": "xã Côn Minh", "tinh": "tỉnh Thái Nguyên"},
        "dien_thoai": "0912 000 109",
        "email": "lan.conminh@example.vn",
        "ngay_thanh_lap": "2021-01-05",
        "nguoi_dai_dien": {
            "ho_ten": "Triệu Văn Minh",
            "chuc_vu": "Chủ trang trại",
            "gioi_tinh": "nam",
            "dan_toc": "Dao",
            "so_dinh_danh": "006086000109",
        },
    },
    "san_pham": {"ten": "Lan hài Côn Minh", "so_luong_mau": 5},
    "tai_lieu": [
        {"loai": "phieu_dang_ky", "tep": "tai-lieu/01.pdf"},
        {"loai": "bao_cao_tu_danh_gia", "tep": "tai-lieu/02.pdf"},
        {"loai": "giay_dang_ky_kinh_doanh", "tep": "tai-lieu/03.pdf"},
        {"loai": "so_huu_tri_tue", "tep": "tai-lieu/04.pdf"},
        {"loai": "cau_chuyen_san_pham", "tep": "tai-lieu/05.pdf"},
        {"loai": "thi_truong", "tep": "tai-lieu/06.jpg"},
        # 3-star floors of set 23 (issue 11): the label shows on the photographs; the
        # internal control plan of criterion 8.
        {"loai": "hinh_anh", "tep": "tai-lieu/13.jpg"},
        {"loai": "ke_hoach_kiem_soat_noi_bo", "tep": "tai-lieu/14.pdf"},
    ],
}
BASE_FILES = {
    "tai-lieu/01.pdf": "ok.pdf",
    "tai-lieu/02.pdf": "two-pages.pdf",
    "tai-lieu/03.pdf": "ok.pdf",
    "tai-lieu/04.pdf": "ok.pdf",
    "tai-lieu/05.pdf": "ok.pdf",
    "tai-lieu/06.jpg": "ok.jpg",
    "tai-lieu/13.jpg": "ok.jpg",
    "tai-lieu/14.pdf": "ok.pdf",
}

FOOD_DOCS = [
    {
        "loai": "chung_nhan_attp",
        "tep": "tai-lieu/07.pdf",
        "ngay_cap": "2025-03-31",
        "ngay_het_han": "2028-03-31",
    },
    {"loai": "cong_bo_chat_luong", "tep": "tai-lieu/08.pdf"},
    {"loai": "phieu_kiem_nghiem", "tep": "tai-lieu/09.png"},
]
FOOD_FILES = {"tai-lieu/07.pdf": "ok.pdf", "tai-lieu/08.pdf": "ok.pdf", "tai-lieu/09.png": "ok.png"}
PREV_DOCS = [
    {"loai": "quyet_dinh_cong_nhan", "tep": "tai-lieu/10.pdf"},
    {"loai": "giay_chung_nhan_ocop", "tep": "tai-lieu/11.pdf"},
]
PREV_FILES = {"tai-lieu/10.pdf": "ok.pdf", "tai-lieu/11.pdf": "ok.pdf", "tai-lieu/12.pdf": "ok.pdf"}


def food(data: dict[str, Any]) -> dict[str, Any]:
    data["bo_san_pham"] = 2
    data["tai_lieu"] += copy.deepcopy(FOOD_DOCS)
    return data


def write(
    name: str,
    data: Any,
    *,
    codes: list[str],
    exit_code: int = 1,
    files: dict[str, str] | None = None,
    args: list[str] | None = None,
    filename: str = "ho-so.yaml",
    raw: bytes | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    folder = HERE / name
    folder.mkdir(parents=True)
    if raw is not None:
        (folder / filename).write_bytes(raw)
    elif data is not None:
        if filename.endswith(".json"):
            text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        else:
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / filename).write_text(text, encoding="utf-8")
    expected: dict[str, Any] = {"exit_code": exit_code, "codes": sorted(set(codes))}
    expected["files"] = BASE_FILES if files is None else files
    if args:
        expected["args"] = args
    if extra:
        expected.update(extra)
    (folder / "expected.yaml").write_text(
        yaml.safe_dump(expected, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def variant(change: Any = None) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    if change:
        result = change(data)
        if result is not None:
            data = result
    return data


def setitem(path: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


_DELETE = object()


def build() -> None:
    from ocop_docs.text.legacy import encode_tcvn3

    if HERE.exists():
        shutil.rmtree(HERE)
    HERE.mkdir()
    F = {**BASE_FILES, **FOOD_FILES}
    write("valid-base", variant(), codes=[], exit_code=0)
    write("valid-json", variant(), codes=[], exit_code=0, filename="ho-so.json")
    write("valid-food", variant(food), codes=[], exit_code=0, files=F)
    # loading
    write("dossier-not-found", None, codes=["dossier-not-found"], files={})
    (HERE / "dossier-not-found" / "README.txt").write_text(
        "Thư mục không có ho-so.yaml.\n", encoding="utf-8"
    )
    write("dossier-file-ambiguous", variant(), codes=["dossier-file-ambiguous"], exit_code=0)
    (HERE / "dossier-file-ambiguous" / "ho-so.json").write_text(
        json.dumps(variant(), ensure_ascii=False), encoding="utf-8"
    )
    write("file-too-large", None, codes=["file-too-large"], files={"ho-so.yaml": "big:1100000"})
    write("file-binary", None, codes=["file-binary"], raw=b"bo_san_pham: 23\n\x00\x01\x02binary")
    cp1258 = yaml.safe_dump(variant(), allow_unicode=True, sort_keys=False)
    write(
        "file-not-utf8",
        None,
        codes=["file-not-utf8"],
        raw=unicodedata.normalize("NFD", cp1258).encode("cp1258", errors="replace"),
    )
    write(
        "yaml-syntax",
        None,
        codes=["yaml-syntax"],
        raw=b"bo_san_pham: 23\nchu_the:\n  ten: A\n ma_so_thue: 1\n",
    )
    write(
        "json-syntax",
        None,
        codes=["json-syntax"],
        filename="ho-so.json",
        raw=b'{"bo_san_pham": 23, "chu_the": {"ten": "A",}}',
    )
    write(
        "yaml-duplicate-key",
        None,
        codes=["yaml-duplicate-key"],
        raw=b"bo_san_pham: 23\nngay_nop: 2026-10-05\nbo_san_pham: 24\n",
    )
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    write("yaml-too-complex", None, codes=["yaml-too-complex"], raw=bomb.encode())
    write("dossier-not-mapping", None, codes=["dossier-not-mapping"], raw="- một\n- hai\n".encode())
    # hostile values and files (issue 9): findings with their place, the other checks go on
    write(
        "file-symlink", None, codes=["file-symlink"], files={"ho-so.yaml": "symlink:/etc/hostname"}
    )
    write("dossier-null", None, codes=["dossier-not-mapping"], raw=b"~\n")
    write(
        "number-not-finite",
        variant(setitem("san_pham.so_luong_mau", float("nan"))),
        codes=["number-not-finite", "schema-type"],
    )
    write(
        "number-too-long",
        variant(setitem("san_pham.so_luong_mau", 10**400)),
        codes=["number-too-long", "schema-type"],
    )
    write(
        "text-control-character",
        variant(setitem("san_pham.ten", "Lan hài \x1b[2J\x1b]0;x\x07Côn Minh")),
        codes=["text-control-character"],
    )
    write(
        "text-surrogate",
        None,
        codes=["text-surrogate"],
        filename="ho-so.json",
        raw=json.dumps(variant(setitem("san_pham.ten", "Lan hài \ud800"))).encode(),
    )
    base_text = yaml.safe_dump(variant(), allow_unicode=True, sort_keys=False)
    assert "ngay_nop: '2026-10-05'" in base_text
    impossible = base_text.replace("ngay_nop: '2026-10-05'", "ngay_nop: 2026-02-30")
    write("date-impossible", None, codes=["date-invalid"], raw=impossible.encode())
    # schema
    write("schema-required", variant(setitem("san_pham.ten", _DELETE)), codes=["schema-required"])
    write("schema-type", variant(setitem("ngay_nop", 20261005)), codes=["schema-type"])
    write("schema-enum", variant(setitem("loai_danh_gia", "lan_hai")), codes=["schema-enum"])
    write("schema-range", variant(setitem("san_pham.so_luong_mau", -1)), codes=["schema-range"])
    write("schema-length", variant(setitem("chu_the.ten", "")), codes=["schema-length"])
    write("schema-format", variant(setitem("san_pham.ma_so", "ma-so-sai")), codes=["schema-format"])
    write(
        "schema-unknown-field",
        variant(setitem("ghi_chu_rieng", "x")),
        codes=["schema-unknown-field"],
        exit_code=0,
    )
    # People's spellings (issue 12): a near miss of a key is named; choices written as
    # words and Windows paths are read.
    write(
        "schema-unknown-field-similar",
        variant(setitem("san_pham.tieu_chuann", "TCCS 01:2025/TTHL")),
        codes=["schema-unknown-field-similar"],
        exit_code=0,
    )
    write(
        "attachment-path-backslash",
        variant(setitem("tai_lieu.0.tep", "tai-lieu\\01.pdf")),
        codes=["attachment-path-backslash"],
        exit_code=0,
    )

    def in_words(data: dict[str, Any]) -> None:
        data["chu_the"]["nguoi_dai_dien"]["gioi_tinh"] = "Nam"
        data["loai_danh_gia"] = "lần đầu"
        data["chu_the"]["dien_thoai"] = "0912 000 109, 0209 3 888 999"

    write("spelling-choices-in-words", variant(in_words), codes=[], exit_code=0)
    write(
        "schema-property-names",
        variant(setitem("tu_danh_gia", {"chon": {"mot": 1}})),
        codes=["schema-format"],
    )
    write("date-invalid", variant(setitem("ngay_nop", "31/02/2026")), codes=["date-invalid"])
    write(
        "tax-code-invalid",
        variant(setitem("chu_the.ma_so_thue", "12345")),
        codes=["tax-code-invalid"],
    )
    write(
        "tax-code-check-digit",
        variant(setitem("chu_the.ma_so_thue", "4799990082")),
        codes=["tax-code-check-digit"],
    )
    write(
        "id-number-invalid",
        variant(setitem("chu_the.nguoi_dai_dien.so_dinh_danh", "999086000109")),
        codes=["id-number-invalid"],
    )
    write("phone-invalid", variant(setitem("chu_the.dien_thoai", "12345")), codes=["phone-invalid"])
    write("email-invalid", variant(setitem("chu_the.email", "lan@")), codes=["email-invalid"])
    # text
    write(
        "text-legacy-encoding",
        variant(setitem("chu_the.ten", encode_tcvn3("Trang trại hoa lan Côn Minh"))),
        codes=["text-legacy-encoding"],
    )
    write(
        "text-not-nfc",
        variant(setitem("san_pham.ten", unicodedata.normalize("NFD", "Lan hài Côn Minh"))),
        codes=["text-not-nfc"],
        exit_code=0,
    )

    # attachments
    def tep(index: int, path: str) -> Any:
        return setitem(f"tai_lieu.{index}.tep", path)

    write(
        "attachment-path-absolute",
        variant(tep(2, "/etc/hostname")),
        codes=["attachment-path-absolute"],
    )
    write(
        "attachment-path-escapes",
        variant(tep(2, "../../bi-mat.pdf")),
        codes=["attachment-path-escapes"],
    )
    write(
        "attachment-symlink-escapes",
        variant(tep(2, "tai-lieu/lien-ket.pdf")),
        codes=["attachment-path-escapes"],
        files={**BASE_FILES, "tai-lieu/lien-ket.pdf": "symlink:/etc/hostname"},
    )
    write(
        "attachment-symlink",
        variant(tep(2, "tai-lieu/lien-ket-trong.pdf")),
        codes=["attachment-symlink"],
        files={**BASE_FILES, "tai-lieu/lien-ket-trong.pdf": "symlink:01.pdf"},
    )
    write(
        "attachment-missing", variant(tep(2, "tai-lieu/khong-co.pdf")), codes=["attachment-missing"]
    )
    write(
        "attachment-not-file",
        variant(tep(2, "tai-lieu/thu-muc.pdf")),
        codes=["attachment-not-file"],
        files={**BASE_FILES, "tai-lieu/thu-muc.pdf": "dir"},
    )
    write(
        "attachment-empty",
        variant(),
        codes=["attachment-empty"],
        files={**BASE_FILES, "tai-lieu/03.pdf": "empty"},
    )
    write(
        "attachment-too-large",
        variant(),
        codes=["attachment-too-large"],
        args=["--max-size", "8KB"],
        files={**BASE_FILES, "tai-lieu/03.pdf": "big:20000"},
    )
    write(
        "attachment-pdf-corrupt",
        variant(),
        codes=["attachment-pdf-corrupt"],
        files={**BASE_FILES, "tai-lieu/03.pdf": "corrupt.pdf"},
    )
    write(
        "attachment-pdf-encrypted",
        variant(),
        codes=["attachment-pdf-encrypted"],
        files={**BASE_FILES, "tai-lieu/03.pdf": "encrypted.pdf"},
    )
    write(
        "attachment-pdf-no-pages",
        variant(),
        codes=["attachment-pdf-no-pages"],
        files={**BASE_FILES, "tai-lieu/03.pdf": "empty.pdf"},
    )
    write(
        "attachment-image-corrupt",
        variant(tep(5, "tai-lieu/06.png")),
        codes=["attachment-image-corrupt"],
        files={**BASE_FILES, "tai-lieu/06.png": "broken.png"},
    )
    write(
        "attachment-type-mismatch",
        variant(),
        codes=["attachment-type-mismatch"],
        files={**BASE_FILES, "tai-lieu/03.pdf": "png-named.pdf"},
    )
    write(
        "attachment-unsupported-type",
        variant(tep(5, "tai-lieu/06.txt")),
        codes=["attachment-unsupported-type"],
        exit_code=0,
        files={**BASE_FILES, "tai-lieu/06.txt": "notes.txt"},
    )

    # documents and rules
    def drop(loai: str) -> Any:
        def change(data: dict[str, Any]) -> None:
            data["tai_lieu"] = [d for d in data["tai_lieu"] if d["loai"] != loai]

        return change

    write("document-missing", variant(drop("giay_dang_ky_kinh_doanh")), codes=["document-missing"])
    write(
        "document-recommended",
        # set 24: no `***` on the market criterion, so market evidence is only recommended
        variant(lambda d: drop("thi_truong")(d) or d.update(bo_san_pham=24)),
        codes=["document-recommended"],
        exit_code=0,
    )

    def attp(**fields: Any) -> Any:
        def change(data: dict[str, Any]) -> None:
            food(data)
            entry = next(d for d in data["tai_lieu"] if d["loai"] == "chung_nhan_attp")
            for key, value in fields.items():
                if value is _DELETE:
                    entry.pop(key, None)
                else:
                    entry[key] = value

        return change

    write(
        "document-substitute",
        variant(attp(loai="cam_ket_attp", ngay_het_han=_DELETE)),
        codes=["document-substitute"],
        exit_code=0,
        files=F,
    )
    write(
        "document-expired",
        variant(attp(ngay_het_han="2026-01-01")),
        codes=["document-expired"],
        files=F,
    )
    write(
        "document-expires-soon",
        variant(attp(ngay_het_han="2026-11-20")),
        codes=["document-expires-soon"],
        exit_code=0,
        files=F,
    )
    write(
        "document-expiry-unknown",
        variant(attp(ngay_het_han=_DELETE)),
        codes=["document-expiry-unknown"],
        exit_code=0,
        files=F,
    )
    write(
        "document-dates-inverted",
        variant(attp(ngay_cap="2028-04-01")),
        codes=["document-dates-inverted"],
        files=F,
    )
    write(
        "document-issued-after-filing",
        variant(attp(ngay_cap="2026-10-06")),
        codes=["document-issued-after-filing"],
        files=F,
    )
    write(
        "samples-insufficient",
        variant(setitem("san_pham.so_luong_mau", 3)),
        codes=["samples-insufficient"],
    )

    def tourism(data: dict[str, Any]) -> None:
        data["bo_san_pham"] = 26
        data["tai_lieu"] = [d for d in data["tai_lieu"] if d["loai"] != "cau_chuyen_san_pham"]

    write("samples-not-required", variant(tourism), codes=["samples-not-required"], exit_code=0)
    write(
        "producer-not-eligible",
        variant(setitem("chu_the.loai_hinh", "hoi_hiep_hoi")),
        codes=["producer-not-eligible"],
    )
    write(
        "founded-after-filing",
        variant(setitem("chu_the.ngay_thanh_lap", "2026-10-06")),
        codes=["founded-after-filing"],
    )
    write(
        "filing-date-future",
        variant(setitem("ngay_nop", "2099-01-05")),
        codes=["filing-date-future"],
        exit_code=0,
    )
    write(
        "regime-date-mismatch",
        variant(setitem("ngay_nop", "2025-10-05")),
        codes=["regime-date-mismatch"],
        exit_code=0,
    )

    def previous(
        case: str,
        stars: int = 3,
        decided: str = "2024-03-15",
        filed: str | None = None,
        give: bool = True,
        updates: bool = True,
        proofs: tuple[str, ...] | None = None,
    ) -> Any:
        def change(data: dict[str, Any]) -> None:
            data["loai_danh_gia"] = case
            data["tai_lieu"] += copy.deepcopy(PREV_DOCS)
            if case == "danh_gia_lai":
                data["tai_lieu"].append({"loai": "bao_cao_tai_chinh", "tep": "tai-lieu/12.pdf"})
                if updates:
                    data["bao_cao"] = {"cap_nhat": dict.fromkeys(REEVALUATION_UPDATES, "…")}
            elif updates:
                data["bao_cao"] = {
                    "thay_doi": [{"noi_dung": "Bao bì mới", "minh_chung": "hinh_anh"}]
                }
            if proofs is not None:
                data["tai_lieu"] = [
                    d
                    for d in data["tai_lieu"]
                    if d["loai"] not in {"quyet_dinh_cong_nhan", "giay_chung_nhan_ocop"}
                    or d["loai"] in proofs
                ]
            if give:
                data["chung_nhan_truoc"] = {
                    "so_quyet_dinh": "412/QĐ-UBND",
                    "ngay_quyet_dinh": decided,
                    "hang_sao": stars,
                }
            if filed:
                data["ngay_nop"] = filed

        return change

    P = {**BASE_FILES, **PREV_FILES}
    write("valid-upgrade", variant(previous("nang_hang")), codes=[], exit_code=0, files=P)
    write(
        "valid-reevaluation",
        variant(previous("danh_gia_lai", filed="2026-10-20")),
        codes=[],
        exit_code=0,
        files=P,
    )
    write(
        "previous-certificate-missing",
        variant(previous("nang_hang", give=False)),
        codes=["previous-certificate-missing", "document-expiry-unknown"],
        files=P,
    )
    write(
        "upgrade-from-top",
        variant(previous("nang_hang", stars=5)),
        codes=["upgrade-from-top"],
        files=P,
    )
    write(
        "reevaluation-too-early",
        variant(previous("danh_gia_lai", filed="2026-06-01")),
        codes=["reevaluation-too-early"],
        files=P,
    )
    write(
        "reevaluation-late",
        variant(previous("danh_gia_lai", decided="2023-01-20", filed="2026-06-01")),
        codes=["reevaluation-late"],
        exit_code=0,
        files=P,
    )
    write(
        "previous-certificate-lapsed",
        variant(previous("danh_gia_lai", decided="2022-11-15", filed="2026-06-10")),
        codes=["previous-certificate-lapsed"],
        files=P,
    )

    # document levels (issue 11)
    def issued_by(issuer: str) -> Any:
        def change(data: dict[str, Any]) -> None:
            previous("nang_hang")(data)
            data["chung_nhan_truoc"]["co_quan"] = issuer

        return change

    # A 3★ of 15/3/2024 (QĐ 148, before QĐ 1489) was a district decision.
    write(
        "previous-certificate-issuer",
        variant(issued_by("UBND tỉnh Bắc Kạn")),
        codes=["previous-certificate-issuer"],
        exit_code=0,
        files=P,
    )
    write(
        "valid-previous-certificate-issuer",
        variant(issued_by("UBND huyện Na Rì")),
        codes=[],
        exit_code=0,
        files=P,
    )
    write(
        "valid-upgrade-one-proof",
        variant(previous("nang_hang", proofs=("giay_chung_nhan_ocop",))),
        codes=[],
        exit_code=0,
        files=P,
    )
    write(
        "upgrade-changes-missing",
        variant(previous("nang_hang", updates=False)),
        codes=["upgrade-changes-missing"],
        exit_code=0,
        files=P,
    )
    write(
        "reevaluation-updates-missing",
        variant(previous("danh_gia_lai", filed="2026-10-20", updates=False)),
        codes=["reevaluation-updates-missing"],
        exit_code=0,
        files=P,
    )
    # Expiry 10/01/2027: the window (14/7–12/9/2026) opened after QĐ 26/2026 took effect, so
    # Điều 12.3 does not apply and a late filing misses it (Điều 7.6.a).
    write(
        "reevaluation-window-missed",
        variant(previous("danh_gia_lai", decided="2024-01-10", filed="2026-10-01")),
        codes=["reevaluation-window-missed"],
        files=P,
    )
    # Expiry 01/10/2026 (window closed 03/6/2026, after QĐ 26/2026 took effect): no
    # transition, so a filing after expiry finds the certificate lapsed.
    write(
        "previous-certificate-lapsed-no-transition",
        variant(previous("danh_gia_lai", decided="2023-10-01", filed="2026-10-05")),
        codes=["previous-certificate-lapsed"],
        files=P,
    )
    # Expiry 18/9/2026: its window closed 21/5/2026, the day before QĐ 26/2026 took effect,
    # so Điều 12.3 keeps the certificate valid (late, not missed).
    write(
        "reevaluation-late-transition-boundary",
        variant(previous("danh_gia_lai", decided="2023-09-18", filed="2026-10-01")),
        codes=["reevaluation-late"],
        exit_code=0,
        files=P,
    )
    write(
        "document-three-star-floor",
        variant(drop("so_huu_tri_tue")),
        codes=["document-three-star-floor"],
        exit_code=0,
    )
    write(
        "document-three-star-floor-control-plan",
        variant(drop("ke_hoach_kiem_soat_noi_bo")),
        codes=["document-three-star-floor"],
        exit_code=0,
    )

    def food_without(*codes: str, product_set: int = 2) -> Any:
        def change(data: dict[str, Any]) -> None:
            food(data)
            data["bo_san_pham"] = product_set
            data["tai_lieu"] = [d for d in data["tai_lieu"] if d["loai"] not in codes]

        return change

    # Quality declaration and lab report: 3-star floors in sets 1–17, not rejection grounds.
    write(
        "document-quality-declaration-floor",
        variant(food_without("cong_bo_chat_luong", "phieu_kiem_nghiem")),
        codes=["document-three-star-floor"],
        exit_code=0,
        files=F,
    )
    # Set 21: the food-safety certificate is a 3-star floor (criterion 8).
    write(
        "document-food-safety-floor-set-21",
        variant(food_without("chung_nhan_attp", product_set=21)),
        codes=["document-three-star-floor"],
        exit_code=0,
        files=F,
    )
    # Set 17: a production licence only where sector law requires one.
    write(
        "document-conditional",
        variant(food_without(product_set=17)),
        codes=["document-conditional"],
        exit_code=0,
        files=F,
    )

    def licence_not_required(data: dict[str, Any]) -> None:
        food_without(product_set=17)(data)
        data["khong_ap_dung"] = [
            {
                "loai": "giay_phep_san_xuat",
                "ly_do": "Nước giải khát không thuộc ngành nghề phải có giấy phép sản xuất",
            }
        ]

    write(
        "valid-licence-not-required", variant(licence_not_required), codes=[], exit_code=0, files=F
    )

    # addresses
    write(
        "admin-unit-unknown",
        variant(setitem("chu_the.dia_chi.tinh", "tỉnh Atlantis")),
        codes=["admin-unit-unknown"],
    )
    write(
        "admin-unit-suggestion",
        variant(setitem("chu_the.dia_chi.xa", "xã Côn Mính")),
        codes=["admin-unit-unknown"],
    )
    write(
        "admin-unit-mismatch",
        variant(setitem("chu_the.dia_chi.xa", "phường Hoàn Kiếm")),
        codes=["admin-unit-mismatch"],
    )

    def old_address(data: dict[str, Any]) -> None:
        data["chu_the"]["dia_chi"] = {
            "xa": "xã Dương Sơn",
            "huyen": "huyện Na Rì",
            "tinh": "tỉnh Bắc Kạn",
        }

    write("admin-unit-old", variant(old_address), codes=["admin-unit-old"], exit_code=0)

    def historical(data: dict[str, Any]) -> None:
        data.update(bo_tieu_chi="1048/2019", ngay_nop="2019-09-10")
        data["chu_the"]["ngay_thanh_lap"] = "2015-01-05"
        data["chu_the"]["dia_chi"] = {
            "xa": "xã Không Tồn Tại",
            "huyen": "huyện Na Rì",
            "tinh": "tỉnh Bắc Kạn",
        }
        data["tai_lieu"] = [
            {"loai": "phieu_dang_ky", "tep": "tai-lieu/01.pdf"},
            {"loai": "phuong_an_kinh_doanh", "tep": "tai-lieu/02.pdf"},
            {"loai": "gioi_thieu_bo_may", "tep": "tai-lieu/03.pdf"},
            {"loai": "giay_dang_ky_kinh_doanh", "tep": "tai-lieu/04.pdf"},
        ]

    def before_1048(data: dict[str, Any]) -> None:
        historical(data)
        data["ngay_nop"] = "2018-10-10"
        data["chu_the"]["dia_chi"] = {
            "xa": "xã Trần Phú",
            "huyen": "huyện Na Rì",
            "tinh": "tỉnh Bắc Kạn",
        }

    # 2018 (before QĐ 1048/2019): one statement of what applies, and the "Nơi nộp" line.
    write(
        "regime-before-first",
        variant(before_1048),
        codes=["regime-before-first"],
        exit_code=0,
        extra={"receiver": "UBND cấp huyện"},
    )

    def historical_flowers_self_assessed(data: dict[str, Any]) -> None:
        before_1048(data)
        data["ngay_nop"] = "2019-10-10"
        data["tu_danh_gia"] = {"chon": {"1.1": 1}}

    # QĐ 1048 Phụ lục III has no rubric for flowers (set 23; added by QĐ 148/2023): the
    # self-assessment is not scored, and the report says why (issue 11, historical regimes).
    write(
        "self-assessment-not-scored",
        variant(historical_flowers_self_assessed),
        codes=["self-assessment-not-scored"],
        exit_code=0,
    )

    def historical_unknown_district(data: dict[str, Any]) -> None:
        historical(data)
        data["chu_the"]["dia_chi"]["huyen"] = "huyện Không Có"

    write(
        "admin-unit-unresolved",
        variant(historical_unknown_district),
        codes=["admin-unit-unresolved"],
        exit_code=0,
    )
    # A real former district whose commune the July 2025 table lacks (reorganised earlier,
    # or misspelt): its own finding with what is known.
    write(
        "admin-unit-former-unmapped",
        variant(historical),
        codes=["admin-unit-former-unmapped"],
        exit_code=0,
    )

    def address(**parts: str) -> Any:
        def change(data: dict[str, Any]) -> None:
            data["chu_the"]["dia_chi"] = dict(parts)

        return change

    # Old commune with today's province and no district (HTX Hương Rừng, seed article).
    write(
        "admin-unit-old-no-district",
        variant(address(xa="xã Dương Sơn", tinh="tỉnh Thái Nguyên")),
        codes=["admin-unit-old"],
        exit_code=0,
        extra={"address_current": "xã Côn Minh, tỉnh Thái Nguyên"},
    )
    # The whole old address in one line in the commune field.
    write(
        "admin-unit-old-one-line",
        variant(address(xa="xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn", tinh="tỉnh Bắc Kạn")),
        codes=["admin-unit-old"],
        exit_code=0,
        extra={"address_current": "xã Côn Minh, tỉnh Thái Nguyên"},
    )
    # thị trấn Yến Lạc is today xã Na Rì (not xã Phú Lương: Yên Lạc is another unit).
    write(
        "admin-unit-old-yen-lac",
        variant(address(xa="thị trấn Yến Lạc", tinh="tỉnh Thái Nguyên")),
        codes=["admin-unit-old"],
        exit_code=0,
        extra={"address_current": "xã Na Rì, tỉnh Thái Nguyên"},
    )
    # A former phường is not today's xã of the same bare name.
    write(
        "admin-unit-old-same-name",
        variant(address(xa="Phường Chương Dương", huyen="Quận Hoàn Kiếm", tinh="TP Hà Nội")),
        codes=["admin-unit-old"],
        exit_code=0,
        extra={"address_current": "phường Hồng Hà, Thành phố Hà Nội"},
    )
    # Names as people write them: a dash without spaces, TP., the other tone placement.
    write(
        "admin-unit-dash-and-abbreviation",
        variant(address(xa="Xã  Chân Mây-Lăng Cô", tinh="TP. Huế")),
        codes=[],
        exit_code=0,
        extra={"address_current": "xã Chân Mây – Lăng Cô, Thành phố Huế"},
    )
    write(
        "admin-unit-tone-placement",
        variant(address(xa="xã Đàm Thủy", tinh="tỉnh Cao Bằng")),
        codes=[],
        exit_code=0,
        extra={"address_current": "xã Đàm Thuỷ, tỉnh Cao Bằng"},
    )
    # Two former xã Phú Cường of today's Thái Nguyên went to different communes.
    write(
        "admin-unit-ambiguous",
        variant(address(xa="xã Phú Cường", tinh="tỉnh Thái Nguyên")),
        codes=["admin-unit-ambiguous"],
        exit_code=0,
    )
    # Product code T-X-STT-Năm against the producer's commune (Côn Minh: 19-02185).
    write(
        "product-code-commune-mismatch",
        variant(setitem("san_pham.ma_so", "19-05623-009-2026")),
        codes=["product-code-commune-mismatch"],
        exit_code=0,
    )
    write(
        "valid-product-code",
        variant(setitem("san_pham.ma_so", "19-02185-009-2026")),
        codes=[],
        exit_code=0,
    )

    # self-assessment (Mẫu 02 Phần III) against the rubric of set 23
    from ocop_docs.scoring.rubric_files import load_rubric

    full = {c.so: len(c.lua_chon) for c in load_rubric(23).criteria()}
    write(
        "valid-self-assessment",
        variant(setitem("tu_danh_gia", {"chon": full})),
        codes=[],
        exit_code=0,
    )
    partial = dict(list(full.items())[:5])
    write(
        "self-assessment-incomplete",
        variant(setitem("tu_danh_gia", {"chon": partial})),
        codes=["self-assessment-incomplete"],
        exit_code=0,
    )
    write(
        "self-assessment-unknown-option",
        variant(setitem("tu_danh_gia", {"chon": {**full, "1.1": 9}})),
        codes=["scorecard-unknown-option"],
    )
    write(
        "self-assessment-unknown-criterion",
        variant(setitem("tu_danh_gia", {"chon": {**full, "9.9": 1}})),
        codes=["scorecard-unknown-criterion"],
    )


if __name__ == "__main__":
    build()
