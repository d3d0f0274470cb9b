"""The People tab: who takes part, in what role, and their details."""
