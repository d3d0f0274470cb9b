"""The Contacts tab: contemporaneous notes of each contact and their addenda."""
