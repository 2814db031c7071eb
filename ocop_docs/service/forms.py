"""The guided form: fields generated from the group's JSON Schema, slots from the rule data.

The form is the schema of the product's group (``schemas/dossier/nhom-N.schema.json`` over
``common.schema.json``) read as sections of fields with their Vietnamese titles
(``x-title-en`` in English); documents are one upload slot per document the set and case
need (``schemas/rules/<regime>.yaml``: required, then recommended). The form checks
nothing itself: the whole dossier goes through the validator, whose findings are shown
next to the fields they name, so the page and ``ocop-docs validate`` always agree.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.resources import load_data
from ocop_docs.rules.documents import document_names
from ocop_docs.rules.regimes import CASES, DEFAULT_REGIME, regime, required_documents
from ocop_docs.validation.pipeline import schema_for_set

# Keys the page sets itself (the chosen set and case) or that the form does not ask for:
# the attachments come from the upload slots, the scorecard from an uploaded dossier.
FIXED = ("bo_tieu_chi", "loai_danh_gia", "bo_san_pham")
SKIPPED = frozenset({"tai_lieu", "tu_danh_gia"})
LONG_TEXT = frozenset(
    {"lich_su", "co_cau_to_chuc", "mo_ta", "ket_qua_san_xuat", "ke_hoach", "dia_chi_thuong_tru"}
)
# Metadata of an attachment that the rules read (validity dates: QĐ 26/2026 Điều 6.1).
DOC_META = ("so", "ngay_cap", "ngay_het_han", "co_quan_cap")
EXTRA_SLOTS = ("hinh_anh", "khac")  # always offered, never required
_INT = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # dotted path: "chu_the.dia_chi.xa"
    title_vi: str
    title_en: str
    kind: str  # "text", "textarea", "integer", "date", "select", "email", "tel"
    required: bool
    options: tuple[tuple[str, str], ...] = ()  # (value, Vietnamese title)
    hint: str = ""

    def title(self, lang: Lang) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(slots=True)
class Section:
    key: str
    title_vi: str
    title_en: str
    fields: list[Field] = field(default_factory=list)

    def title(self, lang: Lang) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True, slots=True)
class Slot:
    loai: str
    name: str
    required: bool


def _deref(node: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` into ``common.schema.json`` merged under it."""
    out = dict(node)
    ref = out.pop("$ref", None)
    if isinstance(ref, str) and "#/$defs/" in ref:
        base = _deref(defs[ref.rsplit("/", 1)[-1]], defs)
        props = {**base.get("properties", {})}
        for key, extra in out.get("properties", {}).items():
            props[key] = {**props.get(key, {}), **extra}
        required = list(dict.fromkeys([*base.get("required", []), *out.get("required", [])]))
        out = {**base, **out, "properties": props, "required": required}
    return out


@lru_cache(maxsize=8)
def group_schema(product_set: int) -> dict[str, Any]:
    """The group's schema resolved into one tree of objects (cached per group)."""
    common = load_data("dossier/common.schema.json")
    group = load_data(schema_for_set(product_set))
    defs = common["$defs"]

    def resolve(node: Mapping[str, Any]) -> dict[str, Any]:
        node = _deref(node, defs)
        if "properties" in node:
            node["properties"] = {k: resolve(v) for k, v in node["properties"].items()}
        return node

    return resolve(copy.deepcopy(group))


def _kind(key: str, node: Mapping[str, Any]) -> str:
    if "enum" in node:
        return "select"
    types = node.get("type")
    types = types if isinstance(types, list) else [types]
    fmt = node.get("format")
    if fmt == "ngay":
        return "date"
    if fmt == "email":
        return "email"
    if fmt == "so-dien-thoai":
        return "tel"
    if "integer" in types and "string" not in types:
        return "integer"
    return "textarea" if key in LONG_TEXT else "text"


def _field(name: str, key: str, node: Mapping[str, Any], required: bool) -> Field:
    titles = node.get("x-enum-titles", {})
    options = tuple((str(v), str(titles.get(v, v))) for v in node.get("enum", []))
    return Field(
        name,
        str(node.get("title", key)),
        str(node.get("x-title-en", node.get("title", key))),
        _kind(key, node),
        required,
        options,
        str(node.get("x-pattern-hint", "")),
    )


def form_sections(product_set: int, case: str) -> list[Section]:
    """The sections of the guided form, in the order of Mẫu 01."""
    schema = group_schema(product_set)
    general = Section("chung", "Thông tin chung", "General")
    sections = [general]

    def walk(node: Mapping[str, Any], prefix: str, section: Section) -> None:
        required = set(node.get("required", []))
        nested: list[tuple[str, dict[str, Any]]] = []
        for key, child in node.get("properties", {}).items():
            name = f"{prefix}{key}"
            if not prefix and (key in FIXED or key in SKIPPED):
                continue
            if child.get("type") == "object" or "properties" in child:
                nested.append((key, child))
                continue
            section.fields.append(_field(name, key, child, key in required))
        for key, child in nested:
            if not prefix and key == "chung_nhan_truoc" and case == "lan_dau":
                continue  # a first evaluation has no earlier recognition (Điều 7.6)
            sub = Section(
                f"{prefix}{key}",
                str(child.get("title", key)),
                str(child.get("x-title-en", key)),
            )
            sections.append(sub)
            walk(child, f"{prefix}{key}.", sub)

    walk(schema, "", general)
    return [s for s in sections if s.fields]


def document_slots(product_set: int, case: str, lang: Lang) -> list[Slot]:
    names = document_names(lang)
    needed = required_documents(product_set, case)
    slots = [Slot(code, names.get(code, code), True) for code in needed["bat_buoc"]]
    for level in ("sao_3", "theo_quy_dinh", "nen_co"):  # not an error when missing
        slots += [Slot(code, names.get(code, code), False) for code in needed[level]]
    seen = {s.loai for s in slots}
    # Papers that count as a listed one (the certificate for the decision, Điều 6.1.b–c).
    for rule in regime(DEFAULT_REGIME).rules_for(product_set, case):
        for code in rule.equivalents:
            if code not in seen:
                seen.add(code)
                slots.append(Slot(code, names.get(code, code), False))
    slots += [Slot(c, names.get(c, c), False) for c in EXTRA_SLOTS if c not in seen]
    return slots


def valid_choice(product_set: Any, case: Any) -> tuple[int, str] | None:
    try:
        number = int(product_set)
    except (TypeError, ValueError):
        return None
    if not 1 <= number <= 26 or case not in CASES:
        return None
    return number, str(case)


# --- form values ⇄ dossier data ------------------------------------------------------------


def _get(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


def _prune(data: Any) -> Any:
    """Drop the objects the form left empty, so an untouched section is simply absent."""
    if isinstance(data, dict):
        out = {k: _prune(v) for k, v in data.items()}
        return {k: v for k, v in out.items() if v not in ({}, None)}
    return data


def form_values(sections: list[Section], data: Any) -> dict[str, str]:
    """The text each field shows for ``data`` (a stored dossier being corrected)."""
    out: dict[str, str] = {}
    for section in sections:
        for f in section.fields:
            value = _get(data, f.name)
            if value is not None:
                out[f.name] = str(value)
    return out


def apply_form(
    sections: list[Section],
    values: Mapping[str, str],
    product_set: int,
    case: str,
    base: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Dossier data from the form: ``base`` (the dossier being corrected) with the form's
    fields written over it; numbers typed in integer fields become integers, anything
    else stays text for the validator to judge."""
    data: dict[str, Any] = copy.deepcopy(dict(base or {}))
    data.setdefault("bo_tieu_chi", DEFAULT_REGIME)
    data["loai_danh_gia"] = case
    data["bo_san_pham"] = product_set
    for section in sections:
        for f in section.fields:
            raw = values.get(f.name, "").strip()
            value: Any = raw or None
            if value is not None and f.kind == "integer" and _INT.match(raw):
                value = int(raw)
            _set(data, f.name, value)
    ordered = {k: data[k] for k in FIXED if k in data}
    ordered.update({k: v for k, v in data.items() if k not in FIXED})
    return dict(_prune(ordered))


def apply_documents(
    data: dict[str, Any],
    slots: list[Slot],
    values: Mapping[str, str],
    uploaded: Mapping[str, str],
    removed: set[str],
) -> dict[str, Any]:
    """``tai_lieu`` from the slots: ``uploaded`` maps a document type to its new file's path
    in the dossier; entries of other types are kept (unless ``removed``); each slot's
    number and dates are written to its entry."""
    entries = [e for e in data.get("tai_lieu") or [] if isinstance(e, dict)]
    by_type: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for entry in entries:
        loai = entry.get("loai")
        if loai in removed or loai in uploaded:
            continue
        kept.append(entry)
        if isinstance(loai, str):
            by_type.setdefault(loai, entry)
    for slot in slots:
        if slot.loai in uploaded:
            entry = {"loai": slot.loai, "tep": uploaded[slot.loai]}
            kept.append(entry)
            by_type[slot.loai] = entry
    for slot in slots:
        found = by_type.get(slot.loai)
        if found is None:
            continue
        for meta in DOC_META:
            key = f"doc:{slot.loai}:{meta}"
            if key in values:
                raw = values[key].strip()
                if raw:
                    found[meta] = raw
                else:
                    found.pop(meta, None)
    order = {s.loai: i for i, s in enumerate(slots)}
    kept.sort(key=lambda e: order.get(str(e.get("loai")), len(order)))
    data["tai_lieu"] = kept
    return data


def document_values(data: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in (data or {}).get("tai_lieu") or [] if isinstance(data, dict) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("loai"), str):
            continue
        for meta in DOC_META:
            key = f"doc:{entry['loai']}:{meta}"
            if entry.get(meta) is not None and key not in out:
                out[key] = str(entry[meta])
    return out


def document_files(data: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    entries = data.get("tai_lieu") if isinstance(data, dict) else None
    for entry in entries or []:
        if isinstance(entry, dict) and isinstance(entry.get("loai"), str):
            out.setdefault(entry["loai"], []).append(str(entry.get("tep", "")))
    return out


def pointer_title(product_set: int | None, pointer: str, lang: Lang, data: Any = None) -> str:
    """The field's title for a JSON Pointer ("Chủ thể › Mã số thuế"), as the form shows it."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    if not parts:
        return ""
    key = "title" if lang == "vi" else "x-title-en"
    titles: list[str] = []
    if parts[0] == "tai_lieu":
        names = document_names(lang)
        entries = data.get("tai_lieu") if isinstance(data, dict) else None
        titles.append("Tài liệu" if lang == "vi" else "Document")
        if len(parts) > 1 and parts[1].isdigit() and isinstance(entries, list):
            i = int(parts[1])
            entry = entries[i] if i < len(entries) and isinstance(entries[i], dict) else {}
            titles[-1] += f" {i + 1}: {names.get(str(entry.get('loai')), str(entry.get('loai')))}"
        if len(parts) > 2:
            common = load_data("dossier/common.schema.json")["$defs"]["tai_lieu"]["properties"]
            prop = common.get(parts[2], {})
            titles.append(str(prop.get(key, prop.get("title", parts[2]))))
        return " › ".join(titles)
    node: Mapping[str, Any] = group_schema(product_set or 0)
    for part in parts:
        props = node.get("properties", {})
        if part not in props:
            titles.append(part)
            break
        node = props[part]
        titles.append(str(node.get(key, node.get("title", part))))
    return " › ".join(titles)
