"""The funders' returns (issue 16; DESIGN §11): per-case facts kept at the hub, return
definitions, the figures they give with small numbers suppressed, and their outputs."""
