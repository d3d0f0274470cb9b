"""Demo scenarios of harm done by one person to another: crime, hate crime, offender
management, school incidents and bullying (template keys: see ``scenario``)."""

from __future__ import annotations

from rjdesk.demo.scenario import Scenario
from rjdesk_protocol.enums import CaseType

S = Scenario
SCENARIOS: dict[CaseType, tuple[Scenario, ...]] = {
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
}
