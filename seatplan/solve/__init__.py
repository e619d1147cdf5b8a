"""Assignment of attendees to seats (the only package that may use OR-Tools).

:func:`solve` decomposes a problem: strict zones are merged exactly
(:mod:`~seatplan.solve.merge`), non-strict zones follow the protocol fill bent
by a compressed CP-SAT model over the people with requests
(:mod:`~seatplan.solve.flow`), obvious conflicts are named before any search
(:mod:`~seatplan.solve.explain`). Banquet tables can be filled by affinity
(:mod:`~seatplan.solve.affinity`, :mod:`~seatplan.solve.table_assign`). Every
CP-SAT solver is made in :mod:`~seatplan.solve.cpsat`;
:func:`log_search_progress` sends their search logs to the ``seatplan.solve.cpsat``
logger (the command line's ``-v``).
"""

from seatplan.solve.cpsat import log_search_progress
from seatplan.solve.engine import objective_of, solve

__all__ = ["log_search_progress", "objective_of", "solve"]
