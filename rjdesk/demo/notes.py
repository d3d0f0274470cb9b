"""What facilitators write in the demo: contact notes and next steps by situation, agreement
summaries, closing and action-check notes, and dates in words (template keys: see
``scenario``)."""

from __future__ import annotations

from datetime import date

AGREEMENT_SUMMARIES = (
    "{hf} and {rf} agree the following after meeting at {venue}.",
    "This agreement was reached between {hf} and {rf} to put right the harm caused by {issue}.",
    "Both parties agree to the following to put things right after {issue}.",
    "What {rf} will do to repair the harm, and what {hf} asked for.",
)

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
