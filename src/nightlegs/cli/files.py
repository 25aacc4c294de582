"""Evidence read from a JSON or YAML file for ``nightlegs assess``.

Two shapes are accepted:

- a profile like the cases': ``{finding: value}`` (a value may also be
  ``{value: 40, unit: ng/mL}``);
- the contract's request body ``{"language": "en", "evidence": [{"finding", "value", "unit"}]}``
  (``language`` optional).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from nightlegs.engine import Answer


class InputError(ValueError):
    """The file cannot be read as evidence."""


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    answers: list[Answer]
    #: The language the file asks for (the contract's request body), if any.
    language: str | None = None


def read_evidence(path: Path) -> EvidenceFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    data = _parse(path, text)
    if isinstance(data, dict) and "evidence" in data:
        extra = sorted(set(data) - {"evidence", "language"})
        if extra:
            raise InputError(f"{path}: unknown keys beside evidence: {', '.join(extra)}")
        language = data.get("language")
        if language is not None and not isinstance(language, str):
            raise InputError(f"{path}: language must be uk, ru or en")
        return EvidenceFile(_evidence_list(path, data["evidence"]), language)
    if isinstance(data, dict):
        return EvidenceFile(
            [_profile_answer(path, str(finding), value) for finding, value in data.items()]
        )
    raise InputError(f"{path}: expected a mapping of finding to value, or {{evidence: [...]}}")


def _parse(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    try:
        return YAML(typ="safe").load(text)
    except YAMLError as exc:
        raise InputError(f"{path}: invalid YAML: {exc}") from exc


def _evidence_list(path: Path, items: Any) -> list[Answer]:
    if not isinstance(items, list):
        raise InputError(f"{path}: evidence must be a list of {{finding, value, unit}}")
    answers = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict) or "finding" not in item or "value" not in item:
            raise InputError(f"{path}: evidence item {index} needs finding and value")
        extra = sorted(set(item) - {"finding", "value", "unit"})
        if extra:
            raise InputError(
                f"{path}: evidence item {index} ({item['finding']}): "
                f"unknown keys {', '.join(extra)}"
            )
        answers.append(_answer(path, item["finding"], item["value"], item.get("unit")))
    return answers


def _profile_answer(path: Path, finding: str, value: Any) -> Answer:
    if isinstance(value, dict):
        if "value" not in value or set(value) - {"value", "unit"}:
            raise InputError(f"{path}: {finding}: write a value, or {{value, unit}}")
        return _answer(path, finding, value["value"], value.get("unit"))
    return _answer(path, finding, value, None)


def _answer(path: Path, finding: Any, value: Any, unit: Any) -> Answer:
    if not isinstance(finding, str):
        raise InputError(f"{path}: a finding id must be text, not {finding!r}")
    if unit is not None and not isinstance(unit, str):
        raise InputError(f"{path}: {finding}: unit must be text")
    return Answer(finding, value, unit)
