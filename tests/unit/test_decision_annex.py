"""The decision's annex columns, upgrades and re-evaluations ("nâng hạng", "công nhận lại"),
the signer warning, and Mẫu 02's upgrade changes and re-evaluation updates (issue 12)."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any

import yaml

from ocop_docs.production.rendering import render
from ocop_docs.production.rounds.loading import load_round

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ROUND = SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ALLOW = (Path(__file__).resolve().parents[2] / "samples" / "ho-so",)  # --allow, issue 9


def text_of(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", body))


def annex_heads(path: Path) -> list[str]:
    """The header cells of the annex table (the last table of the decision)."""
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    table = re.findall(r"<w:tbl>.*?</w:tbl>", body, flags=re.S)[-1]
    first_row = re.search(r"<w:tr[ >].*?</w:tr>", table, flags=re.S)
    assert first_row is not None
    return re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", first_row.group(0))


def round_with(tmp: Path, edit: Any) -> Path:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    for product in data["san_pham"]:
        if "ho_so" in product:
            product["ho_so"] = os.path.relpath(ROUND.parent / product["ho_so"], tmp)
    edit(data)
    path = tmp / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_annex_without_scores_by_default_and_columns_on_request(tmp_path: Path) -> None:
    plain = tmp_path / "qd.docx"
    render("quyet-dinh", ROUND, plain, allow=ALLOW)
    heads = annex_heads(plain)
    assert heads == ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Mã sản phẩm"]
    assert "73,29" not in text_of(plain)

    def columns(data: dict[str, Any]) -> None:
        data["quyet_dinh"]["danh_sach"] = {"diem": True, "bo_san_pham": True}

    wide = tmp_path / "qd-cot.docx"
    render("quyet-dinh", round_with(tmp_path, columns), wide, allow=ALLOW)
    assert annex_heads(wide) == [
        "STT",
        "Tên sản phẩm",
        "Chủ thể",
        "Địa chỉ",
        "Bộ sản phẩm",
        "Điểm",
        "Hạng sao",
        "Mã sản phẩm",
    ]
    text = text_of(wide)
    assert "73,29" in text and "02. Thịt, thủy sản, trứng, sữa tươi" in text

    def score_only(data: dict[str, Any]) -> None:
        data["quyet_dinh"]["danh_sach"] = {"diem": True}

    only = tmp_path / "qd-diem.docx"
    render("quyet-dinh", round_with(tmp_path, score_only), only, allow=ALLOW)
    assert "Điểm" in annex_heads(only) and "Bộ sản phẩm" not in annex_heads(only)


def test_upgrade_and_reevaluation_are_named(tmp_path: Path) -> None:
    def cases(data: dict[str, Any]) -> None:
        del data["quyet_dinh"]["trich_yeu"]  # the default wording
        # an inline product re-evaluated (a dossier's own loai_danh_gia wins over the round's)
        data["san_pham"].append(
            {
                "ten": "Măng khô Na Rì",
                "chu_the": "Hợp tác xã Na Rì",
                "dia_chi": "xã Na Rì, tỉnh Thái Nguyên",
                "bo_san_pham": 7,
                "loai_danh_gia": "danh_gia_lai",
                "diem": [72, 71, 70, 73, 72, 71, 70],
            }
        )

    out = tmp_path / "qd.docx"
    render("quyet-dinh", round_with(tmp_path, cases), out, allow=ALLOW)
    text = text_of(out)
    # Mật ong rừng Hương Rừng: an upgrade dossier (nang_hang)
    assert "Mật ong rừng Hương Rừng(Nâng hạng)" in text
    assert "Măng khô Na Rì(Công nhận lại)" in text
    assert (
        "trong đó: công nhận mới 04 sản phẩm, nâng hạng 01 sản phẩm, công nhận lại 01 sản phẩm"
        in text
    )
    assert (
        "Về việc công nhận kết quả đánh giá, phân hạng, nâng hạng, công nhận lại và cấp Giấy "
        "chứng nhận sản phẩm OCOP" in text
    )


def test_first_evaluations_only_keep_the_plain_wording(tmp_path: Path) -> None:
    def first(data: dict[str, Any]) -> None:
        del data["quyet_dinh"]["trich_yeu"]
        data["san_pham"] = [p for p in data["san_pham"] if "mat-ong" not in str(p.get("ho_so"))]

    out = tmp_path / "qd.docx"
    render("quyet-dinh", round_with(tmp_path, first), out, allow=ALLOW)
    text = text_of(out)
    assert "trong đó" not in text and "Nâng hạng" not in text
    assert "Về việc công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận" in text


def test_kt_in_chuc_vu_warns_and_still_prints_three_lines(tmp_path: Path) -> None:
    def kt(data: dict[str, Any]) -> None:
        data["quyet_dinh"]["nguoi_ky"] = {
            "quyen_han": "TM. ỦY BAN NHÂN DÂN",
            "chuc_vu": "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
            "ho_ten": "Nguyễn Văn An",
        }

    source = round_with(tmp_path, kt)
    rnd = load_round(source, allow=ALLOW)
    warned = [i for i in rnd.issues if i.code == "round-signer-authority-in-title"]
    assert len(warned) == 1 and warned[0].pointer == "/quyet_dinh/nguoi_ky/chuc_vu"
    assert "«KT.»" in warned[0].message("vi") and "quyen_han" in warned[0].hint("vi")
    assert warned[0].line is not None
    out = tmp_path / "qd.docx"
    result = render("quyet-dinh", source, out, allow=ALLOW)
    assert "round-signer-authority-in-title" in [w.code for w in result.warnings]
    assert "TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH" in text_of(out).replace("\n", "")
    # the samples are written the documented way: no warning
    assert not [
        i for i in load_round(ROUND, allow=ALLOW).issues if i.code.startswith("round-signer")
    ]
