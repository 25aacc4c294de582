"""The lists every phrase file has: the context words (``words:``) and the number words
(``numbers:``) by kind. The complaint parser gives each kind its meaning
(:mod:`nightlegs.complaints.context`, :mod:`nightlegs.complaints.numbers`); the loader
(:mod:`nightlegs.knowledge.phrases`) checks that every file has every list.
"""

# ruff: noqa: RUF003 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

__all__ = ["CONTEXT_KINDS", "NUMBER_KINDS"]

#: The lists of small words every language file has (``words:``).
CONTEXT_KINDS = (
    "negation_before",  # "не", "no": denies the phrase that follows within a few words
    "negation_after",  # "немає", "нет": denies the phrase just before it
    "not_negation",  # "не тільки", "not only": a negation word that denies nothing
    "almost_not",  # "майже не", "hardly": nearly a negation; the phrase is left out
    "uncertainty",  # "здається", "maybe": the clause is left out
    "past",  # "раніше", "used to": the clause is about the past
    "not_past",  # "started years ago": a past word that dates the start of what is now
    "now",  # "зараз", "now": the clause is about the present after all
    "self",  # "у мене", "I": what follows is the person's own again
    "relatives_first",  # a parent, sibling or child
    "relatives_other",  # anyone else
    "same",  # "теж", "too": the same complaint as the person's own
    "compared",  # "як", "like" before a relative ("як у мами"): the person's own, and theirs
    "speech",  # "каже", "said": a relative who says something is its source, not its subject
    "boundary",  # words that start a new clause ("але", "but")
    "weak_boundary",  # words that end a negation's reach ("і", "and"; not "або", "or":
    # "no swelling or redness" denies both)
    "greeting",  # "доброго вечора", "good evening": no finding's words
    "after_medicine",  # "після", "after" a medicine's name: it started after it
    "since_medicine",  # "відтоді", "since then" after a medicine named: it started with it
    "not_taking",  # "кинула", "stopped", «ще не почала»: a medicine named is not taken now
    "for_a_man",  # "пишу за батька", "typing this for my husband": the patient is a man
    "for_a_woman",  # "пишу за маму", "writing for my mum": the patient is a woman
    "opens_for_a_man",  # «Сину 15, ...», «Чоловік ...» opening a text about him
    "opens_for_a_woman",  # «Мама на діалізі ...», "My mum is 84 ..." opening a text about her
    "them",  # «вона», «їй», "she": a word for the person the opener names
    "condition",  # "коли", "якщо", "when": its clause belongs to the one it explains
    "ordinary",  # words never taken for a typo of a phrase word ("right" is not "night")
    "not_self_verbs",  # verbs whose subject is mostly a thing, the complaint or a body part
    # ("була", "боліла"): their gender says nothing of the writer's sex
)
#: The lists of number words every language file has (``numbers:``), besides ``words``.
NUMBER_KINDS = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "night",
    "vague",  # "майже" (кожну ніч), "кілька" (разів): too vague for a number
    "within",  # "за" (годину), "in" (an hour): not how long an episode lasts
    "times",  # "раз": a frequency
    "point",  # "бал": a score
    "per",  # "на", "в", "a": "3 рази на тиждень"
    "out_of",  # "з", "из", "out of": "7 з 10"
    "scale_from",  # "від", "от", "from": "від 0 до 10, то 9"
    "scale_to",  # "до", "to"
    "every_night",  # "щоночі": 7 nights a week
    "every",  # "кожну" (ніч), "every" (night)
    "every_other",  # "через" (ніч), "other" (every other night): 3.5 a week
    "age_before",  # "мені", "I'm": the number after is the age
    "temperature_before",  # «було», "hit": a number with one decimal after is a temperature
    "age_after",  # "old": the number before is the age
    "age_of_them",  # "йому", "she's": the age of the patient a proxy writes for
    "age_link",  # "is", "turned": "she is 78" as "she's 78"
    "duration",  # "вже", "for": the quantity is how long
    "ago",  # "тому", "ago"
    "started",  # "почалося", "started": "... тому" is when it began
    "cup",  # "чашка"
    "coffee",  # "кава", "coffee"
    "drink",  # "келих", "пляшка", "glass", "pint": a drink's container
    "alcohol",  # "пиво", "вино", "горілка", "beer": what is drunk is alcohol
    "pregnant",  # "вагітна": weeks and months are of the pregnancy
    "birth",  # "народила", "gave birth": weeks since are postpartum (or long past)
    "joins",  # "of", "and": "a couple of years", "a year and a half"
    "activity",  # "за кермом", "drove", "shift": hours of it are no episode's length
)
