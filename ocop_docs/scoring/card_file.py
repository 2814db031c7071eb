"""Reading a scorecard from a file: YAML or JSON text → :class:`~ocop_docs.scoring.card.Scorecard`.

The card is read by the package's one reader (:mod:`ocop_docs.text.documents`): keys stay
as written ("1.10" is not 1.1), each key keeps its line and column so that
:func:`~ocop_docs.scoring.card.score_card` can place each problem in the file, and repeated
keys are remembered (YAML would silently keep the last one). A file that cannot be
read or parsed raises :class:`CardReadError` (exit code 1); a card that parses is data, and
its problems are the scorer's business.
"""

from __future__ import annotations

import os
from pathlib import Path

from ocop_docs.errors import InputError
from ocop_docs.scoring.card import Scorecard
from ocop_docs.text.documents import LoadedDocument, parse_text, read_document

__all__ = ["CardReadError", "parse_card", "read_card"]


class CardReadError(InputError):
    """The card file cannot be read or parsed (exit code 1)."""

    def __init__(
        self,
        path: Path,
        detail: str,
        line: int | None = None,
        column: int | None = None,
        detail_en: str | None = None,
    ) -> None:
        super().__init__(
            "scorecard-unreadable",
            path=str(path),
            where=f", dòng {line}, cột {column}" if line is not None else "",
            where_en=f", line {line}, column {column}" if line is not None else "",
            reason=detail,
            reason_en=detail_en or detail,
        )
        self.path = path
        self.detail = detail
        self.detail_en = detail_en or detail
        self.line = line
        self.column = column


def _scorecard(doc: LoadedDocument, path: Path | None) -> Scorecard:
    """The card read by the package's one reader, or CardReadError for a file that is none."""
    for issue in [
        *doc.issues,
        *doc.findings,
        *doc.impossible_dates,
    ]:  # a NaN score or an ESC in a note: not a card
        if issue.severity != "error" or issue.code == "dossier-not-mapping":
            continue  # a card that is not a mapping is the scorer's finding
        params = issue.params
        if "problem" in params:  # YAML or JSON syntax
            detail, detail_en = str(params["problem"]), params.get("problem_en")
        elif issue.code == "file-not-utf8":
            detail, detail_en = "tệp không phải UTF-8", "not UTF-8 text"
        elif issue.code == "file-unreadable":
            detail, detail_en = str(params["reason"]), params.get("reason_en")
        else:
            detail, detail_en = issue.message("vi"), issue.message("en")
        raise CardReadError(doc.path, detail, issue.line, issue.column, detail_en)
    # A criterion written twice counts once, the last; the scorer reports the repeat
    # (scorecard-duplicate-criterion) at the key that counts.
    return Scorecard(doc.data, path, doc.key_positions, tuple(doc.repeated))


def parse_card(text: str, path: Path | None = None, fmt: str | None = None) -> Scorecard:
    """Parse a card from text; ``fmt`` is "json" or "yaml" (default: from the file name)."""
    name = path if path is not None else Path("<phiếu chấm>")
    fmt = fmt or ("json" if name.suffix.lower() == ".json" else "yaml")
    doc = LoadedDocument(path=name)
    parse_text(text, name, doc, as_json=fmt == "json", repeated_keys="keep-last")
    return _scorecard(doc, path)


def read_card(path: Path, *, named: bool = True) -> Scorecard:
    """Read a scorecard file (YAML or JSON; UTF-8, or UTF-16 with its BOM).

    ``named=False``: the path comes from a document (a round file's ``phieu``), not from the
    user, so a card that is a symlink is refused unread (issue 9), as a dossier's file is.
    """
    if not os.path.lexists(path):
        raise CardReadError(path, "không có tệp này", detail_en="no such file")
    doc = LoadedDocument(path=path)
    inside = None if named else (path.parent, path.name)
    read_document(path, doc, repeated_keys="keep-last", inside=inside)
    return _scorecard(doc, path)
