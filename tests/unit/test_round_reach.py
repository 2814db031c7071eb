"""A round reads only what lies in its folder, or in a folder the user allows (issue 9).

"Round files, scorecard files and spreadsheets referenced from a round (relative to the
round file, never escaping it without the user naming the path on the command line)": a
dossier or scorecard path with ``..`` past the round's folder, an absolute path (of this
system or another's) or a link on the way is refused before anything of it is read, with
the round file, the line, the path and the fix (``--allow``).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ocop_docs.cli.main import cli
from ocop_docs.confined import Refused, named_path
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.spreadsheets.mapping import read_round_sheet

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ROUND = SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
CARDS = SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"
SECRET = "BÍ-MẬT-NGOÀI-THƯ-MỤC"


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    """dot/round.yaml naming ho-so/<x> inside its folder, and ngoai/<x> outside it (a
    dossier whose name carries a secret: it must never be read)."""
    dot = tmp_path / "dot"
    shutil.copytree(SAMPLES / "ho-so", dot / "ho-so")
    outside = tmp_path / "ngoai" / "mien-dong-tai-hoan"
    shutil.copytree(SAMPLES / "ho-so" / "mien-dong-tai-hoan", outside)
    data = (outside / "ho-so.yaml").read_text(encoding="utf-8")
    (outside / "ho-so.yaml").write_text(data.replace("Miến dong", SECRET), encoding="utf-8")
    text = ROUND.read_text(encoding="utf-8").replace("../ho-so/", "ho-so/")
    (dot / "dot.yaml").write_text(text, encoding="utf-8")
    return dot / "dot.yaml"


def _with_path(round_file: Path, path: str) -> Path:
    """The round with its first product's dossier at ``path`` (line 57 of the sample)."""
    text = round_file.read_text(encoding="utf-8")
    text = text.replace("ho_so: ho-so/mien-dong-tai-hoan", f"ho_so: '{path}'", 1)
    round_file.write_text(text, encoding="utf-8")
    return round_file


def test_inside_the_folder_is_read(layout: Path) -> None:
    rnd = load_round(layout)
    assert not rnd.errors and len(rnd.products) == 7


@pytest.mark.parametrize(
    "path",
    [
        "../ngoai/mien-dong-tai-hoan",
        "ho-so/../../ngoai/mien-dong-tai-hoan",
        "{outside}",  # absolute, of this system
        "C:\\Users\\hoan\\ho-so",  # absolute, of the officials' Windows
        "\\\\server\\share\\ho-so",
        "..\\ngoai\\mien-dong-tai-hoan",  # Windows separators climb too
    ],
)
def test_a_path_out_of_the_folder_is_refused_unread(layout: Path, path: str) -> None:
    path = path.format(outside=layout.parents[1] / "ngoai" / "mien-dong-tai-hoan")
    rnd = load_round(_with_path(layout, path))
    refused = [i for i in rnd.issues if i.code == "round-path-outside"]
    assert [(i.line, i.pointer, i.params["path"]) for i in refused] == [
        (57, "/san_pham/0/ho_so", path)
    ]
    vi, en = refused[0].message("vi"), refused[0].message("en")
    assert str(layout) in vi and path in vi and "--allow" in vi
    assert str(layout) in en and "outside the file's folder" in en and "--allow" in en
    assert SECRET not in vi + en + json.dumps([p.ten for p in rnd.products], ensure_ascii=False)
    assert len(rnd.products) == 6  # the other products are read as before


def test_the_user_may_allow_a_folder(layout: Path) -> None:
    outside = layout.parents[1] / "ngoai"
    rnd = load_round(_with_path(layout, "../ngoai/mien-dong-tai-hoan"), allow=(outside,))
    assert not rnd.errors
    assert rnd.products[0].ten.startswith(SECRET)  # read, since the user named the folder
    other = load_round(layout, allow=(layout.parents[1] / "ngoai-khac",))
    assert [i.code for i in other.issues if i.severity == "error"] == ["round-path-outside"]
    assert len(other.products) == 6  # the round's own folder stays readable beside it


def test_a_link_below_an_allowed_folder_is_still_refused(layout: Path) -> None:
    outside = layout.parents[1] / "ngoai"
    os.symlink(layout.parents[1] / "bi-mat", outside / "lien-ket")
    rnd = load_round(_with_path(layout, "../ngoai/lien-ket"), allow=(outside,))
    refused = [i for i in rnd.issues if i.pointer == "/san_pham/0/ho_so"]
    assert [i.code for i in refused] == ["round-dossier-unreadable"]
    assert "symlink" in refused[0].message("en") and "symlink" in refused[0].message("vi")


def test_a_scorecard_file_follows_the_same_rule(tmp_path: Path) -> None:
    dot = tmp_path / "dot"
    shutil.copytree(SAMPLES / "ho-so", dot / "ho-so")
    data = yaml.safe_load(CARDS.read_text(encoding="utf-8"))
    card = data["san_pham"][0]["phieu"]["tv1"]
    (tmp_path / "tv1.yaml").write_text(yaml.safe_dump(card), encoding="utf-8")
    data["san_pham"][0]["phieu"]["tv1"] = "../tv1.yaml"
    for product in data["san_pham"]:
        product["ho_so"] = product["ho_so"].replace("../ho-so/", "ho-so/")
    source = dot / "dot.json"
    source.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    refused = [i for i in load_round(source).issues if i.code == "round-path-outside"]
    assert [(i.pointer, i.params["path"]) for i in refused] == [
        ("/san_pham/0/phieu/tv1", "../tv1.yaml")
    ]
    assert not load_round(source, allow=(tmp_path,)).errors


@pytest.mark.parametrize("name", ["thai-nguyen-2026-dot-2.csv", "thai-nguyen-2026-dot-2.xlsx"])
def test_a_spreadsheet_row_names_its_path(name: str) -> None:
    sheet = read_round_sheet(SAMPLES / "dot-danh-gia" / name)
    assert [f.row for f in sheet.failures] == [2, 3, 4, 5, 6, 7, 8]
    first = sheet.failures[0].issues[0]
    assert first.code == "round-path-outside" and first.params["row"] == 2
    assert "../ho-so/mien-dong-tai-hoan" in first.message("vi")
    assert "--allow samples/ho-so" in first.message("vi") + first.message("en")
    allowed = read_round_sheet(SAMPLES / "dot-danh-gia" / name, allow=(SAMPLES / "ho-so",))
    assert not allowed.failures


def test_named_path_is_lexical_and_reads_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert named_path(tmp_path / "a", "x/../y") == tmp_path / "a" / "y"
    assert named_path(tmp_path / "a", "../b", (tmp_path / "b",)) == tmp_path / "b"
    with pytest.raises(Refused) as caught:
        named_path(tmp_path / "a", "../b")
    assert caught.value.code == "round-path-outside"


def test_the_command_line_refuses_and_allows(layout: Path, tmp_path: Path) -> None:
    source = _with_path(layout, "../ngoai/mien-dong-tai-hoan")
    for verb in (["render", "bien-ban", str(source), "-o", str(tmp_path / "bb.docx")],):
        result = CliRunner().invoke(cli, verb)
        assert result.exit_code == 1, result.output
        assert "dòng 57" in result.output or ":57:" in result.output
        assert "../ngoai/mien-dong-tai-hoan" in result.output and "--allow" in result.output
        assert SECRET not in result.output and not (tmp_path / "bb.docx").exists()
        english = CliRunner().invoke(cli, [*verb, "--lang", "en"])
        assert english.exit_code == 1 and "outside the file's folder" in english.output
    batch = ["batch", str(source), "-o", str(tmp_path / "out"), "-j", "1", "--kinds", "bien-ban"]
    result = CliRunner().invoke(cli, batch)
    assert result.exit_code == 1, result.output
    assert "../ngoai/mien-dong-tai-hoan" in result.output and SECRET not in result.output
    allowed = CliRunner().invoke(
        cli, [*batch, "--overwrite", "--allow", str(tmp_path / "ngoai"), "--draft"]
    )
    assert allowed.exit_code == 0, allowed.output


def test_a_csv_sidecar_that_is_a_link_is_refused_unread(tmp_path: Path) -> None:
    """The sidecars of a CSV (``<name>.hoi-dong.csv``…) are found beside it, not named by
    the user: one that is a link is refused before a byte of its target is read."""
    folder = tmp_path / "dot"
    folder.mkdir()
    for suffix in ("", ".thong-tin-dot"):
        name = f"thai-nguyen-2026-dot-2{suffix}.csv"
        shutil.copy(SAMPLES / "dot-danh-gia" / name, folder / name)
    secret = tmp_path / "secret.csv"
    secret.write_text(f"Mã,Họ tên\n{SECRET},x\n", encoding="utf-8")
    os.symlink(secret, folder / "thai-nguyen-2026-dot-2.hoi-dong.csv")
    sheet = read_round_sheet(folder / "thai-nguyen-2026-dot-2.csv")
    text = " ".join(i.message("vi") + i.message("en") for i in sheet.issues)
    assert [i.code for i in sheet.issues] == ["sheet-unreadable"]
    assert "symlink" in text and SECRET not in text and sheet.data is None


def test_an_allowed_folder_named_through_a_link_is_that_folder(tmp_path: Path) -> None:
    """``--allow ~/ho-so`` where ~/ho-so is a link to the shared drive's folder allows that
    folder; links below an allowed folder are still refused."""
    real = tmp_path / "o-chung" / "ho-so"
    (real / "x").mkdir(parents=True)
    (tmp_path / "o-chung" / "dot").mkdir()
    (tmp_path / "loi-tat").symlink_to(real)
    base = tmp_path / "o-chung" / "dot"
    assert named_path(base, "../ho-so/x", (tmp_path / "loi-tat",)) == real / "x"
    with pytest.raises(Refused) as caught:
        named_path(base, "../ho-so/x")
    assert caught.value.code == "round-path-outside"
    (real / "lien-ket").symlink_to(tmp_path / "o-chung" / "dot")
    with pytest.raises(Refused) as linked:
        named_path(base, "../ho-so/lien-ket", (tmp_path / "loi-tat",))
    assert linked.value.code == "file-symlink"
