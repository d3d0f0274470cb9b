"""Printed documents (reportlab): the outcome agreement and the case summary.

Data in, bytes out: the services fill the plain dataclasses of ``model`` and get PDF bytes back,
built in memory (no temporary file) in reportlab's invariant mode, so the same data always gives
the same bytes. Nothing here reads the vault or imports Qt.
"""
