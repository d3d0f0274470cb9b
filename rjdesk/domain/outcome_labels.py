"""How people read the outcome and equality vocabularies (issue 16): the window's forms and
lists say these. Equality labels are for the screen only: no document rjdesk prints shows them.

The ethnicity labels are the ONS 2021 census categories for England and Wales, grouped as the
census groups them (``ETHNICITY_GROUPS``)."""

from __future__ import annotations

from rjdesk_protocol.enums import (
    ETHNIC_GROUPS,
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    FeedbackMoment,
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

PREFER_NOT_TO_SAY = "Prefer not to say"
DECLINED = "Declined to answer"

INTERVENTION_TYPES = {
    InterventionType.CONFERENCE: "Direct: conference",
    InterventionType.SHUTTLE: "Indirect: shuttle",
    InterventionType.LETTER: "Indirect: letter",
    InterventionType.RECORDED_AUDIO: "Indirect: recorded audio",
    InterventionType.RECORDED_VIDEO: "Indirect: recorded video",
}
STARTED_BY = {
    StartedBy.HARMED: "The harmed person",
    StartedBy.RESPONSIBLE: "The responsible person",
}
JUSTICE_STAGES = {
    JusticeStage.OUT_OF_COURT: "Out of court",
    JusticeStage.PRE_SENTENCE: "Pre-sentence",
    JusticeStage.POST_SENTENCE: "Post-sentence",
    JusticeStage.CUSTODY: "Custody",
    JusticeStage.NOT_A_CRIME: "Not a crime",
}
FEEDBACK_MOMENTS = {
    FeedbackMoment.END: "End of the intervention",
    FeedbackMoment.FOLLOW_UP: "Follow-up",
}
SATISFACTION = {
    Satisfaction.ONE: "1: very dissatisfied",
    Satisfaction.TWO: "2: dissatisfied",
    Satisfaction.THREE: "3: neither satisfied nor dissatisfied",
    Satisfaction.FOUR: "4: satisfied",
    Satisfaction.FIVE: "5: very satisfied",
    Satisfaction.DECLINED: DECLINED,
}
ANSWERS = {Answer.YES: "Yes", Answer.NO: "No", Answer.DECLINED: DECLINED}
# The feedback questions, as asked.
FEEDBACK_QUESTIONS = {
    "satisfaction": "How satisfied were you with the restorative justice process?",
    "coping": "Do you feel better able to cope and recover?",
    "feels_safer": "Do you feel safer?",
    "would_recommend": "Would you recommend restorative justice to others?",
    "comment": "Anything else you would like to tell us",
}

AGE_BANDS = {
    AgeBand.UNDER_18: "Under 18",
    AgeBand.FROM_18_TO_24: "18 to 24",
    AgeBand.FROM_25_TO_34: "25 to 34",
    AgeBand.FROM_35_TO_44: "35 to 44",
    AgeBand.FROM_45_TO_54: "45 to 54",
    AgeBand.FROM_55_TO_64: "55 to 64",
    AgeBand.FROM_65: "65 or over",
    AgeBand.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY,
}
SEXES = {Sex.FEMALE: "Female", Sex.MALE: "Male", Sex.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY}
GENDER_SAME_AS_SEX = {
    GenderSameAsSex.YES: "Yes",
    GenderSameAsSex.NO: "No",
    GenderSameAsSex.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY,
}
SEXUAL_ORIENTATIONS = {
    SexualOrientation.STRAIGHT: "Straight or heterosexual",
    SexualOrientation.GAY_OR_LESBIAN: "Gay or lesbian",
    SexualOrientation.BISEXUAL: "Bisexual",
    SexualOrientation.OTHER: "Another sexual orientation",
    SexualOrientation.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY,
}
ETHNICITIES = {
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
    Ethnicity.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY,
}
# The census's five groups, in its order, each with its categories.
ETHNICITY_GROUPS: dict[str, tuple[Ethnicity, ...]] = {
    ETHNIC_GROUPS[group]: tuple(e for e in Ethnicity if ethnic_group(e) == group)
    for group in ETHNIC_GROUPS
}
DISABILITIES = {
    Disability.YES_A_LOT: "Yes, limited a lot",
    Disability.YES_A_LITTLE: "Yes, limited a little",
    Disability.NO: "No",
    Disability.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY,
}
RELIGIONS = {
    Religion.NO_RELIGION: "No religion",
    Religion.CHRISTIAN: "Christian",
    Religion.BUDDHIST: "Buddhist",
    Religion.HINDU: "Hindu",
    Religion.JEWISH: "Jewish",
    Religion.MUSLIM: "Muslim",
    Religion.SIKH: "Sikh",
    Religion.OTHER: "Any other religion",
    Religion.PREFER_NOT_TO_SAY: PREFER_NOT_TO_SAY,
}
# The equality questions, as asked (ONS 2021 wording, shortened).
EQUALITY_QUESTIONS = {
    "age_band": "Age",
    "sex": "Sex",
    "gender_same_as_sex": "Is the gender you identify with the same as your sex registered at "
    "birth?",
    "sexual_orientation": "Sexual orientation",
    "ethnicity": "Ethnic group",
    "disability": "Are your day-to-day activities limited by a long-term physical or mental "
    "health condition or illness?",
    "religion": "Religion or belief",
}
EQUALITY_LABELS = {
    "age_band": AGE_BANDS,
    "sex": SEXES,
    "gender_same_as_sex": GENDER_SAME_AS_SEX,
    "sexual_orientation": SEXUAL_ORIENTATIONS,
    "ethnicity": ETHNICITIES,
    "disability": DISABILITIES,
    "religion": RELIGIONS,
}
