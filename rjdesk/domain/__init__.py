"""The case domain: models, enums and the rules of the RJ process. Plain Python, no I/O."""
