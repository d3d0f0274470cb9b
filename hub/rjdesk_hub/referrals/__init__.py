"""Referrals that reach the hub without a laptop (issue 15): the public form, partners' forms
and phone referrals typed into the console, kept sealed until a coordinator triages them."""
