"""The Overview tab: the case, its stage and what comes next."""
