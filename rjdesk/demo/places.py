"""Places for the demo: areas of Birmingham with real street names, and the blocks, shops,
pubs, schools and venues a case may name. House numbers and postcodes are invented (but well
formed, so that "seen before" matching on postcodes works).
"""

from __future__ import annotations

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
