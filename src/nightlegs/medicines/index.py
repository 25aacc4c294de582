"""The medicine table made ready for matching: every spelling of every entry by skeleton.

An entry's keys are its INN in uk, ru and en (unless another entry owns the INN), its
other spellings, and each brand in Ukrainian, Russian and Latin letters. A key is the
skeleton of its words joined; it belongs to one entry only (the build refuses a table
where two entries share a key, or where a one-word key is a word of the word lists).
"""

# ruff: noqa: RUF002 - Cyrillic letters and apostrophes are meant

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nightlegs.knowledge.medicine_table import Brand, Medicine, MedicineTable, load_medicine_table
from nightlegs.medicines.spelling import fold, joined, skeleton
from nightlegs.medicines.tokens import Role, Token, segments

__all__ = ["Key", "Table", "TableError", "build_table", "load_table"]

RoleOf = Callable[[str], Role | None]


class TableError(ValueError):
    """The table cannot be matched against: two entries share a spelling, or a name is a
    word of the word lists."""


@dataclass(frozen=True, slots=True)
class Key:
    skeleton: str
    #: How many tokens the spelling has ("Лозап плюс": 2).
    words: int
    medicine: Medicine
    #: The brand this spelling is of; None for the INN and its other spellings.
    brand: Brand | None
    spelling: str
    #: The spelling also names a laboratory value ("магній", "вітамін Д").
    lab: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """What :func:`~nightlegs.medicines.lookup.lookup` needs, built once per process."""

    data: MedicineTable
    exact: dict[str, Key]
    #: For typo-tolerant matching: the skeletons of the keys of each word count and first
    #: letter (a typo is never read in a name's first letter, so only these are compared).
    by_words_and_initial: dict[tuple[int, str], tuple[list[str], list[Key]]]
    roles: dict[str, Role | None]
    max_words: int = field(default=1)
    #: Every beginning of a name of several words (its skeleton cut anywhere): the words
    #: before a name's last one must spell one, so most runs of words are passed over
    #: without a look-up per ending of the last word.
    heads: frozenset[str] = field(default=frozenset())
    #: The skeletons of the generic words ("вітаміни", "железы"): a word within a typo of
    #: one is never read as a misspelt name, nor as a name of several words run together.
    generic: tuple[str, ...] = ()
    #: Each medicine by its id, and by its INN and ATC code (as an answer keeps it).
    by_id: dict[str, Medicine] = field(default_factory=dict)
    by_code: dict[tuple[str, str], Medicine] = field(default_factory=dict)

    def role_of(self, folded: str) -> Role | None:
        """A word's role; ``None`` for a joining word ("і", "and"), which ends a segment."""
        return self.roles.get(folded, "name")


def load_table(directory: Path | None = None) -> Table:
    """The table of the knowledge base (``directory``: the package's ``kb/``), built once."""
    return _cached(str(directory.resolve()) if directory else None)


@lru_cache(maxsize=4)
def _cached(directory: str | None) -> Table:
    return build_table(load_medicine_table(Path(directory) if directory else None))


def build_table(data: MedicineTable) -> Table:
    roles = _roles(data)
    role_of = _role_lookup(roles)
    exact: dict[str, Key] = {}
    problems: list[str] = []
    for medicine in data.medicines:
        for spelling, brand, lab in _spellings(medicine):
            tokens = _one_segment(spelling, role_of)
            if tokens is None:
                continue  # "калію й магнію аспарагінат": shown, never matched whole
            skeletons = [t.skeleton for t in tokens]
            key = Key(joined(skeletons), len(tokens), medicine, brand, spelling, lab)
            problems.extend(_clashes(key, exact.get(key.skeleton), tokens))
            exact.setdefault(key.skeleton, key)
    reached = {key.medicine.id for key in exact.values()}
    problems += [f"no spelling finds {m.id}" for m in data.medicines if m.id not in reached]
    if problems:
        raise TableError("; ".join(dict.fromkeys(problems)))
    grouped: dict[tuple[int, str], tuple[list[str], list[Key]]] = defaultdict(lambda: ([], []))
    for key in exact.values():
        skeletons, keys = grouped[key.words, key.skeleton[0]]
        skeletons.append(key.skeleton)
        keys.append(key)
    return Table(
        data=data,
        exact=exact,
        by_words_and_initial=dict(grouped),
        roles=roles,
        generic=tuple(sorted({skeleton(w) for w, role in roles.items() if role == "generic"})),
        max_words=max(key.words for key in exact.values()),
        by_id={medicine.id: medicine for medicine in data.medicines},
        by_code={(medicine.inn, medicine.atc): medicine for medicine in data.medicines},
        heads=frozenset(
            key.skeleton[:end]
            for key in exact.values()
            if key.words > 1
            for end in range(1, len(key.skeleton))
        ),
    )


def _roles(data: MedicineTable) -> dict[str, Role | None]:
    words = data.words
    roles: dict[str, Role | None] = {}
    lists: tuple[tuple[Role, list[str]], ...] = (
        ("filler", words.filler.all()),
        ("generic", words.generic.all()),
        ("nothing", words.nothing.all()),
    )
    for role, listed in lists:
        for word in listed:
            roles[fold(word)] = role
    for word in words.separators.all():
        roles[fold(word)] = None
    return roles


def _role_lookup(roles: dict[str, Role | None]) -> RoleOf:
    return lambda folded: roles.get(folded, "name")


def _spellings(medicine: Medicine) -> Iterator[tuple[str, Brand | None, bool]]:
    """Each spelling, its brand, and whether it also names a laboratory value."""
    if medicine.name_is_key:
        for name in medicine.name.values():
            yield name, None, medicine.name_is_lab
    for other in medicine.also:
        yield other, None, False
    for other in medicine.lab_also:
        yield other, None, True
    for brand in medicine.brands:
        for spelling in brand.spellings():
            yield spelling, brand, False


def _one_segment(spelling: str, role_of: RoleOf) -> list[Token] | None:
    found = list(segments(spelling, role_of))
    return found[0] if len(found) == 1 else None


def _clashes(key: Key, known: Key | None, tokens: list[Token]) -> list[str]:
    problems = []
    if known is not None and known.medicine.id != key.medicine.id:
        problems.append(
            f"'{key.spelling}' ({key.medicine.id}) is spelled like '{known.spelling}' "
            f"({known.medicine.id})"
        )
    if len(tokens) == 1 and tokens[0].role != "name":
        problems.append(f"'{key.spelling}' ({key.medicine.id}) is a {tokens[0].role} word")
    return problems
