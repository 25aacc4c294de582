"""kb/medicines.yaml is whole: every med_* finding reached, each class mapped as the
vocabulary says, each spelling of the right alphabet, each spelling one medicine's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from nightlegs.knowledge import KnowledgeBaseError, default_kb_dir
from nightlegs.knowledge.medicine_table import build_medicine_table, load_medicine_table
from nightlegs.knowledge.yaml_source import read
from nightlegs.medicines import Table, TableError, build_table

KB = default_kb_dir()


def vocabulary_med_findings() -> set[str]:
    findings = read(KB / "vocabulary.yaml").data["findings"]
    return {f for f in findings if f.startswith("med_")}


def test_every_med_finding_of_the_vocabulary_is_implied_by_some_medicine() -> None:
    data = load_medicine_table()
    implied = {f for m in data.medicines for f in m.findings}
    assert implied == vocabulary_med_findings()


@pytest.mark.parametrize(
    ("inn", "findings"),
    [
        # The classes the policy names, and the traps where a wrong class changes advice.
        ("hydrochlorothiazide", {"med_thiazide_diuretic"}),
        ("indapamide", {"med_thiazide_diuretic"}),
        ("furosemide", {"med_loop_diuretic"}),
        ("spironolactone", {"med_potassium_sparing_diuretic"}),
        ("atorvastatin", {"med_statin"}),
        ("sertraline", {"med_ssri_snri"}),
        ("venlafaxine", {"med_ssri_snri"}),
        ("amitriptyline", {"med_tricyclic"}),
        ("mirtazapine", {"med_mirtazapine"}),
        ("quetiapine", {"med_dopamine_antagonist"}),
        ("metoclopramide", {"med_dopamine_antagonist"}),
        ("chloropyramine", {"med_sedating_antihistamine"}),
        ("salmeterol", {"med_long_acting_beta_agonist"}),
        ("losartan + hydrochlorothiazide", {"med_ace_inhibitor_or_arb", "med_thiazide_diuretic"}),
        (
            "potassium and magnesium aspartate",
            {"med_potassium_supplement", "med_magnesium_supplement"},
        ),
        # Domperidone hardly enters the brain: the antiemetic advised in restless legs.
        ("domperidone", set()),
        # Short-acting inhalers are not LABAs; second-generation antihistamines do not sedate.
        ("salbutamol", set()),
        ("cetirizine", set()),
        # Verapamil and diltiazem are not dihydropyridines.
        ("verapamil", set()),
        # Antiplatelets are not anticoagulants; ASA with magnesium hydroxide is no magnesium.
        ("clopidogrel", set()),
        ("acetylsalicylic acid", set()),
        ("bisoprolol", set()),
        ("phenibut", set()),
        ("ademetionine", set()),
    ],
)
def test_a_class_implies_the_findings_the_vocabulary_means(inn: str, findings: set[str]) -> None:
    entries = [m for m in load_medicine_table().medicines if m.inn == inn]
    assert entries, inn
    assert all(set(m.findings) == findings for m in entries)


def test_heparin_on_the_skin_is_not_an_anticoagulant() -> None:
    by_id = {m.id: m for m in load_medicine_table().medicines}
    assert by_id["heparin"].findings == ("med_anticoagulant",)
    assert by_id["heparin (topical)"].findings == ()


def test_each_entry_has_an_atc_code_of_the_index_shape_and_its_sources() -> None:
    for medicine in load_medicine_table().medicines:
        assert re.fullmatch(r"[A-Z]\d\d[A-Z]([A-Z](\d\d)?)?", medicine.atc), medicine.id
        assert "who-atc-ddd" in medicine.sources
        assert bool(medicine.brands) == ("drlz-register" in medicine.sources), medicine.id


def test_the_common_medicines_of_the_brief_are_in_the_table() -> None:
    inns = {m.inn for m in load_medicine_table().medicines}
    wanted = {
        "metformin", "amlodipine", "bisoprolol", "lisinopril", "enalapril", "losartan",
        "acetylsalicylic acid", "clopidogrel", "warfarin", "apixaban", "rivaroxaban",
        "omeprazole", "pantoprazole", "levothyroxine", "paracetamol", "ibuprofen",
        "diclofenac", "iron", "magnesium", "colecalciferol", "gabapentin", "pregabalin",
        "pramipexole", "ropinirole", "ademetionine", "phenibut", "metoclopramide",
    }  # fmt: skip
    assert wanted <= inns
    assert any("Корвалол" in b.uk for m in load_medicine_table().medicines for b in m.brands)


def test_every_medicine_can_be_found_by_some_spelling(table: Table) -> None:
    # build_table refuses a clash and an entry no spelling reaches; this one was built.
    reached = {key.medicine.id for key in table.exact.values()}
    assert reached == {m.id for m in load_medicine_table().medicines}


def copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    target.mkdir()
    for name in ("medicines.yaml", "vocabulary.yaml"):
        shutil.copy(KB / name, target / name)
    return target


def edited(tmp_path: Path, old: str, new: str) -> Path:
    directory = copy_kb(tmp_path)
    path = directory / "medicines.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("findings: [med_statin]", "findings: [med_statn]", "'med_statn' is not a med_* finding"),
        ("findings: [med_statin]", "findings: [ferritin]", "'ferritin' is not a med_* finding"),
        ("findings: [med_lithium]", "findings: []", "no medicine implies med_lithium"),
        ("classes: [loop_diuretic]", "classes: [loop]", "unknown class 'loop'"),
        ("{uk: Верошпірон,", "{uk: Верошпирон ы,", "is not uk spelling"),
        ("ru: Верошпирон,", "ru: Верошпірон,", "is not ru spelling"),
        ("latin: Lasix}", "latin: Лазикс}", "is not in Latin letters"),
        ("sources: [who-atc-ddd, drlz-register]", "sources: [who-atc-ddd]", "need drlz-register"),
        ("atc: C03CA01", "atc: C3CA1", "atc"),
        ("filler:\n    uk: [", "filler:\n    uk: [сечогінне, ", "is in filler and generic"),
    ],
)
def test_the_check_names_what_is_wrong(tmp_path: Path, old: str, new: str, complaint: str) -> None:
    with pytest.raises(KnowledgeBaseError) as raised:
        build_medicine_table(edited(tmp_path, old, new))
    assert complaint in str(raised.value)
    assert "medicines.yaml:" in str(raised.value)


def test_two_medicines_spelled_alike_are_refused(tmp_path: Path) -> None:
    directory = edited(
        tmp_path, "{uk: Лазикс, ru: Лазикс, latin: Lasix}", "{uk: Лазикс, ru: Лазикс, latin: Lozap}"
    )
    data = build_medicine_table(directory)
    with pytest.raises(TableError, match="Lozap"):
        build_table(data)


def test_a_medicine_no_spelling_reaches_is_refused(tmp_path: Path) -> None:
    old = "name: {uk: хлорталідон, ru: хлорталидон, en: chlortalidone}\n    also: [chlorthalidone]"
    new = "name: {uk: хлорталідон, ru: хлорталидон, en: chlortalidone}\n    name_is_key: false"
    with pytest.raises(TableError, match="chlortalidone"):
        build_table(build_medicine_table(edited(tmp_path, old, new)))


def test_a_brand_spelled_like_a_generic_word_is_refused(tmp_path: Path) -> None:
    directory = edited(tmp_path, "latin: Lasix}", "latin: Lasix, also: [сечогінне]}")
    with pytest.raises(TableError, match="generic word"):
        build_table(build_medicine_table(directory))
