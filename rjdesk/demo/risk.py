"""Risk assessment and safeguarding words for the demo: notes by risk level, risk factors, and
safeguarding concerns with the action taken and who they were passed to."""

from __future__ import annotations

RISK_NOTES = {
    "low": (
        "Suitable for a face-to-face conference on neutral ground.",
        "Low risk; conference at the community centre with one facilitator.",
    ),
    "medium": (
        "Suitable with safeguards: co-facilitator, separate arrival and waiting rooms.",
        "Shuttle first, then decide about a conference.",
    ),
    "high": (
        "Not suitable for face-to-face; indirect work only if at all.",
        "High risk: discussed with the manager before any further contact.",
    ),
}
GENERAL_FACTORS = (
    "Both parties want the matter resolved",
    "Supporter available for each party",
    "Neutral venue available nearby",
    "No current bail conditions",
    "Mental health: GP aware",
)
INTERPRETER_FACTOR = "Language needs met by an interpreter at every meeting"
HIGH_FACTORS = (
    "Threats made since the referral",
    "Responsible party denies the offence",
    "Ongoing police investigation",
    "Harmed party very distressed at assessment",
    "History of violence between the parties",
)

SAFEGUARDING = {
    "child": (
        (
            "Young person disclosed being hit at home by an older sibling.",
            "Passed to the school DSL and the Children's Advice and Support Service (CASS) the "
            "same day.",
            "Children's Advice and Support Service",
        ),
        (
            "Young person said they are often left alone overnight.",
            "Discussed with the safeguarding lead; referral made to CASS.",
            "Safeguarding lead",
        ),
        (
            "Signs of self-harm seen during the visit; young person said it is recent.",
            "Parent informed with the young person's agreement; GP appointment made; DSL told.",
            "School DSL",
        ),
    ),
    "adult": (
        (
            "Harmed person appears to be self-neglecting: no food in the flat, heating off.",
            "With consent, referred to adult social care; safeguarding lead informed.",
            "Adult social care (Birmingham City Council)",
        ),
        (
            "Concern that a relative is taking the harmed person's money.",
            "Passed to the safeguarding lead; adult safeguarding referral made.",
            "Safeguarding lead",
        ),
    ),
    "domestic_abuse": (
        (
            "Disclosed controlling behaviour by a partner during the home visit.",
            "Safety plan discussed; with consent referred to Birmingham & Solihull Women's Aid; "
            "safeguarding lead informed.",
            "Safeguarding lead; Women's Aid",
        ),
        (
            "Partner shouted throughout the visit; party said this happens often.",
            "DASH risk checklist completed (medium); passed to the safeguarding lead.",
            "Safeguarding lead",
        ),
    ),
}
