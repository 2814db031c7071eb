"""Generate the sample results spreadsheet (and its CSV twin) from the sample round file.

How to (re)run, from the repository root:

    python scripts/make_sample_spreadsheet.py
    python scripts/make_sample_spreadsheet.py samples/dot-danh-gia/other-round.yaml

For ``samples/dot-danh-gia/<name>.yaml`` it writes, beside it:

* ``<name>.xlsx`` with the sheets «Sản phẩm», «Thông tin đợt», «Hội đồng» and, when the
  round has them, «Văn bản xã» (``van_ban_xa``) and «Đánh giá xã» (each ``danh_gia_xa``);
* ``<name>.csv`` (the products) with ``<name>.thong-tin-dot.csv``, ``<name>.hoi-dong.csv``
  (and ``<name>.van-ban-xa.csv``, ``<name>.danh-gia-xa.csv``).

The spreadsheet is derived from the round file, so the two always agree: a test reads
the spreadsheet back and compares every product's result with the round file's, and
another makes every paper from both and compares their texts (issue 12). The blocks of
the procedure's other papers (``phe_duyet``, ``cong_van``, ``thong_bao``,
``co_quan_tham_muu``) are rows of «Thông tin đợt». Only full scorecards (``phieu``) have
no columns in the sheet; rounds that need them stay round files. The .xlsx is
deterministic (fixed timestamps), so running the script again changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocop_docs.production.rounds.loading import load_round  # noqa: E402
from ocop_docs.production.rounds.model import require_valid  # noqa: E402
from ocop_docs.production.spreadsheets.writing import (  # noqa: E402
    round_tables,
    write_csv,
    write_workbook,
)

DEFAULT = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"


def main(argv: list[str]) -> int:
    sources = [Path(a) for a in argv] or [DEFAULT]
    for source in sources:
        # The sample layout: the round's folder beside the dossiers' (../ho-so/…), which
        # the round may read only when allowed, as with --allow on the command line.
        allow = (source.resolve().parent.parent / "ho-so",)
        tables = round_tables(require_valid(load_round(source, allow=allow)))
        workbook = source.with_suffix(".xlsx")
        write_workbook(tables, workbook)
        print(f"wrote {workbook}")
        for path in write_csv(tables, source.with_suffix(".csv")):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
