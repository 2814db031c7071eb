"""``ocop-docs so-theo-doi``: the province's OCOP registry (issue 14).

Verbs mirror :mod:`ocop_docs.registry.verbs`: ``nhap`` (import a published annex list),
``danh-sach`` (list), ``nhac-han`` (re-evaluation reminders, and the letters to producers),
``thong-ke`` (statistics, and the yearly report), ``xuat`` (export to .xlsx), ``thu-hoi``
(record a revocation, QĐ 26/2026 Điều 8: :mod:`ocop_docs.registry.revoking`); no English
aliases: one name per verb keeps the help and the README short. The book is a local
SQLite file (``--so``, default ``./so-theo-doi.sqlite`` or ``OCOP_SO_THEO_DOI``, which may
also be the service's database URL).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from ocop_docs.catalogue import Lang, ui
from ocop_docs.cli.common import LANG_OPTION, OcopGroup, format_option, print_report
from ocop_docs.cli.language import current_language
from ocop_docs.cli.options import BoundedInt
from ocop_docs.errors import InputError
from ocop_docs.registry.store import DEFAULT_FILE, ENV_VARIABLE, open_registry
from ocop_docs.text.dates import parse_date


class DateType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer Click
    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        day = parse_date(str(value))
        if day is None:
            self.fail(ui("registry.date_invalid", current_language(), value=value), param, ctx)
        return day


def _stars(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[int, ...]:
    found: list[int] = []
    for part in (p.strip() for v in value for p in v.split(",")):
        if not part:
            continue
        if part not in ("3", "4", "5"):
            raise click.BadParameter(ui("registry.stars_invalid", current_language(), value=part))
        found.append(int(part))
    return tuple(found)


DATE = DateType()
REGISTRY_OPTION = click.option(
    "--so",
    "target",
    default=None,
    metavar="FILE|URL",
    help=f"Tệp sổ theo dõi (mặc định ./{DEFAULT_FILE} hoặc {ENV_VARIABLE}) / registry file.",
)


def _open(target: str | None) -> Any:
    return open_registry(target)


@click.group("so-theo-doi", cls=OcopGroup)
def registry() -> None:
    """Sổ theo dõi sản phẩm OCOP của tỉnh: giấy chứng nhận, hạn, nhắc đánh giá lại, thống kê.

    The province's OCOP registry: certificates, expiry, re-evaluation reminders, statistics.

    \b
    Ví dụ / examples:
      ocop-docs so-theo-doi nhap samples/so-theo-doi/na-ri-2018.yaml
      ocop-docs so-theo-doi danh-sach --het-han-truoc 31/12/2026 --sao 4,5
      ocop-docs so-theo-doi nhac-han --ngay 20/09/2026 --thu-muc thong-bao/
      ocop-docs so-theo-doi thong-ke --nam 2020 --dau-ra bao-cao-2020.docx
      ocop-docs so-theo-doi xuat so-theo-doi.xlsx
      ocop-docs so-theo-doi thu-hoi samples/thu-hoi/thai-nguyen-2027-thu-hoi.yaml
      ocop-docs so-theo-doi thu-hoi --gcn 13/GCN-UBND --quyet-dinh 1420/QĐ-UBND --ngay 20/10/2027
    """


@registry.command("nhap")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--so-quyet-dinh", default="", help="Số quyết định / decision number.")
@click.option("--ngay-quyet-dinh", type=DATE, default=None, help="Ngày quyết định / its date.")
@click.option("--co-quan", default="", help="Cơ quan ban hành / issuer.")
@click.option(
    "--cap",
    type=click.Choice(["huyen", "tinh", "trung_uong"]),
    default=None,
    help="Cấp công nhận (mặc định theo cơ quan) / issuing level.",
)
@click.option("--nam", type=BoundedInt(2000, 2100), default=None, help="Năm đánh giá / year.")
@click.option("--tinh", default="", help="Tỉnh của địa chỉ không ghi tỉnh / default province.")
@click.option(
    "--loai",
    type=click.Choice(["lan_dau", "nang_hang", "danh_gia_lai"]),
    default=None,
    help="Loại đánh giá của cả danh sách / case of the whole list.",
)
@click.option("--thu", "dry_run", is_flag=True, help="Chỉ kiểm tra, không ghi / check only.")
@REGISTRY_OPTION
@format_option("so-theo-doi nhap")
@LANG_OPTION
def import_command(
    file: Path,
    so_quyet_dinh: str,
    ngay_quyet_dinh: dt.date | None,
    co_quan: str,
    cap: str | None,
    nam: int | None,
    tinh: str,
    loai: str | None,
    dry_run: bool,
    target: str | None,
    fmt: str,
    lang: Lang,
) -> None:
    """Nhập danh sách sản phẩm được công nhận (phụ lục quyết định: .xlsx, .csv, .yaml).

    Imports a published annex list; every row is checked, nothing is recorded when a row
    has an error (exit 1), duplicates are reported, not merged.
    """
    from ocop_docs.registry.importing import Decision
    from ocop_docs.registry.verbs import import_list

    decision = Decision(
        number=so_quyet_dinh,
        date=ngay_quyet_dinh,
        issuer=co_quan,
        level=cap or "",
        year=nam,
        case=loai or "lan_dau",
        province=tinh,
    )
    result = import_list(_open(target), file, decision, dry_run=dry_run)
    print_report("so-theo-doi nhap", fmt, result, lang)
    if result.errors:
        raise click.exceptions.Exit(1)


@registry.command("danh-sach")
@click.option(
    "--het-han-truoc", type=DATE, default=None, help="Hết hạn trước ngày / expiring before."
)
@click.option("--xa", default=None, help="Xã, phường (hiện nay hoặc cũ) / commune.")
@click.option("--sao", multiple=True, callback=_stars, help="Hạng sao: 3, 4, 5 / stars.")
@click.option("--nam", type=BoundedInt(2000, 2100), default=None, help="Năm đánh giá / year.")
@click.option("--ngay", type=DATE, default=None, help="Tính hiệu lực vào ngày / as of (today).")
@click.option("--tat-ca", is_flag=True, help="Cả giấy đã hết hiệu lực / include lapsed ones.")
@REGISTRY_OPTION
@format_option("so-theo-doi danh-sach")
@LANG_OPTION
def list_command(
    het_han_truoc: dt.date | None,
    xa: str | None,
    sao: tuple[int, ...],
    nam: int | None,
    ngay: dt.date | None,
    tat_ca: bool,
    target: str | None,
    fmt: str,
    lang: Lang,
) -> None:
    """Liệt kê giấy chứng nhận còn hiệu lực (lọc theo hạn, xã, hạng sao, năm).

    Lists the certificates in force (filtered by expiry, commune, stars, year).
    """
    from ocop_docs.registry.verbs import list_entries

    listing = list_entries(
        _open(target),
        expiring_before=het_han_truoc,
        commune=xa,
        stars=sao,
        year=nam,
        day=ngay,
        everything=tat_ca,
    )
    print_report("so-theo-doi danh-sach", fmt, listing, lang)


@registry.command("nhac-han")
@click.option("--ngay", type=DATE, default=None, help="Ngày xét (mặc định hôm nay) / the day.")
@click.option(
    "--canh-bao",
    type=BoundedInt(1, 60),
    default=30,
    show_default=True,
    help="Báo «sắp hết thời hạn» khi còn dưới N ngày / warn N days before the window closes.",
)
@click.option(
    "--thu-muc",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Lập thông báo gửi chủ thể vào thư mục này / write the letters to this folder.",
)
@click.option(
    "--thong-tin",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="YAML: cơ quan gửi, người ký / the sender and signer (YAML).",
)
@REGISTRY_OPTION
@format_option("so-theo-doi nhac-han")
@LANG_OPTION
def remind_command(
    ngay: dt.date | None,
    canh_bao: int,
    thu_muc: Path | None,
    thong_tin: Path | None,
    target: str | None,
    fmt: str,
    lang: Lang,
) -> None:
    """Sản phẩm cần nộp hồ sơ đánh giá lại (QĐ 26/2026 Điều 7.6.a), sắp lỡ hạn, đã hết hạn.

    Re-evaluation reminders: window open (180–120 days before expiry), about to close,
    missed, expired; with the producer's contact. --thu-muc writes the letters.
    """
    from ocop_docs.registry.verbs import due_reminders

    result = due_reminders(_open(target), ngay, canh_bao)
    print_report("so-theo-doi nhac-han", fmt, result, lang)
    if thu_muc is not None:
        from ocop_docs.registry.documents import read_sender, write_letters

        made = write_letters(result, thu_muc, read_sender(thong_tin))
        click.echo(ui("registry.letters", lang, n=len(made), folder=str(thu_muc)), err=True)


@registry.command("thong-ke")
@click.option("--nam", type=BoundedInt(2000, 2100), default=None, help="Đến hết năm / up to year.")
@click.option("--ngay", type=DATE, default=None, help="Tính hiệu lực vào ngày / in force on.")
@click.option(
    "--dau-ra",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Lập báo cáo năm (.docx, có biểu đồ) / write the yearly report.",
)
@click.option(
    "--thong-tin",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="YAML: cơ quan báo cáo, người ký / the reporting office and signer (YAML).",
)
@REGISTRY_OPTION
@format_option("so-theo-doi thong-ke")
@LANG_OPTION
def stats_command(
    nam: int | None,
    ngay: dt.date | None,
    dau_ra: Path | None,
    thong_tin: Path | None,
    target: str | None,
    fmt: str,
    lang: Lang,
) -> None:
    """Thống kê theo năm, hạng sao, nhóm, bộ sản phẩm, xã; --dau-ra lập báo cáo năm.

    Counts by year, star, group, product set, commune; --dau-ra writes the yearly report.
    """
    from ocop_docs.registry.verbs import registry_statistics

    stats = registry_statistics(_open(target), nam, ngay)
    print_report("so-theo-doi thong-ke", fmt, stats, lang)
    if dau_ra is not None:
        if dau_ra.suffix.lower() != ".docx":
            raise InputError(
                "registry-output-unwritable", path=str(dau_ra), reason=".docx", reason_en=".docx"
            )
        from ocop_docs.registry.documents import read_sender, write_report

        write_report(stats, dau_ra, read_sender(thong_tin))
        click.echo(ui("registry.report_made", lang, path=str(dau_ra)), err=True)


@registry.command("xuat")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ngay", type=DATE, default=None, help="Tình trạng vào ngày / status as of.")
@REGISTRY_OPTION
@format_option("so-theo-doi xuat")
@LANG_OPTION
def export_command(
    output: Path, ngay: dt.date | None, target: str | None, fmt: str, lang: Lang
) -> None:
    """Xuất cả sổ ra tệp .xlsx / exports the whole registry to .xlsx."""
    from ocop_docs.registry.verbs import export_workbook

    print_report("so-theo-doi xuat", fmt, export_workbook(_open(target), output, ngay), lang)


@registry.command("thu-hoi")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option(
    "--id",
    "entry_id",
    type=BoundedInt(1, 2**31 - 1),
    default=None,
    help="Mã mục trong sổ / entry id.",
)
@click.option(
    "--gcn",
    "number",
    default=None,
    metavar="SỐ",
    help="Số giấy chứng nhận «13/GCN-UBND» / certificate number.",
)
@click.option(
    "--quyet-dinh", "decision", default=None, help="Số quyết định thu hồi / revoking decision."
)
@click.option("--ngay", type=DATE, default=None, help="Ngày quyết định thu hồi / its date.")
@click.option("--ly-do", "reason", default="", help="Lý do thu hồi / the grounds.")
@click.option("--thu", "dry_run", is_flag=True, help="Chỉ kiểm tra, không ghi / check only.")
@REGISTRY_OPTION
@format_option("so-theo-doi thu-hoi")
@LANG_OPTION
def revoke_command(
    file: Path | None,
    entry_id: int | None,
    number: str | None,
    decision: str | None,
    ngay: dt.date | None,
    reason: str,
    dry_run: bool,
    target: str | None,
    fmt: str,
    lang: Lang,
) -> None:
    """Ghi quyết định thu hồi giấy chứng nhận vào sổ (QĐ 26/2026 Điều 8).

    FILE: tệp thu hồi (như «render quyet-dinh-thu-hoi», samples/thu-hoi/): mọi giấy chứng
    nhận trong tệp hết hiệu lực từ ngày quyết định. Hoặc một giấy: --gcn SỐ (hoặc --id N)
    với --quyet-dinh và --ngay. Không ghi gì khi có giấy không tìm thấy (mã thoát 1).

    Records a revocation: every certificate of the revocation file (or the one --gcn/--id
    names, with --quyet-dinh and --ngay) stops on the decision's day.
    """
    from ocop_docs.errors import UsageError
    from ocop_docs.registry.revoking import (
        read_revocation_file,
        revoke_certificates,
        single_revocation,
    )

    if file is not None:
        if entry_id is not None or number or decision or ngay or reason:
            raise UsageError("registry-revoke-file-and-options")
        revocation = read_revocation_file(file)
    else:
        if not decision or ngay is None:
            raise UsageError("registry-revoke-decision-missing")
        revocation = single_revocation(
            entry_id=entry_id, number=number, decision=decision, on=ngay, reason=reason
        )
    result = revoke_certificates(_open(target), revocation, dry_run=dry_run)
    print_report("so-theo-doi thu-hoi", fmt, result, lang)
    if result.errors:
        raise click.exceptions.Exit(1)
