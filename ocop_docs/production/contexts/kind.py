"""What a document kind is: its template, its context schema, and how its context is built.

One document kind = one context module (``contexts/<kind>.py``) + its template
(``templates/<kind>.docx``) + its context schema (``schemas/contexts/<kind>.schema.json``,
what the template may print: what ``ocop-docs templates check`` checks the template's
variables against and docs/documents.md documents). The module declares a :class:`Kind`
with the builder for what the kind is filled from; :mod:`.registry` lists them.

Builders by source:

* **dossier** (:data:`DossierBuilder`): the dossier's data and a :class:`DossierSource`
  saying where it came from (a dossier folder, or a product of a round file);
* **round** (:data:`RoundBuilder`): the loaded round, the context every round document
  shares (:func:`~ocop_docs.production.contexts.council.round_context`, built once for a
  whole batch) and, for per-product kinds, the product;
* **sheet** (:data:`SheetBuilder`): the scoring sheet, from a set number, a scorecard, a
  dossier or a round's product (see :mod:`.phieu_danh_gia`);
* **file** (:data:`FileBuilder`): a paper made from a data file of its own, not from a
  round (the decision revoking a certificate, QĐ 26/2026 Điều 8: :mod:`.quyet_dinh_thu_hoi`).

A per-product round kind may be one per *group* of products (``group``: the commune's
proposal letter lists the commune's dossiers, the notification of results a producer's
products): ``--product K`` then gives the paper of K's group, and ``batch`` makes one per
group (the first product of each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ocop_docs.errors import Issue
from ocop_docs.production.inputs import InputKind
from ocop_docs.production.pictures import Picture, Placement
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.schema_tree import SchemaTree, schema_tree

# What a kind is filled from: a dossier, a round file, or (the scoring sheet) any of a set
# number, a scorecard file, a dossier or a round file.
Source = Literal["dossier", "round", "sheet", "file", "registry"]


@dataclass(slots=True)
class Built:
    """A built context, the date the document carries, and what building noticed."""

    context: dict[str, Any]
    when: dt.datetime | None = None
    warnings: list[Issue] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DossierSource:
    """Where a dossier kind's data came from, for what only some kinds need."""

    label: str  # the product, as messages name it
    assessment_file: Path | None = None  # ``--assessment``: the commune's assessment file
    inline_assessment: Mapping[str, Any] | None = None  # a round product's ``danh_gia_xa``


DossierBuilder = Callable[[Mapping[str, Any], DossierSource], Built]
RoundBuilder = Callable[[Round, dict[str, Any], ProductResult | None], Built]
# (input, its kind, product, folders besides the input's own its named files may lie in)
SheetBuilder = Callable[[Path, InputKind, int | None, tuple[Path, ...]], Built]
FileBuilder = Callable[[Path], Built]
# issue 12: a round kind a commune also makes before any round exists, from its dossiers
# (folders of dossiers or dossiers) and the paper's own fields (a YAML file, or None).
DossiersBuilder = Callable[[Sequence[Path], Path | None], Built]
# The group of a round product for a per-group kind (a commune, a producer); None: the
# product belongs to no group, so it gets no paper of that kind.
GroupOf = Callable[[ProductResult], str | None]
# issue 14: a document of the registry (a reminder letter, the yearly report), from what
# the registry made (one reminder, the statistics) and the sender (office and signer).
RegistryBuilder = Callable[[Any, Mapping[str, Any]], Built]
PictureMaker = Callable[[Mapping[str, Any], Picture | None], list[Placement]]


@dataclass(frozen=True, slots=True)
class Kind:
    """One document kind: its names, whether it is one per product, and its builder."""

    name: str
    title_vi: str
    title_en: str
    per_product: bool
    from_dossier: DossierBuilder | None = field(default=None, repr=False)
    from_round: RoundBuilder | None = field(default=None, repr=False)
    from_sheet_input: SheetBuilder | None = field(default=None, repr=False)
    from_file: FileBuilder | None = field(default=None, repr=False)
    group: GroupOf | None = field(default=None, repr=False)
    # Whether a round has what a round kind needs (for a product, or None for the round):
    # ``batch`` notes a kind with nothing to make instead of failing on every item.
    wanted: Callable[[Round, ProductResult | None], bool] | None = field(default=None, repr=False)
    from_registry: RegistryBuilder | None = field(default=None, repr=False)
    # The pictures of a document (the certificate's logo and QR code), placed after
    # rendering (ocop_docs.production.pictures): context and logo → placements.
    pictures: PictureMaker | None = field(default=None, repr=False)
    from_dossiers: DossiersBuilder | None = field(default=None, repr=False)

    @property
    def source(self) -> Source:
        if self.from_file is not None:
            return "file"
        if self.from_registry is not None:
            return "registry"
        if self.from_sheet_input is not None:
            return "sheet"
        return "round" if self.from_round is not None else "dossier"

    @property
    def template(self) -> str:
        return f"{self.name}.docx"

    @property
    def schema(self) -> SchemaTree:
        """What the template may print: ``schemas/contexts/<kind>.schema.json``."""
        return schema_tree(f"contexts/{self.name}.schema.json")


__all__ = [
    "Built",
    "DossierBuilder",
    "DossierSource",
    "DossiersBuilder",
    "FileBuilder",
    "GroupOf",
    "Kind",
    "RegistryBuilder",
    "RoundBuilder",
    "SheetBuilder",
    "Source",
]
