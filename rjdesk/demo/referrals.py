"""Who refers cases to the service, what they add to a referral, and who a party would rather
left it to."""

from __future__ import annotations

REFERRERS = {
    "police": (
        ("PC {n} {name}", "West Midlands Police, {area} neighbourhood team"),
        ("PCSO {n} {name}", "West Midlands Police, {area} neighbourhood team"),
        ("DC {name}", "West Midlands Police, Public Protection Unit"),
    ),
    "housing_provider": (
        ("{name}", "Pioneer Group housing team"),
        ("{name}", "Birmingham City Council Housing"),
        ("{name}", "Midland Heart tenancy team"),
        ("{name}", "Bournville Village Trust"),
    ),
    "school": (
        ("{name}, Designated Safeguarding Lead", "{school}"),
        ("{name}, Head of Year", "{school}"),
    ),
    "probation": (
        ("{name}", "Probation Service, Birmingham North"),
        ("{name}", "HMP Birmingham offender management unit"),
    ),
    "youth_justice": (("{name}", "Birmingham Youth Justice Service"),),
    "victim_services": (
        ("{name}", "Victim Support, West Midlands"),
        ("{name}", "Victim Support, Birmingham hub"),
    ),
    "local_authority": (
        ("{name}", "Birmingham City Council ASB team"),
        ("{name}", "Environmental Health (noise team)"),
        ("{name}", "Sandwell Council community safety team"),
    ),
    "other": (
        ("{name}", "Citizens Advice Birmingham"),
        ("{name}", "Central Mosque committee"),
        ("{name}", "{area} residents' association"),
        ("{name}", "the GP surgery"),
    ),
}

SUMMARY_TAILS = {
    "police": (
        "Officer in the case supports RJ.",
        "Community resolution considered; RJ first.",
        "Both parties were given the RJ leaflet by the attending officer.",
    ),
    "housing_provider": (
        "Housing officer can attend a meeting if helpful.",
        "Tenancy action on hold while RJ is tried.",
    ),
    "school": ("Parents of both pupils informed.", "School will host a meeting if wanted."),
    "probation": ("Offender manager supports contact with the victim.",),
    "youth_justice": ("Out-of-court disposal; RJ part of the intervention plan.",),
    "victim_services": ("Caseworker says the victim asked about RJ.",),
    "local_authority": (
        "Noise diary and officer notes attached to the email.",
        "Council would prefer a resolution without enforcement.",
    ),
    "self": ("Heard about the service from a neighbour.", "Found the service online."),
    "other": ("Referrer will support the family to take part.",),
}


# Who a party would rather left it to, by referral source (for notes of a refusal).
DEALS_WITH = {"police": "police", "housing_provider": "housing provider", "school": "school",
              "probation": "probation service", "youth_justice": "Youth Justice Service",
              "victim_services": "police"}  # fmt: skip
