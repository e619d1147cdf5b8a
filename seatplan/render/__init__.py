"""Seating diagrams (PNG/SVG) drawn with matplotlib.

Importing this package does not import matplotlib; the drawing functions import
it when they are called.
"""

from seatplan.render.diagram import draw_plan, save_plan_images

__all__ = ["draw_plan", "save_plan_images"]
