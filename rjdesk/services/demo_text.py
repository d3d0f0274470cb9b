"""Words for the demo data (``demo.py``): people, places, the shape of a caseload, and what
facilitators write.

Everything here is made up. Names are common in the communities of Birmingham; street names are
real but house numbers and postcodes are invented (well-formed, so "seen before" matching on
postcodes works); phone numbers are in Ofcom's drama ranges (07700 900xxx, 0121 496 0xxx); email
addresses use the reserved example.org domain.

Templates are ``str.format`` strings. Case-level keys: ``hn``/``rn`` (harmed and responsible
full names), ``hf``/``rf`` (first names), ``street``, ``area``, ``flatblock``, ``shop``,
``pub``, ``school``, ``incident`` (e.g. "28 September"), ``age``, ``amount``, ``issue``,
``impact``, ``account``, ``venue``. Contact notes add ``first`` (the person contacted), ``other``
(the other party), ``next`` (the next planned date), ``supporter``, ``pro`` and ``referrer``.
"""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any, TypeVar

from rjdesk.domain.enums import (
    PARENT_OR_CARER,
    CaseType,
    Channel,
    ClosureReason,
    ReferralSource,
    Role,
    Stage,
)
from rjdesk.domain.models import Participant
from rjdesk.domain.text import fold
from rjdesk.services.people import PersonDetails

# -- people -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Community:
    """First names, surnames ("male|female" where the surname is gendered) and languages."""

    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    language: str = "en"
    # Share of adults who prefer their community language, and of those, who need an interpreter.
    home_language: float = 0.0
    interpreter: float = 0.0


COMMUNITIES: tuple[Community, ...] = (
    Community(
        30,
        (
            "Emma",
            "Sarah",
            "Claire",
            "Lisa",
            "Karen",
            "Jodie",
            "Chloe",
            "Megan",
            "Zoë",
            "Gemma",
            "Tracey",
            "Hannah",
            "Sharon",
            "Amy",
            "Leanne",
            "Jade",
        ),
        (
            "James",
            "Daniel",
            "Lee",
            "Craig",
            "Ryan",
            "Jack",
            "Tom",
            "Dean",
            "Gary",
            "Liam",
            "Stephen",
            "Kyle",
            "Wayne",
            "Mark",
            "Connor",
            "Josh",
        ),
        (
            "Smith",
            "Jones",
            "Taylor",
            "Brown",
            "Wilson",
            "Walker",
            "Wright",
            "Green",
            "Hall",
            "Wood",
            "Harris",
            "Clarke",
            "Turner",
            "Price",
            "Cooper",
            "Baker",
            "Whitfield",
            "Perry",
        ),
    ),
    Community(
        3,
        ("Carys", "Ffion", "Siân", "Angharad", "Nia", "Bethan", "Rhiannon"),
        ("Rhys", "Dafydd", "Gethin", "Iwan", "Owain", "Gareth", "Huw"),
        ("Davies", "Evans", "Thomas", "Roberts", "Lewis", "Morgan", "Pritchard", "Llewellyn"),
    ),
    Community(
        3,
        ("Eilidh", "Morag", "Kirsty", "Fiona", "Isla", "Mhairi"),
        ("Hamish", "Callum", "Fraser", "Euan", "Angus", "Ross"),
        ("MacDonald", "Campbell", "Stewart", "McKenzie", "Robertson", "Sinclair", "Murray"),
    ),
    Community(
        6,
        ("Siobhán", "Aoife", "Niamh", "Saoirse", "Róisín", "Orla", "Caoimhe", "Bríd"),
        ("Seán", "Ciarán", "Pádraig", "Eoin", "Declan", "Cathal", "Darragh"),
        (
            "O'Brien",
            "Murphy",
            "Kelly",
            "O'Sullivan",
            "Brennan",
            "Walsh",
            "Byrne",
            "Doyle",
            "McCarthy",
            "Ó Ceallaigh",
        ),
    ),
    Community(
        6,
        ("Małgorzata", "Agnieszka", "Katarzyna", "Joanna", "Zofia", "Magdalena", "Ewa"),
        ("Łukasz", "Piotr", "Paweł", "Krzysztof", "Tomasz", "Michał", "Wojciech"),
        (
            "Nowak",
            "Kowalski|Kowalska",
            "Wiśniewski|Wiśniewska",
            "Wójcik",
            "Kamiński|Kamińska",
            "Lewandowski|Lewandowska",
            "Zieliński|Zielińska",
            "Dąbrowski|Dąbrowska",
        ),
        "pl",
        0.5,
        0.3,
    ),
    Community(
        4,
        ("Ioana", "Andreea", "Elena", "Mihaela", "Alexandra", "Ștefania"),
        ("Andrei", "Mihai", "Ionuț", "Constantin", "Bogdan", "Florin", "Gheorghe"),
        ("Popescu", "Ionescu", "Stan", "Dumitru", "Munteanu", "Ciobanu", "Rădulescu"),
        "ro",
        0.5,
        0.35,
    ),
    Community(
        3,
        ("Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Gülşen"),
        ("Mehmet", "Mustafa", "Emre", "Hüseyin", "Yusuf", "Oğuz"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"),
        "tr",
        0.4,
        0.4,
    ),
    Community(
        2,
        ("Lan", "Hương", "Mai", "Thảo", "Linh", "Ngọc"),
        ("Minh", "Tuấn", "Dũng", "Quang", "Hải", "Hùng"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"),
        "vi",
        0.5,
        0.5,
    ),
    Community(
        12,
        ("Ayesha", "Fatima", "Nadia", "Saima", "Rubina", "Amina", "Zainab", "Sana"),
        ("Mohammed", "Imran", "Tariq", "Asif", "Bilal", "Usman", "Zubair", "Adeel"),
        ("Khan", "Iqbal", "Hussain", "Ahmed", "Akhtar", "Butt", "Malik", "Mahmood", "Raja"),
        "ur",
        0.2,
        0.4,
    ),
    Community(
        6,
        ("Nasima", "Rokeya", "Shamima", "Farzana", "Taslima", "Sumaiya"),
        ("Abdul", "Rahim", "Shahid", "Jamal", "Kamrul", "Sohel"),
        ("Miah|Begum", "Uddin", "Rahman", "Ali", "Chowdhury", "Islam"),
        "bn",
        0.25,
        0.5,
    ),
    Community(
        7,
        ("Priya", "Harpreet", "Gurpreet", "Anjali", "Sunita", "Kiran", "Deepa"),
        ("Rajesh", "Sandeep", "Harjit", "Vikram", "Arjun", "Manjit", "Sanjay"),
        ("Sandhu", "Patel", "Sharma", "Singh|Kaur", "Gill", "Bains", "Mistry", "Chauhan"),
        "pa",
        0.15,
        0.4,
    ),
    Community(
        4,
        ("Hodan", "Faduma", "Ayaan", "Hibo", "Sahra", "Ubah"),
        ("Abdirahman", "Mohamed", "Abdi", "Ahmed", "Yusuf", "Liban"),
        ("Abdi", "Farah", "Warsame", "Hassan", "Mohamud", "Jama", "Osman"),
        "so",
        0.4,
        0.5,
    ),
    Community(
        4,
        ("Chiamaka", "Ngozi", "Adaeze", "Folake", "Funmilayo", "Blessing", "Temitope"),
        ("Chinedu", "Emeka", "Oluwaseun", "Tunde", "Adebayo", "Obinna", "Kayode"),
        ("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Adebisi"),
    ),
    Community(
        8,
        ("Marcia", "Beverley", "Paulette", "Jasmine", "Shanice", "Tanisha", "Janet"),
        ("Delroy", "Winston", "Marlon", "Desmond", "Leroy", "Tyrone", "Jermaine"),
        ("Bennett", "Campbell", "Williams", "Francis", "Henry", "Grant", "Thompson", "Reid"),
    ),
    Community(
        2,
        ("Mei", "Xiu Ying", "Li Na", "Wing Yan", "Jing", "Hui"),
        ("Wei", "Jun", "Hao", "Kwok Wai", "Zhi Hao", "Ming"),
        ("Chen", "Wong", "Li", "Zhang", "Cheung", "Lam", "Liu", "Ho"),
        "yue",
        0.4,
        0.5,
    ),
    Community(
        3,
        ("Lina", "Rania", "Hala", "Noor", "Samira"),
        ("Omar", "Khaled", "Ahmad", "Samir", "Tariq"),
        ("Al-Hassan", "Haddad", "Khalil", "Al-Masri", "Saleh"),
        "ar",
        0.5,
        0.6,
    ),
)

LANGUAGE_NAMES = {
    "en": "English",
    "pl": "Polish",
    "ro": "Romanian",
    "tr": "Turkish",
    "vi": "Vietnamese",
    "ur": "Urdu",
    "bn": "Bengali (Sylheti)",
    "pa": "Punjabi",
    "so": "Somali",
    "yue": "Cantonese",
    "ar": "Arabic",
}

ACCESS_NEEDS = (
    "Uses a wheelchair; ground-floor venue with step-free access needed.",
    "Hard of hearing; face-to-face meetings, speak clearly, no phone calls.",
    "Dyslexic: read letters and the agreement aloud before signing.",
    "Works nights Tuesday to Thursday; visits after 2pm.",
    "Anxiety: prefers short meetings with breaks and a supporter present.",
    "Carer for an elderly parent; mornings only.",
    "Partially sighted: large-print letters (18pt).",
    "Autistic: agenda sent in advance, quiet room, no surprises.",
    "No credit on phone most weeks: text and wait for a call back.",
    "Shift worker at the hospital; rota changes weekly, text to arrange.",
    "Type 1 diabetic: meetings not over lunchtime.",
)

SUPPORTER_RELATIONSHIPS = ("partner", "friend", "friend", "sister", "brother", "son", "daughter")
PARENT_RELATIONSHIPS = ("parent", "parent", "parent", "mother", "father", "carer", "guardian")
# Relationships that say whether the person is a woman (True) or a man (False).
RELATIONSHIP_FEMALE = {"mother": True, "sister": True, "daughter": True, "father": False,
                       "brother": False, "son": False}  # fmt: skip

# (organisation, job title) of professionals who attend, by the kind of case they join.
PROFESSIONALS = {
    "youth": (
        ("Birmingham Youth Justice Service", "Youth Justice worker"),
        ("Birmingham Youth Justice Service", "YJS case manager"),
    ),
    "school": (
        ("{school}", "Head of Year"),
        ("{school}", "Designated Safeguarding Lead"),
        ("{school}", "learning mentor"),
    ),
    "police": (
        ("West Midlands Police, {area} neighbourhood team", "PCSO"),
        ("West Midlands Police, {area} neighbourhood team", "PC"),
    ),
    "housing": (
        ("Pioneer Group housing team", "housing officer"),
        ("Birmingham City Council Housing", "tenancy officer"),
        ("Midland Heart", "neighbourhood officer"),
    ),
    "probation": (
        ("Probation Service, Birmingham North", "probation officer"),
        ("Probation Service, Birmingham South", "probation practitioner"),
    ),
    "victim": (("Victim Support, West Midlands", "caseworker"),),
}

INTERPRETING = (
    "Language Line Solutions",
    "Birmingham Interpreting & Translation Service",
    "Sandwell Interpreting Service",
)

# -- places -----------------------------------------------------------------------------------

# (area, postcode district, streets). Streets are real; numbers and inward codes are invented.
AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Castle Vale",
        "B35",
        ("Farnborough Road", "Tangmere Drive", "Yatesbury Avenue", "Hawkinge Drive"),
    ),
    ("Lozells", "B19", ("Lozells Road", "Wheeler Street", "Burbury Street", "Berners Street")),
    ("Sparkbrook", "B11", ("Stratford Road", "Ladypool Road", "Walford Road", "Farm Road")),
    ("Small Heath", "B10", ("Coventry Road", "Golden Hillock Road", "Waverley Road")),
    ("Handsworth", "B21", ("Soho Road", "Rookery Road", "Grove Lane", "Holly Road")),
    ("Erdington", "B23", ("Slade Road", "Reservoir Road", "Orphanage Road", "Wood End Road")),
    ("Kingstanding", "B44", ("Kingstanding Road", "Warren Farm Road", "Dulwich Road")),
    ("Northfield", "B31", ("Church Road", "Frankley Beeches Road", "Bunbury Road")),
    ("Chelmsley Wood", "B37", ("Moorend Avenue", "Chelmsley Road", "Pike Drive")),
    ("Acocks Green", "B27", ("Westley Road", "Shirley Road", "Fox Hollies Road")),
    ("Kings Heath", "B14", ("Institute Road", "Vicarage Road", "Valentine Road")),
    ("Ladywood", "B16", ("Ledsam Street", "St Vincent Street", "Ruston Street")),
    ("Alum Rock", "B8", ("Alum Rock Road", "Washwood Heath Road", "Highfield Road")),
    ("Stechford", "B33", ("Station Road", "Flaxley Road", "Manor House Lane")),
    ("Smethwick", "B66", ("Cape Hill", "Windmill Lane", "Rolfe Street")),
    ("Quinton", "B32", ("Ridgacre Road", "Quinton Road West", "Hagley Road West")),
)
# Inward codes never use C, I, K, M, O or V.
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
FLAT_BLOCKS = (
    "Nelson House",
    "Clifton Court",
    "Beech Tower",
    "Cheshire Court",
    "Elm House",
    "Holloway Point",
    "Kestrel Court",
)
SHOPS = (
    "the Premier convenience store",
    "Sandhu's Mini Market",
    "the Co-op",
    "the Polski Sklep",
    "the pharmacy",
    "the Londis",
    "Khan's Superstore",
    "the chip shop",
)
PUBS = ("the Old Crown", "the Lamp Tavern", "the Station", "the Village Inn", "the Red Lion")
SCHOOLS = (
    "Castle Vale Academy",
    "Holte School",
    "Erdington Academy",
    "Washwood Heath Academy",
    "Kings Norton Girls' School",
    "Yardleys School",
    "St Edmund Campion School",
    "Small Heath Leadership Academy",
)
VENUES = (
    "{area} Community Centre, room 2",
    "{area} Library meeting room",
    "the Neighbourhood Office, {area}",
    "the Quaker Meeting House, Bull Street",
    "the community room at the church hall",
)
# Where young people meet: the Youth Justice office, or school for school cases.
YOUTH_VENUE, SCHOOL_VENUE = (
    "the Youth Justice Service office, Nechells",
    "the inclusion room at {school}",
)
# The places of one case, picked in this order (a venue may name the school).
PLACES = {"flatblock": FLAT_BLOCKS, "shop": SHOPS, "pub": PUBS, "school": SCHOOLS, "venue": VENUES}

# -- referrals --------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class Scenario:
    """One kind of referral: what happened, how it is told, what may be agreed.

    ``pattern``: "hr" harmed and responsible adults, "bb" two households both harmed and
    responsible, "hy" harmed adult and a responsible young person, "yy" a young harmed person
    and a young responsible person, "yb" two young people both harmed and responsible.
    ``actions``: (owner, text, dated) with owner "h" harmed, "r" responsible, "p" the
    responsible person's parent, "" nobody in particular; dated False means ongoing.
    """

    pattern: str
    summary: str
    issue: str
    impact: str
    account: str
    actions: tuple[tuple[str, str, bool], ...]
    factors: tuple[str, ...]
    noise: bool = False
    family: bool = False  # the parties are related (same surname)


S = Scenario
SCENARIOS: dict[CaseType, tuple[Scenario, ...]] = {
    CaseType.NEIGHBOUR_DISPUTE: (
        S(
            "bb",
            "Ongoing dispute between two adjoining households on {street} about late-night "
            "music and a shared side gate. Both households have complained to the housing "
            "provider; verbal abuse reported on {incident}.",
            "the late-night music and the shared side gate",
            "sleep lost before early shifts and anxiety about coming home",
            "accepts the music has been loud at weekends but says the gate is left open by the "
            "bin collectors",
            (
                (
                    "r",
                    "Keep music at a level that cannot be heard next door after 11pm, every night.",
                    False,
                ),
                (
                    "h",
                    "Text {rf} directly if noise is a problem before contacting the housing "
                    "provider.",
                    False,
                ),
                ("r", "Fit a spring closer to the shared side gate.", True),
                ("h", "Keep the shared path clear of bins except on collection day.", False),
                ("", "Say hello when passing and keep conversations civil.", False),
            ),
            (
                "No history of violence",
                "Both parties want the dispute to stop",
                "Verbal abuse on one occasion",
            ),
            noise=True,
        ),
        S(
            "bb",
            "Two neighbours on {street} in dispute over parking outside their houses. A "
            "wing mirror was damaged on {incident} and each blames the other. Police attended; "
            "no further action on the damage.",
            "the parking outside the houses and the damaged wing mirror",
            "feeling watched every time the car is parked, and family no longer visiting",
            "says the bay outside has always been theirs, denies touching the mirror but admits "
            "shouting",
            (
                ("r", "Park on the drive or the road opposite when the bay is taken.", False),
                ("h", "Leave the dropped kerb clear for {rf}'s van on weekday mornings.", False),
                ("r", "Contribute £40 towards the wing mirror repair.", True),
                (
                    "",
                    "Contact the facilitator, not the police, if a parking problem comes up in the "
                    "next three months.",
                    False,
                ),
            ),
            (
                "Damage to property, no injury",
                "Police attended once; no further action",
                "Both households have young children",
            ),
        ),
        S(
            "bb",
            "Boundary dispute on {street}: a leylandii hedge that blocks light to the "
            "neighbouring garden and a fence panel that came down in the storm. Words exchanged "
            "over the fence on {incident}, with a threat reported by one party.",
            "the hedge, the fallen fence panel and the threat made over the fence",
            "not being able to use the garden, and fear after what was said",
            "says the hedge was there first and the comment was said in the heat of the moment",
            (
                ("r", "Cut the hedge back to two metres.", True),
                ("h", "Share the cost of the new fence panel, half each.", True),
                ("", "Agree any garden work with each other a week in advance.", False),
                ("r", "Apologise in writing for what was said on {incident}.", True),
            ),
            (
                "Threat made once, not repeated",
                "One party is elderly and lives alone",
                "No weapons or violence reported",
            ),
        ),
        S(
            "bb",
            "Complaints between neighbours on {street} about a dog barking through the day "
            "and children's football hitting a parked car. The housing officer has visited both; "
            "a shouting match in the street on {incident}.",
            "the barking dog and the football against the car",
            "working from home and not being able to take calls, and a dented car door",
            "says the dog only barks when the children bang on the fence",
            (
                ("h", "Keep ball games to the park end of the green.", False),
                ("r", "Not leave the dog in the garden for more than an hour when out.", False),
                ("r", "Ask the vet about a trainer for the barking.", True),
                ("", "Knock and talk, calmly, if anything bothers them.", False),
            ),
            (
                "Shouting in the street, no violence",
                "Children in both households",
                "Housing officer involved and supportive",
            ),
            noise=True,
        ),
        S(
            "bb",
            "Two flats sharing a landing at {flatblock}: rubbish bags left on the landing "
            "and a row about smells and mice. One tenant says they were pushed on the stairs on "
            "{incident}; the other denies it.",
            "the rubbish on the shared landing and the push on the stairs",
            "being scared to use the stairs when the neighbour is about",
            "says the bags were left for the caretaker and denies any push",
            (
                ("r", "Take rubbish straight to the bin store; no bags on the landing.", False),
                (
                    "h",
                    "Report missed collections to the housing officer, not at the neighbour's "
                    "door.",
                    False,
                ),
                ("", "Keep the landing fire door closed.", False),
                ("h", "Ask the housing officer for a pest control visit.", True),
            ),
            (
                "Alleged push, disputed, no injury",
                "Shared landing: daily contact unavoidable",
                "Both willing to meet with the housing officer present",
            ),
        ),
    ),
    CaseType.ANTI_SOCIAL_BEHAVIOUR: (
        S(
            "hy",
            "Young people gathering outside {shop} on {street} in the evenings; staff "
            "report abuse and eggs thrown at the window on {incident}. {rf} ({age}) was "
            "identified and police referred for a restorative approach rather than a Community "
            "Protection Warning.",
            "the eggs thrown at the shop window and the abuse of staff",
            "closing early, and staff who feel unsafe on the late shift",
            "says it started as a joke in the group and did not think about the owner",
            (
                ("r", "Write a letter of apology to {hf} and the staff.", True),
                ("r", "Help clean the shop front for an hour with the PCSO present.", True),
                ("r", "Not gather outside the shop after 8pm.", False),
                ("h", "Let {rf} back into the shop as a customer.", False),
            ),
            (
                "Young person under 18: parent to attend",
                "Group behaviour; others not identified",
                "No weapons, no injury",
            ),
        ),
        S(
            "hr",
            "Repeated riding of an off-road motorbike across the green behind {street}. A "
            "resident, {hn}, was nearly hit on {incident}. Rider identified by the PCSO.",
            "the motorbike on the green and the near miss",
            "not letting the grandchildren play out any more",
            "did not realise how close it came and says there is nowhere else to ride",
            (
                ("r", "Not ride the motorbike anywhere on the estate.", False),
                ("r", "Visit the off-road track at Hams Hall with the youth worker.", True),
                ("r", "Apologise to {hf} in person.", True),
            ),
            (
                "Risk of serious injury on the green",
                "Responsible party has no previous convictions",
                "Motorbike not seized",
            ),
        ),
        S(
            "hy",
            "Graffiti tags sprayed on garage doors and the community mural on {street} "
            "({incident}). {rf} ({age}) was caught on a doorbell camera and admitted it.",
            "the graffiti on the garages and the mural",
            "two weekends spent painting the mural with the residents' group, now spoiled",
            "wanted the tag to be seen and had not thought about whose wall it was",
            (
                ("r", "Help repaint the garage doors with the residents' group.", True),
                ("r", "Take part in the street art workshop at the youth centre.", True),
                ("h", "Show {rf} the mural project and its photos.", True),
                ("r", "Not tag any wall on the estate.", False),
            ),
            (
                "Young person under 18: parent to attend",
                "Property damage only",
                "Residents' group keen to involve the young person",
            ),
        ),
        S(
            "hr",
            "Residents of {flatblock} report an adult drinking in the stairwell, shouting "
            "and urinating on the landing. A tenancy warning was issued; the housing provider "
            "asks for RJ with the resident most affected, {hn}.",
            "the drinking, shouting and mess in the stairwell",
            "not going out after dark and feeling like a prisoner in the flat",
            "says things have been hard since losing work and did not think anyone minded",
            (
                ("r", "Not drink in the communal areas.", False),
                ("r", "Go to the first appointment at Change Grow Live.", True),
                ("h", "Say hello, and tell the housing officer if problems come back.", False),
            ),
            (
                "Alcohol misuse",
                "Responsible party may be vulnerable: check support",
                "No threats made",
            ),
        ),
    ),
    CaseType.CRIME: (
        S(
            "hr",
            "Theft of goods worth £{amount} from {shop} on {street} on {incident}. {rn} "
            "admitted the offence; the store manager, {hn}, asked for a restorative meeting.",
            "the theft from the shop",
            "upset staff, and extra shifts after a member of staff left",
            "was short of money at the end of the month and took food and toiletries",
            (
                ("r", "Pay back £{amount} to the store.", True),
                ("r", "Write a letter of apology to the staff.", True),
                ("r", "Go to the food bank and Citizens Advice about the debts.", True),
                ("h", "Lift the ban from the store once the money is paid.", True),
            ),
            (
                "Acquisitive offence, no violence",
                "Debt and food poverty",
                "Responsible party admits the offence",
            ),
        ),
        S(
            "hr",
            "Assault outside {pub} on {incident}: {hn} was punched once after an argument "
            "in the taxi queue. {rn} accepted a conditional caution with RJ as a condition.",
            "the punch outside {pub}",
            "a cut lip, dental work and not going into town since",
            "had been drinking all day and says it was out of character",
            (
                ("r", "Apologise in person.", True),
                ("r", "Complete the alcohol awareness session.", True),
                ("r", "Pay £75 towards the dental work.", True),
                ("", "No contact between the two outside this process.", False),
            ),
            ("Violence: single punch", "Alcohol a factor", "Strangers before the incident"),
        ),
        S(
            "hr",
            "Burglary of a garden shed and theft of the children's bikes from {street} on "
            "{incident}. {rn} has admitted it; {hn} would like to know why their house.",
            "the break-in and the stolen bikes",
            "the children's bikes gone, and the family not feeling safe at home",
            "was using at the time and sold the bikes the same day",
            (
                ("r", "Write to the children to explain and apologise.", True),
                ("r", "Keep going to the drug service appointments.", False),
                ("r", "Pay £10 a month towards new bikes.", False),
            ),
            (
                "Drug use",
                "Children in the harmed household: no direct contact with them",
                "Responsible party on bail",
            ),
        ),
        S(
            "hy",
            "Criminal damage to a car on {street} on {incident}: wing mirrors kicked off by "
            "two teenagers. {rf} ({age}) admitted it; Youth Justice referral as part of an "
            "out-of-court disposal.",
            "the kicked-off wing mirrors",
            "no car for work for a week and the insurance excess paid",
            "was showing off to a friend",
            (
                ("r", "Pay £50 from the paper round towards the repair.", True),
                ("r", "Write a letter of apology.", True),
                ("r", "Complete the victim awareness sessions with Youth Justice.", True),
            ),
            (
                "Young person under 18: parent to attend",
                "Property damage only",
                "Second young person not taking part",
            ),
        ),
    ),
    CaseType.HATE_CRIME: (
        S(
            "hy",
            "Racially aggravated verbal abuse of a shopkeeper, {hn}, at {shop} on {street} "
            "by a {age}-year-old on {incident}. The young person has admitted the offence and the "
            "victim has asked about meeting the young person.",
            "the racist abuse in the shop",
            "twenty years running the shop and, for the first time, feeling unwelcome",
            "repeated things seen online, says they were not meant but knows they hurt",
            (
                ("r", "Apologise face to face.", True),
                ("r", "Attend the hate crime awareness programme with Youth Justice.", True),
                ("r", "Volunteer two Saturday mornings at the community food bank.", True),
                ("h", "Let {rf} back into the shop.", False),
            ),
            (
                "Hate crime: victim's wishes lead",
                "Young person under 18: parent to attend",
                "No violence; verbal abuse only",
            ),
        ),
        S(
            "hr",
            "Homophobic abuse shouted at {hn} and their partner on {street} on {incident}, "
            "with a bottle thrown that missed. {rn} admitted a public order offence.",
            "the homophobic abuse and the thrown bottle",
            "no longer holding hands in the street, and thinking about moving",
            "was drunk and with friends and is ashamed of what was shouted",
            (
                ("r", "Apologise in writing and in person.", True),
                ("r", "Attend the awareness session run by Birmingham LGBT.", True),
                ("r", "Keep away from {street} after 10pm for three months.", True),
            ),
            (
                "Hate crime: victim's wishes lead",
                "Bottle thrown: risk of violence",
                "Alcohol a factor",
            ),
        ),
        S(
            "hr",
            "Anti-Muslim abuse directed at {hn} at a bus stop on {street} on {incident}; "
            "{rn} also spat on the pavement. Identified from CCTV and admitted it.",
            "the abuse at the bus stop",
            "waiting for the bus only with a sister, and anxiety in public",
            "says anger about something read online was taken out on a stranger",
            (
                ("r", "Apologise in person.", True),
                ("r", "Visit the mosque's open day with the facilitator.", True),
                ("r", "Complete the anger management course.", True),
            ),
            (
                "Hate crime: victim's wishes lead",
                "Spitting: no physical contact",
                "Responsible party has mental health support",
            ),
        ),
        S(
            "hy",
            "Disability hate incident: young people filmed and mocked {hn}, who has a "
            "learning disability, in the park near {street} and shared the video online "
            "({incident}). {rf} ({age}) filmed it.",
            "the video filmed at the park and shared online",
            "not going to the park any more and fear of groups of teenagers",
            "thought it was funny at the time and did not think how it would feel",
            (
                ("r", "Delete the video and ask friends to delete it, in front of the PCSO.", True),
                ("r", "Apologise to {hf} with a parent present.", True),
                ("r", "Help at the Mencap session at the community centre.", True),
            ),
            (
                "Harmed person is an adult at risk: supporter to attend",
                "Young person under 18: parent to attend",
                "Online element: video removed?",
            ),
        ),
        S(
            "hy",
            "Racist graffiti written on the car of {hn}'s family on {street} ({incident}). "
            "A neighbour's child, {rf} ({age}), admitted it after the police visited.",
            "the racist graffiti on the family car",
            "the children asking why someone hates them, and the family thinking of moving",
            "says friends dared them and did not understand what the words meant to the family",
            (
                ("r", "Clean the car with a parent, and pay for the valet.", True),
                ("r", "Apologise to the family face to face.", True),
                ("r", "Attend the hate crime awareness programme.", True),
                ("p", "Parent to keep in touch with the facilitator for three months.", False),
            ),
            (
                "Hate crime: victim's wishes lead",
                "Families live on the same street",
                "Young person under 18: parent to attend",
            ),
        ),
    ),
    CaseType.NOISE_NUISANCE: (
        S(
            "hr",
            "Noise nuisance: {hn} complains of amplified music and parties in the flat "
            "above at {flatblock}. Environmental Health has a noise diary; an abatement notice "
            "is being considered. Both agreed to try RJ.",
            "the music and parties in the flat above",
            "a baby woken every night and exhaustion",
            "works shifts, has friends round after work and had no idea the sound carried",
            (
                ("r", "No music after 11pm on weeknights and midnight at weekends.", False),
                ("r", "Put rugs down in the living room.", True),
                ("h", "Text {rf} rather than bang on the ceiling.", False),
            ),
            ("No threats or violence", "Tenancy enforcement pending", "Baby in the household"),
        ),
        S(
            "bb",
            "Neighbours on {street} in dispute about car repairs on the drive late in the "
            "evening, with engines revved, and complaints about a barking dog in return.",
            "the late-night car repairs and the barking dog",
            "children kept awake on school nights",
            "says the repairs are how money is earned and the dog barks all day",
            (
                ("r", "No engine work after 8pm or on Sundays.", False),
                ("h", "Bring the dog in by 9pm.", False),
                ("", "Swap mobile numbers and text before any noisy job.", False),
            ),
            ("Shouting at each other, no violence", "Income depends on the repairs"),
            noise=True,
        ),
        S(
            "hr",
            "{hn}, who works nights, complains of a dog left barking all day at the "
            "neighbouring house on {street}. Letters from the council have not helped.",
            "the dog barking through the day",
            "no sleep after night shifts and a warning at work for tiredness",
            "did not know the dog barked when left and works long hours",
            (
                ("r", "Arrange a dog walker at midday on weekdays.", True),
                ("r", "Leave the radio on for the dog.", False),
                ("h", "Tell {rf} directly if the barking starts again.", False),
            ),
            ("No threats", "Neighbours got on well before this"),
        ),
    ),
    CaseType.SCHOOL_INCIDENT: (
        S(
            "yb",
            "Fight between two Year 10 pupils at {school} on {incident} after a dispute "
            "that started on social media. Both were excluded for two days; the school wants "
            "to repair things before they return to the same form group.",
            "the fight by the bike sheds and the messages before it",
            "headaches, and not wanting to go to school",
            "says the messages were about family and the temper went",
            (
                ("", "Keep apart at break for two weeks, then review with the Head of Year.", True),
                ("", "Post nothing about each other online.", False),
                ("h", "Go to football practice with the PE teacher's support.", False),
                ("p", "Parent to tell the Head of Year if messages start again.", False),
            ),
            (
                "Both under 18: parents to attend",
                "Fight: minor injuries only",
                "School staff to attend",
            ),
        ),
        S(
            "hy",
            "A Year 9 pupil, {rf} ({age}), threw a chair in a classroom at {school} on "
            "{incident}, hitting a teaching assistant, {hn}, on the arm.",
            "the chair thrown in the classroom",
            "a bruised arm and nervousness in that classroom",
            "was angry about being moved seat and did not aim at anyone",
            (
                ("r", "Apologise to {hf} in person.", True),
                ("r", "Meet the learning mentor weekly about managing anger.", False),
                ("h", "Welcome {rf} back to the class.", False),
            ),
            (
                "Young person under 18: parent to attend",
                "Injury to a member of staff",
                "Possible unmet special educational needs",
            ),
        ),
        S(
            "yy",
            "A Year 8 pupil's phone was taken from a bag during PE at {school} on "
            "{incident} and sold. {rf} ({age}) admitted taking it.",
            "the phone taken during PE",
            "lost photos of a grandparent who died, and not trusting the changing room",
            "needed money and did not think about what was on the phone",
            (
                ("r", "Pay back £60 in instalments from pocket money.", True),
                ("r", "Write an apology letter.", True),
                ("p", "Parent to make sure the instalments are paid.", False),
            ),
            ("Both under 18: parents to attend", "Theft, no violence"),
        ),
    ),
    CaseType.BULLYING: (
        S(
            "yy",
            "Online bullying of a Year 8 pupil, {hn}, in a group chat over several weeks, "
            "including edited photos. {rf}, who set up the chat, has been identified. Parents "
            "of both are willing to meet.",
            "the group chat and the edited photos",
            "not eating lunch in the canteen and crying before school",
            "says it started as banter and got out of hand once others joined in",
            (
                ("r", "Delete the group chat and the photos.", True),
                ("r", "Apologise to {hf} with both parents there.", True),
                ("p", "Check {rf}'s phone use every week for a month.", True),
                ("h", "Tell the form tutor straight away if anything else is posted.", False),
            ),
            (
                "Both under 18: parents to attend",
                "Online harm: screenshots kept by school",
                "Harmed young person's low mood: check support",
            ),
        ),
        S(
            "yy",
            "Persistent name-calling and pushing on the school bus to {school} since "
            "September. {hn}'s parent contacted the school after {incident}.",
            "the name-calling and pushing on the bus",
            "walking two miles to avoid the bus",
            "says it was the group, but accepts being the one who started it",
            (
                ("r", "Sit at the front of the bus for the rest of term.", True),
                ("r", "Apologise to {hf}.", True),
                ("", "Say something to the bus escort if it starts again.", False),
            ),
            ("Both under 18: parents to attend", "Group behaviour", "No injury"),
        ),
        S(
            "yy",
            "An anonymous account posted rumours about a Year 11 pupil, {hn}; the school "
            "traced it to a former friend, {rf}. Both families agreed to a meeting.",
            "the anonymous account and the rumours",
            "friends lost, and revision for GCSEs hard to face",
            "was hurt when the friendship ended and wanted {hf} to feel the same",
            (
                ("r", "Delete the account and post a correction.", True),
                ("", "Keep to separate friendship groups without comment.", False),
                ("h", "Meet the school counsellor.", True),
            ),
            ("Both under 18: parents to attend", "Exam stress for both"),
        ),
    ),
    CaseType.OFFENDER_MANAGEMENT: (
        S(
            "hr",
            "Probation referral: {rn} is serving a community order for the burglary of "
            "{hn}'s home. {rn} has asked to write to the victim; {hf} has questions to ask.",
            "the burglary and the questions {hf} still has",
            "months of poor sleep and wanting to know if the house was picked at random",
            "says the side gate was open and is sorry for the fear caused",
            (
                ("r", "Answer {hf}'s questions in writing.", True),
                ("r", "Complete the Thinking Skills Programme.", True),
                ("r", "Continue with drug treatment.", False),
            ),
            ("Victim's wishes lead", "Letter exchange first", "Offender compliant with order"),
        ),
        S(
            "hr",
            "{rn}, on licence after a conviction for dangerous driving that injured {hn}, "
            "has asked through probation to apologise.",
            "the crash and the injuries",
            "a year of physiotherapy and not driving again",
            "has thought every day about the crash and wants to say sorry properly",
            (
                ("r", "Write a letter explaining what has changed.", True),
                ("r", "Speak to the road safety group about the consequences.", True),
                ("h", "Decide after the letter whether to meet.", False),
            ),
            (
                "Serious injury to the victim",
                "Licence conditions: no unsupervised contact",
                "Victim Support involved",
            ),
        ),
        S(
            "hr",
            "Street robbery of {hn}'s phone at knifepoint in {area}; {rn} is at the end of "
            "a custodial sentence and probation asks whether the victim wants contact.",
            "the robbery at knifepoint",
            "panic when someone walks close behind, and not going out alone at night",
            "says fear of the people owed money drove it and wants the victim to know it was "
            "not personal",
            (
                ("r", "Answer the victim's questions in a letter.", True),
                ("r", "Complete the victim awareness course on licence.", True),
            ),
            (
                "Weapon used in the offence",
                "Custody: prison visits procedure",
                "Indirect RJ only at first",
            ),
        ),
    ),
    CaseType.COMMUNITY_INITIATIVE: (
        S(
            "hy",
            "The residents' association and young people who use the games area off "
            "{street} asked for a facilitated meeting about noise, litter and a bin set alight on "
            "{incident}. {hn} chairs the association; {rf} speaks for the young people.",
            "the use of the games area in the evenings",
            "noise until late and litter every morning",
            "says there is nowhere else for them to go and the fire was not them",
            (
                ("h", "Ask the council for a later litter pick.", True),
                ("r", "Young people to clear litter after using the games area.", False),
                ("", "Meet again in two months to review.", True),
            ),
            ("Group meeting: ground rules needed", "Young people under 18: parent to attend"),
        ),
        S(
            "bb",
            "Tension between the mosque congregation and residents of {street} over "
            "Friday parking; a resident's letter caused upset. The mosque committee and the "
            "residents' group asked for a restorative circle.",
            "the Friday parking and the letter that caused upset",
            "blocked drives every Friday",
            "says the letter felt like it was aimed at the whole community",
            (
                ("r", "Mosque committee to arrange parking marshals for Friday prayers.", False),
                (
                    "h",
                    "Residents' group to invite the committee to the next residents' meeting.",
                    True,
                ),
                ("", "Share contact numbers so problems are raised directly.", False),
            ),
            ("Community tension: keep the circle small", "Councillor aware"),
        ),
    ),
    CaseType.OTHER: (
        S(
            "hr",
            "Dispute at a community kitchen: volunteer {hn} says the coordinator, {rn}, "
            "shouted at {hf} and humiliated them in front of others on {incident}.",
            "the shouting at the community kitchen",
            "stopping volunteering after three years",
            "was under pressure that day and did not realise how it came across",
            (
                ("r", "Apologise to {hf} in front of the team.", True),
                ("r", "Agree a way to raise problems privately.", True),
                ("h", "Come back for a trial shift.", True),
            ),
            ("No violence", "Both want to keep the kitchen going"),
        ),
        S(
            "hr",
            "Family conflict: {rn} and parent {hn} have not spoken since a row at a "
            "funeral on {incident} when a window was broken. {hf} asked for help to mend things.",
            "the row at the funeral and the broken window",
            "grief made worse by the falling-out",
            "regrets the row and the window but feels blamed for everything",
            (
                ("r", "Pay for the window.", True),
                ("", "Meet for a coffee once a month.", False),
                ("h", "Invite {rf} to the memorial in the spring.", True),
            ),
            ("Family: check for domestic abuse", "Grief", "Window broken: one-off"),
            family=True,
        ),
    ),
}

AGREEMENT_SUMMARIES = (
    "{hf} and {rf} agree the following after meeting at {venue}.",
    "This agreement was reached between {hf} and {rf} to put right the harm caused by {issue}.",
    "Both parties agree to the following to put things right after {issue}.",
    "What {rf} will do to repair the harm, and what {hf} asked for.",
)

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

# -- contact notes ----------------------------------------------------------------------------

NOTES: dict[str, tuple[str, ...]] = {
    "referrer": (
        "Spoke to {referrer} about the referral. Background on {issue} confirmed; no other open "
        "matters known.",
        "Call with {referrer}: both parties were told about RJ at the time. Referrer happy to "
        "share contact details and will tell them to expect a call.",
        "Discussed the referral with {referrer}. Advised on what RJ can and cannot do; asked "
        "for any risk information about {issue}.",
    ),
    "intro_h": (
        "Explained RJ and gave the Victims' Code information. {first} described {impact}. Open "
        "to meeting if it would help.",
        "Introduced RJ to {first} and sent the leaflet by text. {first} spoke about {impact} and "
        "wants {other} to understand that.",
        "First call with {first}. Talked through {issue}; {first} mentioned {impact}. Would like "
        "time to think and to talk it over with family.",
        "Called {first} to explain what a restorative meeting involves. Main concern is {impact}. "
        "Asked for a home visit rather than meeting in town.",
    ),
    "intro_r": (
        "Introduced RJ to {first}. {first} {account}. Willing to hear from {other}.",
        "Phoned {first} about the referral. {first} {account}. Agreed to a home visit.",
        "First conversation with {first} about {issue}. {first} {account}; a bit defensive at "
        "first but calmer by the end of the call.",
    ),
    "no_answer": (
        "Called {first}; no answer. Left a voicemail with my name and number.",
        "Tried {first} twice today, no reply. Sent a text asking for a good time to call.",
        "Number for {first} goes straight to voicemail. Message left.",
    ),
    "letter": (
        "Wrote to {first} with the RJ leaflet and an invitation to call me.",
        "Letter sent to {first} explaining the referral about {issue}, with a freepost reply slip.",
        "Posted a letter to {first} with my direct number and the service's leaflet.",
    ),
    "email_pro": (
        "Email to {pro}: update on progress, asked about availability for a meeting.",
        "Emailed {pro} for any new information about {issue}. Reply: nothing further since the "
        "referral.",
        "Email exchange with {pro} about dates; will attend if it helps.",
    ),
    "visit_h": (
        "Preparation visit. {first} described {impact} and what would help: {other} "
        "understanding the effect of {issue}. Willing to meet.",
        "Home visit to {first}. Went through what a conference looks like and who would be "
        "there. {first} wants {supporter} to come as a supporter.",
        "Visited {first}. Talked about {issue} in detail and what {first} would like to say to "
        "{other}. Consent forms explained and signed.",
        "Preparation meeting at home. {first} worried about seeing {other} face to face; we "
        "talked about ground rules and a separate waiting room.",
    ),
    "visit_r": (
        "Preparation visit to {first}. {first} {account}. Understands that {other} has been "
        "affected; willing to take responsibility.",
        "Home visit to {first}, {supporter} present. Talked about {issue} and what {first} could "
        "offer to put things right.",
        "Visited {first}. {first} {account}. Explained the conference and the agreement; "
        "consent given.",
    ),
    "visit_y": (
        "Home visit to {first} with {supporter} (parent) present. Talked about {issue}; {first} "
        "was quiet at first, then explained. Parent consents and will attend.",
        "Visited {first} and family. Explained RJ in plain terms; {first} asked good questions "
        "about what {other} might say. Parental consent signed.",
        "Preparation meeting at home with {first} and {supporter}. {first} {account}. Agreed "
        "what {first} wants to say and who will sit where.",
    ),
    "prep_meeting": (
        "Preparation meeting with {first} at {venue}, {pro} present. Practised what to say about "
        "{issue}.",
        "Met {first} at {venue} to go over the running order for the conference.",
        "Preparation meeting with {first}: ground rules, breaks, what happens if it gets too much.",
        "Met {first} at {venue}: talked through {issue} and what {first} wants {other} to hear.",
    ),
    "arrange": (
        "Called {first} to confirm the conference date and venue ({venue}).",
        "Text reminder to {first} about the meeting on {next}; confirmed attendance.",
        "Spoke to {first} about travel to {venue}; taxi booked.",
    ),
    "venue": (
        "Booked {venue} for the conference; step-free access checked.",
        "Room at {venue} confirmed by email, with a separate waiting room.",
    ),
    "conference": (
        "Conference at {venue}. {hf} spoke about {impact}. {rf} listened and apologised; "
        "agreement reached on {issue}.",
        "Both parties spoke about the effect of the last months. Apologies given. {hf} asked "
        "why; {rf} {account}. Agreement drafted together.",
        "Conference held. Tense start; one short break. {rf} took responsibility for {issue} "
        "and {hf} accepted the apology. Actions agreed.",
        "Restorative conference. {hf} described {impact}; {rf} was visibly moved. Both want to "
        "move on; agreement written up in the room.",
    ),
    "shuttle_ask": (
        "Shuttle visit to {first}. Not ready to meet {other} face to face; wrote down "
        "{first}'s questions about {issue} to take to {other}.",
        "Indirect work: {first} described {impact} and asked why it happened. Agreed I "
        "would take the questions to {other} and bring back the answers.",
    ),
    "shuttle_answer": (
        "Shuttle visit to {first} with the questions from {other}. {first} {account}. "
        "Letter of apology drafted together.",
        "Passed on {other}'s questions. {first} answered each one and offered to put things right.",
    ),
    "shuttle_hear": (
        "Shuttle: read {other}'s answers and apology to {first}. {first} was relieved and "
        "would accept an agreement in writing.",
        "Took {other}'s letter to {first}. {first} has one more question about {issue} but "
        "is content with the actions proposed.",
    ),
    "sign": (
        "Visit to {first} to read the agreement through and sign it on paper.",
        "Went through each action of the agreement with {first}; signed.",
    ),
    "follow_good": (
        "Follow-up call with {first}: things are much calmer since the agreement. No new "
        "problems with {issue}.",
        "Follow-up: {first} says the agreed actions are being kept. Relieved it is sorted.",
        "Checked in with {first}. Everything on track; {first} thanked the service.",
    ),
    "follow_bad": (
        "Follow-up call: {first} says one action has not been done yet. Reminded {other} of "
        "the agreement.",
        "Follow-up with {first}: a flare-up last weekend about {issue}. Talked it through; "
        "agreed to give it another month.",
    ),
    "declined": (
        "{first} has thought about it and does not want to take part. Respected; explained "
        "the door stays open.",
        "Call with {first}: does not want RJ, wants to put {issue} behind them. Closing letter "
        "to follow.",
        "{first} declined RJ. Would rather the {org} dealt with it.",
    ),
    "withdrawn": (
        "{first} called to withdraw from the process; says it is too much at the moment.",
        "{first} no longer wishes to take part after a new incident about {issue}. Consent "
        "withdrawn.",
        "{first} withdrew consent today; family advised against meeting {other}.",
    ),
    "unsuitable": (
        "Discussed the risk assessment with {referrer}. Case not suitable for RJ at present; "
        "parties to be told by letter.",
        "Manager consulted: RJ not suitable given the risks. Referrer informed.",
    ),
    "no_visit": (
        "Cold call at {first}'s address: no answer. Card left through the door.",
        "Visited the address; a neighbour said {first} may have moved away.",
    ),
    "closing": (
        "Closing letter sent to {first} with thanks and the service's feedback form.",
        "Wrote to {first} to say the case is closed and how to get back in touch.",
    ),
    "safeguarding": (
        "Safeguarding concern raised during the visit; see the safeguarding entry. Passed to "
        "the safeguarding lead the same day.",
        "Disclosure made during the contact; recorded separately and passed on. Case work "
        "paused for a few days.",
    ),
    "interpreter": (
        "Booked a {lang} interpreter for the visit to {first} on {next}.",
        "Interpreting service confirmed a {lang} interpreter; asked for the same one for the "
        "conference.",
    ),
    "revision": (
        "Follow-up with {first}: a due date in the agreement cannot be met. Both parties "
        "agreed to move it; version 2 of the agreement drawn up.",
        "{first} asked for one action to be reworded after the follow-up; {other} agreed. "
        "New version of the agreement to be signed.",
    ),
    "moved_back": (
        "{first} has withdrawn consent before the conference. Conference cancelled; back to "
        "preparation while {first} thinks it over.",
    ),
    "update": (
        "Update call with {first}: nothing new about {issue}; still keen to go ahead.",
        "Short call to {first} to explain the delay and the next step.",
        "{first} phoned with a question about who would be at the meeting. Answered.",
    ),
}

NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "referrer": (
        "Contact the parties.",
        "Call {hf} first (Victims' Code).",
        "Check with the Youth Justice worker before contacting the family.",
    ),
    "intro_h": (
        "Home visit {next}.",
        "Call back {next} after the family talk.",
        "Contact {other}.",
    ),
    "intro_r": ("Home visit {next}.", "Send the leaflet and call back {next}.", "Risk assessment."),
    "no_answer": ("Try again {next}.", "Write if no reply by {next}."),
    "letter": ("Call {next} if no reply.", "Wait for the reply slip."),
    "email_pro": ("Book the venue.", "Confirm the date with the parties."),
    "visit_h": ("Visit {other}.", "Book the community centre.", "Confirm the date by {next}."),
    "visit_r": ("Book the venue.", "Confirm the date with {other}.", "Risk review."),
    "visit_y": ("Meet the Youth Justice worker.", "Book the venue.", "Visit {other}."),
    "prep_meeting": ("Conference {next}.", "Send the ground rules in writing."),
    "arrange": ("Conference {next}.", "Reminder call the day before."),
    "venue": ("Tell the parties the date.",),
    "conference": (
        "Follow-up call in three weeks.",
        "Type up and post the agreement.",
        "Follow-up on {next}.",
    ),
    "shuttle_ask": ("Take the questions to {other}.", "Visit {other} {next}."),
    "shuttle_answer": ("Take the letter to {other}.", "Visit {other} {next}."),
    "shuttle_hear": ("Draft the agreement.", "Take the draft agreement to both."),
    "interpreter": ("Confirm the booking the day before.",),
    "revision": ("Both to sign version 2 {next}.", "Post version 2 to both parties."),
    "sign": ("Follow-up on {next}.",),
    "follow_good": ("Final check {next}.", "Close if still fine at the review."),
    "follow_bad": ("Call {other}.", "Review {next}."),
    "declined": ("Closing letter.", "Tell the referrer."),
    "withdrawn": ("Tell the other party.", "Close unless {first} changes their mind."),
    "unsuitable": ("Close the case.",),
    "no_visit": ("Final letter.", "Close if no contact by {next}."),
    "closing": ("",),
    "safeguarding": ("Check with the safeguarding lead {next}.",),
    "moved_back": ("Call {first} again {next}.", "Tell {other} gently."),
    "update": ("Next contact {next}.", ""),
}

CLOSURE_NOTES = {
    "completed": "All actions checked; case closed as completed.",
    "declined": "A party declined RJ.",
    "unsuitable": "Not suitable for RJ after risk assessment.",
    "withdrawn": "Consent withdrawn by a party.",
    "no_contact": "No contact could be made with the parties.",
}

CHECK_NOTES = {
    "done": (
        "Confirmed by {hf} at follow-up.",
        "Seen done on the follow-up visit.",
        "Both parties confirm.",
    ),
    "not_done": (
        "Not done by the due date; {rf} says it will be done.",
        "Not done; discussed at follow-up.",
    ),
}

# Who a party would rather left it to, by referral source (for notes of a refusal).
DEALS_WITH = {"police": "police", "housing_provider": "housing provider", "school": "school",
              "probation": "probation service", "youth_justice": "Youth Justice Service",
              "victim_services": "police"}  # fmt: skip

# Spelled out rather than strftime's %a and %B, which follow the machine's locale.
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def day_words(day: date) -> str:
    """``Tue 21 Oct``: how a facilitator writes a date in a next step."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1][:3]}"


def date_words(day: date) -> str:
    """``28 September``: how a referral names the day of an incident."""
    return f"{day.day} {MONTHS[day.month - 1]}"


# -- the caseload -----------------------------------------------------------------------------

Outcome = Stage | ClosureReason
C, R = ClosureReason, ReferralSource


@dataclass(frozen=True)
class Shape:
    """How often a case ends up at an outcome, how old such cases are, how long closed ones
    took (days), and how many everyday contacts (updates, texts, no answers) come on top of
    the ones the process itself needs."""

    weight: int
    age: tuple[int, int]
    duration: tuple[int, int]
    extras: tuple[int, int]
    reach: int  # the furthest phase reached: 0 referral ... 5 follow-up


# The weights make a real caseload: many open cases in assessment and preparation, fewer
# further on, a good share closed.
OUTCOMES: dict[Outcome, Shape] = {
    Stage.REFERRAL: Shape(4, (1, 8), (0, 0), (0, 0), 0),
    Stage.ASSESSMENT: Shape(14, (4, 45), (0, 0), (0, 2), 1),
    Stage.PREPARATION: Shape(16, (20, 110), (0, 0), (1, 3), 2),
    Stage.INTERVENTION: Shape(6, (35, 130), (0, 0), (1, 4), 3),
    Stage.AGREEMENT: Shape(5, (45, 160), (0, 0), (2, 5), 4),
    Stage.FOLLOW_UP: Shape(9, (60, 220), (0, 0), (2, 5), 5),
    C.COMPLETED: Shape(24, (100, 730), (70, 200), (2, 6), 5),
    C.DECLINED: Shape(7, (25, 730), (10, 45), (0, 2), 2),
    C.UNSUITABLE: Shape(4, (25, 730), (15, 60), (0, 2), 1),
    C.WITHDRAWN: Shape(6, (40, 730), (30, 120), (1, 3), 3),
    C.NO_CONTACT: Shape(5, (30, 730), (20, 50), (0, 1), 1),
}

# The first cases of every run cover every case type, stage, closure reason, referral source
# and channel (and the three kinds of safeguarding concern), so even a small demo shows them all.
COVERAGE: tuple[tuple[CaseType, ReferralSource, Channel, Outcome, str], ...] = (
    (CaseType.NEIGHBOUR_DISPUTE, R.HOUSING_PROVIDER, Channel.PHONE, C.COMPLETED, "domestic_abuse"),
    (CaseType.HATE_CRIME, R.POLICE, Channel.ONLINE, Stage.PREPARATION, ""),
    (CaseType.SCHOOL_INCIDENT, R.SCHOOL, Channel.EMAIL, Stage.FOLLOW_UP, "child"),
    (CaseType.ANTI_SOCIAL_BEHAVIOUR, R.LOCAL_AUTHORITY, Channel.EMAIL, Stage.ASSESSMENT, ""),
    (CaseType.CRIME, R.YOUTH_JUSTICE, Channel.EMAIL, Stage.AGREEMENT, ""),
    (CaseType.OFFENDER_MANAGEMENT, R.PROBATION, Channel.LETTER, Stage.INTERVENTION, "adult"),
    (CaseType.NOISE_NUISANCE, R.SELF, Channel.IN_PERSON, C.DECLINED, ""),
    (CaseType.BULLYING, R.SCHOOL, Channel.PHONE, C.WITHDRAWN, ""),
    (CaseType.CRIME, R.VICTIM_SERVICES, Channel.PHONE, C.UNSUITABLE, ""),
    (CaseType.COMMUNITY_INITIATIVE, R.OTHER, Channel.IN_PERSON, Stage.REFERRAL, ""),
    (CaseType.OTHER, R.SELF, Channel.PHONE, C.NO_CONTACT, ""),
)
CASE_TYPES = dict(zip(CaseType, (20, 13, 17, 8, 9, 9, 8, 7, 3, 6), strict=True))
SOURCES: dict[CaseType, dict[ReferralSource, int]] = {
    CaseType.NEIGHBOUR_DISPUTE: {R.HOUSING_PROVIDER: 5, R.POLICE: 2, R.SELF: 2},
    CaseType.ANTI_SOCIAL_BEHAVIOUR: {R.POLICE: 4, R.HOUSING_PROVIDER: 3, R.LOCAL_AUTHORITY: 3},
    CaseType.CRIME: {R.POLICE: 6, R.YOUTH_JUSTICE: 2, R.VICTIM_SERVICES: 2, R.SELF: 1},
    CaseType.HATE_CRIME: {R.POLICE: 6, R.VICTIM_SERVICES: 2, R.YOUTH_JUSTICE: 1, R.OTHER: 1},
    CaseType.NOISE_NUISANCE: {R.LOCAL_AUTHORITY: 4, R.HOUSING_PROVIDER: 3, R.SELF: 2},
    CaseType.SCHOOL_INCIDENT: {R.SCHOOL: 8, R.YOUTH_JUSTICE: 1},
    CaseType.BULLYING: {R.SCHOOL: 6, R.SELF: 2, R.OTHER: 1},
    CaseType.OFFENDER_MANAGEMENT: {R.PROBATION: 7, R.VICTIM_SERVICES: 2, R.YOUTH_JUSTICE: 1},
    CaseType.COMMUNITY_INITIATIVE: {R.LOCAL_AUTHORITY: 3, R.OTHER: 4, R.POLICE: 1},
    CaseType.OTHER: {R.SELF: 3, R.OTHER: 3, R.LOCAL_AUTHORITY: 1},
}
CHANNELS = {Channel.PHONE: 4, Channel.EMAIL: 4, Channel.ONLINE: 2, Channel.IN_PERSON: 1,
            Channel.LETTER: 1}  # fmt: skip
# Which professionals join a case referred by this source (see PROFESSIONALS).
SOURCE_PROFESSIONALS = {R.POLICE: "police", R.HOUSING_PROVIDER: "housing",
                        R.PROBATION: "probation", R.VICTIM_SERVICES: "victim",
                        R.YOUTH_JUSTICE: "youth", R.SCHOOL: "school"}  # fmt: skip


@cache
def signature_png(seed: int) -> bytes:
    """A small grey-scale PNG of a pen stroke: what a signature pad captures."""
    width, height = 120, 36
    rows = [bytearray(b"\xff" * width) for _ in range(height)]
    for x in range(6, width - 6):
        y = int(height / 2 + 10 * ((x * (seed + 3)) % 17 - 8) / 8 * ((x % 23) / 23))
        rows[max(0, min(height - 1, y))][x] = 0

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    image = zlib.compress(b"".join(b"\x00" + bytes(row) for row in rows))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    ihdr, idat, iend = chunk(b"IHDR", header), chunk(b"IDAT", image), chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat + iend


# -- made-up identities -----------------------------------------------------------------------

T = TypeVar("T")


@dataclass(frozen=True)
class Made:
    """A made-up person: the details a referral gives, and what the notes need."""

    details: PersonDetails
    first: str
    community: Community
    female: bool

    @property
    def surname(self) -> str:
        return self.details.name.split(" ", 1)[1]


class Identities:
    """Names, dates of birth, phone numbers and addresses from one random stream, and the
    people already used, so that some come back in later cases ("revolving door")."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.known: dict[bool, list[PersonDetails]] = {False: [], True: []}

    def pick(self, weights: dict[T, int]) -> T:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def phone(self) -> str:
        """A mobile number in Ofcom's drama range, typed with or without the space."""
        number = f"07700 900{self.rng.randint(0, 999):03d}"
        return number if self.rng.random() < 0.8 else number.replace(" ", "")

    def office_phone(self) -> str:
        return f"0121 496 0{self.rng.randint(0, 999):03d}"

    def address(self, street: str, district: str, number: int | None = None) -> str:
        rng = self.rng
        inward = f"{rng.randint(1, 9)}{''.join(rng.choices(POSTCODE_LETTERS, k=2))}"
        if number is None and rng.random() < 0.2:
            flat = f"Flat {rng.randint(1, 40)}, {rng.choice(FLAT_BLOCKS)}"
            return f"{flat}, {street}, Birmingham {district} {inward}"
        return f"{number or rng.randint(1, 220)} {street}, Birmingham {district} {inward}"

    def person(
        self,
        on: date,
        *,
        years: tuple[int, int] = (19, 78),
        young: bool = False,
        like: Made | None = None,
        community: Community | None = None,
        female: bool | None = None,
        address: str | None = None,
    ) -> Made:
        """Someone aged ``years`` on ``on``; ``like`` makes them family of that person."""
        rng = self.rng
        community = like.community if like else community
        community = community or self.pick({c: c.weight for c in COMMUNITIES})
        female = rng.random() < 0.5 if female is None else female
        names = community.female if female else community.male
        # Family members never share a first name with the person they are family of.
        first = rng.choice([name for name in names if not like or name != like.first])
        surname = like.surname if like else rng.choice(community.surnames)
        male_form, _, female_form = surname.partition("|")
        surname = (female_form or male_form) if female else male_form
        age = rng.randint(*years)
        language = "en"
        if not young and rng.random() < community.home_language:
            language = community.language
        email = None
        if not young and rng.random() < 0.3:
            handle = "".join(ch for ch in fold(f"{first}.{surname}") if ch.isalnum() or ch == ".")
            email = f"{handle}{rng.randint(1, 99)}@example.org"
        details = PersonDetails(
            name=f"{first} {surname}",
            date_of_birth=on - timedelta(age * 365 + rng.randint(1, 360))
            if young or rng.random() < 0.85
            else None,
            phone=self.phone() if not young or rng.random() < 0.7 else None,
            email=email,
            address=address,
            language=language,
            interpreter=language != "en" and rng.random() < community.interpreter,
            access_needs=rng.choice(ACCESS_NEEDS) if rng.random() < 0.12 else "",
        )
        return Made(details, first, community, female)

    def returning(self, made: Made, young: bool) -> Made:
        """Someone from an earlier case, typed in again: the same name with the same date of
        birth or phone, so that the "seen before" check matches them."""
        if not self.known[young]:
            return made
        known = self.rng.choice(self.known[young])
        keep_phone = known.date_of_birth is None or self.rng.random() < 0.5
        moved = self.rng.random() < 0.5
        details = replace(
            made.details,
            name=known.name,
            date_of_birth=known.date_of_birth,
            phone=known.phone if keep_phone and known.phone else made.details.phone,
            address=made.details.address if moved else known.address,
        )
        return replace(made, details=details, first=known.name.split(" ", 1)[0])


# -- the plan of a caseload and the story of each case ----------------------------------------


@dataclass
class Plan:
    """Where one case will end up, and when it came in."""

    case_type: CaseType
    outcome: Outcome
    received_on: date
    end: date  # the day of the last piece of work (the closing day for closed cases)
    source: ReferralSource | None = None
    channel: Channel | None = None
    safeguarding: str = ""  # "", "any" or a SafeguardingKind value
    repeat: bool = False  # a person from an earlier case comes back


def plan_caseload(ids: Identities, last_day: date, count: int) -> list[Plan]:
    """``count`` cases shaped like a real caseload (see OUTCOMES), oldest referral first."""
    rng, pick, plans = ids.rng, ids.pick, []
    outcomes = {outcome: shape.weight for outcome, shape in OUTCOMES.items()}
    for index in range(count):
        if index < len(COVERAGE):
            case_type, source, channel, outcome, safeguarding = COVERAGE[index]
        else:
            case_type, outcome = pick(CASE_TYPES), pick(outcomes)
            source, channel = None, None
            safeguarding = "any" if rng.random() < 0.07 else ""
        shape = OUTCOMES[outcome]
        received = last_day - timedelta(rng.randint(*shape.age))
        if isinstance(outcome, ClosureReason):
            end = min(received + timedelta(rng.randint(*shape.duration)), last_day)
        else:  # open cases were worked on recently
            end = last_day - timedelta(rng.randint(0, min(7, (last_day - received).days // 3)))
        plans.append(Plan(case_type, outcome, received, end, source, channel, safeguarding))
    # Cases are entered in the order the referrals came in, so people seen in earlier cases
    # can come back in later ones ("revolving door").
    plans.sort(key=lambda plan: plan.received_on)
    for index, plan in enumerate(plans):
        plan.repeat = index >= 5 and (rng.random() < 0.05 or index == count * 2 // 3)
    return plans


@dataclass(eq=False)
class Cast:
    """Someone in a case as the generator sees them, and later their participant row."""

    made: Made
    role: Role
    young: bool = False
    supports: Cast | None = None
    relationship: str | None = None
    organisation: str | None = None
    title: str = ""
    rj_info: date | None = None
    supporters: list[Cast] = field(default_factory=list)
    interpreter: Cast | None = None
    row: Participant | None = None

    @property
    def p(self) -> Participant:
        assert self.row is not None, "added to the case first"
        return self.row

    @property
    def first(self) -> str:
        return self.made.first

    @property
    def parent(self) -> Cast | None:
        return next((s for s in self.supporters if s.relationship in PARENT_OR_CARER), None)

    def company(self) -> list[Participant]:
        """The person with whoever comes with them: supporters and interpreter."""
        extra = [self.interpreter] if self.interpreter else []
        return [self.p, *(s.p for s in [*self.supporters, *extra])]


_SCHOOL_TYPES = (CaseType.SCHOOL_INCIDENT, CaseType.BULLYING)


def _age(born: date | None, on: date) -> int:
    return (on - born).days // 365 if born else 15


class Story:
    """Who is in one case and where it happened, and the fields its templates use."""

    def __init__(self, ids: Identities, plan: Plan) -> None:
        self.ids, self.rng, self.plan = ids, ids.rng, plan
        self.scenario = self.rng.choice(SCENARIOS[plan.case_type])
        self.parties: list[Cast] = []
        self.pros: list[Cast] = []
        area, district, streets = self.rng.choice(AREAS)
        self.ctx: dict[str, Any] = {"area": area, "street": self.rng.choice(streets)}
        self._cast(district)
        self._fields()
        plan.source = plan.source or ids.pick(SOURCES[plan.case_type])
        self._professionals()

    def side(self, harmed: bool) -> Cast:
        """The first harmed (or responsible) party; in two-household cases the first (or
        second) household, whose words the scenario gives as harmed (or responsible)."""
        if self.parties[0].role == Role.BOTH:
            return self.parties[0] if harmed else self.parties[1]
        return next(c for c in self.parties if c.role.is_harmed == harmed)

    def everyone(self) -> list[Cast]:
        """In the order they are added: parties, supporters, professionals, interpreters."""
        supporters = [s for party in self.parties for s in party.supporters]
        interpreters = [party.interpreter for party in self.parties if party.interpreter]
        return [*self.parties, *supporters, *self.pros, *interpreters]

    def _cast(self, district: str) -> None:
        ids, rng, on, scenario = self.ids, self.rng, self.plan.received_on, self.scenario
        pattern, number = scenario.pattern, rng.randint(1, 200)
        homes = [ids.address(self.ctx["street"], district, number)]
        both = pattern in ("bb", "yb")
        if both:  # neighbours: next door, same postcode
            homes.append(homes[0].replace(f"{number} ", f"{number + 2} ", 1))
        else:
            _, elsewhere, streets = rng.choice(AREAS)
            homes.append(ids.address(rng.choice(streets), elsewhere))
        roles = (Role.BOTH, Role.BOTH) if both else (Role.HARMED, Role.RESPONSIBLE)
        youth = (pattern in ("yy", "yb"), pattern in ("hy", "yy", "yb"))
        for index, (home, role, young) in enumerate(zip(homes, roles, youth, strict=True)):
            family = self.parties[0].made if scenario.family and index else None
            years = ((50, 82), (19, 45))[index] if scenario.family else (19, 78)
            if young:  # secondary school age for school cases
                years = (12, 16) if self.plan.case_type in _SCHOOL_TYPES else (11, 17)
            made = ids.person(on, years=years, young=young, like=family, address=home)
            if self.plan.repeat and index == 1:
                made = ids.returning(made, young)
            party = Cast(made, role, young)
            self.parties.append(party)
            self._supporter(party)
            if made.details.interpreter:
                self._interpreter(party)
        if pattern == "hr" and rng.random() < 0.1:  # a partner harmed too
            harmed = self.parties[0].made
            partner = ids.person(on, like=harmed, address=harmed.details.address)
            self.parties.insert(1, Cast(partner, Role.HARMED))

    def _supporter(self, party: Cast) -> None:
        """A parent or carer for everyone under 18; a partner, relative or friend for some."""
        rng, on = self.rng, self.plan.received_on
        if party.young:
            relationship = rng.choice(PARENT_RELATIONSHIPS)
            age = _age(party.made.details.date_of_birth, on)
            years = (age + 20, age + 42)
        elif rng.random() < 0.3:
            relationship, years = rng.choice(SUPPORTER_RELATIONSHIPS), (19, 78)
        else:
            return
        female = RELATIONSHIP_FEMALE.get(relationship)
        kin = party.made if relationship != "friend" else None
        home = kin.details.address if kin else None
        made = self.ids.person(on, years=years, like=kin, female=female, address=home)
        party.supporters.append(
            Cast(made, Role.SUPPORTER, supports=party, relationship=relationship)
        )

    def _interpreter(self, party: Cast) -> None:
        """Someone who speaks the party's language, from an interpreting service."""
        language = party.made.details.language
        community = next(c for c in COMMUNITIES if c.language == language)
        made = self.ids.person(self.plan.received_on, community=community)
        phone = self.ids.office_phone()
        details = PersonDetails(made.details.name, phone=phone, language=language)
        made, service = replace(made, details=details), self.rng.choice(INTERPRETING)
        party.interpreter = Cast(made, Role.INTERPRETER, organisation=service)

    def _fields(self) -> None:
        rng, ctx, on = self.rng, self.ctx, self.plan.received_on
        ctx["amount"] = rng.choice((18, 35, 62))
        for key, choices in PLACES.items():
            ctx[key] = rng.choice(choices).format(**ctx)
        if any(party.young for party in self.parties) and rng.random() < 0.6:
            school = self.plan.case_type in _SCHOOL_TYPES
            ctx["venue"] = (SCHOOL_VENUE if school else YOUTH_VENUE).format(**ctx)
        harmed, responsible = self.side(True), self.side(False)
        born = responsible.made.details.date_of_birth
        ctx.update(hn=harmed.made.details.name, hf=harmed.first, age=_age(born, on) or "")
        ctx.update(rn=responsible.made.details.name, rf=responsible.first)
        incident = on - timedelta(rng.randint(1, 30))
        if self.plan.case_type == CaseType.OFFENDER_MANAGEMENT:
            incident -= timedelta(rng.randint(90, 500))
        ctx.update(incident=date_words(incident), incident_day=incident)
        for key in ("issue", "impact", "account"):
            ctx[key] = getattr(self.scenario, key).format(**ctx)

    def _professionals(self) -> None:
        """Youth Justice or school staff for young people; a PCSO, housing officer, probation
        officer or Victim Support worker for some cases referred by them."""
        kinds, source = [], self.plan.source
        if any(party.young for party in self.parties):
            school = self.plan.case_type in _SCHOOL_TYPES
            kinds.append("school" if school else "youth")
        if source in SOURCE_PROFESSIONALS and self.rng.random() < 0.5:
            kinds.append(SOURCE_PROFESSIONALS[source])
        for kind in dict.fromkeys(kinds):
            organisation, title = self.rng.choice(PROFESSIONALS[kind])
            made = self.ids.person(self.plan.received_on)
            name = f"{title} {made.details.name}" if title in ("PC", "PCSO") else made.details.name
            details = PersonDetails(name, phone=self.ids.office_phone())
            made, organisation = replace(made, details=details), organisation.format(**self.ctx)
            self.pros.append(Cast(made, Role.PROFESSIONAL, title=title, organisation=organisation))
