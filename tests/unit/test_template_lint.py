"""Template checks: shipped templates are clean; each kind of breakage is found and placed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ocop_docs.errors import OcopError
from ocop_docs.production.contexts.building import build_context
from ocop_docs.production.contexts.registry import ALL_KINDS, KINDS
from ocop_docs.production.lint import check_template, check_templates

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_templates_are_clean() -> None:
    report = check_templates()
    assert report.issues == [], [i.message() for i in report.issues]
    assert sorted(p.stem for p in report.checked) == sorted(ALL_KINDS)


def _doc(path: Path, *paragraphs: str | list[str]) -> Path:
    doc = Document()
    for item in paragraphs:
        p = doc.add_paragraph()
        for run in [item] if isinstance(item, str) else item:
            p.add_run(run)
    doc.save(str(path))
    return path


def test_split_tag_is_a_warning(tmp_path: Path) -> None:
    path = _doc(tmp_path / "phieu-dang-ky.docx", ["Tên: {{ chu_", "the.ten }}"])
    issues = check_template(path, "phieu-dang-ky")
    assert [i.code for i in issues] == ["template-split-tag"]
    assert issues[0].params["runs"] == 2
    assert "đoạn 1" in issues[0].message("vi")


def test_unknown_variable_against_the_kind_schema(tmp_path: Path) -> None:
    path = _doc(
        tmp_path / "bien-ban.docx",
        "{{ hop.dia_diem }}",
        "{{ hop.dia_diemm }}",
        "{%p for m in hop.co_mat %}",
        "{{ m.ho_ten }} {{ m.ho_tenn }}",
        "{%p endfor %}",
    )
    issues = check_template(path, "bien-ban")
    assert [(i.code, i.params["variable"]) for i in issues] == [
        ("template-unknown-variable", "hop.dia_diemm"),
        ("template-unknown-variable", "hop.co_mat[].ho_tenn"),
    ]
    assert "đoạn 4" in issues[1].message("vi")


def test_unbalanced_tr_pairs(tmp_path: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=2, cols=1)
    table.rows[0].cells[0].text = "{%tr for sp in cong_nhan %}"
    table.rows[1].cells[0].text = "{{ sp.ten }}"
    path = tmp_path / "quyet-dinh.docx"
    doc.save(str(path))
    issues = check_template(path, "quyet-dinh")
    assert [i.code for i in issues] == ["template-unbalanced-tr"]
    assert "bảng 1, dòng 1, ô 1" in issues[0].message("vi")


def test_tr_closed_in_the_same_row_is_unbalanced(tmp_path: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "{%tr for sp in cong_nhan %}"
    table.rows[0].cells[1].text = "{%tr endfor %}"
    path = tmp_path / "quyet-dinh.docx"
    doc.save(str(path))
    assert [i.code for i in check_template(path, "quyet-dinh")] == ["template-unbalanced-tr"]


def test_syntax_errors(tmp_path: Path) -> None:
    open_tag = _doc(tmp_path / "a.docx", "{{ chu_the.ten ")
    assert [i.code for i in check_template(open_tag, None)] == ["template-syntax"]
    bad_expr = _doc(tmp_path / "b.docx", "Một", "{{ chu_the..ten }}")
    issues = check_template(bad_expr, None)
    assert [i.code for i in issues] == ["template-syntax"]
    assert "đoạn 2" in issues[0].message("vi")
    unclosed = _doc(tmp_path / "c.docx", "{% if x %}", "y")
    assert [i.code for i in check_template(unclosed, None)] == ["template-syntax"]


def test_user_folder(tmp_path: Path) -> None:
    shutil.copy(ROOT / "templates" / "quyet-dinh.docx", tmp_path / "quyet-dinh.docx")
    _doc(tmp_path / "khac.docx", "x")
    report = check_templates(tmp_path)
    assert report.ok  # a user folder may hold only the templates it changes
    codes = [i.code for i in report.issues]
    assert codes == ["template-unknown-kind", "template-shipped-used"]
    # … and says which kinds it does not hold, whose shipped templates are used (issue 12)
    kinds = report.issues[1].params["kinds"]
    assert "phieu-dang-ky" in kinds.split(", ") and "quyet-dinh" not in kinds.split(", ")


def test_a_folder_without_templates_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "ghi-chu.txt").write_text("không phải mẫu", encoding="utf-8")
    report = check_templates(tmp_path)
    assert not report.ok
    assert [i.code for i in report.issues] == ["templates-none-found"]
    assert "templates copy" in report.issues[0].hint("vi")


def test_schema_paths_and_docs() -> None:
    schema = KINDS["bien-ban"].schema
    assert schema.has("hop.co_mat[].ho_ten")
    assert not schema.has("hop.co_mat[].khong_co")
    docs = (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
    missing = sorted(
        {
            path
            for kind in ALL_KINDS.values()
            for path, _ in kind.schema.paths()
            if f"`{path}`" not in docs
        }
    )
    assert missing == [], "document these variables in docs/documents.md"


def _context_validator(kind: str) -> Draft202012Validator:
    folder = ROOT / "schemas" / "contexts"
    resources = []
    for path in folder.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["$id"] = path.resolve().as_uri()
        resources.append((schema["$id"], Resource.from_contents(schema)))
    root = {"$ref": (folder / f"{kind}.schema.json").resolve().as_uri()}
    return Draft202012Validator(root, registry=Registry().with_resources(resources))


def _present(value: Any) -> Any:
    """The context as templates see it: None is an absent value (rendering.wrap)."""
    if isinstance(value, dict):
        return {k: _present(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_present(v) for v in value]
    return value


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_sample_context_validates_against_its_schema_file(kind: str) -> None:
    """The schema files are JSON Schema proper: what a kind builds from every sample fits."""
    assert Draft202012Validator.check_schema(KINDS[kind].schema.root) is None
    validator = _context_validator(kind)
    dossiers = sorted((ROOT / "samples" / "ho-so").iterdir())
    rounds = sorted((ROOT / "samples" / "dot-danh-gia").glob("*.yaml"))
    revocations = sorted((ROOT / "samples" / "thu-hoi").glob("*.yaml"))  # Điều 8
    built = 0
    for source, product in (
        [(d, None) for d in dossiers]
        + [(r, n) for r in rounds for n in (None, 1, 2)]
        + [(r, None) for r in revocations]
    ):
        try:
            made = build_context(kind, source, product=product, allow=ALLOW)
        except OcopError:
            continue  # a kind that does not fit this input
        built += 1
        # Mẫu 01 of a QĐ 1048/2019 dossier is its Biểu 02 (regime_forms): its own schema.
        check = validator if made.kind.name == kind else _context_validator(made.kind.name)
        errors = [
            f"{list(e.absolute_path)}: {e.message}"
            for e in check.iter_errors(_present(made.context))
        ]
        assert errors == [], f"{kind} from {source.name}"
    assert built >= 1


@pytest.mark.slow
def test_context_schemas_and_wording_ship_in_the_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("ocop_docs-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "ocop_docs/_data/schemas"
    for kind in KINDS:
        assert f"{data}/contexts/{kind}.schema.json" in names
    assert f"{data}/contexts/common.schema.json" in names
    for name in ("acts.yaml", "names.yaml", "form-02.yaml", "procedure.yaml"):
        assert f"{data}/documents/{name}" in names
    assert f"{data}/thu-hoi.schema.json" in names  # the revocation file (Điều 8)


def test_every_kind_is_one_module_one_template_one_schema() -> None:
    """One document kind = one context module + its template + its context schema."""
    modules = ROOT / "ocop_docs" / "production" / "contexts"
    for name, kind in ALL_KINDS.items():
        assert (modules / f"{name.replace('-', '_')}.py").is_file(), name
        assert (ROOT / "templates" / kind.template).is_file(), name
        assert (ROOT / "schemas" / "contexts" / f"{name}.schema.json").is_file(), name
        builders = [
            kind.from_dossier,
            kind.from_round,
            kind.from_sheet_input,
            kind.from_file,
            kind.from_registry,
        ]
        assert sum(b is not None for b in builders) == 1, name
    schemas = {p.name for p in (ROOT / "schemas" / "contexts").glob("*.schema.json")}
    assert schemas == {f"{k}.schema.json" for k in ALL_KINDS} | {"common.schema.json"}
