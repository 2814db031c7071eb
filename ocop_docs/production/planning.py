"""Planning a batch: what to make, from what, and under which names (issue #5).

Stage "planning" of ``ocop-docs batch`` (:mod:`ocop_docs.production.batch` runs the plan). The input
is a round file, a results spreadsheet (:mod:`ocop_docs.production.spreadsheets`) or a folder of
dossiers. A product with errors becomes a failed item, listed with its line or sheet row,
and the round is rebuilt without it, so the other documents are still produced (exit code
1); errors of the round as a whole stop the batch (exit 1) before anything is written.
Every output gets a readable ASCII name (:mod:`ocop_docs.text.names`); existing files are never
overwritten without ``overwrite`` (or, with ``resume``, unless the previous manifest vouches
for them). Templates are opened and compiled here, once
(:class:`~ocop_docs.production.prepared.PreparedTemplate`): a broken template stops the batch
(exit 3), as does a missing LibreOffice when PDFs are asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ocop_docs.catalogue import Lang
from ocop_docs.errors import InputError, Issue, OcopError, UsageError
from ocop_docs.files import temporary_target
from ocop_docs.production.contexts import KINDS
from ocop_docs.production.manifest import (
    MANIFEST_NAME,
    ItemRecord,
    Manifest,
    read_manifest,
    sha256_file,
)
from ocop_docs.production.pool import DEFAULT_BATCH, DEFAULT_DOC_TIMEOUT
from ocop_docs.production.prepared import PreparedTemplate
from ocop_docs.production.rounds import Round, load_round
from ocop_docs.text.dates import parse_date
from ocop_docs.text.names import slugify

InputKind = Literal["round", "spreadsheet", "dossiers"]
REPORT_KIND = "kiem-tra"  # a dossier's validation report (text and JSON), not a Word template
ROW_KIND = "san-pham"  # an input row (product) that could not be used
REPORT_TITLE: dict[Lang, str] = {"vi": "Báo cáo kiểm tra hồ sơ", "en": "Dossier validation report"}
INPUT_NAMES: dict[InputKind, tuple[str, str]] = {
    "round": ("tệp đợt đánh giá", "a round file"),
    "spreadsheet": ("bảng tính kết quả", "a results spreadsheet"),
    "dossiers": ("thư mục hồ sơ", "a folder of dossiers"),
}
# What a batch makes when --kinds is not given: the round's paperwork (QĐ 26/2026 Điều 7.3:
# the council's minutes, the recognition decision with its annex, one certificate per
# recognised product); for dossiers, the check of each dossier and its Mẫu 01.
DEFAULT_KINDS: dict[InputKind, tuple[str, ...]] = {
    "round": ("bien-ban", "quyet-dinh", "giay-chung-nhan"),
    "spreadsheet": ("bien-ban", "quyet-dinh", "giay-chung-nhan"),
    "dossiers": (REPORT_KIND, "phieu-dang-ky"),
}
# The date each round document carries (as build_context gives it): the minutes the
# meeting's, the decision its signing date, a certificate its issue date (default: the
# decision's, QĐ 26/2026 Điều 4.3 counts the 36 months from it).
ROUND_DATES: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "bien-ban": lambda d: str(d["hop"]["bat_dau"])[:10],
    "quyet-dinh": lambda d: d["quyet_dinh"]["ngay"],
    "giay-chung-nhan": lambda d: (
        (d.get("giay_chung_nhan") or {}).get("ngay") or d["quyet_dinh"]["ngay"]
    ),
}
_PRODUCT_POINTER = re.compile(r"^/san_pham/(\d+)(?:/|$)")


class BatchOptionError(UsageError):
    """An option that does not fit the input (exit 2, like Click's usage errors)."""


@dataclass(frozen=True, slots=True)
class BatchOptions:
    kinds: tuple[str, ...] | None = None  # None: DEFAULT_KINDS of the input
    pdf: bool = False
    bundle: bool = False
    jobs: int | None = None  # None: one per CPU core
    resume: bool = False
    overwrite: bool = False
    draft: bool = False
    templates_dir: Path | None = None
    soffice: str | Path | None = None
    timeout: float = DEFAULT_DOC_TIMEOUT  # per document, PDF conversion
    batch_size: int = DEFAULT_BATCH  # documents per LibreOffice start
    lang: Lang = "vi"


# --- the plan ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One document to make: its kind, where its data comes from, and its output name."""

    id: str  # "giay-chung-nhan/19-05620-003-2026_ga-doi-tran-phu"
    kind: str
    title: str  # bookmark of the document in the bundle
    product: int | None = None  # 1-based, in the (working) round
    number: int | None = None  # the product's number in the input as the user sees it
    row: int | None = None  # spreadsheet row
    dossier: Path | None = None  # dossier data file, for dossier kinds and reports
    warnings: tuple[Issue, ...] = ()

    @property
    def docx(self) -> str:
        return f"{self.id}.docx"

    @property
    def pdf(self) -> str:
        return f"{self.id}.pdf"

    def outputs(self, pdf: bool) -> list[str]:
        if self.kind == REPORT_KIND:
            return [f"{self.id}.txt", f"{self.id}.json"]
        return [self.docx, self.pdf] if pdf else [self.docx]


@dataclass(slots=True)
class Plan:
    source: Path
    input_kind: InputKind
    outdir: Path
    options: BatchOptions
    kinds: tuple[str, ...]
    items: list[PlanItem] = field(default_factory=list)
    failures: list[ItemRecord] = field(default_factory=list)  # input rows that failed
    warnings: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # kinds with nothing to make, and why
    round: Round | None = None
    round_file: Path | None = None  # the round the contexts are built from
    numbers: list[int] = field(default_factory=list)  # each product's number in the input
    rows: list[int] | None = None  # … which is its sheet row for a spreadsheet
    templates: dict[str, PreparedTemplate] = field(default_factory=dict)
    input_sha256: str = ""
    previous: dict[str, ItemRecord] = field(default_factory=dict)
    previous_manifest: Manifest | None = None
    bundle_name: str | None = None
    bundle_title: str = ""
    bundle_subject: str = ""
    bundle_author: str = ""
    bundle_when: dt.datetime | None = None
    workdir: Path | None = None  # scratch for this run (removed at its end)


def detect_batch_input(path: Path) -> InputKind:
    from ocop_docs.production.spreadsheets import SPREADSHEET_SUFFIXES

    if path.is_dir():
        return "dossiers"
    suffix = path.suffix.lower()
    if path.is_file() and suffix in SPREADSHEET_SUFFIXES:
        return "spreadsheet"
    if path.is_file() and suffix in (".yaml", ".yml", ".json"):
        return "round"
    raise InputError("batch-input-unknown", path=str(path))


def allowed_kinds(input_kind: InputKind) -> tuple[str, ...]:
    """The kinds a batch can make from this kind of input."""
    if input_kind == "dossiers":
        dossier = [k for k, v in KINDS.items() if v.source in ("dossier", "sheet")]
        return (REPORT_KIND, *(k for k in dossier if k != "bao-cao-xa"))
    return tuple(KINDS)


def issue_json(issue: Issue, lang: Lang) -> dict[str, Any]:
    out = issue.to_json(lang)
    out.pop("tags", None)
    return out


def error_json(exc: BaseException, lang: Lang, item: str = "?") -> dict[str, Any]:
    """An item's error for the manifest: code, message and hint in ``lang``, and details."""
    if isinstance(exc, OcopError):
        issues = [issue_json(i, lang) for i in exc.issues if i.severity == "error"][:20]
        return {
            "code": exc.code,
            "message": exc.message(lang),
            "hint": exc.hint(lang),
            "details": issues,
        }
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    reason = f"{type(exc).__name__}: {exc}" + (
        f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    )
    issue = Issue("batch-item-crashed", params={"item": item, "reason": reason})
    return {
        "code": issue.code,
        "message": issue.message(lang),
        "hint": issue.hint(lang),
        "details": [],
    }


def issue_error(issues: list[Issue], lang: Lang) -> dict[str, Any]:
    first = issues[0]
    return {
        "code": first.code,
        "message": first.message(lang),
        "hint": first.hint(lang),
        "details": [issue_json(i, lang) for i in issues[1:]],
    }


def _input_hash(path: Path, kind: InputKind) -> str:
    if kind == "round":
        return sha256_file(path) or ""
    digest = hashlib.sha256()
    if kind == "spreadsheet":
        from ocop_docs.production.spreadsheets import CSV_SIDECARS

        files = [path]
        if path.suffix.lower() == ".csv":
            files += [path.with_name(f"{path.stem}.{x}.csv") for x in CSV_SIDECARS.values()]
    else:
        files = sorted(p for p in path.rglob("ho-so.*") if p.is_file())
    for f in files:
        digest.update(f"{f.relative_to(path.parent)}\0{sha256_file(f) or '-'}\n".encode())
    return digest.hexdigest()


def _unique(stem: str, taken: set[str]) -> str:
    name, n = stem, 2
    while name in taken:
        name = f"{stem}-{n}"
        n += 1
    taken.add(name)
    return name


def _product_stem(code: str, name: str, index: int) -> str:
    prefix = slugify(code, keep_case=True) if code else f"{index:03d}"
    return f"{prefix}_{slugify(name) or 'san-pham'}"


def _absolute_paths(data: dict[str, Any], base: Path) -> dict[str, Any]:
    """A round's data with its dossier and scorecard paths made absolute (it is moved)."""
    out = dict(data)
    products = []
    for raw in data.get("san_pham") or []:
        item = dict(raw)
        if isinstance(item.get("ho_so"), str):
            item["ho_so"] = os.path.normpath(os.path.abspath(base / item["ho_so"]))
        if isinstance(item.get("phieu"), dict):
            item["phieu"] = {
                k: os.path.normpath(os.path.abspath(base / v)) if isinstance(v, str) else v
                for k, v in item["phieu"].items()
            }
        products.append(item)
    out["san_pham"] = products
    return out


def _product_label(raw: Any, number: int) -> str:
    if isinstance(raw, dict):
        for key in ("ten", "ho_so"):
            if raw.get(key):
                return str(raw[key])
    return "—"


def round_from_data(data: dict[str, Any], path: Path) -> Round:
    """:func:`~ocop_docs.production.rounds.load_round` for data already in memory: a spreadsheet (of
    any size: round files are limited to 1 MB, result sheets of thousands of rows are not),
    or a round without its bad products. ``path`` resolves relative dossier paths.

    It runs the steps ``load_round`` runs once the file is read; moving this into
    :mod:`ocop_docs.production.rounds` as a public function would remove the private imports.
    """
    from ocop_docs.production.rounds import _build, _nfc_tree, _schema_issues
    from ocop_docs.text.documents import LoadedDocument

    doc = LoadedDocument(path=path, data=data)
    rnd = Round(path=path)
    rnd.issues.extend(_schema_issues(doc))
    rnd.data = _nfc_tree(data)
    if not rnd.errors:
        _build(rnd, doc)
    return rnd


def _load_working_round(plan: Plan, lang: Lang) -> None:
    """Load the round (file or spreadsheet); products with errors become failed items and
    the round is rebuilt without them; errors of the round as a whole raise (exit 1)."""
    from ocop_docs.production.spreadsheets import read_round_sheet

    rows: list[int] | None = None
    if plan.input_kind == "spreadsheet":
        sheet = read_round_sheet(plan.source)
        errors = [i for i in sheet.issues if i.severity == "error"]
        if errors or sheet.data is None:
            first = errors[0]
            raise InputError(first.code, issues=sheet.issues, **first.params)
        plan.warnings.extend(i for i in sheet.issues if i.severity == "warning")
        for failure in sheet.failures:
            plan.failures.append(
                ItemRecord(
                    id=f"{ROW_KIND}/dong-{failure.row}",
                    kind=ROW_KIND,
                    title=failure.product,
                    status="failed",
                    row=failure.row,
                    error=issue_error(failure.issues, lang),
                )
            )
        rows = list(sheet.rows)
        numbers = list(rows)
        rnd = round_from_data(sheet.data, plan.source)
    else:
        rnd = load_round(plan.source)
        if rnd.data is None:
            raise InputError(
                "round-invalid",
                issues=rnd.issues,
                path=str(plan.source),
                count=max(1, rnd.errors),
                first=next((i.message("vi") for i in rnd.issues if i.severity == "error"), "?"),
            )
        numbers = list(range(1, len(rnd.data["san_pham"]) + 1))
    original = rnd  # its warnings carry the line numbers of the user's file
    while True:
        assert rnd.data is not None
        bad: dict[int, list[Issue]] = {}
        general: list[Issue] = []
        for issue in rnd.issues:
            if issue.severity != "error":
                continue
            m = _PRODUCT_POINTER.match(issue.pointer)
            if m and int(m.group(1)) < len(numbers):
                bad.setdefault(int(m.group(1)), []).append(issue)
            else:
                general.append(issue)
        if general:
            code = "sheet-round-invalid" if rows is not None else "round-invalid"
            raise InputError(
                code,
                issues=rnd.issues,
                path=str(plan.source),
                count=len(general),
                first=general[0].message("vi"),
            )
        if not bad:
            break
        raw_products = list(rnd.data["san_pham"])
        for index, issues in sorted(bad.items()):
            plan.failures.append(
                _product_failure(raw_products[index], numbers[index], issues, rows, lang)
            )
        keep = [i for i in range(len(raw_products)) if i not in bad]
        if not keep:
            raise InputError("batch-no-products", issues=[i for v in bad.values() for i in v])
        data = dict(rnd.data)
        data["san_pham"] = [raw_products[i] for i in keep]
        numbers = [numbers[i] for i in keep]
        rnd = round_from_data(data, plan.source)
    plan.round = rnd
    if rows is None:
        plan.warnings.extend(i for i in original.issues if i.severity == "warning")
    else:
        plan.warnings.extend(_sheet_warnings(rnd, rows))
    plan.numbers = numbers
    plan.rows = rows


def _product_failure(
    raw: Any, number: int, issues: list[Issue], rows: list[int] | None, lang: Lang
) -> ItemRecord:
    """A product the round checks rejected, as a failed item at its line or sheet row."""
    label = _product_label(raw, number)
    first = issues[0]
    vi, en = first.message("vi"), first.message("en")
    if rows is not None:  # a spreadsheet: the row is what the official can find
        head = Issue(
            "sheet-row-invalid",
            params={"row": number, "product": label, "problem": vi, "problem_en": en},
        )
        item_id, row, product, line = f"{ROW_KIND}/dong-{number}", number, None, None
    else:
        head = Issue(
            "batch-product-invalid",
            pointer=first.pointer,
            line=first.line,
            column=first.column,
            params={"number": number, "product": label, "reason": vi, "reason_en": en},
        )
        item_id, row, product, line = f"{ROW_KIND}/{number:03d}", None, number, first.line
    return ItemRecord(
        id=item_id,
        kind=ROW_KIND,
        title=label,
        status="failed",
        product=product,
        row=row,
        line=line,
        error=issue_error([head, *issues], lang),
    )


def built_from_round_file(item: PlanItem) -> bool:
    """Built by build_context from a round file: Mẫu 03 (its assessment is in the round),
    the scoring sheets, and any kind a newer version adds. Dossier kinds are built from
    the product's dossier, which costs one dossier instead of the whole round."""
    if item.kind in ROUND_DATES or item.kind not in KINDS:
        return False
    dossier_kind = KINDS[item.kind].source == "dossier" and item.kind != "bao-cao-xa"
    return item.product is not None and not (dossier_kind and item.dossier is not None)


def _round_file(plan: Plan, workdir: Path) -> Path:
    """A round file for the kinds built by :func:`~ocop_docs.production.contexts.build_context` from a
    file: the user's own when nothing was left out, else the working round, written out."""
    rnd = plan.round
    assert rnd is not None and rnd.data is not None
    if plan.input_kind == "round" and not plan.failures:
        return plan.source
    target = workdir / "dot-danh-gia.json"
    data = _absolute_paths(rnd.data, plan.source.parent)
    target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return target


def _sheet_warnings(rnd: Round, rows: list[int]) -> Iterator[Issue]:
    """A spreadsheet round's warnings, placed at sheet rows instead of lines of the
    generated round file."""
    raw = (rnd.data or {}).get("san_pham") or []
    for issue in rnd.issues:
        if issue.severity != "warning":
            continue
        m = _PRODUCT_POINTER.match(issue.pointer)
        if m and int(m.group(1)) < len(rows):
            index = int(m.group(1))
            yield Issue(
                "sheet-row-warning",
                params={
                    "row": rows[index],
                    "product": _product_label(raw[index], rows[index]),
                    "problem": issue.message("vi"),
                    "problem_en": issue.message("en"),
                },
            )
        else:
            yield Issue(issue.code, pointer=issue.pointer, params=issue.params)


def _plan_round(plan: Plan, workdir: Path) -> None:
    lang = plan.options.lang
    _load_working_round(plan, lang)
    rnd = plan.round
    assert rnd is not None and rnd.data is not None
    numbers, rows = plan.numbers, plan.rows
    data = rnd.data
    ten_dot = str(data.get("ten_dot") or f"năm {data['nam']}")
    round_slug = slugify(ten_dot) or "dot-danh-gia"
    partial: tuple[Issue, ...] = ()
    if plan.failures:
        labels = [
            (
                f"dòng {f.row}" if f.row else f"số {f.product}",
                f"row {f.row}" if f.row else f"no. {f.product}",
                f.title,
            )
            for f in plan.failures
        ]
        partial = (
            Issue(
                "batch-round-partial",
                params={
                    "count": len(plan.failures),
                    "products": ", ".join(
                        vi + (f" «{t}»" if t != "—" else "") for vi, _en, t in labels
                    ),
                    "products_en": ", ".join(
                        en + (f" '{t}'" if t != "—" else "") for _vi, en, t in labels
                    ),
                },
            ),
        )
    decided = "quyet_dinh" in data
    recognised = [p for p in rnd.products if p.recognised]
    taken: dict[str, set[str]] = {}
    for kind in plan.kinds:
        spec = KINDS[kind]
        names = taken.setdefault(kind, set())
        if spec.source == "round" and not spec.per_product:
            if kind == "quyet-dinh" and not (decided and recognised):
                plan.notes.append(kind)
                continue
            stem = _unique(f"{kind}_{round_slug}", names)
            plan.items.append(PlanItem(f"{kind}/{stem}", kind, spec.title_vi, warnings=partial))
            continue
        for position, product in enumerate(rnd.products):
            if kind == "giay-chung-nhan":
                wanted = decided and product.recognised
            elif spec.source == "dossier":
                wanted = product.dossier_path is not None and (
                    kind != "bao-cao-xa" or bool(product.inline.get("danh_gia_xa"))
                )
            elif spec.source == "sheet":
                wanted = bool(product.cards) or product.dossier_path is not None
            else:
                wanted = True
            if not wanted:
                continue
            stem = _unique(
                _product_stem(product.ma_san_pham, product.ten, numbers[position]), names
            )
            title = product.ten + (f" ({product.ma_san_pham})" if product.ma_san_pham else "")
            plan.items.append(
                PlanItem(
                    f"{kind}/{stem}",
                    kind,
                    title,
                    product=product.index,
                    number=numbers[position] if rows is None else None,
                    row=numbers[position] if rows is not None else None,
                    dossier=product.dossier_path,
                )
            )
        if not any(i.kind == kind for i in plan.items):
            plan.notes.append(kind)
    if any(built_from_round_file(i) for i in plan.items):
        plan.round_file = _round_file(plan, workdir)
    co_quan = data["co_quan"]
    plan.bundle_name = f"tap-van-ban_{round_slug}.pdf"
    plan.bundle_title = f"Văn bản đánh giá, phân hạng sản phẩm OCOP — {ten_dot}"
    plan.bundle_subject = str(data["hoi_dong"]["ten"])
    plan.bundle_author = str(co_quan["ten"])
    when = (data.get("quyet_dinh") or {}).get("ngay") or str(data["hop"]["bat_dau"])[:10]
    day = parse_date(when)
    if day is not None:
        plan.bundle_when = dt.datetime(day.year, day.month, day.day)


def _plan_dossiers(plan: Plan) -> None:
    from ocop_docs.production.rounds import read_dossier_data
    from ocop_docs.validation.loading import DOSSIER_NAMES

    source = plan.source
    if any((source / n).is_file() for n in DOSSIER_NAMES):
        folders = [source]
    else:
        folders = sorted(
            p
            for p in source.iterdir()
            if p.is_dir() and any((p / n).is_file() for n in DOSSIER_NAMES)
        )
    if not folders:
        raise InputError("batch-no-dossiers", path=str(source))
    taken: dict[str, set[str]] = {}
    for folder in folders:
        data, _issues, _file = read_dossier_data(folder)
        product = (data or {}).get("san_pham") if isinstance(data, dict) else None
        name = str(product.get("ten")) if isinstance(product, dict) and product.get("ten") else ""
        code = str(product.get("ma_so") or "") if isinstance(product, dict) else ""
        base = (
            f"{slugify(code, keep_case=True)}_{slugify(name)}"
            if code and name
            else slugify(name) or slugify(folder.name) or "ho-so"
        )
        for kind in plan.kinds:
            stem = _unique(base, taken.setdefault(kind, set()))
            title = name or folder.name
            plan.items.append(PlanItem(f"{kind}/{stem}", kind, title, dossier=folder))
    plan.bundle_name = f"tap-van-ban_{slugify(source.resolve().name) or 'ho-so'}.pdf"
    plan.bundle_title = f"Hồ sơ sản phẩm OCOP — {source.resolve().name}"
    plan.bundle_subject = "Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Mẫu 01)"
    plan.bundle_author = "ocop-docs"


def _check_outputs(plan: Plan) -> None:
    """Refuse to overwrite files this batch did not make (issue #5: never silently)."""
    options = plan.options
    planned = [o for item in plan.items for o in item.outputs(options.pdf)]
    if options.bundle and plan.bundle_name:
        planned.append(plan.bundle_name)
    planned.append(MANIFEST_NAME)
    existing = [p for p in planned if (plan.outdir / p).exists()]
    if options.overwrite or not existing:
        return
    vouched: set[str] = set()
    previous = plan.previous_manifest
    if options.resume and previous is not None:
        vouched = previous.recorded() | {MANIFEST_NAME}
        if not previous.complete:
            # An interrupted run wrote files after its last manifest checkpoint (or its
            # workers did, in their last instant): files at this batch's own output paths
            # are taken as that run's, and made again.
            vouched |= set(planned)
    foreign = [p for p in existing if p not in vouched]
    if foreign:
        raise InputError(
            "batch-output-exists", outdir=str(plan.outdir), count=len(foreign), first=foreign[0]
        )


def sweep_temporary(plan: Plan) -> list[Path]:
    """Remove the temporary files a killed run left beside this plan's outputs (a worker
    stopped between writing and renaming); returns what was removed."""
    planned: dict[Path, set[str]] = {}
    for item in plan.items:
        for output in item.outputs(plan.options.pdf):
            path = plan.outdir / output
            planned.setdefault(path.parent, set()).add(path.name)
    removed = []
    for folder, names in planned.items():
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if temporary_target(entry.name) in names and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


def _template_path(kind: str, templates_dir: Path | None) -> Path:
    from ocop_docs.resources import templates_dir as find_templates

    template = find_templates(templates_dir) / KINDS[kind].template
    if templates_dir is not None and not template.is_file():
        template = find_templates() / KINDS[kind].template  # as ``render`` does
    return template


def plan_batch(
    source: Path,
    outdir: Path,
    options: BatchOptions,
    workdir: Path,
    *,
    previous: Manifest | None = None,
    check: bool = True,
) -> Plan:
    """What a batch will make, from what, and where; raises before anything is written.

    ``previous``: the manifest of the run being resumed (default: read from ``outdir``);
    ``check=False`` (a worker process re-planning) skips the checks of OUTDIR and LibreOffice.
    """
    input_kind = detect_batch_input(source)
    allowed = allowed_kinds(input_kind)
    kinds = tuple(dict.fromkeys(options.kinds or DEFAULT_KINDS[input_kind]))
    for kind in kinds:
        if kind not in allowed:
            raise BatchOptionError(
                "batch-kind-unsupported",
                kind=kind,
                input=INPUT_NAMES[input_kind][0],
                input_en=INPUT_NAMES[input_kind][1],
                allowed=", ".join(allowed),
            )
    plan = Plan(source, input_kind, outdir, options, kinds, workdir=workdir)
    plan.input_sha256 = _input_hash(source, input_kind)
    if previous is not None:
        plan.previous_manifest = previous
    elif options.resume:
        try:
            plan.previous_manifest = read_manifest(outdir)
        except ValueError as exc:
            raise InputError("batch-manifest-unreadable", reason=str(exc)) from exc
    if plan.previous_manifest is not None:
        plan.previous = {i.id: i for i in plan.previous_manifest.items}
    if input_kind == "dossiers":
        _plan_dossiers(plan)
    else:
        _plan_round(plan, workdir)
    if check:
        _check_outputs(plan)
    for kind in dict.fromkeys(i.kind for i in plan.items):
        if kind != REPORT_KIND:  # a broken template stops the batch here (exit 3)
            plan.templates[kind] = PreparedTemplate(
                _template_path(kind, options.templates_dir), draft=options.draft
            )
    if options.pdf and check:  # fail before writing anything when LibreOffice is missing
        from ocop_docs.production.conversion import find_soffice

        find_soffice(options.soffice)
    return plan


__all__ = [
    "DEFAULT_KINDS",
    "INPUT_NAMES",
    "REPORT_KIND",
    "REPORT_TITLE",
    "ROUND_DATES",
    "ROW_KIND",
    "BatchOptionError",
    "BatchOptions",
    "InputKind",
    "Plan",
    "PlanItem",
    "allowed_kinds",
    "built_from_round_file",
    "detect_batch_input",
    "error_json",
    "issue_error",
    "issue_json",
    "plan_batch",
    "round_from_data",
    "sweep_temporary",
]
