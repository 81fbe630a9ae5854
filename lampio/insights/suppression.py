"""The only way figures leave the insights app: small groups are suppressed so that no table,
no total and no difference of two queries reveals fewer than `threshold` people.

A query sums facts into cells. Facts carry a *slice*: (month, municipality, organisation),
exactly what filters can add or take away: the period is chosen in whole months, and the
scope is one organisation, one municipality or the network. Three rules:

1. Primary: a cell is suppressed when, in any month, one municipality's part of it holds
   between 1 and threshold − 1 people, or when taking away one organisation's part from its
   municipality's part of that month leaves between 1 and threshold − 1. Any difference of
   queries (periods, scopes, municipality filters, however many) is then a sum of such
   month pieces, each 0 or at least the threshold, so differencing isolates nobody, and
   staff who know their own organisation's figures cannot subtract them from their city's
   (or from the network's less the other cities') to learn about the rest.
2. Secondary: a table shows totals of its rows and columns. Where a line (a row, a column or
   the line of totals) has a published total, its suppressed cells taken together must pass
   rule 1 too; otherwise more cells of the line, and at last its total, are suppressed.
3. Ratios and averages are shown only for published cells, and not at all without a base.

Suppressed cells carry no figure and no count; a published count is 0 or at least threshold.
Collusion between organisations (pooling what each knows of its own figures) is outside what
this protects; see docs/decisions/0011-insights-suppression.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import product

ALL = "*"  # the coordinate of a total in a table's key

Key = tuple[Hashable, ...]
Slice = tuple[Hashable, ...]


@dataclass(frozen=True)
class Atom:
    """Summed facts of one cell and one slice, as a query reads them from the fact table."""

    cell: Key
    slice: Slice
    value: float
    base: float
    n: int


@dataclass(frozen=True)
class Figure:
    """One published cell. `value` is None when suppressed or when a ratio has no base."""

    key: Key
    value: float | None
    n: int | None
    suppressed: bool


@dataclass
class _Cell:
    value: float = 0.0
    base: float = 0.0
    n: int = 0
    slices: dict[Slice, int] = field(default_factory=lambda: defaultdict(int))
    suppressed: bool = False


def small(count: int, threshold: int) -> bool:
    return 0 < count < threshold


@dataclass(frozen=True)
class Table:
    """Cells of a query with 0, 1 or 2 dimensions and their totals, after suppression."""

    dimensions: int
    figures: dict[Key, Figure]

    def cells(self) -> list[Figure]:
        return [f for k, f in self.figures.items() if ALL not in k]

    def totals(self) -> list[Figure]:
        return [f for k, f in self.figures.items() if ALL in k]

    @property
    def grand_total(self) -> Figure:
        return self.figures[(ALL,) * self.dimensions]


def suppress(
    atoms: Iterable[Atom], *, dimensions: int, threshold: int, ratio: bool = False
) -> Table:
    """Sum `atoms` into cells and totals and apply the three rules."""
    cells = _sum(atoms, dimensions)
    for cell in cells.values():
        cell.suppressed = _has_small_slice(cell.slices, threshold)
    _suppress_secondary(cells, dimensions, threshold)
    return Table(dimensions, {key: _figure(key, cell, ratio) for key, cell in cells.items()})


def _sum(atoms: Iterable[Atom], dimensions: int) -> dict[Key, _Cell]:
    cells: dict[Key, _Cell] = defaultdict(_Cell)
    cells[(ALL,) * dimensions]  # the grand total exists even without data
    for atom in atoms:
        for key in _generalisations(atom.cell):
            cell = cells[key]
            cell.value += atom.value
            cell.base += atom.base
            cell.n += atom.n
            cell.slices[atom.slice] += atom.n
    return cells


def _generalisations(key: Key) -> Iterator[Key]:
    """The cell itself and every total it counts towards."""
    for mask in product((False, True), repeat=len(key)):
        yield tuple(ALL if total else value for value, total in zip(key, mask, strict=True))


def _has_small_slice(slices: dict[Slice, int], threshold: int) -> bool:
    """Rule 1 over slices (month, municipality, organisation) of one cell.

    The pieces are one municipality's month: the network's figure less those of the other
    municipalities (each a query of its own) isolates one, so each must be 0 or at least the
    threshold, and so must each piece less one of its organisations, which that
    organisation's staff know. Every difference of queries is then a sum of such amounts."""
    pieces: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    parts: dict[Slice, int] = defaultdict(int)
    for (month, municipality, *organisation), count in slices.items():
        pieces[(month, municipality)] += count
        parts[(month, municipality, *organisation)] += count
    if any(small(count, threshold) for count in pieces.values()):
        return True
    return any(
        small(pieces[(month, municipality)] - count, threshold)
        for (month, municipality, *_), count in parts.items()
    )


def _lines(cells: dict[Key, _Cell], dimensions: int) -> list[tuple[Key, list[Key]]]:
    """(total, members) of every line whose members add up to the total.

    A total of two dimensions heads two lines (the row totals and the column totals both add
    up to the grand total); each is checked on its own, or one line's hidden cells would
    seem safe only because the other line's were counted with them."""
    lines: dict[tuple[Key, int], list[Key]] = defaultdict(list)
    for key in cells:
        for axis in range(dimensions):
            if key[axis] != ALL:
                total = (*key[:axis], ALL, *key[axis + 1 :])
                lines[(total, axis)].append(key)
    return [(total, members) for (total, _axis), members in lines.items()]


def _suppress_secondary(cells: dict[Key, _Cell], dimensions: int, threshold: int) -> None:
    lines = _lines(cells, dimensions)
    changed = True
    while changed:
        changed = False
        for total, members in lines:
            if cells[total].suppressed:
                continue
            hidden = [cells[m] for m in members if cells[m].suppressed]
            if not hidden:
                continue
            merged: dict[Slice, int] = defaultdict(int)
            for cell in hidden:
                for slice_, count in cell.slices.items():
                    merged[slice_] += count
            if not _has_small_slice(merged, threshold):
                continue
            _hide_one_more(cells, total, members, merged, threshold)
            changed = True


def _hide_one_more(
    cells: dict[Key, _Cell],
    total: Key,
    members: list[Key],
    merged: dict[Slice, int],
    threshold: int,
) -> None:
    """Suppress the published member that best covers the small slices, else the total."""
    # The months and municipalities of the hidden cells: only a cell sharing one of these
    # pieces can make the hidden part of the line big enough.
    weak = {s[:2] for s in merged}
    shown = [m for m in members if not cells[m].suppressed and cells[m].n > 0]
    covering = [m for m in shown if any(s[:2] in weak for s in cells[m].slices)]
    candidates = covering or shown
    if candidates:
        cells[min(candidates, key=lambda m: (cells[m].n, str(m)))].suppressed = True
    else:
        cells[total].suppressed = True


def _figure(key: Key, cell: _Cell, ratio: bool) -> Figure:
    if cell.suppressed:
        return Figure(key, None, None, True)
    value = (cell.value / cell.base if cell.base else None) if ratio else cell.value
    return Figure(key, value, cell.n, False)
