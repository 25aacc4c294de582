"""The doctor's words for the interview's findings, choices and advice.

The knowledge base words every question for the patient ("It wakes you at night"); the
report speaks to a doctor, so each finding it prints has a short clinical term here,
marked for the Babel catalogues (``N_``) and translated there. A finding without a term
falls back to the knowledge base's label (``tests/report/test_terms.py`` fails until
every finding has one). No clinical number lives here: a term names a sign, never a
threshold.
"""

from __future__ import annotations

from collections.abc import Mapping

from nightlegs.i18n import N_

__all__ = [
    "ADVICE",
    "CHOICES",
    "COMPLAINT",
    "COURSE",
    "FINDINGS",
    "IMPACT",
    "LEVELS",
    "PATIENT",
    "SYMPTOMS",
    "VENOUS",
]

#: Who the patient is: the case line's start, never a row of the report.
PATIENT = ("age", "sex", "pregnancy")

#: How often, how long, how bad: the case line's end.
COURSE = ("nights_per_week", "duration_months", "severity")

#: The complaint, in the order a doctor states it: what is felt, when, what eases it, where
#: (venous symptoms too; the venous section lists them again with every venous sign).
COMPLAINT = (
    "urge_to_move",
    "unpleasant_sensations",
    "leg_heaviness",
    "evening_swelling",
    "leg_swelling_both",
    "one_leg_swollen",
    "sudden_muscle_contraction",
    "muscle_aches_weakness",
    "burning_feet",
    "numbness",
    "tingling",
    "feet_feel_cold",
    "calf_pain_walking_relieved_by_rest",
    "back_pain_radiating_below_knee",
    "pain_radiating_into_leg",
    "low_back_pain",
    "whole_body_restlessness",
    "leg_weakness",
    "muscle_twitching_or_wasting",
    "cold_pale_foot",
    "stocking_distribution",
    "worse_at_rest",
    "evening_night_predominance",
    "symptoms_also_daytime",
    "wakes_from_sleep",
    "relief_with_movement",
    "relief_with_elevation",
    "cramp_relieved_by_stretch",
    "relief_sitting_bending_forward",
    "residual_soreness",
    "episode_duration",
    "side",
    "started_after_new_medicine",
)

#: How the complaint weighs on the patient: after how often, how long and how bad.
IMPACT = ("worsening", "sleep_disturbance", "daytime_impact")

#: What a phlebologist looks for first: veins, swelling, skin, and clots before.
VENOUS = (
    "spider_veins",
    "visible_varicose_veins",
    "evening_swelling",
    "leg_swelling_both",
    "one_leg_swollen",
    "skin_changes_lower_leg",
    "leg_ulcer",
    "itching_over_veins",
    "leg_heaviness",
    "relief_with_elevation",
    "diagnosed_varicose_veins",
    "previous_vte",
    "recent_surgery_or_immobilisation",
    "recent_long_travel",
    "estrogen_therapy",
    "active_cancer",
)

FINDINGS: Mapping[str, str] = {
    # Who.
    "age": N_("age"),
    "sex": N_("sex"),
    "pregnancy": N_("pregnancy"),
    # The complaint.
    "leg_symptoms": N_("leg complaints"),
    "urge_to_move": N_("urge to move the legs"),
    "unpleasant_sensations": N_("deep unpleasant sensations in the legs (not cramps)"),
    "worse_at_rest": N_("worse at rest"),
    "relief_with_movement": N_("relieved by movement"),
    "evening_night_predominance": N_("mainly in the evening and at night"),
    "sudden_muscle_contraction": N_("painful muscle cramps"),
    "cramp_relieved_by_stretch": N_("cramp relieved by stretching the muscle"),
    "episode_duration": N_("episode length"),
    "wakes_from_sleep": N_("wakes from sleep"),
    "residual_soreness": N_("muscle sore for hours after an episode"),
    "side": N_("side"),
    "burning_feet": N_("burning feet"),
    "numbness": N_("numbness of the feet or legs"),
    "tingling": N_("tingling, pins and needles"),
    "stocking_distribution": N_("stocking distribution, rising from the toes"),
    "symptoms_also_daytime": N_("symptoms for most of the day"),
    "calf_pain_walking_relieved_by_rest": N_("intermittent claudication"),
    "cold_pale_foot": N_("one foot colder or paler than the other"),
    "back_pain_radiating_below_knee": N_("back pain radiating below the knee"),
    "relief_sitting_bending_forward": N_("leg pain eased by sitting or bending forward"),
    "leg_weakness": N_("weakness of a leg or foot"),
    "whole_body_restlessness": N_("restlessness of the whole body"),
    "started_after_new_medicine": N_("began after a new medicine or a higher dose"),
    "low_back_pain": N_("low back pain"),
    "pain_radiating_into_leg": N_("pain radiating from the back into the leg"),
    "feet_feel_cold": N_("feet feel cold"),
    "muscle_twitching_or_wasting": N_("muscle twitching or wasting"),
    "muscle_aches_weakness": N_("muscle aches or weakness (not cramps)"),
    "worsening": N_("getting worse lately"),
    "sleep_disturbance": N_("disturbs sleep"),
    "daytime_impact": N_("daytime tiredness or low mood"),
    # Veins and clots.
    "leg_heaviness": N_("heavy, aching legs by evening"),
    "evening_swelling": N_("ankle swelling by evening"),
    "relief_with_elevation": N_("relief with the legs raised"),
    "visible_varicose_veins": N_("varicose veins"),
    "spider_veins": N_("spider veins (telangiectasias)"),
    "skin_changes_lower_leg": N_("skin changes at the ankles (pigmentation, eczema, induration)"),
    "leg_ulcer": N_("leg ulcer"),
    "itching_over_veins": N_("itching over the veins"),
    "leg_swelling_both": N_("swelling of both legs"),
    "one_leg_swollen": N_("one leg more swollen than the other"),
    "diagnosed_varicose_veins": N_("varicose veins or venous insufficiency diagnosed before"),
    "previous_vte": N_("previous DVT or PE"),
    "recent_surgery_or_immobilisation": N_("recent surgery, plaster cast or bed rest"),
    "recent_long_travel": N_("recent long journey"),
    "estrogen_therapy": N_("oestrogens (combined contraception or HRT)"),
    "active_cancer": N_("active cancer"),
    # Urgent signs.
    "sudden_breathlessness_chest_pain": N_(
        "sudden breathlessness, pleuritic chest pain or haemoptysis"
    ),
    "fainting": N_("syncope or near-syncope"),
    "acute_cold_painful_leg": N_("sudden leg pain with a cold, pale, numb or weak leg"),
    "bladder_bowel_dysfunction": N_("new bladder or bowel dysfunction"),
    "saddle_numbness": N_("saddle anaesthesia"),
    "progressive_weakness": N_("progressive leg weakness or numbness"),
    "sudden_unilateral_swelling": N_("sudden swelling of one leg"),
    "calf_tenderness_one_leg": N_("new pain and tenderness of one calf"),
    "painful_cord_along_vein": N_("painful cord along a superficial vein"),
    "leg_redness_warmth": N_("red, warm, tender area of the leg"),
    "fever": N_("fever or chills"),
    "rest_pain_relieved_by_dangling": N_("rest pain of the foot, eased by dangling the leg"),
    "after_injury": N_("onset after an injury"),
    "cord_reaches_groin": N_("the cord reaches the groin or upper inner thigh"),
    "redness_spreading_fast": N_("redness spreading fast, blisters or pain out of proportion"),
    "very_unwell": N_("signs of sepsis (confusion, fast breathing or pulse, mottled skin)"),
    "suicidal_thoughts": N_("suicidal thoughts"),
    "foot_wound": N_("foot wound or darkened skin"),
    "dark_urine_with_muscle_pain": N_("dark urine with muscle pain"),
    "cauda_equina_sexual_dysfunction": N_("new genital numbness or sexual dysfunction"),
    "breathless_on_exertion_or_lying_flat": N_("breathless on light exertion or lying flat"),
    # History.
    "family_history_rls": N_("restless legs in a close relative"),
    "diabetes": N_("diabetes"),
    "kidney_disease": N_("chronic kidney disease"),
    "dialysis": N_("dialysis"),
    "thyroid_disease": N_("thyroid disease"),
    "iron_deficiency_known": N_("known iron deficiency"),
    "heart_failure": N_("heart failure"),
    "parkinsons_disease": N_("Parkinson's disease"),
    "known_pad": N_("known peripheral artery disease"),
    "obesity": N_("obesity"),
    "diagnosed_rls": N_("restless legs syndrome diagnosed before"),
    "diagnosed_neuropathy": N_("polyneuropathy diagnosed before"),
    "diagnosed_disc_or_sciatica": N_(
        "disc herniation, sciatica or spinal stenosis diagnosed before"
    ),
    "smoking": N_("smoking"),
    "low_fluid_intake": N_("low fluid intake"),
    "unusual_exertion": N_("unaccustomed leg exertion in the last days"),
    "prolonged_sitting_standing": N_("prolonged sitting or standing"),
    "unsuitable_footwear": N_("high heels or tight shoes"),
    "caffeine_cups_per_day": N_("caffeine, cups a day"),
    "alcohol_drinks_per_week": N_("alcohol, standard drinks a week"),
    # The course.
    "nights_per_week": N_("nights a week"),
    "duration_months": N_("duration"),
    "severity": N_("intensity, 0-10"),
    # Medicine classes.
    "med_thiazide_diuretic": N_("thiazide or thiazide-like diuretic"),
    "med_loop_diuretic": N_("loop diuretic"),
    "med_potassium_sparing_diuretic": N_("potassium-sparing diuretic"),
    "med_ace_inhibitor_or_arb": N_("ACE inhibitor or ARB"),
    "med_statin": N_("statin"),
    "med_ssri_snri": N_("SSRI or SNRI antidepressant"),
    "med_tricyclic": N_("tricyclic antidepressant"),
    "med_mirtazapine": N_("mirtazapine"),
    "med_sedating_antihistamine": N_("first-generation antihistamine"),
    "med_dopamine_antagonist": N_("dopamine antagonist (antipsychotic, metoclopramide)"),
    "med_lithium": N_("lithium"),
    "med_long_acting_beta_agonist": N_("long-acting beta-2 agonist"),
    "med_calcium_channel_blocker": N_("dihydropyridine calcium-channel blocker"),
    "med_metformin": N_("metformin"),
    "med_dopamine_agonist": N_("dopamine agonist or levodopa"),
    "med_neurotoxic_chemotherapy": N_("neurotoxic chemotherapy"),
    "med_anticoagulant": N_("anticoagulant"),
    "med_iron_supplement": N_("iron supplement"),
    "med_magnesium_supplement": N_("magnesium supplement"),
    "med_potassium_supplement": N_("potassium supplement"),
    # Laboratory values.
    "ferritin": N_("Ferritin"),
    "tsat": N_("Transferrin saturation"),
    "haemoglobin": N_("Haemoglobin"),
    "magnesium": N_("Magnesium"),
    "potassium": N_("Potassium"),
    "calcium": N_("Calcium, total"),
    "hba1c": N_("HbA1c"),
    "fasting_glucose": N_("Fasting glucose"),
    "egfr": N_("eGFR"),
    "tsh": N_("TSH"),
    "vitamin_b12": N_("Vitamin B12"),
}

#: A choice's value in the doctor's words (the answer column, or the case line).
CHOICES: Mapping[str, Mapping[str, str]] = {
    "sex": {"female": N_("Woman"), "male": N_("Man")},
    "pregnancy": {
        "not_pregnant": N_("not pregnant"),
        "trimester_1": N_("pregnant, first trimester"),
        "trimester_2": N_("pregnant, second trimester"),
        "trimester_3": N_("pregnant, third trimester"),
        "postpartum": N_("postpartum"),
    },
    "side": {
        "both": N_("both legs"),
        "one": N_("one leg"),
        "alternating": N_("either leg in turn"),
    },
    "episode_duration": {
        "under_10_min": N_("episodes under 10 minutes"),
        "over_10_min": N_("episodes over 10 minutes"),
        "persists_while_resting": N_("lasts as long as at rest"),
    },
    "leg_ulcer": {"none": N_("none"), "healed": N_("healed"), "active": N_("open")},
    "foot_wound": {
        "none": N_("none"),
        "wound_not_healing": N_("a wound that does not heal"),
        "black_or_dark_skin": N_("black or darkened skin"),
    },
}

#: The triage levels as a doctor states urgency.
LEVELS: Mapping[str, str] = {
    "self_care": N_("Not urgent: self-care and watchful waiting"),
    "consultation": N_("Routine appointment"),
    "consultation_24": N_("To be seen by a doctor within 24 hours"),
    "emergency": N_("Emergency department today"),
    "emergency_ambulance": N_("Ambulance now"),
}

#: The advice the patient was given (or not), named in a few words.
ADVICE: Mapping[str, str] = {
    "no_massage_until_checked": N_("no massage until examined"),
    "iron_only_after_testing": N_("iron only after blood tests"),
    "discuss_iron_treatment": N_("discuss iron treatment"),
    "no_iron_when_overloaded": N_("no iron (iron overload)"),
    "no_quinine": N_("no quinine"),
    "medicine_review": N_("review of the medicines with the prescriber"),
    "calf_stretch": N_("calf stretching"),
    "hydration": N_("enough fluids"),
    "walking": N_("regular walking"),
    "warmth_massage": N_("warmth or massage"),
    "leg_elevation": N_("leg elevation"),
    "compression_stockings": N_("class 1 compression stockings"),
    "movement_breaks": N_("movement breaks"),
    "limit_caffeine": N_("less caffeine"),
    "limit_alcohol": N_("less alcohol"),
    "stop_smoking": N_("stop smoking"),
    "comfortable_footwear": N_("comfortable shoes"),
    "sleep_regularity": N_("regular sleep"),
    "mentally_alerting_activity": N_("mentally alerting activity in the evening"),
    "magnesium_supplement": N_("magnesium supplement"),
    "potassium_supplement": N_("potassium supplement"),
    "no_self_started_potassium_magnesium": N_("no potassium or magnesium without a doctor"),
    "diabetic_foot_care": N_("diabetic foot care"),
    "mark_redness_edge": N_("mark the edge of the redness"),
    "crisis_line": N_("crisis line (suicidal thoughts)"),
}

#: The diary's symptoms (``nightlegs.diary.model.Symptom``) in the report's list of nights.
SYMPTOMS: Mapping[str, str] = {
    "cramp": N_("cramp"),
    "urge_to_move": N_("urge to move the legs"),
    "pain_burning": N_("pain or burning"),
    "heaviness_swelling": N_("heaviness or swelling"),
}
