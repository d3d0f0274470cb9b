"""The Agreement tab: drafting, signing and following up the outcome agreement."""
