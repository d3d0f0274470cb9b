"""What each answer of the outcome forms reads as on screen, in the order it is offered.

Every choice list starts with "Not asked" (``None``: the question was not put), and every
question has a way to decline: "Declined to answer" for feedback, "Prefer not to say" for
equality monitoring. The words follow the ONS 2021 census for England and Wales.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from rjdesk.domain import outcome_labels as labels
from rjdesk_protocol.enums import (
    ETHNIC_GROUPS,
    Ethnicity,
    ethnic_group,
)

E = TypeVar("E", bound=StrEnum)
_DATA_ROLE = Qt.ItemDataRole.UserRole  # what QComboBox.currentData and findData read

NOT_ASKED = "Not asked"
NOT_RECORDED = "Not recorded"
PREFER_NOT = labels.PREFER_NOT_TO_SAY

# The words of every answer: one source for the window and the rest of the laptop.
INTERVENTION_TYPES = labels.INTERVENTION_TYPES
STARTED_BY = labels.STARTED_BY
JUSTICE_STAGES = labels.JUSTICE_STAGES
SATISFACTION = labels.SATISFACTION
ANSWERS = labels.ANSWERS
AGE_BANDS = labels.AGE_BANDS
SEXES = labels.SEXES
GENDER_SAME = labels.GENDER_SAME_AS_SEX
ORIENTATIONS = labels.SEXUAL_ORIENTATIONS
ETHNICITIES = labels.ETHNICITIES
DISABILITIES = labels.DISABILITIES
RELIGIONS = labels.RELIGIONS


def fill(combo: QComboBox, labels: Mapping[E, str], first: str = NOT_ASKED) -> None:
    """``first`` (meaning no answer), then each choice with its value as the item's data."""
    combo.clear()
    combo.addItem(first, None)
    for value, label in labels.items():
        combo.addItem(label, str(value))


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The value chosen in ``combo`` as ``kind``; None for the first item (no answer)."""
    data = combo.currentData()
    return kind(data) if data else None


def choose(combo: QComboBox, value: StrEnum | str | None) -> None:
    """Show ``value`` as chosen (the first item, no answer, for None)."""
    index = combo.findData(str(value)) if value is not None else 0
    combo.setCurrentIndex(max(index, 0))


def fill_ethnicities(combo: QComboBox) -> None:
    """ "Not asked", then the nineteen categories under their five ONS headings (headings are
    shown but cannot be chosen), then "Prefer not to say"."""
    model = QStandardItemModel(combo)
    first = QStandardItem(NOT_ASKED)
    model.appendRow(first)
    heading_font = QFont(combo.font())
    heading_font.setBold(True)
    shown_group = None
    for ethnicity, label in ETHNICITIES.items():
        group = ethnic_group(ethnicity)
        if group is None:
            continue
        if group != shown_group:
            heading = QStandardItem(ETHNIC_GROUPS[group])
            heading.setEnabled(False)
            heading.setSelectable(False)
            heading.setFont(heading_font)
            model.appendRow(heading)
            shown_group = group
        item = QStandardItem(f"    {label}")
        item.setData(ethnicity.value, _DATA_ROLE)
        item.setToolTip(f"{ETHNIC_GROUPS[group]}: {label}")
        model.appendRow(item)
    last = QStandardItem(PREFER_NOT)
    last.setData(Ethnicity.PREFER_NOT_TO_SAY.value, _DATA_ROLE)
    model.appendRow(last)
    combo.setModel(model)


def ethnicity_text(ethnicity: Ethnicity) -> str:
    """``Asian, Asian British or Asian Welsh: Indian``; "Prefer not to say" as it is."""
    group = ethnic_group(ethnicity)
    label = ETHNICITIES[ethnicity]
    return f"{ETHNIC_GROUPS[group]}: {label}" if group else label
