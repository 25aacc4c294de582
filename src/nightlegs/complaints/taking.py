"""Whether a medicine named in a complaint is one the person does not take now.

"Ксарелто кинула місяць тому", "stopped my apixaban", «панангін купила, але ще не почала»,
«терапевт сказала попить железо, но я еще не начинала»: the name is there, the medicine
is not taken, and its class findings must not be offered as "yes". A ``not_taking``
phrase of the phrase book ("кинула", «бросила», "stopped", «ще не почала») says so of

- a medicine it comes before, within :data:`REACH_AFTER_STOP` words in its clause
  ("stopped my apixaban", «кинула пити Ксарелто»);
- the last medicine named before it, within :data:`REACH_BEFORE_STOP` words, in its
  clause («Ксарелто бросила») or in the next sentence when that opens with a contrast
  word («купила, але ще не почала»): not across a plain comma, where it is as likely
  about something else («п'ю аторис, кинула палити»).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from nightlegs.complaints.matcher import Layout, Match

__all__ = ["NOT_TAKING", "not_taken"]

#: The context kind of the phrase book (``words: not_taking``).
NOT_TAKING = "not_taking"
#: How many words after a stop phrase the medicine it stops may stand.
REACH_AFTER_STOP = 3
#: How many words before a stop phrase the medicine it stops may stand.
REACH_BEFORE_STOP = 6


def not_taken(
    named: Sequence[Sequence[int]],
    index: int,
    stops: Sequence[Match],
    where: Layout,
    contrast: Collection[int],
) -> bool:
    """Whether the medicine ``named[index]`` (its word positions; every medicine named in
    the text, in order) is said not to be taken. ``contrast``: the positions of the words
    that open a sentence by contrast ("але", "but")."""
    positions = named[index]
    first, last = positions[0], positions[-1]
    following = named[index + 1][0] if index + 1 < len(named) else None
    for stop in stops:
        if stop.last < first:
            if (
                first - stop.last <= REACH_AFTER_STOP
                and where.clause[stop.last] == where.clause[first]
            ):
                return True
            continue
        if stop.first <= last or stop.first - last > REACH_BEFORE_STOP:
            continue
        if following is not None and following < stop.first:
            continue  # a later medicine stands between: the stop is about that one
        if where.clause[stop.first] == where.clause[last]:
            return True
        opening = where.sentence.index(where.sentence[stop.first])
        if where.sentence[stop.first] == where.sentence[last] + 1 and opening in contrast:
            return True
    return False
