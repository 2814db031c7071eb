"""Reading the catalogue's data files: ``issues/<stage>.yaml`` and ``ui/<namespace>.yaml``.

The files ship inside the package (beside this module), so the wheel needs no extra
configuration. Loading is lazy and per file: a run that reports only dossier issues reads
``issues/dossier.yaml`` and the UI files it uses, nothing else (start-up time matters to a
command run on every save). Each file is read once per process, under a lock because the
web service answers from several threads.

A broken data file is a bug of the package, not of the user's input, so it raises
:class:`CatalogueDataError` naming the file and the entry; the catalogue test reads every
file, so such a file cannot be released.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")

HERE = Path(__file__).resolve().parent
ISSUES_DIR = HERE / "issues"
UI_DIR = HERE / "ui"
# The stage read first: most lookups are dossier codes.
FIRST_STAGE = "dossier"
# UI keys without a namespace ("dossier", "hint") live in ui/common.yaml.
COMMON_UI = "common"


class CatalogueDataError(ValueError):
    """A catalogue data file is malformed (a bug of the package)."""


@dataclass(frozen=True, slots=True)
class IssueSpec:
    """One issue code: severity, tags, message and hint in both languages, its stage file."""

    code: str
    severity: Severity
    tags: tuple[str, ...]
    vi: str
    en: str
    hint_vi: str
    hint_en: str
    stage: str

    def message_template(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def hint_template(self, lang: Lang) -> str:
        return self.hint_vi if lang == "vi" else self.hint_en


def _yaml_loader() -> type[yaml.SafeLoader]:
    # libyaml's loader reads the catalogue about ten times faster than the pure-Python one.
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


def read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_yaml_loader())
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CatalogueDataError(f"{path}: the file must be a mapping")
    return cast(dict[str, Any], data)


def _texts(path: Path, key: str, value: Any, what: str) -> dict[Lang, str]:
    if not isinstance(value, dict) or set(value) != set(LANGS):
        raise CatalogueDataError(f"{path}: {key}: {what} needs exactly 'vi' and 'en'")
    for lang in LANGS:
        if not isinstance(value[lang], str):
            raise CatalogueDataError(f"{path}: {key}: {what}.{lang} must be text")
    return cast(dict[Lang, str], value)


def parse_issue(path: Path, code: str, entry: Any) -> IssueSpec:
    if not isinstance(entry, dict):
        raise CatalogueDataError(f"{path}: {code}: the entry must be a mapping")
    unknown = set(entry) - {"severity", "tags", "message", "hint"}
    if unknown:
        raise CatalogueDataError(f"{path}: {code}: unknown fields {sorted(unknown)}")
    severity = entry.get("severity")
    if severity not in SEVERITIES:
        raise CatalogueDataError(f"{path}: {code}: severity must be 'error' or 'warning'")
    tags = entry.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise CatalogueDataError(f"{path}: {code}: tags must be a list of words")
    message = _texts(path, code, entry.get("message"), "message")
    hint = _texts(path, code, entry.get("hint"), "hint")
    return IssueSpec(
        code,
        cast(Severity, severity),
        tuple(tags),
        message["vi"],
        message["en"],
        hint["vi"],
        hint["en"],
        path.stem,
    )


def stage_files(folder: Path = ISSUES_DIR) -> list[Path]:
    files = sorted(folder.glob("*.yaml"))
    return sorted(files, key=lambda p: p.stem != FIRST_STAGE)


class IssueTable(Mapping[str, IssueSpec]):
    """Every issue code, read file by file until the code asked for is found."""

    def __init__(self, folder: Path = ISSUES_DIR) -> None:
        self._folder = folder
        self._specs: dict[str, IssueSpec] = {}
        self._pending: list[Path] | None = None
        self._lock = threading.Lock()

    def _next_file(self) -> bool:
        """Read one more stage file; False when every file is read."""
        with self._lock:
            if self._pending is None:
                self._pending = stage_files(self._folder)
            if not self._pending:
                return False
            path = self._pending.pop(0)
            for code, entry in read_yaml(path).items():
                if code in self._specs:
                    first = self._specs[code].stage
                    raise CatalogueDataError(f"{path}: {code}: already defined in {first}.yaml")
                self._specs[code] = parse_issue(path, str(code), entry)
            return True

    def _load_all(self) -> None:
        while self._next_file():
            pass

    def __getitem__(self, code: str) -> IssueSpec:
        while True:
            spec = self._specs.get(code)
            if spec is not None:
                return spec
            if not self._next_file():
                raise KeyError(code)

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter(dict(self._specs))

    def __len__(self) -> int:
        self._load_all()
        return len(self._specs)

    def stage(self, name: str) -> frozenset[str]:
        """The codes defined in ``issues/<name>.yaml``."""
        if not (self._folder / f"{name}.yaml").is_file():
            raise KeyError(name)
        self._load_all()
        return frozenset(code for code, spec in self._specs.items() if spec.stage == name)

    def stages(self) -> tuple[str, ...]:
        return tuple(p.stem for p in stage_files(self._folder))


class UITable(Mapping[str, Mapping[Lang, str]]):
    """Interface strings; the key ``render.written`` is read from ``ui/render.yaml``."""

    def __init__(self, folder: Path = UI_DIR) -> None:
        self._folder = folder
        self._texts: dict[str, dict[Lang, str]] = {}
        self._origin: dict[str, str] = {}
        self._read: set[str] = set()
        self._lock = threading.Lock()

    def _read_file(self, namespace: str) -> None:
        with self._lock:
            if namespace in self._read:
                return
            self._read.add(namespace)
            path = self._folder / f"{namespace}.yaml"
            if not path.is_file():
                return
            for key, value in read_yaml(path).items():
                if key in self._texts:
                    first = self._origin[key]
                    raise CatalogueDataError(f"{path}: {key}: already defined in {first}.yaml")
                self._texts[str(key)] = _texts(path, str(key), value, "the string")
                self._origin[str(key)] = namespace

    def _load_all(self) -> None:
        for path in sorted(self._folder.glob("*.yaml")):
            self._read_file(path.stem)

    def __getitem__(self, key: str) -> Mapping[Lang, str]:
        namespace = key.split(".", 1)[0] if "." in key else COMMON_UI
        self._read_file(namespace)
        texts = self._texts.get(key)
        if texts is None:
            self._load_all()
            texts = self._texts.get(key)
            if texts is None:
                raise KeyError(key)
        return texts

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter(dict(self._texts))

    def __len__(self) -> int:
        self._load_all()
        return len(self._texts)

    def namespace(self, name: str) -> dict[str, Mapping[Lang, str]]:
        """The strings of ``ui/<name>.yaml``, reading that file alone (Click's messages are
        looked up at every start: loading every namespace cost a fifth of a CLI start)."""
        self._read_file(name)
        return {k: v for k, v in self._texts.items() if self._origin.get(k) == name}

    def origin(self, key: str) -> str:
        """The namespace file that defines ``key``."""
        self[key]
        return self._origin[key]
