"""The Outcomes tab: the facts the funders' returns need, feedback and equality monitoring."""
