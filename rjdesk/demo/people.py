"""People for the demo: the communities of Birmingham (names, languages), their needs and
relationships, and the professionals and interpreters who join cases.

Everything is made up: names are common in these communities, and no one is a real person.
"""

from __future__ import annotations

from dataclasses import dataclass


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
