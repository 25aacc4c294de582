"""The writer's sex from the grammar of what they say of themselves (Ukrainian, Russian).

A verb in the past and an adjective agree with their subject's gender: «прокинулась о
третій», «начала пить сертралин», «я втомлена» are a woman's words about herself;
«проснулся», «я уверен» a man's. Few people write "I am a woman", most write like this,
so the interview's question of sex can often be offered as a statement to confirm.

Only where the subject can be the writer:

- a verb in the past, singular, of one gender in every dictionary that knows the word
  (not also a noun or an adjective: «стала», «начала» are left), in a clause with no
  noun or pronoun of the same gender that could be its subject («нога стала», «лікар
  сказав», «мама казала», «вона прокинулась»), and not one of the verbs whose subject is
  the complaint or a body part (``not_self_verbs`` of the phrase book: «боліла», «пройшла»);
- an adjective or participle of one gender only with «я» in its clause («я втомлена»).

Both genders in one text, or none: nothing is read. What the resolver does with every
reading still applies (a negated, doubted or another person's clause gives nothing), and
the person confirms it or removes it on the page, like any other statement.
"""

# ruff: noqa: RUF002 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from nightlegs.complaints.morphology import Morphology
from nightlegs.complaints.resolve import Reading
from nightlegs.complaints.text import Token

__all__ = ["NOT_SELF", "SEX", "sex_readings", "speaker_readings"]

#: The phrase book's word list of verbs whose subject is mostly not the writer.
NOT_SELF = "not_self_verbs"
#: The finding and its values, by grammatical gender (vocabulary ids).
SEX = "sex"
_VALUES = {"femn": "female", "masc": "male"}
#: The pronoun "I" in both languages.
_I = "я"
_ADJECTIVES = frozenset({"ADJF", "ADJS", "PRTF", "PRTS"})
_SUBJECTS = frozenset({"NOUN", "NPRO"})
#: A word that may be one of these is that word, not a rare noun («як»: "how", not "yak").
_FUNCTION_WORDS = frozenset({"CONJ", "PRCL", "PREP", "INTJ", "ADVB", "PRED"})


def speaker_readings(
    tokens: Sequence[Token],
    language: str,
    morphology: Morphology,
    clause: Sequence[int],
    excluded: Iterable[int],
) -> list[Reading]:
    """The sex readings of a text's words (:func:`sex_readings`), each word's parses taken
    from the dictionary of the page's language first."""
    parses = [morphology.parses(t.norm, language) if t.script == "cyrillic" else () for t in tokens]
    found = sex_readings(tokens, clause, parses, excluded)
    return [Reading(SEX, value, (position,)) for value, position in found]


def sex_readings(
    tokens: Sequence[Token],
    clause: Sequence[int],
    parses: Sequence[Sequence[Any]],
    excluded: Iterable[int],
) -> list[tuple[str, int]]:
    """(value, word position) for every word that says the writer's sex, or nothing when
    the words disagree. ``parses``: each token's pymorphy parses in the dictionaries
    that know it (empty for numbers and Latin words); ``excluded``: the positions of the
    verbs whose subject is the complaint (``not_self_verbs``)."""
    skip = set(excluded)
    with_i = {clause[p] for p, t in enumerate(tokens) if t.norm == _I}
    found: list[tuple[str, int]] = []
    for position, token in enumerate(tokens):
        if position in skip or token.kind != "word" or not parses[position]:
            continue
        gender = _verb_gender(parses[position])
        if gender is None and clause[position] in with_i:
            gender = _adjective_gender(parses[position])
        if gender is None or _subject_of_gender(parses, clause, position, gender):
            continue
        found.append((_VALUES[gender], position))
    return found if len({value for value, _ in found}) == 1 else []


def _verb_gender(parses: Sequence[Any]) -> str | None:
    """masc or femn when the word can be a singular verb in the past of that gender and
    nothing else but an adjective of the same gender («спала»: slept, or fallen)."""
    genders = set()
    verb = False
    for parse in parses:
        tag = parse.tag
        if tag.POS == "VERB" and tag.tense == "past" and tag.number != "plur":
            verb = True
        elif not (tag.POS in _ADJECTIVES and tag.number != "plur"):
            return None
        genders.add(tag.gender)
    return _one(genders) if verb else None


def _adjective_gender(parses: Sequence[Any]) -> str | None:
    """masc or femn when every reading is a singular adjective or participle of that
    gender, in the nominative where it has a case («я втомлена», «я уверен»)."""
    genders = set()
    for parse in parses:
        tag = parse.tag
        if tag.POS not in _ADJECTIVES or tag.number == "plur" or tag.case not in (None, "nomn"):
            if tag.POS in _ADJECTIVES and tag.case == "voct":
                continue  # the Ukrainian dictionary gives every nominative a vocative twin
            return None
        genders.add(tag.gender)
    return _one(genders)


def _one(genders: set[Any]) -> str | None:
    if len(genders) == 1:
        (gender,) = genders
        return gender if gender in _VALUES else None
    return None


def _subject_of_gender(
    parses: Sequence[Sequence[Any]], clause: Sequence[int], position: int, gender: str
) -> bool:
    """Whether the clause has a noun or a third-person pronoun, singular, of ``gender``,
    that may be in the nominative: the verb may be said of it, not of the writer."""
    own = clause[position]
    for other, readings in enumerate(parses):
        if other == position or clause[other] != own:
            continue
        if any(p.tag.POS == "VERB" for p in readings):
            continue  # «знепритомніла» may be a noun too, but beside a verb it is a verb
        function_word = any(p.tag.POS in _FUNCTION_WORDS for p in readings)
        subjects = [p for p in readings if _may_be_subject(p.tag, gender, function_word)]
        if subjects and not _object_too(subjects, readings, gender):
            return True
    return False


def _may_be_subject(tag: Any, gender: str, function_word: bool) -> bool:
    return bool(
        tag.POS in _SUBJECTS
        and tag.person != "1per"
        and tag.case in ("nomn", None)  # some Ukrainian entries have no case («дружина»)
        and tag.number != "plur"
        and (tag.gender == gender or (not function_word and _woman_in_a_mans_word(tag, gender)))
    )


def _woman_in_a_mans_word(tag: Any, gender: str) -> bool:
    """A person named by a masculine noun may be a woman: «терапевт сказала», «лікар
    призначила», «врач отменила» (the word for her work has no feminine of its own)."""
    return bool(
        gender == "femn" and tag.POS == "NOUN" and tag.animacy == "anim" and tag.gender == "masc"
    )


def _object_too(subjects: Sequence[Any], readings: Sequence[Any], gender: str) -> bool:
    """An inanimate noun that is the same word in the accusative («всю ніч не спала»,
    «весь день простояла»): as likely the verb's object or a time as its subject, so it
    does not stop the verb from being the writer's. A pronoun and an animate noun always
    may be the subject."""
    return all(p.tag.POS == "NOUN" and p.tag.animacy != "anim" for p in subjects) and any(
        p.tag.POS == "NOUN" and p.tag.case == "accs" and p.tag.gender == gender for p in readings
    )
