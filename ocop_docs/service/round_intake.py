"""A round as an official uploads it → the folder the library reads it from, and what the
library makes of it (issue 13, "Rounds and production").

What may be uploaded (field ``round``): a round file (``.yaml``, ``.json``), the officials'
results spreadsheet (``.xlsx``, or ``.csv`` with its sidecar CSV files), or one ``.zip`` of
a folder holding one of them and the dossiers its products name (as ``samples/`` does).
The dossiers may also come separately (field ``dossiers``: a zip or a folder upload of
dossier folders), or be the province's own, filed with its communes earlier.

The products name their dossiers by paths relative to the round file
(``../ho-so/mien-dong-tai-hoan``). The service keeps those paths as written: the round
file is placed deep enough in a fresh folder that every such path stays inside it, and
each named dossier is put where its path points, found by its folder's name among the
uploaded dossiers, then the province's. The library then reads the round exactly as
``ocop-docs batch`` does (:func:`~ocop_docs.production.planning.plan_batch`), with the
same checks, messages and line and row numbers; only the temporary folder's name is
taken out of the messages.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ocop_docs.catalogue import ISSUES, Lang, ui
from ocop_docs.errors import OcopError
from ocop_docs.production.batch import BatchOptions, plan_batch
from ocop_docs.production.manifest import issue_json
from ocop_docs.production.planning import Plan
from ocop_docs.production.spreadsheets.layout import CSV_SIDECARS, OPTIONAL_SIDECARS
from ocop_docs.production.spreadsheets.mapping import read_round_sheet
from ocop_docs.service.checking import scrub
from ocop_docs.service.errors import ServiceError, library_error_json
from ocop_docs.service.intake import Received, extract_zip, is_zip, place_files
from ocop_docs.service.settings import Settings
from ocop_docs.validation.loading import DOSSIER_NAMES

ROUND_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".csv")
# The CSV files beside a results CSV (spreadsheets.layout): never a round of their own.
SIDECARS = tuple(f".{x}.csv" for x in (*CSV_SIDECARS.values(), *OPTIONAL_SIDECARS.values()))
ROUND_FOLDER = "dot-danh-gia"
LANGS: tuple[Lang, ...] = ("vi", "en")

# Finds a dossier folder by name (the last part of a product's path); returns the folder
# holding its ho-so.yaml, written into the target, or False when there is none.
DossierSource = Callable[[str, Path], bool]


@dataclass(slots=True)
class LaidOut:
    tree: Path  # the folder holding everything the round needs
    source: Path  # the round file or spreadsheet inside it
    found: list[str] = field(default_factory=list)  # dossiers put in from elsewhere


def is_dossier_folder(folder: Path) -> bool:
    return any((folder / n).is_file() for n in DOSSIER_NAMES)


def _is_round_input(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith(ROUND_SUFFIXES) or name.endswith(SIDECARS):
        return False
    return name not in DOSSIER_NAMES and not name.startswith(".")


def _inside_dossier(path: Path, tree: Path) -> bool:
    folder = path.parent
    while folder != tree and folder.is_relative_to(tree):
        if is_dossier_folder(folder):
            return True
        folder = folder.parent
    return False


def _find_source(tree: Path) -> Path:
    candidates = [
        p
        for p in sorted(tree.rglob("*"))
        if p.is_file()
        and not p.is_symlink()
        and _is_round_input(p)
        and not _inside_dossier(p, tree)
    ]
    if not candidates:
        raise ServiceError(422, "round-upload-missing")
    if len(candidates) > 1:
        names = ", ".join(p.relative_to(tree).as_posix() for p in candidates[:5])
        raise ServiceError(422, "round-upload-ambiguous", names=names)
    return candidates[0]


def references(source: Path) -> list[str]:
    """The dossier paths of a round's products, relative to the round file's folder."""
    out: list[str] = []
    if source.suffix.lower() in (".xlsx", ".csv"):
        with contextlib.suppress(Exception):  # a broken sheet: the loader says why, later
            # Only the paths are wanted here, wherever they point: the loader confines
            # them when the round is read (_plan), naming any that leaves the tree.
            sheet = read_round_sheet(source, allow=(Path(source.anchor),))
            base = source.parent.resolve()
            for item in (sheet.data or {}).get("san_pham") or []:
                ref = item.get("ho_so") if isinstance(item, dict) else None
                if isinstance(ref, str):
                    out.append(Path(os.path.relpath(ref, base)).as_posix())
        return out
    with contextlib.suppress(Exception):  # a broken file: the loader reports it with lines
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        for item in (data or {}).get("san_pham") or []:
            ref = item.get("ho_so") if isinstance(item, dict) else None
            if isinstance(ref, str) and ref.strip():
                out.append(ref.strip())
    return out


def _depth(refs: list[str]) -> int:
    """How many folders up the products' paths reach (``../ho-so/x`` → 1)."""
    deepest = 0
    for ref in refs:
        if ref.startswith("/"):
            continue
        parts = posixpath.normpath(ref).split("/")
        ups = 0
        for part in parts:
            if part != "..":
                break
            ups += 1
        deepest = max(deepest, ups)
    return min(deepest, 8)


def lay_out(received: Received, tree: Path, settings: Settings, dossiers: DossierSource) -> LaidOut:
    """Place the uploaded round (and what it names) in the fresh folder ``tree``."""
    items = [f for f in received.files if f.field == "round"]
    if not items:
        raise ServiceError(422, "round-upload-missing")
    tree.mkdir(parents=True, exist_ok=True)
    if len(items) == 1 and is_zip(items[0]):
        extract_zip(items[0], tree, settings)
        source = _find_source(tree)
    else:
        for item in items:
            name = item.name.rsplit("/", 1)[-1]
            if not _is_round_input(Path(name)) and not name.lower().endswith(SIDECARS):
                raise ServiceError(422, "round-upload-missing")
            if name.lower().endswith(".xlsx"):
                # A spreadsheet is a zip: the intake's caps on entries, size and ratio
                # apply before openpyxl inflates anything.
                with tempfile.TemporaryDirectory(dir=settings.work_dir) as probe:
                    extract_zip(item, Path(probe), settings)
        sources = [i for i in items if _is_round_input(Path(i.name))]
        if len(sources) != 1:
            raise ServiceError(
                422, "round-upload-ambiguous", names=", ".join(i.name for i in items)
            )
        staging = tree.parent / (tree.name + "-in")
        staging.mkdir()
        for item in items:
            item.name = item.name.rsplit("/", 1)[-1]
        place_files(items, staging)
        refs = references(staging / sources[0].name)
        folder = tree.joinpath(*([ROUND_FOLDER] * _depth(refs)))
        folder.mkdir(parents=True, exist_ok=True)
        for path in staging.iterdir():
            os.replace(path, folder / path.name)
        staging.rmdir()
        source = folder / sources[0].name
    laid = LaidOut(tree, source)
    for ref in references(source):
        if ref.startswith("/"):
            continue
        rel = posixpath.normpath(posixpath.join(source.parent.relative_to(tree).as_posix(), ref))
        if rel.startswith("..") or rel in (".", ""):
            continue  # outside the folder: the loader reports it missing, as the CLI would
        target = tree.joinpath(*rel.split("/"))
        if target.exists():
            continue
        if dossiers(rel.rsplit("/", 1)[-1], target):
            laid.found.append(rel)
    return laid


def uploaded_dossiers(folder: Path) -> dict[str, Path]:
    """Dossier folders in an upload of dossiers, by folder name (the folder itself, or
    its sub-folders one or two levels down)."""
    out: dict[str, Path] = {}
    if is_dossier_folder(folder):
        out[folder.name] = folder
        return out
    for depth in ("*", "*/*"):
        for path in sorted(folder.glob(depth)):
            if path.is_dir() and not path.is_symlink() and is_dossier_folder(path):
                out.setdefault(path.name, path)
    return out


def receive_dossiers(received: Received, dest: Path, settings: Settings) -> dict[str, Path]:
    items = [f for f in received.files if f.field == "dossiers"]
    if not items:
        return {}
    dest.mkdir(parents=True, exist_ok=True)
    if len(items) == 1 and is_zip(items[0]):
        extract_zip(items[0], dest, settings)
    else:
        zips = [i for i in items if is_zip(i)]
        for n, item in enumerate(zips):
            extract_zip(item, dest / f"zip-{n}", settings)
        place_files([i for i in items if not is_zip(i)], dest / "files")
    return uploaded_dossiers(dest)


# --- what the library makes of it ------------------------------------------------------


def _plan(source: Path, tree: Path, lang: Lang) -> Plan:
    # The round reads what it names from the uploaded tree only (its folder is placed deep
    # enough in it that "../ho-so/…" stays inside): the tree is what --allow names on the
    # command line, and nothing outside it is read (issue 9).
    options = BatchOptions(lang=lang, allow=(tree,))
    with tempfile.TemporaryDirectory(prefix="ocop-round-") as work:
        out = Path(work) / "out"
        return plan_batch(source, out, options, Path(work) / "plan", check=False)


def _relative(path: Path | None, tree: Path) -> str | None:
    if path is None:
        return None
    with contextlib.suppress(ValueError):
        return path.resolve().relative_to(tree.resolve()).as_posix()
    return None


def _cli_advice(lang: Lang) -> re.Pattern[str]:
    """The command line's advice in a ``round-path-outside`` message (its text after the
    first "; ", with the parameters as wildcards), wherever a message quotes it."""
    advice = ISSUES["round-path-outside"].message_template(lang).split("; ", 1)[1]
    parts = re.split(r"\{\w+\}", advice)
    return re.compile("; " + '[^\n"]*?'.join(re.escape(part) for part in parts))


def web_hints(data: Any, lang: Lang) -> Any:
    """``data`` (findings as JSON) worded for the web page where a path of a round lies
    outside what was uploaded (``round-path-outside``): the command line's ``--allow DIR``
    means nothing to someone uploading a round; what they can do is send the dossiers along
    with it. The message's own advice is cut wherever it is quoted, and the hint replaced."""
    advice = _cli_advice(lang)

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            out = {key: walk(item) for key, item in value.items()}
            if out.get("code") == "round-path-outside" and "hint" in out:
                out["hint"] = ui("o.upload_path_outside_hint", lang)
            return out
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str) and "--allow" in value:
            return advice.sub(".", value)
        return value

    return walk(data)


def summarise(laid: LaidOut) -> dict[str, Any]:
    """The round as the library reads it, for the pages and the API: products with their
    results, the council, rows that failed and warnings (both languages); or the input's
    error as :class:`ServiceError` 422 carrying the library's JSON (code, message, hint,
    issues with their lines or rows)."""
    tree, source = laid.tree, laid.source
    texts: dict[str, Any] = {}
    plan: Plan | None = None
    for lang in LANGS:
        try:
            plan = _plan(source, tree, lang)
        except OcopError as exc:
            error = ServiceError(422, exc.code)
            error.body = {
                other: web_hints(scrub(library_error_json(exc, other), tree, ""), other)
                for other in LANGS
            }
            raise error from exc
        texts[lang] = web_hints(
            scrub(
                {
                    "failures": [f.to_json() for f in plan.failures],
                    "warnings": [issue_json(w, lang) for w in plan.warnings],
                },
                tree,
                "",
            ),
            lang,
        )
    assert plan is not None and plan.round is not None and plan.round.data is not None
    rnd = plan.round
    data = rnd.data
    assert data is not None
    products = []
    for position, p in enumerate(rnd.products):
        products.append(
            {
                "index": p.index,
                "number": plan.numbers[position] if plan.numbers else p.index,
                "row": plan.rows[position] if plan.rows else None,
                "ten": p.ten,
                "chu_the": p.chu_the,
                "dia_chi": p.dia_chi,
                "bo_san_pham": p.bo_san_pham,
                "ma_san_pham": p.ma_san_pham,
                "diem": {m.ma: float(s) for m, s in p.scores},
                "diem_tb": p.mean_text,
                "hang_sao": p.stars,
                "cong_nhan": p.recognised,
                "de_nghi_cap_tren": p.proposed_up,
                "bi_loai": p.disqualified,
                "chenh_lech_vuot": p.spread_flag,
                "phieu": sorted(c.member.ma for c in p.cards),
                "ho_so": _relative(p.dossier_path, tree),
            }
        )
    members = [
        {
            "ma": m.ma,
            "ho_ten": m.ho_ten,
            "chuc_vu": m.chuc_vu,
            "vai_tro": m.vai_tro,
            "vai_tro_ten": m.role_name,
            "co_mat": m.co_mat,
            "cham_diem": m.cham_diem,
        }
        for m in rnd.members
    ]
    return {
        "ten_dot": str(data.get("ten_dot") or ""),
        "nam": data.get("nam"),
        "cap": data.get("cap"),
        "bo_tieu_chi": data.get("bo_tieu_chi"),
        "co_quan": (data.get("co_quan") or {}).get("ten"),
        "tinh": (data.get("co_quan") or {}).get("tinh"),
        "hoi_dong": (data.get("hoi_dong") or {}).get("ten"),
        "du_so": rnd.quorum_met,
        "thanh_vien": members,
        "san_pham": products,
        "kinds": list(plan.kinds),
        "items": len(plan.items),
        "notes": list(plan.notes),
        "input_kind": plan.input_kind,
        "source": source.relative_to(tree).as_posix(),
        "found": list(laid.found),
        "texts": texts,
    }
