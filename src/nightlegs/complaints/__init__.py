"""Complaints in the person's own words: text in, candidate findings out (docs/parsing.md).

- :func:`parse` reads a complaint in Ukrainian, Russian or English (mixed, surzhyk, typos,
  Latin letters for Cyrillic) for findings the person then confirms: a finding denied
  comes back "absent", one in doubt is left out, an urgent sign is never "absent";
- :func:`parser` the parser of a knowledge base, built once per process;
- :func:`nightlegs.complaints.scoring.score` its figures on a labelled set.

Pure: no I/O but loading its data (the phrase book, the dictionaries) once per process.
"""

from nightlegs.complaints.models import Candidate, MedicineMention, ParseResult
from nightlegs.complaints.parser import MAX_CHARACTERS, Parser, parse, parser

__all__ = [
    "MAX_CHARACTERS",
    "Candidate",
    "MedicineMention",
    "ParseResult",
    "Parser",
    "parse",
    "parser",
]
