"""Medicine names people know, read from what they type (pure: text in, matches out).

- :func:`load_table` the medicine table of the knowledge base, made ready once per process;
- :func:`lookup` the medicines named in a text (a complaint, a list), with their offsets;
- :func:`read_list` a typed list of medicines: the medicines and what was not recognised;
- :func:`confirmation` the question that offers a medicine's class findings to confirm;
- :func:`score_file` how a labelled set of medicine strings is read (``eval-parse``).
"""

from nightlegs.medicines.confirm import confirmation
from nightlegs.medicines.index import Table, TableError, build_table, load_table
from nightlegs.medicines.lookup import Match, MedicineList, lookup, max_edits, read_list
from nightlegs.medicines.scoring import (
    LabelledMedicines,
    MedicineScore,
    read_labelled,
    score,
    score_file,
)

__all__ = [
    "LabelledMedicines",
    "Match",
    "MedicineList",
    "MedicineScore",
    "Table",
    "TableError",
    "build_table",
    "confirmation",
    "load_table",
    "lookup",
    "max_edits",
    "read_labelled",
    "read_list",
    "score",
    "score_file",
]
