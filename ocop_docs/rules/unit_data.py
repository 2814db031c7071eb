"""Today's provinces and communes as ``vietnam-provinces`` ships them, read without its import.

Importing ``vietnam_provinces`` builds a 3,321-member ``WardCode`` enum and 3,321 frozen
dataclasses: 40–130 ms of every CLI start, most of the time to the first dossier (issue 15).
The package also ships the same table as data (``NESTED_DIVISIONS_JSON_PATH``, the rows of
its Python tables in the same order; ``tests/unit/test_unit_data.py`` checks both agree), so
the units are read from that file, found with ``importlib.util.find_spec`` (which does not
run the package).

A dossier names one province and one commune, so at first use the table is also written to
a compact index in the user's cache folder: one JSON line with the 34 provinces, then one
line per province with its communes; a later start parses the header and the one province
it needs. The index is keyed by the package's version and by the size and time of its data
file, so an upgrade of ``vietnam-provinces`` is picked up; it is written atomically (a
temporary file renamed over it, so concurrent starts never see half an index), and a cache
folder that cannot be written, or an index that does not read back, is only a slower start:
the data file is then read directly. Nothing is copied into this repository.

Cache folder: ``$OCOP_DOCS_CACHE_DIR``, else ``$XDG_CACHE_HOME/ocop-docs``, else
``~/.cache/ocop-docs``; ``OCOP_DOCS_CACHE_DIR=""`` turns the index off.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import threading
import zlib
from pathlib import Path
from typing import Any

__all__ = ["Communes", "communes_of", "province_names"]

PACKAGE = "vietnam_provinces"
# Bump when the index's layout changes: an index of another layout is rebuilt.
INDEX_FORMAT = 1

# (name, code) of each commune of a province, in the package's order.
Communes = tuple[tuple[str, int], ...]


def cache_dir() -> Path | None:
    """Where the index lives; None when caching is turned off."""
    chosen = os.environ.get("OCOP_DOCS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ocop-docs" if os.path.isabs(base) else None


class _Table:
    """The provinces (code → name, in the package's order) and, on demand, their communes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._provinces: dict[int, str] | None = None
        self._communes: dict[int, Communes] = {}
        self._lines: list[bytes] = []  # the index's province lines, parsed when asked for
        self._order: dict[int, int] = {}  # province code → its line in ``_lines``

    def provinces(self) -> dict[int, str]:
        with self._lock:
            if self._provinces is None:
                self._load()
            assert self._provinces is not None
            return self._provinces

    def communes(self, code: int) -> Communes:
        with self._lock:
            if self._provinces is None:
                self._load()
            found = self._communes.get(code)
            if found is None and code in self._order:
                rows = json.loads(self._lines[self._order[code]])
                found = tuple((str(name), int(ward)) for name, ward in rows)
                self._communes[code] = found
            return found or ()

    def _load(self) -> None:
        source = _source()
        if source is None:
            self._keep(_imported())
            return
        folder = cache_dir()
        key = _key(source)
        # One index per installation (two virtual environments may share the cache folder).
        where = zlib.crc32(str(source).encode("utf-8"))
        name = f"vietnam-provinces-{key['version']}-{where:08x}.jsonl"
        index = folder / name if folder else None
        if index is not None and self._read_index(index, key):
            return
        table = _read_source(source)
        self._keep(table)
        if index is not None:
            _write_index(index, key, table)

    def _keep(self, table: dict[int, tuple[str, Communes]]) -> None:
        self._provinces = {code: name for code, (name, _) in table.items()}
        self._communes = {code: wards for code, (_, wards) in table.items()}

    def _read_index(self, index: Path, key: dict[str, Any]) -> bool:
        try:
            lines = index.read_bytes().split(b"\n")
            head = json.loads(lines[0])
            if head.get("key") != key:
                return False
            provinces = {int(code): str(name) for code, name in head["provinces"]}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return False  # absent, stale or damaged: rebuilt from the package's data
        if len(lines) < len(provinces) + 1:
            return False
        self._provinces = provinces
        self._lines = lines[1:]
        self._order = {code: i for i, code in enumerate(provinces)}
        return True


def _source() -> Path | None:
    """The package's data file, or None (the package lacks it: its Python API is used)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "nested-divisions.json"
    return path if path.is_file() else None


def _key(source: Path) -> dict[str, Any]:
    """The package's version (its installed ``.dist-info``) and the data file's size and time."""
    version = "unknown"
    with contextlib.suppress(OSError):
        prefix = f"{PACKAGE}-"
        for name in os.listdir(source.parents[2]):
            if name.startswith(prefix) and name.endswith(".dist-info"):
                version = name[len(prefix) : -len(".dist-info")]
                break
    stat = source.stat()
    return {
        "format": INDEX_FORMAT,
        "version": version,
        "source": str(source),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def _read_source(source: Path) -> dict[int, tuple[str, Communes]]:
    try:
        raw = json.loads(source.read_bytes())
        return {
            int(p["code"]): (
                str(p["name"]),
                tuple((str(w["name"]), int(w["code"])) for w in p["wards"]),
            )
            for p in raw
        }
    except (OSError, ValueError, TypeError, KeyError):
        return _imported()  # a data file of another shape: the package's own API


def _imported() -> dict[int, tuple[str, Communes]]:
    """The same table through the package's Python API (slow to import; the fallback)."""
    from vietnam_provinces import Province, Ward

    wards: dict[int, list[tuple[str, int]]] = {}
    for ward in Ward.iter_all():
        wards.setdefault(int(ward.province_code), []).append((ward.name, int(ward.code)))
    return {int(p.code): (p.name, tuple(wards.get(int(p.code), ()))) for p in Province.iter_all()}


def _write_index(index: Path, key: dict[str, Any], table: dict[int, tuple[str, Communes]]) -> None:
    """Write the index atomically; a folder that cannot be written is skipped silently."""
    head = {"key": key, "provinces": [[code, name] for code, (name, _) in table.items()]}
    lines = [json.dumps(head, ensure_ascii=False)]
    lines += [json.dumps(wards, ensure_ascii=False) for _, wards in table.values()]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with contextlib.suppress(OSError):
        from ocop_docs.files import atomic_write_bytes  # tempfile: only when writing

        atomic_write_bytes(index, data, durable=False)


_TABLE = _Table()


def province_names() -> dict[int, str]:
    """Today's provinces, code → name ("Thành phố Hà Nội", "Thái Nguyên"), package order."""
    return _TABLE.provinces()


def communes_of(province_code: int) -> Communes:
    """(name, code) of the communes of one province, in the package's order."""
    return _TABLE.communes(province_code)


def reset() -> None:
    """Forget what was read (tests that change the cache folder)."""
    global _TABLE
    _TABLE = _Table()
