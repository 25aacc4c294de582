"""Names found as people type them; class descriptions and ordinary words never a medicine."""

# ruff: noqa: RUF001 - Cyrillic spellings are meant

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from nightlegs.medicines import Table, lookup, max_edits, read_list


def inns(table: Table, text: str) -> list[str]:
    return [match.inn for match in read_list(table, text, "uk").medicines]


def test_the_contract_example(table: Table) -> None:
    text = "церукал, аторвакор, гептрал"
    found = read_list(table, text, "ru")
    assert [(m.text, m.start, m.end, m.inn, m.atc, m.findings) for m in found.medicines] == [
        ("церукал", 0, 7, "metoclopramide", "A03FA01", ("med_dopamine_antagonist",)),
        ("аторвакор", 9, 18, "atorvastatin", "C10AA05", ("med_statin",)),
        ("гептрал", 20, 27, "ademetionine", "A16AA02", ()),
    ]
    assert [m.name for m in found.medicines] == ["метоклопрамид", "аторвастатин", "адеметионин"]
    assert found.unrecognised == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("фуросемід і аторвакор", ["furosemide", "atorvastatin"]),
        ("конкор 5 мг", ["bisoprolol"]),
        ("Конкор 2,5мг вранці", ["bisoprolol"]),
        ("конкор5мг", ["bisoprolol"]),
        ("аторвакор\nфуросемід\nлозап", ["atorvastatin", "furosemide", "losartan"]),
        ("1) Конкор 5; 2) Лозап 50", ["bisoprolol", "losartan"]),
        ("п'ю лористу і конкор", ["losartan", "bisoprolol"]),
        ("без аспірину", ["acetylsalicylic acid"]),
        ("Энап-Н 10/25", ["enalapril + hydrochlorothiazide"]),
        ("Lozap plus", ["losartan + hydrochlorothiazide"]),
        ("Ko-Diovan", ["valsartan + hydrochlorothiazide"]),
        ("Конкор АМ", ["bisoprolol + amlodipine"]),
        ("фуросемід-дарниця", ["furosemide"]),
        ("Нолiпрел", ["perindopril + indapamide"]),
        ("Магне-В6 форте", ["magnesium"]),
        ("вітамін Д3 2000 МО", ["colecalciferol"]),
        ("кальцій д3", ["calcium + colecalciferol"]),
    ],
)
def test_names_in_lists_with_doses_and_forms(table: Table, text: str, expected: list[str]) -> None:
    assert inns(table, text) == expected


@pytest.mark.parametrize(
    ("text", "inn"),
    [
        ("аторвакр", "atorvastatin"),
        ("аторвокор", "atorvastatin"),
        ("фурасемид", "furosemide"),
        ("канкор", "bisoprolol"),
        ("лазап", "losartan"),
        ("церукол", "metoclopramide"),
        ("ксарелта", "rivaroxaban"),
        ("амитриптиллин", "amitriptyline"),
        ("гидрохлортиазид", "hydrochlorothiazide"),
        ("tserukal", "metoclopramide"),
        ("atorvakor", "atorvastatin"),
    ],
)
def test_typos_and_spellings_by_ear_are_tolerated(table: Table, text: str, inn: str) -> None:
    (match,) = read_list(table, text, "uk").medicines
    assert match.inn == inn


@pytest.mark.parametrize("text", ["аторвакр", "фурасемид", "канкор", "ксарелта"])
def test_a_typo_is_not_an_exact_match(table: Table, text: str) -> None:
    (match,) = read_list(table, text, "uk").medicines
    assert not match.exact


@pytest.mark.parametrize(
    ("text", "inn"),
    [
        # Same INN, spelled apart: both losartan. Lasolvan is ambroxol, never losartan.
        ("лозап", "losartan"),
        ("лозартан", "losartan"),
        ("лазолван", "ambroxol"),
        ("лазолвон", "ambroxol"),
        # ASA with magnesium hydroxide, and magnesium: two medicines eight letters apart.
        ("магнікор", "acetylsalicylic acid"),
        ("магнікум", "magnesium"),
        # A long-acting inhaler, and a quick-relief one.
        ("сальметерол", "salmeterol"),
        ("сальбутамол", "salbutamol"),
        # Metoclopramide blocks dopamine in the brain; domperidone does not.
        ("церукал", "metoclopramide"),
        ("мотиліум", "domperidone"),
        ("аспірин кардіо", "acetylsalicylic acid"),
        ("гепарин", "heparin"),
    ],
)
def test_similar_real_names_stay_apart(table: Table, text: str, inn: str) -> None:
    (match,) = read_list(table, text, "uk").medicines
    assert match.inn == inn


def test_a_typo_equally_near_two_medicines_is_left_unrecognised(table: Table) -> None:
    # "магнікур": one letter from Магнікор (ASA) and from Магнікум (magnesium).
    found = read_list(table, "магнікур", "uk")
    assert found.medicines == []
    assert found.unrecognised == ["магнікур"]


#: Spellings of two medicines within one tolerated typo of each other, each pair checked:
#: a typo between them is as near to both and left unrecognised; neither changes a class
#: finding that the other implies, except ramipril (an ACE inhibitor) and glimepiride,
#: which only an exact spelling tells apart.
KNOWN_NEAR = {
    ("Амприл", "Амарил"),
    ("правастатин", "пітавастатин"),
    ("Магнікор", "Магнікум"),
    ("тіамазол", "трамадол"),
    ("methimazole", "metamizole"),
    # Two older antihistamines of the same class: a mix-up implies the same finding.
    ("chlorpheniramine", "chloropyramine"),
    # Vitamin D and vitamin C, one letter apart: neither implies a finding.
    ("вітамін д", "вітамін с"),
    ("вітамін д", "vitamin c"),
    ("вітамін д3", "вітамін с"),
    ("вітамін д3", "vitamin c"),
}


def test_the_medicines_one_typo_apart_are_known(table: Table) -> None:
    """A new brand one typo from another medicine's name must be looked at, and listed."""
    near = set()
    for skeletons, keys in table.by_words_and_initial.values():
        for (a, ka), (b, kb) in itertools.combinations(zip(skeletons, keys, strict=True), 2):
            if ka.medicine.id == kb.medicine.id or a[0] != b[0]:
                continue
            if OSA.distance(a, b) <= max_edits(min(len(a), len(b))):
                near.add((ka.spelling, kb.spelling))
    assert near == KNOWN_NEAR


def test_between_two_near_medicines_a_typo_is_read_as_the_nearer_or_not_at_all(
    table: Table,
) -> None:
    assert [m.inn for m in lookup(table, "магнікорр", "uk")] == ["acetylsalicylic acid"]
    assert lookup(table, "магнікур", "uk") == []
    assert lookup(table, "Амприль", "uk")[0].inn == "ramipril"


CLASS_DESCRIPTIONS = [
    "ліки від тиску",
    "таблетки від тиску",
    "сечогінне",
    "снодійне",
    "статини",
    "антидепресанти",
    "заспокійливе",
    "щось від холестерину",
    "вітаміни",
    "лекарства от давления",
    "мочегонное",
    "снотворное",
    "статины",
    "blood pressure pills",
    "water tablets",
    "sleeping pills",
    "statins",
]


@pytest.mark.parametrize("text", CLASS_DESCRIPTIONS)
def test_a_class_description_names_no_medicine_and_is_unrecognised(table: Table, text: str) -> None:
    found = read_list(table, text, "uk")
    assert found.medicines == []
    assert found.unrecognised != []


def generic_words(table: Table) -> list[str]:
    return sorted(table.data.words.generic.all())


@given(data=st.data())
def test_words_of_class_descriptions_never_make_a_medicine(
    table: Table, data: st.DataObject
) -> None:
    """However generic words are combined, and with one typo each, no medicine comes out."""
    words = data.draw(st.lists(st.sampled_from(generic_words(table)), min_size=1, max_size=4))
    typo = data.draw(st.booleans())
    if typo:
        words = [w[:-1] + "ь" if len(w) > 5 else w for w in words]
    assert lookup(table, " ".join(words), "uk") == []


def test_no_generic_word_alone_names_a_medicine_even_misspelt(table: Table) -> None:
    """Every generic word, as written and with its last letter typed wrong: «железь» may be
    «железы» as well as iron, and «вітамінкь» is no "vitamin C" run together."""
    named = [
        (spelled, [m.inn for m in found])
        for word in generic_words(table)
        for spelled in (word, word[:-1] + "ь", word[:-1] + "и")
        if len(spelled) > 1 and (found := lookup(table, spelled, "uk"))
    ]
    assert named == []


def test_nothing_said_is_nothing_unrecognised(table: Table) -> None:
    assert read_list(table, "нічого не приймаю", "uk").unrecognised == []
    assert read_list(table, "ничего", "ru").unrecognised == []


def test_what_was_not_recognised_is_named_in_its_own_words(table: Table) -> None:
    found = read_list(table, "аторвакор (від холестерину), ще щось від тиску і ксеплион", "uk")
    assert [m.inn for m in found.medicines] == ["atorvastatin"]
    assert found.unrecognised == ["щось від тиску", "ксеплион"]


@pytest.mark.parametrize(
    "text",
    [
        "Лозап 50мг 1т. зранку",
        "конкор 5 1р/д",
        "магнезію кололи",
        "трамадол по потребі",
        "пантопразол 40 натщесерце",
        "не пам'ятаю назву",
        "я п'ю конкор",
    ],
)
def test_doses_abbreviations_and_how_it_is_taken_are_not_unrecognised(
    table: Table, text: str
) -> None:
    assert read_list(table, text, "uk").unrecognised == []


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_matches_are_in_order_and_their_text_is_the_text_sent(table: Table, text: str) -> None:
    found = read_list(table, text, "uk")
    end = 0
    for match in found.medicines:
        assert text[match.start : match.end] == match.text
        assert match.start >= end
        end = match.end
    assert all(piece in text for piece in found.unrecognised)


@given(st.data())
def test_every_spelling_of_the_table_finds_its_medicine(table: Table, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(sorted(table.exact.values(), key=lambda k: k.skeleton)))
    prefix = data.draw(st.sampled_from(["", "п'ю ", "приймаю ", "- ", "1. "]))
    suffix = data.draw(st.sampled_from(["", " 5 мг", " 10mg вранці", ", ", " на ніч"]))
    (match,) = lookup(table, prefix + key.spelling + suffix, "uk")
    assert match.medicine.id == key.medicine.id
    assert match.exact


@given(st.data())
def test_one_typo_finds_the_same_medicine_or_none(table: Table, data: st.DataObject) -> None:
    """A letter dropped, doubled-as-other, swapped or replaced after the first: never
    another medicine."""
    key = data.draw(
        st.sampled_from(
            sorted(
                (k for k in table.exact.values() if k.words == 1 and len(k.skeleton) >= 5),
                key=lambda k: k.skeleton,
            )
        )
    )
    word = key.skeleton
    position = data.draw(st.integers(1, len(word) - 1))
    edit = data.draw(st.sampled_from(["drop", "replace", "swap", "insert"]))
    letter = data.draw(st.sampled_from("aeioukstrnlmpvz"))
    if edit == "drop":
        typo = word[:position] + word[position + 1 :]
    elif edit == "replace":
        typo = word[:position] + letter + word[position + 1 :]
    elif edit == "insert":
        typo = word[:position] + letter + word[position:]
    else:
        typo = word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]
    found = lookup(table, typo, "en")
    assert [m.medicine.id for m in found] in ([], [key.medicine.id])


@pytest.mark.parametrize(
    ("length", "edits"), [(3, 0), (4, 0), (5, 1), (7, 1), (8, 2), (12, 2), (13, 3), (20, 3)]
)
def test_the_tolerance_grows_with_the_length(length: int, edits: int) -> None:
    assert max_edits(length) == edits


def test_a_known_word_is_matched_exactly_or_not_at_all(table: Table) -> None:
    text = "п'ю аторвакр і фуросемід"
    assert [m.inn for m in lookup(table, text, "uk")] == ["atorvastatin", "furosemide"]
    everything_known = lookup(table, text, "uk", known_word=lambda word: True)
    assert [m.inn for m in everything_known] == ["furosemide"]


def test_the_name_is_the_inn_in_the_language_asked(table: Table) -> None:
    for language, name in (("uk", "фуросемід"), ("ru", "фуросемид"), ("en", "furosemide")):
        (match,) = lookup(table, "фуросемид", language)
        assert match.name == name


@pytest.mark.parametrize(
    ("text", "lab_name"),
    [
        ("магній 0,6", True),
        ("калий 3,2", True),
        ("залізо низьке", True),
        ("вітамін Д 15 нг/мл", True),
        ("B12 низький", True),
        ("магне б6", False),
        ("аквадетрим", False),
        ("сорбіфер дурулес", False),
        ("фуросемід", False),
    ],
)
def test_a_name_that_is_also_a_laboratory_value_says_so(
    table: Table, text: str, lab_name: bool
) -> None:
    (match,) = lookup(table, text, "uk")
    assert match.lab_name is lab_name
