"""Demo data: a vault filled with realistic synthetic cases, made through the real services.

Every case is worked the way a facilitator works one (``casework``), so the services check
every rule and audit every write. The plan of the caseload (``planning``), the people and story
of each case (``identities``, ``story``) and the words (``people``, ``places``, ``referrals``,
``scenarios_*``, ``risk``, ``notes``) come from one seeded random stream: the same seed and
vault clock give the same cases.

Everything is made up. Names are common in the communities of Birmingham; street names are real
but house numbers and postcodes are invented; phone numbers are in Ofcom's drama ranges (07700
900xxx, 0121 496 0xxx); email addresses use the reserved example.org domain.
"""

from rjdesk.demo.fill import fill_demo

__all__ = ["fill_demo"]
