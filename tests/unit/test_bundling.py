"""The PDF bundle: order, nested bookmarks, metadata, page count = sum of the parts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from ocop_docs.errors import InputError
from ocop_docs.production.bundling import BundleInfo, BundlePart, make_bundle


def pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_bookmarks_nested_by_kind_and_metadata(tmp_path: Path) -> None:
    parts = [
        BundlePart(pdf(tmp_path / "bb.pdf", 3), "Biên bản họp Hội đồng", "Biên bản"),
        BundlePart(pdf(tmp_path / "qd.pdf", 2), "Quyết định công nhận", "Quyết định"),
        BundlePart(pdf(tmp_path / "g1.pdf", 1), "Gà đồi Trần Phú", "Giấy chứng nhận"),
        BundlePart(pdf(tmp_path / "g2.pdf", 1), "Mật ong rừng", "Giấy chứng nhận"),
    ]
    info = BundleInfo(
        "Văn bản đợt 2 năm 2026",
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên",
        "Ủy ban nhân dân tỉnh Thái Nguyên",
        dt.datetime(2027, 1, 5),
    )
    result = make_bundle(parts, tmp_path / "tap.pdf", info)
    reader = PdfReader(str(tmp_path / "tap.pdf"))
    assert result.pages == len(reader.pages) == 3 + 2 + 1 + 1
    meta = reader.metadata
    assert meta is not None
    assert meta.title == info.title and meta.subject == info.subject
    assert meta.author == "Ủy ban nhân dân tỉnh Thái Nguyên"
    outline = reader.outline
    tops = [o for o in outline if not isinstance(o, list)]
    assert [o.title for o in tops] == ["Biên bản", "Quyết định", "Giấy chứng nhận"]
    children = [o for o in outline if isinstance(o, list)]
    assert [[c.title for c in group] for group in children] == [
        ["Biên bản họp Hội đồng"],
        ["Quyết định công nhận"],
        ["Gà đồi Trần Phú", "Mật ong rừng"],
    ]
    pages = [reader.get_destination_page_number(c) for group in children for c in group]
    assert pages == [0, 3, 5, 6]
    assert result.bookmarks[2] == ("Giấy chứng nhận", [("Gà đồi Trần Phú", 5), ("Mật ong rừng", 6)])
    # the same input gives the same bytes (fixed dates, no random file id)
    again = make_bundle(parts, tmp_path / "tap2.pdf", info)
    assert again.sha256 == result.sha256


def test_unreadable_part_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(InputError) as exc:
        make_bundle([BundlePart(bad, "x", "y")], tmp_path / "tap.pdf", BundleInfo("t", "s", "a"))
    assert "hong.pdf" in exc.value.message()
    assert not (tmp_path / "tap.pdf").exists()
