"""Planning a batch: what to make, from what, and under which names (issue #5).

Stage "planning" of ``ocop-docs batch`` (:mod:`ocop_docs.production.batch` runs the plan).
The input is a round file, a results spreadsheet (:mod:`ocop_docs.production.spreadsheets`)
or a folder of dossiers (:mod:`ocop_docs.production.inputs`). A round's products with errors
are left out of the working round (:mod:`ocop_docs.production.working_round`) and listed
as failed items. Every output gets a readable ASCII name (:mod:`ocop_docs.text.names`);
existing files are never overwritten without ``overwrite`` (or, with ``resume``, unless the
previous manifest vouches for them: :mod:`ocop_docs.production.resume`). Templates are
opened and compiled here, once (:class:`~ocop_docs.production.prepared.PreparedTemplate`):
a broken template stops the batch (exit 3), as does a missing LibreOffice when PDFs are
asked for.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ocop_docs.catalogue import Lang
from ocop_docs.errors import ConverterMissing, InputError, Issue, UsageError
from ocop_docs.production.contexts.dates import decision_day, meeting_day
from ocop_docs.production.contexts.dossier import FORM_REGIME, FORM_REGIMES
from ocop_docs.production.contexts.giay_chung_nhan import certificate_logo
from ocop_docs.production.contexts.partial import withheld_record
from ocop_docs.production.contexts.regime_forms import FORMS_1048, REGISTRATION, form_kind
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.production.conversion import find_soffice
from ocop_docs.production.inputs import (
    INPUT_NAMES,
    BatchInput,
    detect_batch_input,
    dossier_folders,
    read_dossier_data,
)
from ocop_docs.production.lint import shipped_used
from ocop_docs.production.lookup import apply_lookup
from ocop_docs.production.manifest import (
    MANIFEST_NAME,
    ItemRecord,
    Manifest,
    ManifestUnreadable,
    check_manifest_path,
    read_manifest,
)
from ocop_docs.production.pictures import Picture
from ocop_docs.production.pool import DEFAULT_BATCH, DEFAULT_DOC_TIMEOUT, machine_workers
from ocop_docs.production.prepared import PreparedTemplate
from ocop_docs.production.resume import check_outputs, input_sha256
from ocop_docs.production.rounds.model import Round
from ocop_docs.production.working_round import load_working_round, round_file
from ocop_docs.resources import templates_dir as find_templates
from ocop_docs.text.names import slugify, unique_name

REPORT_KIND = "kiem-tra"  # a dossier's validation report (text and JSON), not a Word template
REPORT_TITLE: dict[Lang, str] = {"vi": "Báo cáo kiểm tra hồ sơ", "en": "Dossier validation report"}
# What a batch makes when --kinds is not given: the round's paperwork (QĐ 26/2026 Điều 7.3:
# the council's minutes, the recognition decision with its annex, one certificate per
# recognised product); for dossiers, the check of each dossier and its Mẫu 01.
DEFAULT_KINDS: dict[BatchInput, tuple[str, ...]] = {
    "round": ("bien-ban", "quyet-dinh", "giay-chung-nhan"),
    "spreadsheet": ("bien-ban", "quyet-dinh", "giay-chung-nhan"),
    "dossiers": (REPORT_KIND, "phieu-dang-ky"),
}


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
    # issue 14: record the round's recognised products in this registry (a SQLite file or
    # a database URL) once the manifest is complete; None: not asked (opt-in).
    registry: str | None = None

    # Folders besides the round file's own that the dossiers and scorecards it names may
    # lie in (``--allow``; issue 9): nothing else a round names is read.
    allow: tuple[Path, ...] = ()
    logo: Path | None = None  # --logo: the certificates' OCOP logo (else the round file's)
    lookup: str | None = None  # --tra-cuu: the certificates' look-up page (else the round's)


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
    input_kind: BatchInput
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
    jobs: int = 1  # parallel processes: as asked, capped to what the machine can hold
    converter_missing: ConverterMissing | None = None  # --pdf asked, LibreOffice not found
    logo: Picture | None = None  # the certificates' logo, read once for the whole round

    def item_outputs(self) -> list[str]:
        """Every file the plan's items write (relative to OUTDIR)."""
        return [o for item in self.items for o in item.outputs(self.options.pdf)]

    def planned_outputs(self) -> list[str]:
        """What this batch may write: the items' files, the bundle, the manifest."""
        planned = self.item_outputs()
        if self.options.bundle and self.bundle_name:
            planned.append(self.bundle_name)
        planned.append(MANIFEST_NAME)
        return planned


def allowed_kinds(input_kind: BatchInput) -> tuple[str, ...]:
    """The kinds a batch can make from this kind of input."""
    if input_kind == "dossiers":
        dossier = [k for k, v in KINDS.items() if v.source in ("dossier", "sheet")]
        return (REPORT_KIND, *(k for k in dossier if k != "bao-cao-xa"))
    # A paper with a data file of its own (the revocation, Điều 8) is not a round's.
    return tuple(k for k, v in KINDS.items() if v.source != "file")


def built_from_round_file(item: PlanItem) -> bool:
    """Built by build_context from a round file: Mẫu 03 (its assessment is in the round),
    the scoring sheets, and any kind a newer version adds. Dossier kinds are built from
    the product's dossier, which costs one dossier instead of the whole round."""
    if item.kind not in KINDS or KINDS[item.kind].source == "round":
        return False
    dossier_kind = KINDS[item.kind].source == "dossier" and item.kind != "bao-cao-xa"
    return item.product is not None and not (dossier_kind and item.dossier is not None)


def _unique(stem: str, taken: set[str]) -> str:
    """A name valid on Windows and macOS (no device name such as ``CON``) and distinct from
    the others of its folder without regard to case, as the officials unzip the results
    there (issue 9)."""
    return unique_name(stem, taken)


def effective_jobs(options: BatchOptions) -> tuple[int, Issue | None]:
    """``--jobs`` (default: one per core) capped to what the machine can hold, with the
    warning that says so when it was capped."""
    asked = options.jobs or os.cpu_count() or 1
    limit = machine_workers()
    if asked <= limit:
        return asked, None
    return limit, Issue("batch-jobs-capped", params={"asked": asked, "jobs": limit})


def _product_stem(code: str, name: str, index: int) -> str:
    prefix = slugify(code, keep_case=True) if code else f"{index:03d}"
    return f"{prefix}_{slugify(name) or 'san-pham'}"


def _plan_round(plan: Plan, workdir: Path) -> None:
    working = load_working_round(
        plan.source, plan.input_kind, plan.options.lang, plan.options.allow
    )
    plan.failures.extend(working.failures)
    plan.warnings.extend(working.warnings)
    plan.round, plan.numbers, plan.rows = working.round, working.numbers, working.rows
    rnd = working.round
    if plan.options.lookup is not None:  # --tra-cuu over the round's own (issue 12)
        plan.warnings.extend(apply_lookup(rnd, plan.options.lookup))
    assert rnd.data is not None
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
            if spec.wanted is not None and not spec.wanted(rnd, None):
                plan.notes.append(kind)  # the round lacks what the paper needs
                continue
            stem = _unique(f"{kind}_{round_slug}", names)
            # A partial round's council documents are withheld unless --draft (issue 12).
            withheld = withheld_record(
                kind,
                f"{kind}/{stem}",
                (spec.title_vi, spec.title_en),
                plan.failures,
                plan.options.lang,
                plan.options.draft,
            )
            if withheld is not None:
                plan.failures.append(withheld)
                continue
            plan.items.append(PlanItem(f"{kind}/{stem}", kind, spec.title_vi, warnings=partial))
            continue
        groups: set[str] = set()  # a per-group kind: one paper per commune or producer
        for position, product in enumerate(rnd.products):
            if spec.group is not None:
                group = spec.group(product)
                if group is None or group in groups:
                    continue
                groups.add(group)
            if kind in ("giay-chung-nhan", "giay-chung-nhan-phoi"):
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
            if spec.wanted is not None and not spec.wanted(rnd, product):
                continue
            made = kind
            if spec.source == "dossier" and product.dossier is not None:
                # The product's regime's own form (contexts.regime_forms), as for dossiers.
                try:
                    made, _noted = form_kind(kind, product.dossier)
                except InputError as exc:
                    plan.warnings.append(_form_skipped(kind, product.ten, exc))
                    continue
            base = _product_stem(product.ma_san_pham, product.ten, numbers[position])
            title = product.ten + (f" ({product.ma_san_pham})" if product.ma_san_pham else "")
            if spec.group is not None:  # named by its commune or producer
                title = spec.group(product) or title
                base = slugify(title) or base
            stem = _unique(base, taken.setdefault(made, set()) if made != kind else names)
            plan.items.append(
                PlanItem(
                    f"{made}/{stem}",
                    made,
                    title,
                    product=product.index,
                    number=numbers[position] if rows is None else None,
                    row=numbers[position] if rows is not None else None,
                    dossier=product.dossier_path,
                )
            )
        if not any(i.kind == kind for i in plan.items) and not _made_instead(plan, kind):
            plan.notes.append(kind)
    if any(built_from_round_file(i) for i in plan.items):
        plan.round_file = round_file(working, plan.source, plan.input_kind, workdir)
    co_quan = data["co_quan"]
    plan.bundle_name = f"tap-van-ban_{round_slug}.pdf"
    plan.bundle_title = f"Văn bản đánh giá, phân hạng sản phẩm OCOP — {ten_dot}"
    plan.bundle_subject = str(data["hoi_dong"]["ten"])
    plan.bundle_author = str(co_quan["ten"])
    plan.bundle_when = decision_day(data) or meeting_day(data)


def _form_skipped(kind: str, where: str, exc: InputError) -> Issue:
    """``batch-form-skipped``: the dossier's regime has no such form (regime_forms)."""
    params = {"kinds": kind, "path": where, "why": exc.message("vi"), "why_en": exc.message("en")}
    return Issue("batch-form-skipped", params=params)


def _made_instead(plan: Plan, kind: str) -> bool:
    """Whether ``kind`` was asked and its regime's form made instead (or refused, and said)."""
    return (kind == REGISTRATION and any(i.kind in FORMS_1048 for i in plan.items)) or any(
        w.code == "batch-form-skipped" and w.params.get("kinds") == kind for w in plan.warnings
    )


def _plan_dossiers(plan: Plan) -> None:
    source = plan.source
    folders = dossier_folders(source)
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
        regime = (
            str((data or {}).get("bo_tieu_chi") or FORM_REGIME)
            if isinstance(data, dict)
            else FORM_REGIME
        )
        skipped: list[str] = []
        for kind in plan.kinds:
            if kind != REPORT_KIND and regime not in FORM_REGIMES:
                # This regime's forms are not shipped (render-forms-regime); the check
                # report is made.
                skipped.append(kind)
                continue
            made = kind
            if kind != REPORT_KIND and isinstance(data, dict):
                # Each regime's own form (contexts.regime_forms): Mẫu 01 of a QĐ 1048/2019
                # dossier is its Biểu 02; a form the regime lacks is left out, and said so.
                try:
                    made, _noted = form_kind(kind, data)
                except InputError as exc:
                    plan.warnings.append(_form_skipped(kind, str(folder), exc))
                    continue
            if any(i.kind == made and i.dossier == folder for i in plan.items):
                continue  # phieu-dang-ky and bieu-02-1048 asked together: one form
            stem = _unique(base, taken.setdefault(made, set()))
            title = name or folder.name
            plan.items.append(PlanItem(f"{made}/{stem}", made, title, dossier=folder))
        if skipped:
            number, year = FORM_REGIME.split("/")
            plan.warnings.append(
                Issue(
                    "batch-forms-regime",
                    params={
                        "kinds": ", ".join(skipped),
                        "path": str(folder),
                        "regime": regime,
                        "current": f"{number}/{year}/QĐ-TTg",
                    },
                )
            )
    plan.bundle_name = f"tap-van-ban_{slugify(source.resolve().name) or 'ho-so'}.pdf"
    plan.bundle_title = f"Hồ sơ sản phẩm OCOP — {source.resolve().name}"
    plan.bundle_subject = "Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Mẫu 01)"
    plan.bundle_author = "ocop-docs"


def _template_path(kind: str, templates_dir: Path | None) -> tuple[Path, bool]:
    """The template of ``kind``, and whether it is the shipped one standing in for a
    template the ``--templates-dir`` folder does not hold (as ``render`` does)."""
    template = find_templates(templates_dir) / KINDS[kind].template
    if templates_dir is not None and not template.is_file():
        return find_templates() / KINDS[kind].template, True
    return template, False


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
    plan.jobs, capped = effective_jobs(options)
    if capped is not None:
        plan.warnings.append(capped)
    plan.input_sha256 = input_sha256(source, input_kind)
    if check:
        check_manifest_path(outdir)  # a folder or a link in its place: refused now
    if previous is not None:
        plan.previous_manifest = previous
    elif options.resume:
        try:
            plan.previous_manifest = read_manifest(outdir)
        except ManifestUnreadable as exc:
            raise InputError(
                "batch-manifest-unreadable", reason=exc.reason, reason_en=exc.reason_en
            ) from exc
    if plan.previous_manifest is not None:
        plan.previous = {i.id: i for i in plan.previous_manifest.items}
    if input_kind == "dossiers":
        _plan_dossiers(plan)
    else:
        _plan_round(plan, workdir)
    if check:
        check_outputs(
            outdir,
            plan.planned_outputs(),
            overwrite=options.overwrite,
            resume=options.resume,
            previous=plan.previous_manifest,
        )
    absent: list[str] = []
    for kind in dict.fromkeys(i.kind for i in plan.items):
        if kind != REPORT_KIND:  # a broken template stops the batch here (exit 3)
            template, shipped = _template_path(kind, options.templates_dir)
            if shipped:
                absent.append(template.name)
            plan.templates[kind] = PreparedTemplate(template, draft=options.draft)
    if absent and options.templates_dir is not None:
        plan.warnings.append(shipped_used(absent, options.templates_dir))
    if plan.round is not None and any(KINDS[k].pictures for k in plan.kinds if k in KINDS):
        # A logo that cannot be used stops the batch before anything is written (exit 1).
        plan.logo = certificate_logo(plan.round, options.logo)
    if options.pdf and check:
        # Without LibreOffice the .docx files are still made (an official can print them
        # from Word); the batch then says the PDFs could not be made and exits 3 (issue 12).
        try:
            find_soffice(options.soffice)
        except ConverterMissing as exc:
            plan.converter_missing = exc
    return plan


__all__ = [
    "DEFAULT_KINDS",
    "REPORT_KIND",
    "REPORT_TITLE",
    "BatchOptionError",
    "BatchOptions",
    "Plan",
    "PlanItem",
    "allowed_kinds",
    "built_from_round_file",
    "plan_batch",
]
