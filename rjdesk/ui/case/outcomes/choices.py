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

from rjdesk_protocol.enums import (
    ETHNIC_GROUPS,
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    GenderSameAsSex,
    InterventionType,
    JusticeStage,
    Religion,
    Satisfaction,
    Sex,
    SexualOrientation,
    StartedBy,
    ethnic_group,
)

E = TypeVar("E", bound=StrEnum)
_DATA_ROLE = Qt.ItemDataRole.UserRole  # what QComboBox.currentData and findData read

NOT_ASKED = "Not asked"
NOT_RECORDED = "Not recorded"
PREFER_NOT = "Prefer not to say"

INTERVENTION_TYPES: dict[InterventionType, str] = {
    InterventionType.CONFERENCE: "Direct: conference",
    InterventionType.SHUTTLE: "Indirect: shuttle",
    InterventionType.LETTER: "Indirect: letter",
    InterventionType.RECORDED_AUDIO: "Indirect: recorded audio",
    InterventionType.RECORDED_VIDEO: "Indirect: recorded video",
}
STARTED_BY: dict[StartedBy, str] = {
    StartedBy.HARMED: "The harmed person",
    StartedBy.RESPONSIBLE: "The responsible person",
}
JUSTICE_STAGES: dict[JusticeStage, str] = {
    JusticeStage.OUT_OF_COURT: "Out of court",
    JusticeStage.PRE_SENTENCE: "Pre-sentence",
    JusticeStage.POST_SENTENCE: "Post-sentence",
    JusticeStage.CUSTODY: "Custody",
    JusticeStage.NOT_A_CRIME: "Not a crime",
}

SATISFACTION: dict[Satisfaction, str] = {
    Satisfaction.ONE: "1: very dissatisfied",
    Satisfaction.TWO: "2: dissatisfied",
    Satisfaction.THREE: "3: neither satisfied nor dissatisfied",
    Satisfaction.FOUR: "4: satisfied",
    Satisfaction.FIVE: "5: very satisfied",
    Satisfaction.DECLINED: "Declined to answer",
}
ANSWERS: dict[Answer, str] = {
    Answer.YES: "Yes",
    Answer.NO: "No",
    Answer.DECLINED: "Declined to answer",
}

AGE_BANDS: dict[AgeBand, str] = {
    AgeBand.UNDER_18: "Under 18",
    AgeBand.FROM_18_TO_24: "18 to 24",
    AgeBand.FROM_25_TO_34: "25 to 34",
    AgeBand.FROM_35_TO_44: "35 to 44",
    AgeBand.FROM_45_TO_54: "45 to 54",
    AgeBand.FROM_55_TO_64: "55 to 64",
    AgeBand.FROM_65: "65 or over",
    AgeBand.PREFER_NOT_TO_SAY: PREFER_NOT,
}
SEXES: dict[Sex, str] = {
    Sex.FEMALE: "Female",
    Sex.MALE: "Male",
    Sex.PREFER_NOT_TO_SAY: PREFER_NOT,
}
GENDER_SAME: dict[GenderSameAsSex, str] = {
    GenderSameAsSex.YES: "Yes",
    GenderSameAsSex.NO: "No",
    GenderSameAsSex.PREFER_NOT_TO_SAY: PREFER_NOT,
}
ORIENTATIONS: dict[SexualOrientation, str] = {
    SexualOrientation.STRAIGHT: "Straight or heterosexual",
    SexualOrientation.GAY_OR_LESBIAN: "Gay or lesbian",
    SexualOrientation.BISEXUAL: "Bisexual",
    SexualOrientation.OTHER: "Another sexual orientation",
    SexualOrientation.PREFER_NOT_TO_SAY: PREFER_NOT,
}
ETHNICITIES: dict[Ethnicity, str] = {
    Ethnicity.ASIAN_BANGLADESHI: "Bangladeshi",
    Ethnicity.ASIAN_CHINESE: "Chinese",
    Ethnicity.ASIAN_INDIAN: "Indian",
    Ethnicity.ASIAN_PAKISTANI: "Pakistani",
    Ethnicity.ASIAN_OTHER: "Any other Asian background",
    Ethnicity.BLACK_AFRICAN: "African",
    Ethnicity.BLACK_CARIBBEAN: "Caribbean",
    Ethnicity.BLACK_OTHER: "Any other Black, Black British or Caribbean background",
    Ethnicity.MIXED_WHITE_ASIAN: "White and Asian",
    Ethnicity.MIXED_WHITE_BLACK_AFRICAN: "White and Black African",
    Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN: "White and Black Caribbean",
    Ethnicity.MIXED_OTHER: "Any other Mixed or multiple ethnic background",
    Ethnicity.WHITE_BRITISH: "English, Welsh, Scottish, Northern Irish or British",
    Ethnicity.WHITE_IRISH: "Irish",
    Ethnicity.WHITE_GYPSY_OR_IRISH_TRAVELLER: "Gypsy or Irish Traveller",
    Ethnicity.WHITE_ROMA: "Roma",
    Ethnicity.WHITE_OTHER: "Any other White background",
    Ethnicity.OTHER_ARAB: "Arab",
    Ethnicity.OTHER_ANY: "Any other ethnic group",
    Ethnicity.PREFER_NOT_TO_SAY: PREFER_NOT,
}
DISABILITIES: dict[Disability, str] = {
    Disability.YES_A_LOT: "Yes, limited a lot",
    Disability.YES_A_LITTLE: "Yes, limited a little",
    Disability.NO: "No",
    Disability.PREFER_NOT_TO_SAY: PREFER_NOT,
}
RELIGIONS: dict[Religion, str] = {
    Religion.NO_RELIGION: "No religion",
    Religion.CHRISTIAN: "Christian",
    Religion.BUDDHIST: "Buddhist",
    Religion.HINDU: "Hindu",
    Religion.JEWISH: "Jewish",
    Religion.MUSLIM: "Muslim",
    Religion.SIKH: "Sikh",
    Religion.OTHER: "Any other religion",
    Religion.PREFER_NOT_TO_SAY: PREFER_NOT,
}


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
