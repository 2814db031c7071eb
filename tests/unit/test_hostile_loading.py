"""Hostile and broken data files (issue 9): each class with several members.

Every case is a finding with its place and exit code 1, never an exception, an internal
error (exit 3) or "HỢP LỆ"; a run over many dossiers fails the bad one alone; a data file
that is a symlink is never read, so none of its target appears in any message.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from ocop_docs.cli.main import cli
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.reporting import terminal_safe
from ocop_docs.scoring.card_file import CardReadError, read_card
from ocop_docs.text.documents import MAX_DEPTH, load_document
from ocop_docs.validation.loading import load_dossier
from ocop_docs.validation.pipeline import validate, validate_dossier

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples" / "ho-so"
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
CARD = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"
SECRET = "BÍ-MẬT-KHÔNG-ĐƯỢC-IN"


def dossier(tmp_path: Path, content: str | bytes, name: str = "ho-so.yaml") -> Path:
    folder = tmp_path / "ho-so"
    folder.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    (folder / name).write_bytes(data)
    return folder


def validate_json(path: Path) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
    return result.exit_code, json.loads(result.output)


def codes_of(path: Path) -> list[str]:
    return [i.code for i in validate_dossier(path).issues]


# --- the data file is a path like any attachment -----------------------------------------


@pytest.mark.parametrize("name", ["ho-so.yaml", "ho-so.yml", "ho-so.json"])
@pytest.mark.parametrize("target", ["outside", "inside", "dangling", "folder"])
def test_symlinked_data_file_is_never_read(tmp_path: Path, name: str, target: str) -> None:
    outside = tmp_path / "ngoai.yaml"
    outside.write_text(f"bo_san_pham: 23\nsecret: {SECRET}\n", encoding="utf-8")
    folder = tmp_path / "ho-so"
    folder.mkdir()
    (folder / "that.yaml").write_text(f"secret: {SECRET}\n", encoding="utf-8")
    (folder / "thu-muc").mkdir()
    link = {
        "outside": str(outside),
        "inside": "that.yaml",
        "dangling": "khong-co.yaml",
        "folder": "thu-muc",
    }[target]
    os.symlink(link, folder / name)
    for path in (folder, folder / name):  # found in the folder, or named on the command line
        code, report = validate_json(path)
        assert code == 1
        assert SECRET not in json.dumps(report, ensure_ascii=False)
        issues = report["dossiers"][0]["issues"]  # type: ignore[index]
        assert [i["code"] for i in issues] == ["file-symlink"]
        text = CliRunner().invoke(cli, ["validate", str(path)]).output
        assert SECRET not in text and "file-symlink" in text


def test_fifo_or_folder_as_data_file_does_not_block(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    os.mkfifo(folder / "ho-so.yaml")
    assert codes_of(folder) == ["file-unreadable"]
    assert [i.code for i in load_document(folder).issues] == ["file-unreadable"]
    assert [i.code for i in load_document(folder / "ho-so.yaml").issues] == ["file-unreadable"]


# --- values that break parsers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ho-so.yaml", "bo_san_pham: " + "9" * 5000 + "\n"),
        ("ho-so.yaml", "bo_san_pham: -" + "1" * 301 + "\n"),
        ("ho-so.yaml", "bo_san_pham: " + ":".join(["59"] * 400) + "\n"),  # YAML 1.1 base 60
        ("ho-so.json", '{"bo_san_pham": ' + "7" * 5000 + "}"),
        ("ho-so.json", '{"bo_san_pham":\t' + "7" * 5000 + "}"),  # tab: the no-position path
    ],
    ids=["yaml-5000", "yaml-301", "yaml-sexagesimal", "json-5000", "json-tab"],
)
def test_numbers_with_thousands_of_digits(tmp_path: Path, name: str, text: str) -> None:
    report = validate_dossier(dossier(tmp_path, text, name))
    assert not report.internal_error and not report.valid
    found = [i for i in report.issues if i.code == "number-too-long"]
    assert len(found) == 1 and found[0].pointer == "/bo_san_pham"
    if "\t" not in text:
        assert found[0].line == 1 and found[0].column is not None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ho-so.yaml", ".nan"),
        ("ho-so.yaml", ".inf"),
        ("ho-so.yaml", "-.Inf"),
        ("ho-so.yaml", "1.0e+400"),
        ("ho-so.json", "NaN"),
        ("ho-so.json", "-Infinity"),
        ("ho-so.json", "1e400"),
    ],
)
def test_nan_and_infinity(tmp_path: Path, name: str, value: str) -> None:
    text = (
        f'{{"san_pham": {{"so_luong_mau": {value}}}}}'
        if name.endswith(".json")
        else f"san_pham:\n  so_luong_mau: {value}\n"
    )
    report = validate_dossier(dossier(tmp_path, text, name))
    assert not report.internal_error and not report.valid
    found = [i for i in report.issues if i.code == "number-not-finite"]
    assert [i.pointer for i in found] == ["/san_pham/so_luong_mau"]
    assert found[0].line == (1 if name.endswith(".json") else 2)


@pytest.mark.parametrize("day", ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31"])
def test_impossible_dates_in_a_dossier(tmp_path: Path, day: str) -> None:
    sample = (SAMPLES / "mien-dong-tai-hoan" / "ho-so.yaml").read_text(encoding="utf-8")
    lines = sample.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("ngay_nop:"))
    lines[index] = f"ngay_nop: {day}"
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLES / "mien-dong-tai-hoan", folder)
    (folder / "ho-so.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate_dossier(folder)
    assert not report.internal_error and not report.valid
    found = [i for i in report.issues if i.pointer == "/ngay_nop"]
    assert found and found[0].code == "date-invalid" and found[0].line == index + 1


@pytest.mark.parametrize("day", ["2027-02-30", "2027-02-29", "2027-00-10"])
def test_impossible_decision_date_in_a_round(tmp_path: Path, day: str) -> None:
    text = ROUND.read_text(encoding="utf-8").replace("ngay: 2027-01-05", f"ngay: {day}", 1)
    assert day in text
    (tmp_path / "dot.yaml").write_text(text, encoding="utf-8")
    rnd = load_round(tmp_path / "dot.yaml")
    errors = [i for i in rnd.issues if i.severity == "error"]
    assert errors and any(i.pointer == "/quyet_dinh/ngay" and i.line for i in errors)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ho-so.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("ho-so.yaml", "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x: 1\n"),
        ("ho-so.yaml", "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"),
        ("ho-so.json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("ho-so.json", '{"a": ' + "[" * 5000 + "]" * 5000 + "}"),
        ("ho-so.json", '{"a":\t' + "[" * 900 + "]" * 900 + "}"),
    ],
    ids=["yaml-5000", "yaml-block-200", "yaml-just-over", "json-100000", "json-5000", "json-tab"],
)
def test_deep_nesting(tmp_path: Path, name: str, text: str) -> None:
    report = validate_dossier(dossier(tmp_path, text, name))
    assert not report.internal_error and not report.valid
    assert {i.code for i in report.issues} <= {"yaml-too-complex", "yaml-syntax"}


@pytest.mark.parametrize(
    ("key", "value"),
    [("ten", "\\ud800"), ("ten", "A\\udfffB"), ("\\udc00", "x"), ("ten", "\\ud83d")],
)
def test_lone_surrogates(tmp_path: Path, key: str, value: str) -> None:
    text = '{"san_pham": {"' + key + '": "' + value + '"}}'
    report = validate_dossier(dossier(tmp_path, text, "ho-so.json"))
    assert not report.internal_error and not report.valid
    found = [i for i in report.issues if i.code == "text-surrogate"]
    assert len(found) == 1 and found[0].line == 1 and found[0].column is not None
    for fmt in ("text", "json"):
        result = CliRunner().invoke(cli, ["validate", str(tmp_path / "ho-so"), "--format", fmt])
        assert result.exit_code == 1, result.output
        result.output.encode("utf-8")  # printable: nothing left to fail encoding


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ho-so.yaml", "null\n"),
        ("ho-so.yaml", "~\n"),
        ("ho-so.yaml", "--- ~\n...\n"),
        ("ho-so.yaml", ""),
        ("ho-so.yaml", "# chỉ có chú thích\n"),
        ("ho-so.json", "null"),
        ("ho-so.json", "[]"),
        ("ho-so.json", '"văn bản"'),
        ("ho-so.yaml", "42\n"),
    ],
)
def test_no_content_is_never_valid(tmp_path: Path, name: str, content: str) -> None:
    folder = dossier(tmp_path, content, name)
    report = validate_dossier(folder)
    assert not report.valid and not report.internal_error
    assert [i.code for i in report.issues] == ["dossier-not-mapping"]
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1 and "HỢP LỆ" in result.output and "CHƯA HỢP LỆ" in result.output


@pytest.mark.parametrize(
    "value",
    ["\\u001b[31mĐỏ\\u001b[0m", "\\u001b]0;tiêu đề\\u0007", "A\\u0000B", "\\u009b2J", "x\\u007fy"],
)
def test_control_characters_are_findings_and_escaped(tmp_path: Path, value: str) -> None:
    sample = json.loads(json.dumps(_sample_data()))
    text = json.dumps(sample, ensure_ascii=False).replace(
        json.dumps(sample["san_pham"]["ten"], ensure_ascii=False), '"' + value + '"', 1
    )
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLES / "mien-dong-tai-hoan", folder)
    (folder / "ho-so.yaml").unlink()
    (folder / "ho-so.json").write_text(text, encoding="utf-8")
    report = validate_dossier(folder)
    assert not report.internal_error and not report.valid
    found = [i for i in report.issues if i.code == "text-control-character"]
    assert [i.pointer for i in found] == ["/san_pham/ten"] and found[0].line == 1
    # The other checks still ran: the sample's attachments were checked.
    assert report.attachments
    output = CliRunner().invoke(cli, ["validate", str(folder)]).output
    assert not any(c in output for c in "\x1b\x07\x00\x9b\x7f")
    assert "\\x" in output


def _sample_data() -> dict[str, object]:
    doc = load_dossier(SAMPLES / "mien-dong-tai-hoan")
    assert isinstance(doc.data, dict)
    return doc.data


def test_terminal_safe_keeps_text_and_escapes_controls() -> None:
    assert terminal_safe("Miến dong {{ x }} {%_ %}\n\tok") == "Miến dong {{ x }} {%_ %}\n\tok"
    assert terminal_safe("a\x1b[2Jb\rc\x9b\ud800") == "a\\x1b[2Jb\\x0dc\\x9b\\ud800"


def test_a_folder_of_dossiers_fails_the_hostile_one_alone(tmp_path: Path) -> None:
    good = tmp_path / "tot"
    shutil.copytree(SAMPLES / "mien-dong-tai-hoan", good)
    hostile = [
        dossier(tmp_path / "a", "bo_san_pham: " + "9" * 5000 + "\n"),
        dossier(tmp_path / "b", "null\n"),
        dossier(tmp_path / "c", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "ho-so.json"),
        dossier(tmp_path / "d", "ngay_nop: 2026-02-30\n"),
        dossier(tmp_path / "e", '{"ten": "\\ud800"}', "ho-so.json"),
    ]
    run = validate([good, *hostile])
    assert run.exit_code == 1
    assert [r.valid for r in run.reports] == [True] + [False] * len(hostile)
    assert not any(r.internal_error for r in run.reports)
    result = CliRunner().invoke(cli, ["validate", str(good), *map(str, hostile)])
    assert result.exit_code == 1


# --- round files and scorecards ----------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "null\n",
        "bo_tieu_chi: " + "1" * 5000 + "\n",
        "bo_tieu_chi: .nan\n",
        "a: " + "[" * 5000 + "]" * 5000 + "\n",
        'bo_tieu_chi: "\\e[2J"\n',
    ],
)
def test_hostile_round_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "dot.yaml"
    path.write_text(content, encoding="utf-8")
    rnd = load_round(path)
    assert rnd.errors and not rnd.valid
    result = CliRunner().invoke(cli, ["render", "bien-ban", str(path), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output


def test_symlinked_round_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    # The user named it: links on the command line are the user's choice (README).
    os.symlink(ROUND, tmp_path / "dot.yaml")
    rnd = load_round(tmp_path / "dot.yaml")
    assert rnd.data is not None
    assert not {"file-symlink", "file-unreadable"} & {i.code for i in rnd.issues}


@pytest.mark.parametrize(
    "content",
    [
        "bo_san_pham: 2\nchon:\n  '1.1': .nan\n",
        "bo_san_pham: " + "2" * 5000 + "\n",
        'bo_san_pham: 2\nghi_chu: "\\e]0;x\\a"\n',
        "{" * 3000 + "}" * 3000,
    ],
)
def test_hostile_scorecards(tmp_path: Path, content: str) -> None:
    path = tmp_path / "phieu.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CardReadError) as caught:
        read_card(path)
    assert caught.value.exit_code == 1
    result = CliRunner().invoke(cli, ["rubric", "score", str(path)])
    assert result.exit_code == 1, result.output


# --- data is printed exactly as given ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "{{ 7*7 }} Miến",
        "{% for x in range(9) %}x{% endfor %}",
        pytest.param(
            "{_{ a }_} %_} {#",
        ),
        "{{ ''.__class__.__mro__ }}",
        "${HOME} %(x)s {0} \\n",
    ],
)
def test_jinja_like_names_are_printed_as_given(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLES / "mien-dong-tai-hoan", folder)
    data = _sample_data()
    data["san_pham"]["ten"] = name  # type: ignore[index]
    data["chu_the"]["ten"] = name + " HTX"  # type: ignore[index]
    (folder / "ho-so.yaml").unlink()
    (folder / "ho-so.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "phieu.docx"
    result = CliRunner().invoke(cli, ["render", "phieu-dang-ky", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = _docx_text(out)
    assert name in text and name + " HTX" in text
    assert "49 Miến" not in text


def _docx_text(path: Path) -> str:
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = ElementTree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    paragraphs = []
    for para in root.iter(f"{ns}p"):
        paragraphs.append("".join(t.text or "" for t in para.iter(f"{ns}t")))
    return "\n".join(paragraphs)


def test_a_card_named_by_a_round_is_never_a_link(tmp_path: Path) -> None:
    card = tmp_path / "that.yaml"
    card.write_text(f"bo_san_pham: 2\nghi_chu: {SECRET}\n", encoding="utf-8")
    link = tmp_path / "phieu.yaml"
    os.symlink(card, link)
    assert read_card(link).data is not None  # named on the command line: the user's choice
    with pytest.raises(CardReadError) as caught:
        read_card(link, named=False)  # named in a round file: refused unread
    assert SECRET not in caught.value.message("vi") + caught.value.message("en")
    assert "symlink" in caught.value.message("en")


def test_a_dossier_folder_named_by_a_round_is_never_a_link(tmp_path: Path) -> None:
    # The sample layout, copied (dot-danh-gia/ beside ho-so/); one dossier folder the round
    # names (line 57: ../ho-so/mien-dong-tai-hoan) is moved out and replaced by a link.
    shutil.copytree(ROUND.parent, tmp_path / "dot-danh-gia")
    shutil.copytree(SAMPLES, tmp_path / "ho-so")
    linked = tmp_path / "ho-so" / "mien-dong-tai-hoan"
    moved = tmp_path / "ngoai" / "mien-dong-tai-hoan"
    moved.parent.mkdir()
    shutil.move(linked, moved)
    os.symlink(moved, linked)
    # The user allows the dossiers' folder (--allow); a link inside it is still refused.
    allow = (tmp_path / "ho-so",)
    rnd = load_round(tmp_path / "dot-danh-gia" / ROUND.name, allow=allow)
    refused = [i for i in rnd.issues if i.code == "round-dossier-unreadable"]
    assert [(i.params["path"], i.line) for i in refused] == [("../ho-so/mien-dong-tai-hoan", 57)]
    assert "symlink" in refused[0].message("en") and "symlink" in refused[0].message("vi")
    os.unlink(linked)
    shutil.move(moved, linked)
    assert not load_round(tmp_path / "dot-danh-gia" / ROUND.name, allow=allow).errors


@pytest.mark.parametrize(
    "name", ["Miến \x1b[31mdong", "Miến \ud800dong", "Miến\x00dong", "Miến \x9b2J"]
)
def test_no_document_is_made_from_a_refused_value(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLES / "mien-dong-tai-hoan", folder)
    data = _sample_data()
    data["san_pham"]["ten"] = name  # type: ignore[index]
    (folder / "ho-so.yaml").unlink()
    (folder / "ho-so.json").write_text(json.dumps(data), encoding="ascii")  # \\u escapes
    out = tmp_path / "phieu.docx"
    result = CliRunner().invoke(cli, ["render", "phieu-dang-ky", str(folder), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert not out.exists()
    assert not any(c in result.output for c in "\x1b\x00\x9b")


@pytest.mark.parametrize(
    "value",
    ["!!float abc", "!!bool maybe", "!!timestamp x", "!!int abc", "!!float .nanx", "!!int 0x"],
)
def test_explicit_tags_the_value_does_not_fit(tmp_path: Path, value: str) -> None:
    report = validate_dossier(dossier(tmp_path, f"bo_san_pham: 7\nngay_nop: {value}\n"))
    assert not report.internal_error and not report.valid
    assert [(i.code, i.line, i.column) for i in report.issues] == [("yaml-syntax", 2, 11)]
