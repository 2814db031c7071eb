"""Pictures in a rendered .docx: the OCOP logo and the look-up QR code of a certificate.

A template marks the place of a picture with a context value that prints a *marker* (a
private-use character, a name, another: :func:`marker`); after rendering, :func:`place_pictures`
puts the picture where the marker's run is (an inline drawing, the image embedded in the
document: nothing is linked, so LibreOffice's lock-down of linked content stays), or removes
the marker when there is no picture. It works on the finished bytes, so ``render`` and the
batch renderer give the same file, and the zip is rewritten the deterministic way
(fixed time stamps, entries in order).

Images are checked before use (:func:`load_picture`): PNG or JPEG, at most
:data:`MAX_PICTURE_BYTES`, opened with Pillow; the file a round names is opened inside the
round's folder without following links (:mod:`ocop_docs.confined`), the file given on the
command line as named.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ocop_docs.catalogue import ui
from ocop_docs.confined import Refused, open_inside, open_named, read_opened
from ocop_docs.errors import InputError

MAX_PICTURE_BYTES = 5 * 1024 * 1024  # a logo is tens of kilobytes; far above any real one
MAX_PICTURE_PIXELS = 40_000_000
EMU_PER_MM = 36_000
_TYPES = {"PNG": ("png", "image/png"), "JPEG": ("jpeg", "image/jpeg")}
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def marker(name: str) -> str:
    """The text a template prints where picture ``name`` goes."""
    return f"\ue000{name}\ue001"


@dataclass(frozen=True, slots=True)
class Picture:
    """An image to place: PNG or JPEG bytes and its pixel size."""

    data: bytes
    extension: str  # "png" | "jpeg"
    width_px: int
    height_px: int

    def fit(self, box_w_mm: float, box_h_mm: float) -> tuple[int, int]:
        """Its size in EMU fitted into a box, keeping its proportions."""
        scale = min(box_w_mm / self.width_px, box_h_mm / self.height_px)
        return (
            round(self.width_px * scale * EMU_PER_MM),
            round(self.height_px * scale * EMU_PER_MM),
        )


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a picture goes: its marker's name, the picture, the box it fits in (mm)."""

    name: str
    picture: Picture | None
    width_mm: float
    height_mm: float


def picture_from_bytes(data: bytes) -> Picture:
    """A :class:`Picture` from image bytes; ``ValueError`` when they are no PNG or JPEG."""
    from PIL import Image  # here, not at the top: only documents with pictures need it

    if len(data) > MAX_PICTURE_BYTES:
        raise ValueError(f"> {MAX_PICTURE_BYTES // (1024 * 1024)} MB")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            width, height = image.size
            if kind in _TYPES and width * height <= MAX_PICTURE_PIXELS:
                image.verify()
    except Exception as exc:  # Pillow raises many kinds for a damaged or foreign file
        raise ValueError(str(exc) or type(exc).__name__) from exc
    if kind not in _TYPES:
        raise ValueError(f"{kind or '?'} ≠ PNG, JPEG")
    if width * height > MAX_PICTURE_PIXELS or not width or not height:
        raise ValueError(f"{width} × {height} px")
    return Picture(data, _TYPES[kind][0], width, height)


def load_picture(path: str | Path, *, inside: Path | None = None) -> Picture:
    """The image at ``path``: inside the folder ``inside`` when a file names it (a round's
    ``giay_chung_nhan.logo``), else as the user named it (``--logo``). ``InputError``
    ``picture-unreadable`` (exit 1) names the file and why."""
    try:
        if inside is not None:
            opened = open_inside(inside, str(path).replace("\\", "/"))
        else:
            opened = open_named(Path(path))
    except Refused as exc:
        key = f"render.picture_{exc.code}"
        raise InputError(
            "picture-unreadable",
            path=str(path),
            reason=ui(key, "vi", reason=exc.reason),
            reason_en=ui(key, "en", reason=exc.reason),
        ) from exc
    try:
        data = read_opened(opened, MAX_PICTURE_BYTES)
        os.close(opened.fd)
        return picture_from_bytes(data)
    except ValueError as exc:
        raise InputError(
            "picture-unreadable",
            path=str(path),
            reason=f"không phải ảnh PNG hay JPEG dùng được ({exc})",
            reason_en=f"not a usable PNG or JPEG image ({exc})",
        ) from exc


def qr_picture(text: str) -> Picture:
    """A QR code of ``text`` (error correction M, 4-module quiet zone), as PNG; offline."""
    import segno

    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=10, border=4)
    side = int(code.symbol_size(scale=10, border=4)[0])
    return Picture(buffer.getvalue(), "png", side, side)


_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _drawing(rid: str, ident: int, name: str, cx: int, cy: int) -> str:
    name = escape(name)
    return (
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" {_NS}>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{ident}" name="{name}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{ident}" name="{name}"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
        '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    )


_T_OPEN = r"<w:t(?:\s[^>]*)?>"


def place_pictures(data: bytes, placements: list[Placement]) -> bytes:
    """``data`` (a .docx) with each placement's marker replaced by its picture (or removed
    when it has none). Only the first run holding a marker gets the picture. Nothing to
    place: ``data`` itself (the batch's fast path is kept)."""
    if not placements:
        return data
    wanted = ("word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml")
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        names = zin.namelist()
        parts = {name: zin.read(name) for name in wanted}
    body = parts["word/document.xml"].decode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    media: list[tuple[str, bytes]] = []
    for n, place in enumerate(placements, start=1):
        token = re.escape(escape(marker(place.name)))
        # the run that prints the marker alone (docxtpl keeps a run's text in one <w:t>)
        run = re.compile(
            r"<w:r(?:\s[^>]*)?>(?:(?!</w:r>).)*?" + _T_OPEN + token + r"</w:t></w:r>", re.S
        )
        found = run.search(body)
        if found is None:
            body = body.replace(escape(marker(place.name)), "")
            continue
        if place.picture is None:
            replacement = ""
        else:
            picture = place.picture
            rid = f"rIdOcopPicture{n}"
            target = f"media/ocop-{place.name}.{picture.extension}"
            cx, cy = picture.fit(place.width_mm, place.height_mm)
            replacement = "<w:r>" + _drawing(rid, 9000 + n, place.name, cx, cy) + "</w:r>"
            rels = rels.replace(
                "</Relationships>",
                f'<Relationship Id="{rid}" Type="{_REL_TYPE}" Target="{target}"/></Relationships>',
            )
            media.append((f"word/{target}", picture.data))
            ext, mime = picture.extension, f"image/{picture.extension}"
            if f'Extension="{ext}"' not in types:
                types = types.replace(
                    "</Types>", f'<Default Extension="{ext}" ContentType="{mime}"/></Types>'
                )
        body = body[: found.start()] + replacement + body[found.end() :]
        body = body.replace(escape(marker(place.name)), "")  # any other occurrence
    changed = {
        "word/document.xml": body.encode("utf-8"),
        "word/_rels/document.xml.rels": rels.encode("utf-8"),
        "[Content_Types].xml": types.encode("utf-8"),
    }
    return _rezip(data, names, changed, media)


def _rezip(
    data: bytes, names: list[str], changed: Mapping[str, bytes], media: list[tuple[str, bytes]]
) -> bytes:
    """``data`` with ``changed`` members replaced and ``media`` added, the others copied as
    they are (no second deflate of the 800 KB of styles a certificate carries); the same
    bytes the deterministic writer gives (:func:`ocop_docs.production.prepared.write_zip`)."""
    from ocop_docs.production.prepared import _Entry, write_zip

    raw = _raw_entries(data)
    entries = []
    for name in names:
        if name in changed or name not in raw:
            blob = changed.get(name)
            if blob is None:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    blob = z.read(name)
            entries.append(_Entry.of(name, blob))
        else:
            entries.append(raw[name])
    entries.extend(_Entry.of(name, blob) for name, blob in media)
    return write_zip(entries)


def _raw_entries(data: bytes) -> dict[str, Any]:
    """Each member's local header + data and central record (without offset and name), read
    from the zip's own bytes; only members without extra fields or comments (what the
    deterministic writer makes), others are left out and deflated again."""
    from ocop_docs.production.prepared import _Entry

    out: dict[str, Any] = {}
    end = data.rfind(b"PK\005\006")
    if end < 0:
        return out
    count, _size, start = struct.unpack("<HLL", data[end + 10 : end + 20])
    pos = start
    for _ in range(count):
        if data[pos : pos + 4] != b"PK\001\002":
            return {}
        fixed = data[pos : pos + 46]
        csize = struct.unpack("<L", fixed[20:24])[0]
        n, m, k = struct.unpack("<3H", fixed[28:34])
        offset = struct.unpack("<L", fixed[42:46])[0]
        name = data[pos + 46 : pos + 46 + n]
        pos += 46 + n + m + k
        if m or k:
            continue
        ln, lm = struct.unpack("<2H", data[offset + 26 : offset + 30])
        local = data[offset : offset + 30 + ln + lm + csize]
        out[name.decode("ascii")] = _Entry(name, local, fixed[:42])
    return out


__all__ = [
    "MAX_PICTURE_BYTES",
    "Picture",
    "Placement",
    "load_picture",
    "marker",
    "picture_from_bytes",
    "place_pictures",
    "qr_picture",
]
