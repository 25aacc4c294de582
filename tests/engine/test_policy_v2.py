"""Clinical policy version 2, one decision at a time (shared/clinical/policy.md).

The public cases check whole profiles; these check each new rule on its own,
around its thresholds, so a rule that only happens to pass a case is caught.
"""

from __future__ import annotations

from typing import Any

import pytest

from nightlegs.engine import assess, decide
from nightlegs.engine.models import Assessment
from nightlegs.knowledge import KnowledgeBase
from tests.conftest import values
from tests.profiles import CRAMPS_BRIEF, RLS_BRIEF

RLS: dict[str, Any] = {**RLS_BRIEF, "duration_months": 12}
CRAMPS: dict[str, Any] = {**CRAMPS_BRIEF, "nights_per_week": 3, "duration_months": 6}


def level(kb: KnowledgeBase, profile: dict[str, Any]) -> str:
    return kb.levels[decide(kb, values(profile)).level].id


def result(kb: KnowledgeBase, profile: dict[str, Any], language: str = "en") -> Assessment:
    return assess(kb, values(profile), language)


def all_absent(kb: KnowledgeBase) -> dict[str, Any]:
    """Every emergency-level red flag answered "no"."""
    return {f: ("none" if f == "foot_wound" else "absent") for f in kb.emergency_red_flags}


# --- laboratory bands are half-open: "5.5 to 6.0" means 5.5 <= K < 6.0 -------------


@pytest.mark.parametrize(
    ("potassium", "expected"),
    [
        (6.0, "emergency"),
        (5.99, "consultation_24"),
        (5.5, "consultation_24"),
        (5.49, "consultation"),
        (5.0, "self_care"),  # 3.5-5.0 is normal: the mild RLS stays self-care
        (3.5, "self_care"),
        (3.0, "consultation"),
        (2.99, "consultation_24"),
        (2.5, "consultation_24"),
        (2.49, "emergency"),
    ],
)
def test_potassium_bands(kb, potassium, expected):
    assert level(kb, {**RLS, "potassium": potassium}) == expected


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"calcium": 1.89}, "emergency"),
        ({"calcium": 3.01}, "emergency"),
        ({"calcium": 2.1}, "consultation"),
        ({"magnesium": 0.49}, "emergency"),
        ({"magnesium": 0.6}, "consultation"),
        ({"haemoglobin": 69}, "emergency"),
        ({"haemoglobin": 85}, "consultation_24"),
        ({"haemoglobin": 125}, "consultation"),
        ({"fasting_glucose": 20}, "emergency"),
        ({"fasting_glucose": 7.0}, "consultation"),
        ({"egfr": 40}, "consultation"),
    ],
)
def test_critical_and_marked_laboratory_values(kb, extra, expected):
    assert level(kb, {**RLS, **extra}) == expected


def test_a_critical_value_says_call_your_doctor_or_103_today_with_the_value(kb):
    uk = result(kb, {**CRAMPS, "potassium": 6.8}, "uk")
    assert uk.triage.level == "emergency"
    assert any("6,8" in r and "103" in r for r in uk.triage.reasons)
    en = result(kb, {**CRAMPS, "potassium": 2.4}, "en")
    assert any("2.4" in r and "today" in r for r in en.triage.reasons)


def test_a_very_low_egfr_off_dialysis_says_ask_your_kidney_doctor_this_week(kb):
    assessment = result(kb, {**RLS, "egfr": 12, "dialysis": "absent"})
    assert any("this week" in r for r in assessment.triage.reasons)
    on_dialysis = result(kb, {**RLS, "egfr": 12, "dialysis": "present"})
    assert not any("this week" in r for r in on_dialysis.triage.reasons)


# --- reasons name what fired, with the person's values ------------------------------


def test_a_reason_names_the_answer_that_fired_not_the_whole_list(kb):
    reasons = result(kb, {**RLS, "nights_per_week": 4}).triage.reasons
    assert any("4" in r for r in reasons)
    assert not any("sleep" in r.lower() for r in reasons)  # sleep was not mentioned


def test_ferritin_is_below_the_level_recommended_for_rls_not_out_of_range(kb):
    assessment = result(kb, {**RLS, "ferritin": 40})
    iron = next(f for f in assessment.factors if f.id == "iron_deficiency")
    assert "40" in iron.detail
    assert "75" in iron.detail
    assert "restless legs" in iron.detail
    assert not any("normal range" in r for r in assessment.triage.reasons)


def test_no_sentence_is_repeated_across_tests(kb):
    profiles = [
        {**RLS, "ferritin": 40},
        {**CRAMPS, "diabetes": "present", "numbness": "present", "burning_feet": "present"},
        {**CRAMPS, "med_statin": "present", "muscle_aches_weakness": "present"},
    ]
    for profile in profiles:
        whys = [t.why for t in result(kb, profile).tests]
        assert len(whys) >= 2
        assert len(whys) == len(set(whys)), whys


def test_no_warning_signs_only_when_every_urgent_sign_was_answered_no(kb):
    calm = result(kb, {**RLS, **all_absent(kb)})
    assert calm.triage.level == "self_care"
    assert calm.triage.reasons == [kb.texts.no_reason.en]
    unchecked = result(kb, RLS)
    assert unchecked.triage.level == "self_care"
    assert unchecked.triage.reasons == [kb.texts.no_reason_unchecked.en]


def test_each_situation_has_its_own_safety_net(kb):
    akathisia = {
        **RLS,
        "whole_body_restlessness": "present",
        "med_dopamine_antagonist": "present",
        "started_after_new_medicine": "present",
    }
    assert "7333" in result(kb, akathisia).triage.safety_net
    cord = result(kb, {**RLS, "painful_cord_along_vein": "present"})
    assert "groin" in cord.triage.safety_net
    redness = result(kb, {**RLS, "leg_redness_warmth": "present"})
    assert "edge" in redness.triage.safety_net
    both_legs = {**RLS, "side": "both", "back_pain_radiating_below_knee": "present"}
    assert "urine" in result(kb, both_legs).triage.safety_net


# --- unresolved red flags (principle 2) -----------------------------------------------


def test_an_unresolved_clot_sign_with_a_risk_fires_at_its_own_level(kb):
    base = {**RLS, "side": "one", "calf_tenderness_one_leg": "unknown"}
    assert level(kb, base) == "consultation_24"
    for risk in ("recent_long_travel", "estrogen_therapy", "previous_vte"):
        assert level(kb, {**base, risk: "present"}) == "emergency"
    postpartum = {**base, "sex": "female", "age": 31, "pregnancy": "postpartum"}
    assert level(kb, postpartum) == "emergency"
    assert level(kb, {**base, "sex": "female", "age": 31, "pregnancy": "unknown"}) == (
        "consultation_24"
    )  # an unknown pregnancy is not a clot risk


def test_an_unresolved_dvt_sign_lists_dvt_as_cannot_be_ruled_out(kb):
    assessment = result(kb, {**RLS, "sudden_unilateral_swelling": "unknown"})
    dvt = next(c for c in assessment.conditions if c.id == "deep_vein_thrombosis")
    assert dvt.cannot_be_ruled_out
    assert kb.texts.cannot_be_ruled_out.en in dvt.name
    assert assessment.conditions[0].id == "restless_legs_syndrome"
    sign = kb.items["sudden_unilateral_swelling"].label.en
    assert any(sign in r for r in assessment.triage.reasons)  # names the sign


def test_unresolved_ischaemia_with_a_cold_pale_foot_calls_an_ambulance(kb):
    profile = {**RLS, "acute_cold_painful_leg": "unknown", "cold_pale_foot": "present"}
    assessment = result(kb, profile)
    assert assessment.triage.level == "emergency_ambulance"
    assert assessment.conditions[0].id == "acute_limb_ischaemia"
    assert not assessment.out_of_scope


def test_an_unresolved_lower_level_red_flag_is_only_a_warning(kb):
    unsure = result(kb, {**RLS, "painful_cord_along_vein": "unknown"})
    assert unsure.triage.level == "self_care"
    assert any("cord" in w for w in unsure.warnings)


def test_an_emergency_never_says_the_answers_fit_nothing(kb):
    bare = {"age": 50, "sex": "male", "leg_symptoms": "present", "very_unwell": "unknown"}
    assessment = result(kb, bare)
    assert assessment.triage.level == "emergency_ambulance"
    unrecognised = next(r for r in kb.triage_rules if r.source.id == "unrecognised-complaint")
    assert unrecognised.source.reason.en not in assessment.triage.reasons
    assert not assessment.out_of_scope


# --- contraindications (principle 3) --------------------------------------------------


def test_a_contraindication_not_sent_is_assumed_absent_and_said(kb):
    assessment = result(kb, {**CRAMPS, "potassium": 3.2, "kidney_disease": "absent"})
    potassium = next(a for a in assessment.advice if a.id == "potassium_supplement")
    assert "med_ace_inhibitor_or_arb" in potassium.assumes_absent
    assert "assumes" in potassium.text
    on_arb = result(kb, {**CRAMPS, "potassium": 3.2, "med_ace_inhibitor_or_arb": "present"})
    assert "potassium_supplement" in {w.id for w in on_arb.withheld_advice}


def test_an_unknown_egfr_counts_as_fine_only_with_healthy_kidneys(kb):
    cramps = {**CRAMPS, "potassium": 3.2, "egfr": "unknown"}
    healthy = {**cramps, "kidney_disease": "absent", "dialysis": "absent"}
    given = next(a for a in result(kb, healthy).advice if a.id == "potassium_supplement")
    assert "kidneys are healthy" in given.text
    unsure = {**cramps, "kidney_disease": "unknown", "dialysis": "absent"}
    assert "potassium_supplement" in {w.id for w in result(kb, unsure).withheld_advice}


def test_iron_treatment_with_tsat_unknown_says_the_doctor_checks_it_first(kb):
    profile = {**RLS, "ferritin": 40, "tsat": "unknown"}
    iron = next(a for a in result(kb, profile).advice if a.id == "discuss_iron_treatment")
    assert "saturation" in iron.text
    borderline = next(
        a for a in result(kb, {**RLS, "ferritin": 90}).advice if a.id == "discuss_iron_treatment"
    )
    assert "drip" in borderline.text
    overloaded = result(kb, {**RLS, "ferritin": 820, "tsat": 58})
    assert "discuss_iron_treatment" not in {a.id for a in overloaded.advice}
    assert "no_iron_when_overloaded" in {a.id for a in overloaded.advice}


def test_compression_waits_for_ankle_pressures_over_65_with_diabetes_or_smoking(kb):
    veins = {
        "age": 70,
        "sex": "female",
        "pregnancy": "not_pregnant",
        "leg_symptoms": "present",
        "visible_varicose_veins": "present",
        "leg_heaviness": "present",
        "nights_per_week": 1,
    }
    assert "compression_stockings" in {a.id for a in result(kb, veins).advice}
    given = next(a for a in result(kb, veins).advice if a.id == "compression_stockings")
    assert "pulses" in given.text
    smoker = result(kb, {**veins, "smoking": "present"})
    assert "compression_stockings" in {w.id for w in smoker.withheld_advice}
    assert "ankle_brachial_index" in {t.id for t in smoker.tests}


def test_one_swollen_leg_not_yet_examined_withholds_massage_and_stretching(kb):
    profile = {**CRAMPS, "one_leg_swollen": "present", "duration_months": 1.5}
    assessment = result(kb, profile)
    assert assessment.triage.level == "consultation_24"
    withheld = {w.id for w in assessment.withheld_advice}
    assert {"calf_stretch", "warmth_massage"} <= withheld
    assert "no_massage_until_checked" in {a.id for a in assessment.advice}
    long_standing = result(kb, {**profile, "duration_months": 6})
    assert long_standing.triage.level == "consultation"


# --- recognition ---------------------------------------------------------------------


def test_visible_varicose_veins_alone_make_venous_disease_at_least_moderate(kb):
    for sign in ("visible_varicose_veins", "skin_changes_lower_leg"):
        assessment = result(
            kb, {"age": 50, "sex": "male", "leg_symptoms": "present", sign: "present"}
        )
        cvd = next(c for c in assessment.conditions if c.id == "chronic_venous_disease")
        assert cvd.likelihood in ("moderate", "high")
        assert assessment.triage.level == "consultation"


def test_both_ankles_swelling_alone_never_lists_venous_disease(kb):
    profile = {"age": 50, "sex": "male", "leg_symptoms": "present", "leg_swelling_both": "present"}
    assert "chronic_venous_disease" not in {c.id for c in result(kb, profile).conditions}


@pytest.mark.parametrize("symptom", ["burning_feet", "numbness", "tingling", "feet_feel_cold"])
def test_one_sensory_symptom_in_both_feet_lists_neuropathy(kb, symptom):
    profile = {
        "age": 60,
        "sex": "male",
        "leg_symptoms": "present",
        "side": "both",
        symptom: "present",
    }
    assert "peripheral_neuropathy" in {c.id for c in result(kb, profile).conditions}


def test_arterial_leads_before_venous(kb):
    profile = {
        "age": 70,
        "sex": "male",
        "leg_symptoms": "present",
        "calf_pain_walking_relieved_by_rest": "present",
        "visible_varicose_veins": "present",
        "leg_heaviness": "present",
        "evening_swelling": "present",
        "nights_per_week": 3,
    }
    assessment = result(kb, profile)
    assert assessment.conditions[0].id == "peripheral_artery_disease"
    assert assessment.specialists[0].id == "vascular_surgeon"


def test_a_cord_leads_before_cellulitis(kb):
    profile = {**RLS, "painful_cord_along_vein": "present", "leg_redness_warmth": "present"}
    assert result(kb, profile).conditions[0].id == "superficial_thrombophlebitis"


def test_pain_radiating_into_the_thigh_counts_for_radiculopathy(kb):
    profile = {
        "age": 45,
        "sex": "male",
        "leg_symptoms": "present",
        "low_back_pain": "present",
        "pain_radiating_into_leg": "present",
        "side": "one",
        "nights_per_week": 2,
    }
    assert result(kb, profile).conditions[0].id == "lumbar_radiculopathy"


def test_progressive_weakness_lists_cauda_equina_only_with_back_pain(kb):
    weak = {**RLS, "progressive_weakness": "present", "side": "both", "numbness": "present"}
    ids = [c.id for c in result(kb, weak).conditions]
    assert "cauda_equina_syndrome" not in ids
    assert "peripheral_neuropathy" in ids
    with_back = {**weak, "low_back_pain": "present", "back_pain_radiating_below_knee": "present"}
    assert "cauda_equina_syndrome" in [c.id for c in result(kb, with_back).conditions]


def test_a_diagnosis_a_doctor_made_supports_its_condition(kb):
    base = {"age": 55, "sex": "female", "pregnancy": "not_pregnant", "leg_symptoms": "present"}
    pairs = {
        "diagnosed_varicose_veins": "chronic_venous_disease",
        "diagnosed_neuropathy": "peripheral_neuropathy",
        "diagnosed_disc_or_sciatica": "lumbar_radiculopathy",
        "diagnosed_rls": "restless_legs_syndrome",
    }
    for finding, condition in pairs.items():
        assert condition in {c.id for c in result(kb, {**base, finding: "present"}).conditions}


def test_restless_legs_with_a_criterion_answered_no_is_not_listed_unless_diagnosed(kb):
    no_rest = {**RLS, "worse_at_rest": "absent"}
    assert "restless_legs_syndrome" not in {c.id for c in result(kb, no_rest).conditions}
    diagnosed = {**no_rest, "diagnosed_rls": "present"}
    assert "restless_legs_syndrome" in {c.id for c in result(kb, diagnosed).conditions}
    unsure = {**RLS, "worse_at_rest": "unknown"}
    rls = next(c for c in result(kb, unsure).conditions if c.id == "restless_legs_syndrome")
    assert rls.likelihood != "high"


def test_statin_muscle_aches_are_their_own_condition_never_akathisia(kb):
    profile = {
        "age": 62,
        "sex": "male",
        "leg_symptoms": "present",
        "muscle_aches_weakness": "present",
        "med_statin": "present",
        "side": "both",
        "nights_per_week": 7,
    }
    assessment = result(kb, profile)
    assert assessment.conditions[0].id == "statin_muscle_symptoms"
    assert "drug_induced_akathisia" not in {c.id for c in assessment.conditions}
    assert "creatine_kinase" in {t.id for t in assessment.tests}
    assert assessment.specialists[0].id == "prescriber"


def test_akathisia_without_whole_body_restlessness_never_leads(kb):
    profile = {
        **RLS,
        "med_dopamine_antagonist": "present",
        "started_after_new_medicine": "present",
        "whole_body_restlessness": "absent",
    }
    assessment = result(kb, profile)
    assert assessment.conditions[0].id == "restless_legs_syndrome"
    assert assessment.triage.level != "consultation_24"


def test_cramps_with_twitching_go_to_a_neurologist(kb):
    assessment = result(kb, {**CRAMPS, "muscle_twitching_or_wasting": "present"})
    assert assessment.conditions[0].id == "nocturnal_leg_cramps"
    assert assessment.specialists[0].id == "neurologist"


def test_alcohol_above_ten_drinks_a_week_is_a_factor(kb):
    neuropathy = {
        "age": 55,
        "sex": "male",
        "leg_symptoms": "present",
        "burning_feet": "present",
        "numbness": "present",
        "side": "both",
    }

    def named(drinks):
        return {f.id for f in result(kb, {**neuropathy, "alcohol_drinks_per_week": drinks}).factors}

    assert "alcohol" in named(11)
    assert "alcohol" not in named(10)


def test_iron_deficiency_in_a_man_asks_for_the_cause_of_the_iron_loss(kb):
    assessment = result(kb, {**RLS, "ferritin": 20})
    iron = next(f for f in assessment.factors if f.id == "iron_deficiency")
    assert "cause" in iron.detail
    assert "family_doctor" in {s.id for s in assessment.specialists}


def test_without_leg_symptoms_only_urgent_rules_count(kb):
    nothing = {"age": 40, "sex": "male", "leg_symptoms": "absent"}
    assert level(kb, {**nothing, "ferritin": 40}) == "self_care"
    assert level(kb, {**nothing, "potassium": 6.5}) == "emergency"


def test_an_old_injury_is_not_after_an_injury(kb):
    assert level(kb, {**CRAMPS, "after_injury": "present", "duration_months": 1}) == (
        "consultation_24"
    )
    old = result(kb, {**CRAMPS, "after_injury": "present", "duration_months": 24})
    assert old.triage.level == "consultation"
    assert not old.out_of_scope
