"""The finished manifest is written piece by piece (issue 15) with json's own bytes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from ocop_docs.production.manifest import (
    ItemRecord,
    Manifest,
    OutputRecord,
    read_manifest,
    write_manifest,
)


def test_streamed_manifest_is_what_json_dumps_writes(tmp_path: Path) -> None:
    items = [
        ItemRecord(
            id=f"gcn-{n}",
            kind="giay-chung-nhan",
            title=f"Giấy chứng nhận số {n} \u201cđặc biệt\u201d\n",
            status="ok",
            product=n,
            outputs=[OutputRecord(f"gcn/{n}.docx", "ab" * 32, 1000 + n)],
            warnings=[{"code": None, "message": "Bản nháp"}],
        )
        for n in range(1, 300)
    ]
    manifest = Manifest(input={"path": "dot.csv"}, options={"kinds": ["giay-chung-nhan"]})
    manifest.items = items
    path = write_manifest(manifest, tmp_path)
    expected = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1) + "\n"
    assert path.read_bytes() == expected.encode("utf-8")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]  # no temporary left
    again = read_manifest(tmp_path)
    assert again is not None and [i.id for i in again.items] == [i.id for i in items]
