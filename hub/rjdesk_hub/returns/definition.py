"""Return definitions: the JSON file naming a return's figures (docs/returns.md, "Definition
files"; the schema is definition.schema.json beside this module).

Each figure says what is counted (cases, people or contacts), which of its days places it in
the period, which units it keeps (``where``), how it is broken down (``by``: rows, and columns
for a second field, with each value's words in order) and what is shown (``measure``: a count,
a sum, a rate, or the median or 90th percentile of the days between two dates).

``load`` checks everything a file says before any counting, and refuses a wrong file with one
sentence naming the figure and the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rjdesk_hub.returns import fields
from rjdesk_hub.returns.fields import Field
from rjdesk_protocol.errors import UsageError

FORMAT = "rjdesk.return-definition/1"
MEASURES = ("count", "sum", "rate", "median", "p90")
ADDITIVE = frozenset({"count", "sum"})
DAYS = ("working", "calendar")
NOT_RECORDED = "Not recorded"
OPERATORS = ("equals", "in", "is_set", "at_least", "on_or_before")
# The shipped definitions, by id (hub/rjdesk_hub/returns/definitions/<id>.json).
SHIPPED = ("rj-quarterly", "people-by-closure")
MAX_BYTES = 1_000_000  # a definition is a few kilobytes; a bigger file is not one


class DefinitionError(UsageError):
    """A definition file that cannot be used; the message names the figure and the field."""


@dataclass(frozen=True)
class Condition:
    """One test of ``where`` or a rate's ``numerator``; ``operator`` is one of ``OPERATORS``.
    ``value``: the word(s) for equals/in, True/False for is_set, a number for at_least, the
    other day's field for on_or_before."""

    field: Field
    operator: str
    value: Any


@dataclass(frozen=True)
class Breakdown:
    field: Field
    values: tuple[tuple[str, str], ...]  # (value as stored, its words), in the order shown
    not_recorded: str | None  # words of the row for None and unlisted values; None: not counted


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    counts: str  # "cases", "people", "contacts"
    placed_by: Field  # a day: the unit is in the period when it falls within it
    where: tuple[Condition, ...]
    by: tuple[Breakdown, ...]  # 0, 1 (rows) or 2 (rows, then columns)
    totals: bool
    measure: str  # MEASURES
    numerator: tuple[Condition, ...]  # rate: the units counted above the line
    of: Field | None  # sum: the number summed
    day_from: Field | None  # median/p90: the days from this date ...
    day_to: Field | None  # ... to this one
    days: str  # "working" or "calendar"
    unit: str  # what the cells hold, as the table says it ("cases", "actions", "%", "days")
    column: str  # the single column's words when there is no second breakdown
    note: str


@dataclass(frozen=True)
class Definition:
    id: str
    version: int
    title: str
    figures: tuple[Figure, ...]
    # Figures whose grand totals are the same number: a suppressed total in one is suppressed
    # in all, and a total shown in one is known in all (secondary suppression).
    shared_totals: tuple[tuple[str, ...], ...]


def load(text: str) -> Definition:
    """The definition in ``text`` (JSON). Raises ``DefinitionError``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DefinitionError(
            f"the definition is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})"
        ) from None
    return from_json(data)


def shipped(definition_id: str) -> str:
    """The text of a definition shipped with the hub ("rj-quarterly")."""
    if definition_id not in SHIPPED:
        raise DefinitionError(
            f"there is no shipped definition '{definition_id[:40]}': "
            f"choose one of {', '.join(SHIPPED)} or give a file"
        )
    folder = resources.files("rjdesk_hub.returns") / "definitions"
    return (folder / f"{definition_id}.json").read_text(encoding="utf-8")


def text_of(source: str) -> str:
    """The text of the definition ``source`` names: a shipped one by its id ("rj-quarterly"),
    or a file (what ``rjdesk-hub returns --definition`` and the console are given)."""
    path = Path(source)
    if source in SHIPPED and not path.is_file():  # a file of that name is what was meant
        return shipped(source)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DefinitionError(f"the definition file {path.name} is too large for a definition")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DefinitionError(
            f"there is no definition file {source[:200]}: give a file, or one of "
            f"{', '.join(SHIPPED)}"
        ) from None
    except UnicodeDecodeError:
        raise DefinitionError(f"the definition file {path.name} is not UTF-8 text") from None
    except OSError as error:
        raise DefinitionError(
            f"cannot read the definition file {path.name}: it cannot be read as a file "
            f"({error.strerror})"
        ) from None


def from_json(data: Any) -> Definition:
    """The definition of already-parsed JSON. Raises ``DefinitionError``."""
    if not isinstance(data, dict):
        raise DefinitionError("the definition must be a JSON object with its figures")
    _known(data, ("format", "id", "version", "title", "figures", "shared_totals"), "the definition")
    if data.get("format") != FORMAT:
        raise DefinitionError(f'the definition\'s format must be "{FORMAT}"')
    definition_id = _text(data, "id", "the definition")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DefinitionError("the definition's version must be a whole number from 1")
    title = _text(data, "title", "the definition")
    listed = data.get("figures")
    if not isinstance(listed, list) or not listed:
        raise DefinitionError("the definition must list its figures in 'figures'")
    figures = tuple(_figure(item, index) for index, item in enumerate(listed, 1))
    ids = [f.id for f in figures]
    for figure_id in ids:
        if ids.count(figure_id) > 1:
            raise DefinitionError(f"figure '{figure_id}' is defined twice")
    groups = data.get("shared_totals", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and len(g) >= 2 and all(isinstance(i, str) for i in g) for g in groups
    ):
        raise DefinitionError("'shared_totals' must be a list of lists of two or more figure ids")
    by_id = {f.id: f for f in figures}
    for group in groups:
        for figure_id in group:
            if figure_id not in by_id:
                raise DefinitionError(f"'shared_totals' names no figure '{figure_id}'")
            if by_id[figure_id].measure not in ADDITIVE:
                raise DefinitionError(
                    f"figure '{figure_id}': only counts and sums can share a total"
                )
    return Definition(definition_id, version, title, figures, tuple(tuple(g) for g in groups))


_FIGURE_KEYS = (
    "id", "title", "counts", "placed_by", "where", "by", "totals", "measure", "numerator",
    "of", "from", "to", "days", "unit", "column", "note",
)  # fmt: skip


def _figure(data: Any, index: int) -> Figure:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise DefinitionError(f"figure {index} must be an object with an 'id'")
    name = f"figure '{data['id']}'"
    _known(data, _FIGURE_KEYS, name)
    title = _text(data, "title", name)
    counts = data.get("counts")
    if counts not in fields.UNITS:
        raise DefinitionError(f"{name}: 'counts' must be one of {', '.join(fields.UNITS)}")
    placed_by = _field(counts, data.get("placed_by"), name, "placed_by", kinds=("day",))
    where = _conditions(counts, data.get("where", []), name, "where")
    by = _breakdowns(counts, data.get("by", []), name)
    totals = data.get("totals", False)
    if not isinstance(totals, bool):
        raise DefinitionError(f"{name}: 'totals' must be true or false")
    measure = data.get("measure", "count")
    if measure not in MEASURES:
        raise DefinitionError(f"{name}: unknown measure '{measure}' (use {', '.join(MEASURES)})")
    numerator = _conditions(counts, data.get("numerator", []), name, "numerator")
    _only_for(data, name, measure, "numerator", ("rate",))
    if measure == "rate" and not numerator:
        raise DefinitionError(f"{name}: a rate needs a 'numerator' saying which units it counts")
    _only_for(data, name, measure, "of", ("sum",))
    of = _field(counts, data["of"], name, "of", kinds=("number",)) if measure == "sum" else None
    for key in ("from", "to", "days"):
        _only_for(data, name, measure, key, ("median", "p90"))
    day_from = day_to = None
    days = data.get("days", "calendar")
    if measure in ("median", "p90"):
        day_from = _field(counts, data.get("from"), name, "from", kinds=("day",))
        day_to = _field(counts, data.get("to"), name, "to", kinds=("day",))
        if days not in DAYS:
            raise DefinitionError(f"{name}: 'days' must be working or calendar")
    unit = data.get("unit", _default_unit(counts, measure, days))
    column = data.get("column", _default_column(counts, measure, unit))
    note = data.get("note", "")
    for key, value in (("unit", unit), ("column", column), ("note", note)):
        if not isinstance(value, str):
            raise DefinitionError(f"{name}: '{key}' must be text")
    if measure == "sum" and "unit" not in data:
        raise DefinitionError(f"{name}: a sum needs a 'unit' saying what it adds up")
    return Figure(
        data["id"], title, counts, placed_by, where, by, totals, measure, numerator, of,
        day_from, day_to, days, unit, column, note,
    )  # fmt: skip


def _default_unit(counts: str, measure: str, days: str) -> str:
    if measure == "rate":
        return "%"
    if measure in ("median", "p90"):
        return "working days" if days == "working" else "days"
    return counts


def _default_column(counts: str, measure: str, unit: str) -> str:
    return {
        "count": counts.capitalize(),
        "sum": unit.capitalize(),
        "rate": "Rate",
        "median": f"Median ({unit})",
        "p90": f"90th percentile ({unit})",
    }[measure]


def _only_for(
    data: dict[str, Any], name: str, measure: str, key: str, for_: tuple[str, ...]
) -> None:
    if key in data and measure not in for_:
        raise DefinitionError(f"{name}: '{key}' is only for a {' or '.join(for_)}, not a {measure}")


def _known(data: dict[str, Any], allowed: tuple[str, ...], name: str) -> None:
    for key in data:
        if key not in allowed:
            raise DefinitionError(f"{name}: unknown key '{key}'")


def _text(data: dict[str, Any], key: str, name: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DefinitionError(f"{name}: '{key}' must be some text")
    return value


def _field(counts: str, name: Any, figure: str, where: str, *, kinds: tuple[str, ...]) -> Field:
    if not isinstance(name, str):
        raise DefinitionError(f"{figure}: '{where}' must name a field")
    found = fields.field_of(counts, name)
    if found is None:
        raise DefinitionError(f"{figure}: unknown field '{name}' in {where}")
    if found.kind not in kinds:
        wanted = {"day": "a day", "number": "a number", "word": "a word", "yes_no": "yes/no"}
        raise DefinitionError(
            f"{figure}: '{name}' in {where} must be {' or '.join(wanted[k] for k in kinds)}"
        )
    return found


def _value(field: Field, value: Any, figure: str, where: str) -> str:
    written = fields.key(value)
    if written is None or isinstance(value, (list, dict, float)):
        raise DefinitionError(f"{figure}: '{field.name}' in {where} needs a word, not {value!r}")
    if field.values is not None and written not in field.values:
        raise DefinitionError(f"{figure}: '{written}' is not a value of {field.name} in {where}")
    return written


def _conditions(counts: str, data: Any, figure: str, where: str) -> tuple[Condition, ...]:
    if not isinstance(data, list):
        raise DefinitionError(f"{figure}: '{where}' must be a list of conditions")
    found = []
    for item in data:
        if not isinstance(item, dict):
            raise DefinitionError(f"{figure}: each condition of '{where}' must be an object")
        operators = [key for key in item if key != "field"]
        if len(operators) != 1 or operators[0] not in OPERATORS:
            raise DefinitionError(
                f"{figure}: a condition of '{where}' needs 'field' and one of "
                f"{', '.join(OPERATORS)}"
            )
        operator = operators[0]
        any_kind = ("day", "number", "yes_no", "word")
        kinds = {"at_least": ("number",), "on_or_before": ("day",), "is_set": any_kind}
        field = _field(
            counts, item.get("field"), figure, where, kinds=kinds.get(operator, any_kind)
        )
        raw = item[operator]
        value: Any
        if operator == "equals":
            value = _value(field, raw, figure, where)
        elif operator == "in":
            if not isinstance(raw, list) or not raw:
                raise DefinitionError(f"{figure}: 'in' of '{field.name}' needs a list of values")
            value = frozenset(_value(field, v, figure, where) for v in raw)
        elif operator == "is_set":
            if not isinstance(raw, bool):
                raise DefinitionError(f"{figure}: 'is_set' of '{field.name}' is true or false")
            value = raw
        elif operator == "at_least":
            if not isinstance(raw, int) or isinstance(raw, bool):
                raise DefinitionError(f"{figure}: 'at_least' of '{field.name}' is a whole number")
            value = raw
        else:
            value = _field(counts, raw, figure, where, kinds=("day",))
        found.append(Condition(field, operator, value))
    return tuple(found)


def _breakdowns(counts: str, data: Any, figure: str) -> tuple[Breakdown, ...]:
    if not isinstance(data, list) or len(data) > 2:
        raise DefinitionError(f"{figure}: 'by' must be a list of at most two breakdowns")
    found = []
    for item in data:
        if not isinstance(item, dict):
            raise DefinitionError(f"{figure}: each breakdown of 'by' must be an object")
        _known(item, ("field", "values", "not_recorded"), f"{figure}")
        field = _field(counts, item.get("field"), figure, "by", kinds=("word", "yes_no"))
        values = item.get("values")
        if not isinstance(values, dict) or not values:
            raise DefinitionError(
                f"{figure}: the breakdown by '{field.name}' needs 'values': each value's words"
            )
        pairs = []
        for value, words in values.items():
            written = _value(field, value, figure, "by")
            if not isinstance(words, str) or not words.strip():
                raise DefinitionError(f"{figure}: the words for '{written}' in by must be text")
            pairs.append((written, words))
        not_recorded = item.get("not_recorded", NOT_RECORDED)
        if not_recorded is not False and not isinstance(not_recorded, str):
            raise DefinitionError(
                f"{figure}: 'not_recorded' of '{field.name}' is its row's words, or false"
            )
        found.append(Breakdown(field, tuple(pairs), not_recorded or None))
    return tuple(found)
