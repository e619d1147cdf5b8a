"""Assignment of attendees to seats (the only package that may use OR-Tools).

:func:`solve` decomposes a problem: strict zones are merged exactly
(:mod:`~seatplan.solve.merge`), non-strict zones follow the protocol fill bent
by a compressed CP-SAT model over the people with requests
(:mod:`~seatplan.solve.flow`), obvious conflicts are named before any search
(:mod:`~seatplan.solve.explain`).
"""

from seatplan.solve.engine import objective_of, solve

__all__ = ["objective_of", "solve"]
