"""Demo scenarios of living side by side: neighbour disputes, anti-social behaviour, noise
nuisance, community initiatives and others (template keys: see ``scenario``)."""

from __future__ import annotations

from rjdesk.demo.scenario import Scenario
from rjdesk_protocol.enums import CaseType

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
