"""The decisions of shared/clinical/policy.md, one rule at a time."""

from __future__ import annotations

import pytest

from nightlegs.engine import assess, decide
from tests.conftest import values
from tests.profiles import CRAMPS_BRIEF, RLS_BRIEF

RLS = values(RLS_BRIEF)
CRAMPS = values(CRAMPS_BRIEF)
VEINS = values(
    {
        "age": 50,
        "sex": "female",
        "pregnancy": "not_pregnant",
        "leg_symptoms": "present",
        "leg_heaviness": "present",
        "evening_swelling": "present",
        "relief_with_elevation": "present",
        "spider_veins": "present",
    }
)

# policy.md, "Triage: the highest rule that fires wins"
RED_FLAG_LEVELS = {
    "acute_cold_painful_leg": "emergency_ambulance",
    "sudden_breathlessness_chest_pain": "emergency_ambulance",
    "sudden_unilateral_swelling": "emergency",
    "calf_tenderness_one_leg": "emergency",
    "bladder_bowel_dysfunction": "emergency",
    "saddle_numbness": "emergency",
    "progressive_weakness": "emergency",
    "painful_cord_along_vein": "consultation_24",
    "leg_redness_warmth": "consultation_24",
    "rest_pain_relieved_by_dangling": "consultation_24",
    "after_injury": "consultation_24",
}


def level(kb, evidence) -> str:
    return kb.levels[decide(kb, evidence).level].id


def advised(kb, evidence) -> set[str]:
    return {a.id for a in decide(kb, evidence).advice}


def withheld(kb, evidence) -> set[str]:
    return {w.advice.id for w in decide(kb, evidence).withheld}


@pytest.mark.parametrize(("finding", "expected"), sorted(RED_FLAG_LEVELS.items()))
def test_each_red_flag_sets_its_level_over_a_mild_pattern(kb, finding, expected):
    assert level(kb, RLS) == "self_care"
    assert level(kb, {**RLS, finding: "present"}) == expected


@pytest.mark.parametrize("sign", ["sudden_unilateral_swelling", "calf_tenderness_one_leg"])
def test_fainting_with_a_clot_sign_needs_an_ambulance(kb, sign):
    assert level(kb, {**RLS, "fainting": "present", sign: "present"}) == "emergency_ambulance"


def test_fever_alone_does_not_escalate_but_a_red_warm_leg_does(kb):
    assert level(kb, {**RLS, "fever": "present"}) == "self_care"
    assert level(kb, {**RLS, "leg_redness_warmth": "present"}) == "consultation_24"
    # Policy v2: a red, warm leg with a fever is treated the same day.
    assert level(kb, {**RLS, "fever": "present", "leg_redness_warmth": "present"}) == "emergency"


def test_a_child_is_out_of_scope_but_still_gets_the_ambulance(kb):
    child = {**RLS, "age": 12.0}
    assert level(kb, child) == "consultation"
    assessment = assess(kb, child, "en")
    assert assessment.out_of_scope
    assert assessment.specialists[0].id == "family_doctor"
    cold_leg = {**child, "acute_cold_painful_leg": "present"}
    assert level(kb, cold_leg) == "emergency_ambulance"
    assert assess(kb, cold_leg, "en").specialists[0].id == "emergency_services"


def test_no_leg_symptoms_is_out_of_scope_self_care_with_the_family_doctor(kb):
    assessment = assess(kb, {"age": 40.0, "leg_symptoms": "absent"}, "en")
    assert assessment.out_of_scope
    assert assessment.triage.level == "self_care"
    assert assessment.conditions == []
    assert assessment.specialists[0].id == "family_doctor"


def test_an_injury_is_out_of_scope_and_seen_within_24_hours(kb):
    assessment = assess(kb, {**CRAMPS, "after_injury": "present"}, "en")
    assert assessment.out_of_scope
    assert assessment.triage.level == "consultation_24"
    assert "calf_stretch" not in {a.id for a in assessment.advice}


@pytest.mark.parametrize(
    "extra",
    [
        {"nights_per_week": 2.0},
        {"worsening": "present"},
        {"sleep_disturbance": "present"},
        {"daytime_impact": "present"},
        {"severity": 7.0},
        {"diabetes": "present"},
        {"kidney_disease": "present"},
        {"thyroid_disease": "present"},
        {"med_ssri_snri": "present"},
        {"ferritin": 40.0},
        {"potassium": 3.1},
    ],
)
def test_regular_troubling_or_complicated_patterns_need_a_consultation(kb, extra):
    assert level(kb, RLS) == "self_care"
    assert level(kb, {**RLS, **extra}) == "consultation"


def test_pregnancy_with_leg_symptoms_needs_the_obstetrician(kb):
    pregnant = {**CRAMPS, "sex": "female", "pregnancy": "trimester_2", "age": 30.0}
    assert level(kb, pregnant) == "consultation"
    assert assess(kb, pregnant, "en").specialists[0].id == "obstetrician"


def test_an_unknown_red_flag_never_lowers_urgency_and_is_warned_about(kb):
    unsure = {**RLS, "sudden_unilateral_swelling": "unknown"}
    assert level(kb, {**RLS, "sudden_unilateral_swelling": "absent"}) == "self_care"
    # Policy v2, principle 2: an unresolved emergency-level sign gives at least a day.
    assert level(kb, unsure) == "consultation_24"
    assessment = assess(kb, unsure, "en")
    assert any("swollen" in w for w in assessment.warnings)


def test_red_flags_nobody_asked_about_are_named_in_a_warning(kb):
    assessment = assess(kb, RLS, "en")
    label = next(
        item.label.en
        for question in kb.questions
        for item in question.source.items
        if item.finding == "saddle_numbness"
    )
    assert any(label in w for w in assessment.warnings)
    answered = {**RLS, **dict.fromkeys(kb.red_flags, "absent")}
    assert not any(label in w for w in assess(kb, answered, "en").warnings)


def test_restless_legs_criteria_are_explained(kb):
    assessment = assess(kb, {**RLS, "worse_at_rest": "unknown"}, "en")
    rls = assessment.conditions[0]
    assert rls.id == "restless_legs_syndrome"
    status = {c.id: c.status for c in rls.criteria}
    assert status["irlssg-1"] == "met"
    assert status["irlssg-2"] == "unknown"
    assert rls.likelihood != "high"  # a criterion still open caps the band


def test_a_mimic_lowers_restless_legs_but_does_not_hide_it(kb):
    mixed = {**RLS, "sudden_muscle_contraction": "present", "cramp_relieved_by_stretch": "present"}
    ids = [c.id for c in assess(kb, mixed, "en").conditions]
    assert {"restless_legs_syndrome", "nocturnal_leg_cramps"} <= set(ids[:3])
    plain = decide(kb, RLS).probabilities["restless_legs_syndrome"]
    assert decide(kb, mixed).probabilities["restless_legs_syndrome"] < plain


# --- advice -------------------------------------------------------------------


def test_compression_is_withheld_when_arterial_disease_is_possible_or_unknown(kb):
    assert "compression_stockings" in advised(kb, VEINS)
    for answer in ("present", "unknown"):
        evidence = {**VEINS, "calf_pain_walking_relieved_by_rest": answer}
        assert "compression_stockings" in withheld(kb, evidence)
        assert "leg_elevation" in withheld(kb, evidence)
    assert "compression_stockings" in advised(kb, {**VEINS, "known_pad": "absent"})


@pytest.mark.parametrize(
    "contra",
    [
        {"heart_failure": "present"},
        {"diabetes": "present", "numbness": "present"},
        {"painful_cord_along_vein": "present"},
        {"known_pad": "unknown"},
    ],
)
def test_compression_contraindications(kb, contra):
    assert "compression_stockings" in withheld(kb, {**VEINS, **contra})


def test_warmth_is_withheld_with_numb_feet_or_a_possible_clot(kb):
    assert "warmth_massage" in advised(kb, RLS)
    assert "warmth_massage" in withheld(kb, {**RLS, "numbness": "present"})
    clot = {**RLS, "calf_tenderness_one_leg": "unknown"}
    assert "warmth_massage" in withheld(kb, clot)


def test_potassium_only_with_a_measured_low_potassium_and_safe_kidneys(kb):
    assert "potassium_supplement" not in advised(kb, CRAMPS)
    low = {**CRAMPS, "potassium": 3.2}
    assert "potassium_supplement" in advised(kb, low)
    for contra in (
        {"egfr": 50.0},
        {"kidney_disease": "present"},
        {"med_ace_inhibitor_or_arb": "present"},
        {"med_potassium_sparing_diuretic": "present"},
        {"med_potassium_supplement": "present"},
        {"kidney_disease": "unknown"},
    ):
        assert "potassium_supplement" in withheld(kb, {**low, **contra}), contra


def test_magnesium_only_when_low_or_for_cramps_in_pregnancy(kb):
    assert "magnesium_supplement" not in advised(kb, CRAMPS)
    assert "magnesium_supplement" in advised(kb, {**CRAMPS, "magnesium": 0.6})
    assert "magnesium_supplement" in withheld(kb, {**CRAMPS, "magnesium": 0.6, "egfr": 40.0})
    pregnant = {**CRAMPS, "sex": "female", "age": 30.0, "pregnancy": "trimester_3"}
    assert "magnesium_supplement" in advised(kb, pregnant)


def test_iron_is_never_advised_only_testing_first(kb):
    assert "iron_only_after_testing" in advised(kb, RLS)
    assert "iron_only_after_testing" not in advised(kb, {**RLS, "ferritin": 120.0})
    assert {"ferritin", "iron_panel"} <= {t for t, _ in decide(kb, RLS).tests}


def test_an_emergency_shows_only_what_to_do_now(kb):
    emergency = {**CRAMPS, "sudden_unilateral_swelling": "present"}
    decision = decide(kb, emergency)
    kinds = {a.source.kind for a in decision.advice}
    assert kinds == {"safety"}
    assert "no_massage_until_checked" in {a.id for a in decision.advice}
    assert "calf_stretch" in {w.advice.id for w in decision.withheld}
    assert decision.specialists[0].source.specialist == "emergency_services"


def test_advice_and_rules_cite_existing_sources(kb):
    assessment = assess(kb, {**CRAMPS, "potassium": 3.0, "smoking": "present"}, "en")
    assert assessment.advice
    for item in assessment.advice:
        assert item.sources
        assert all(s in kb.sources for s in item.sources)
    for condition in assessment.conditions:
        assert all(s in kb.sources for s in condition.sources)


# --- factors and routing --------------------------------------------------------


def test_factors_are_named_only_with_evidence_and_relevance(kb):
    assert decide(kb, RLS).factors == ()
    ssri = dict(decide(kb, {**RLS, "med_ssri_snri": "present"}).factors)
    assert "medication" in ssri
    statin_for_rls = dict(decide(kb, {**RLS, "med_statin": "present"}).factors)
    assert "medication" not in statin_for_rls
    statin_for_cramps = dict(decide(kb, {**CRAMPS, "med_statin": "present"}).factors)
    assert "medication" in statin_for_cramps


@pytest.mark.parametrize(
    ("extra", "factor"),
    [
        ({"ferritin": 60.0}, "iron_deficiency"),
        ({"tsat": 15.0}, "iron_deficiency"),
        ({"caffeine_cups_per_day": 4.0}, "caffeine"),
        ({"alcohol_drinks_per_week": 11.0}, "alcohol"),
        ({"haemoglobin": 125.0}, "iron_deficiency"),
        ({"egfr": 55.0}, "kidney_disease"),
        ({"tsh": 5.0}, "thyroid_disease"),
    ],
)
def test_policy_thresholds_name_their_factor(kb, extra, factor):
    assert factor in dict(decide(kb, {**RLS, **extra}).factors)


@pytest.mark.parametrize("extra", [{"hba1c": 6.5}, {"fasting_glucose": 7.0}])
def test_diabetes_is_named_with_the_conditions_it_bears_on(kb, extra):
    # Policy v2: a factor is shown only with the conditions it bears on.
    assert "diabetes" in dict(decide(kb, {**CRAMPS, **extra}).factors)
    assert "diabetes" not in dict(decide(kb, {**RLS, **extra}).factors)


@pytest.mark.parametrize(
    ("extra", "factor"),
    [
        ({"ferritin": 76.0}, "iron_deficiency"),
        ({"caffeine_cups_per_day": 3.0}, "caffeine"),
        ({"alcohol_drinks_per_week": 10.0}, "alcohol"),
        ({"haemoglobin": 135.0}, "iron_deficiency"),
        ({"tsh": 3.9}, "thyroid_disease"),
    ],
)
def test_values_inside_the_thresholds_name_nothing(kb, extra, factor):
    assert factor not in dict(decide(kb, {**RLS, **extra}).factors)


def test_haemoglobin_limit_depends_on_sex(kb):
    woman = {**RLS, "sex": "female", "pregnancy": "not_pregnant", "haemoglobin": 125.0}
    assert "iron_deficiency" not in dict(decide(kb, woman).factors)
    assert "iron_deficiency" in dict(decide(kb, {**woman, "haemoglobin": 115.0}).factors)


def test_rls_routing_depends_on_iron_tests_and_dialysis(kb):
    first = lambda evidence: assess(kb, evidence, "en").specialists[0].id  # noqa: E731
    assert first(RLS) == "family_doctor"
    assert first({**RLS, "ferritin": 40.0}) == "neurologist"
    assert first({**RLS, "kidney_disease": "present", "dialysis": "present"}) == "nephrologist"


def test_safety_net_uses_the_deployment_numbers(kb):
    default = assess(kb, RLS, "uk")
    assert "103" in default.triage.safety_net
    assert "112" in default.triage.safety_net
    custom = assess(kb, RLS, "en", emergency_numbers={"ambulance": "911", "general": "911"})
    assert "911" in custom.triage.safety_net
    assert "103" not in custom.triage.safety_net


@pytest.mark.parametrize("language", ["uk", "ru", "en"])
def test_every_part_of_an_assessment_is_in_the_asked_language(kb, language):
    assessment = assess(kb, {**VEINS, "med_calcium_channel_blocker": "present"}, language)
    texts = [assessment.triage.name, assessment.disclaimer, *assessment.triage.reasons]
    texts += [c.name for c in assessment.conditions]
    texts += [a.text for a in assessment.advice]
    cyrillic = any("\u0400" <= ch <= "\u04ff" for text in texts for ch in text)
    assert cyrillic is (language != "en")


def test_out_of_scope_people_get_safety_advice_only(kb):
    child = {**RLS, "age": 12.0}
    decision = decide(kb, child)
    assert all(a.source.kind == "safety" for a in decision.advice)
    assert "walking" in {w.advice.id for w in decision.withheld}


def test_factors_name_the_findings_behind_them_through_predicates(kb):
    assessment = assess(kb, {**RLS, "ferritin": 22.0}, "en")
    iron = next(f for f in assessment.factors if f.id == "iron_deficiency")
    assert "ferritin" in iron.findings
    assert "22" in iron.detail  # the person's own value (policy v2, principle 4)
