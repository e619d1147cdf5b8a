"""Assignment of attendees to seats (the only package that may use OR-Tools)."""

from seatplan.solve.merge import solve

__all__ = ["solve"]
