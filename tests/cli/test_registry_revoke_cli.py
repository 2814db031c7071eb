"""``ocop-docs so-theo-doi thu-hoi`` (issue 12): a revocation (QĐ 26/2026 Điều 8) recorded in
the book, from the revocation file that ``render quyet-dinh-thu-hoi`` reads, or for one
certificate named on the command line; nothing recorded when one cannot be used."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_docs.cli.registry import registry
from ocop_docs.registry.store import open_registry

ROOT = Path(__file__).resolve().parents[2]
REVOCATION = ROOT / "samples" / "thu-hoi" / "thai-nguyen-2027-thu-hoi.yaml"

# The round of samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml as its annex lists it
# (the certificates 12/GCN-UBND … that batch --so-theo-doi records; hư cấu).
ANNEX = """\
quyet_dinh: {so: 05/QĐ-UBND, ngay: 2027-01-05, co_quan: Ủy ban nhân dân tỉnh Thái Nguyên, cap: tinh}
nam: 2026
tinh: Thái Nguyên
san_pham:
  - {stt: 1, ten: Gà đồi Trần Phú, chu_the: Hợp tác xã Trần Phú, dia_chi: "xã Trần Phú, tỉnh Thái Nguyên", hang_sao: 4, so_gcn: 12/GCN-UBND}
  - {stt: 2, ten: Mật ong rừng Hương Rừng, chu_the: Hợp tác xã Hương Rừng, dia_chi: "xã Côn Minh, tỉnh Thái Nguyên", hang_sao: 4, so_gcn: 13/GCN-UBND}
"""


@pytest.fixture
def book(tmp_path: Path) -> str:
    annex = tmp_path / "phu-luc.yaml"
    annex.write_text(ANNEX, encoding="utf-8")
    target = str(tmp_path / "so.sqlite")
    result = CliRunner().invoke(registry, ["nhap", str(annex), "--so", target])
    assert result.exit_code == 0, result.output
    return target


def run(*args: str) -> object:
    return CliRunner().invoke(registry, ["thu-hoi", *args])


def _states(target: str) -> dict[str, str]:
    return {e.certificate_no or "": e.state for e in open_registry(target).entries()}


def test_the_revocation_file_revokes_its_certificates(book: str) -> None:
    check = run(str(REVOCATION), "--so", book, "--thu")
    assert check.exit_code == 0, check.output  # type: ignore[attr-defined]
    assert "Kiểm tra (--thu): 1 giấy chứng nhận sẽ bị thu hồi theo Quyết định 1420/QĐ-UBND" in (
        check.stdout  # type: ignore[attr-defined]
    )
    assert _states(book)["13/GCN-UBND"] == "active"
    done = run(str(REVOCATION), "--so", book)
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    out = done.stdout  # type: ignore[attr-defined]
    assert "Đã ghi thu hồi 1 giấy chứng nhận theo Quyết định 1420/QĐ-UBND" in out
    assert "hết hiệu lực từ ngày 20/10/2027" in out and "Mật ong rừng Hương Rừng" in out
    assert _states(book) == {"12/GCN-UBND": "active", "13/GCN-UBND": "revoked"}
    entry = next(e for e in open_registry(book).entries() if e.certificate_no == "13/GCN-UBND")
    assert entry.in_force(dt.date(2027, 10, 19))  # valid until the decision's day
    assert not entry.in_force(dt.date(2027, 10, 20))
    assert entry.validity(dt.date(2027, 10, 20)) == "da_thu_hoi"
    event = entry.events[-1]
    assert event.kind == "thu_hoi" and event.detail["decision"] == "1420/QĐ-UBND"
    assert "hydroxymethylfurfural" in event.detail["reason"]
    again = run(str(REVOCATION), "--so", book)  # a second run changes nothing
    assert again.exit_code == 0  # type: ignore[attr-defined]
    assert "bỏ qua 1 đã thu hồi trước" in again.stdout  # type: ignore[attr-defined]
    assert "đã được ghi thu hồi trước đó" in again.stderr  # type: ignore[attr-defined]


def test_one_certificate_by_number(book: str) -> None:
    result = run(
        "--gcn", "12/gcn-ubnd", "--quyet-dinh", "7/QĐ-UBND", "--ngay", "01/11/2027", "--so", book
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert _states(book)["12/GCN-UBND"] == "revoked"


def test_unknown_certificate_records_nothing(book: str, tmp_path: Path) -> None:
    text = REVOCATION.read_text(encoding="utf-8")
    bad = tmp_path / "thu-hoi.yaml"
    extra = (
        "  - {san_pham: Không có, ma_san_pham: x, chu_the: Không ai, dia_chi: x, xa: xã Côn Minh,"
        " hang_sao: 3, so: 99/GCN-UBND, quyet_dinh: {so: 5, ngay: 2027-01-05}}\n"
    )
    bad.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    result = run(str(bad), "--so", book, "--format", "json")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    payload = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert payload["ok"] is False and payload["revoked"] == []
    assert [i["code"] for i in payload["issues"]] == ["registry-revoke-not-found"]
    assert "99/GCN-UBND" in payload["issues"][0]["message"]
    assert _states(book)["13/GCN-UBND"] == "active"  # all or nothing


def test_number_of_another_product_is_refused(book: str, tmp_path: Path) -> None:
    text = REVOCATION.read_text(encoding="utf-8").replace("so: 13/GCN-UBND", "so: 12/GCN-UBND")
    bad = tmp_path / "thu-hoi.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run(str(bad), "--so", book, "--lang", "en")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "is of the product 'Gà đồi Trần Phú', not 'Mật ong rừng Hương Rừng'" in (
        result.stderr  # type: ignore[attr-defined]
    )
    assert set(_states(book).values()) == {"active"}


def test_usage_errors(book: str) -> None:
    nothing = run("--so", book)
    assert nothing.exit_code == 2  # type: ignore[attr-defined]
    assert "cần số và ngày của quyết định thu hồi" in nothing.stderr  # type: ignore[attr-defined]
    both = run("--gcn", "12/GCN-UBND", "--id", "1", "--quyet-dinh", "7", "--ngay", "01/11/2027")
    assert both.exit_code == 2  # type: ignore[attr-defined]
    assert "đúng một trong --gcn SỐ và --id N" in both.stderr  # type: ignore[attr-defined]
    mixed = run(str(REVOCATION), "--gcn", "12/GCN-UBND", "--so", book)
    assert mixed.exit_code == 2  # type: ignore[attr-defined]
    assert "không dùng kèm --id, --gcn" in mixed.stderr  # type: ignore[attr-defined]
    unknown = run("--id", "99", "--quyet-dinh", "7/QĐ-UBND", "--ngay", "01/11/2027", "--so", book)
    assert unknown.exit_code == 1  # type: ignore[attr-defined]
    assert "Sổ không có giấy chứng nhận «#99» để thu hồi." in unknown.stderr  # type: ignore[attr-defined]


def test_found_by_product_when_the_file_has_no_number(book: str, tmp_path: Path) -> None:
    text = REVOCATION.read_text(encoding="utf-8").replace("    so: 13/GCN-UBND\n", "")
    assert "13/GCN-UBND" not in text
    unnumbered = tmp_path / "thu-hoi.yaml"
    unnumbered.write_text(text.replace("Hợp tác xã Hương Rừng", "HTX Hương Rừng"), "utf-8")
    result = run(str(unnumbered), "--so", book)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert _states(book) == {"12/GCN-UBND": "active", "13/GCN-UBND": "revoked"}
