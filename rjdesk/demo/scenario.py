"""What a demo scenario holds (the scenarios themselves are in ``scenarios_*``).

Templates are ``str.format`` strings. Case-level keys: ``hn``/``rn`` (harmed and responsible
full names), ``hf``/``rf`` (first names), ``street``, ``area``, ``flatblock``, ``shop``,
``pub``, ``school``, ``incident`` (e.g. "28 September"), ``age``, ``amount``, ``issue``,
``impact``, ``account``, ``venue``. Contact notes (``notes``) add ``first`` (the person
contacted), ``other`` (the other party), ``next`` (the next planned date), ``supporter``,
``pro``, ``referrer``, ``org`` and ``lang``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    """One kind of referral: what happened, how it is told, what may be agreed.

    ``pattern``: "hr" harmed and responsible adults, "bb" two households both harmed and
    responsible, "hy" harmed adult and a responsible young person, "yy" a young harmed person
    and a young responsible person, "yb" two young people both harmed and responsible.
    ``actions``: (owner, text, dated) with owner "h" harmed, "r" responsible, "p" the
    responsible person's parent, "" nobody in particular; dated False means ongoing.
    """

    pattern: str
    summary: str
    issue: str
    impact: str
    account: str
    actions: tuple[tuple[str, str, bool], ...]
    factors: tuple[str, ...]
    noise: bool = False
    family: bool = False  # the parties are related (same surname)
