"""The room: outline, doors, stage and obstacles, in metres (plan frame)."""

from __future__ import annotations

from dataclasses import dataclass

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import ShapeKind

Point = tuple[float, float]


@dataclass(frozen=True)
class Door:
    """A door in a wall.

    Parameters
    ----------
    x, y
        Centre of the door opening, plan frame, metres.
    width
        Clear width in metres.
    main
        True for the main entrance (正门), which defines 面门/以远为上.
    name
        Label drawn on the diagram.
    """

    x: float
    y: float
    width: float = 1.8
    main: bool = False
    name: str = ""

    def __post_init__(self) -> None:
        if self.width <= 0:
            raise ValidationError(f"door width {self.width} m must be positive", location=Location(field="width"))


@dataclass(frozen=True)
class Shape:
    """An outline to draw (room, stage, table, door, obstacle), as plain coordinates."""

    kind: ShapeKind
    points: tuple[Point, ...]
    label: str = ""


@dataclass(frozen=True)
class Venue:
    """A room.

    Parameters
    ----------
    outline
        Polygon of the room's inner walls, counter-clockwise, metres, plan frame
        (x to the right, y towards the front / stage).
    doors
        Doors; exactly one should be ``main``.
    stage_depth
        Depth of the stage along the front wall (0 = no stage).
    obstacles
        Pillars and other no-go areas, as polygons.
    name
        Room name shown on the diagram.
    """

    outline: tuple[Point, ...]
    doors: tuple[Door, ...] = ()
    stage_depth: float = 0.0
    obstacles: tuple[tuple[Point, ...], ...] = ()
    name: str = ""

    def __post_init__(self) -> None:
        if len(self.outline) < 3:
            raise ValidationError(
                f"the room outline has {len(self.outline)} points; a polygon needs at least 3",
                location=Location(field="venue.outline"),
            )
        if self.stage_depth < 0:
            raise ValidationError(
                f"stage depth {self.stage_depth} m is negative", location=Location(field="venue.stage_depth")
            )

    @classmethod
    def rectangle(cls, width: float, depth: float, **kwargs: object) -> Venue:
        """Make a rectangular room ``width`` × ``depth`` metres with its corner at the origin."""
        if width <= 0 or depth <= 0:
            raise ValidationError(
                f"room size {width} × {depth} m must be positive", location=Location(field="venue.width/depth")
            )
        outline = ((0.0, 0.0), (float(width), 0.0), (float(width), float(depth)), (0.0, float(depth)))
        return cls(outline=outline, **kwargs)  # type: ignore[arg-type]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` of the outline."""
        xs = [p[0] for p in self.outline]
        ys = [p[1] for p in self.outline]
        return (min(xs), min(ys), max(xs), max(ys))

    @property
    def main_door(self) -> Door | None:
        """The main entrance, or the first door, or ``None``."""
        for door in self.doors:
            if door.main:
                return door
        return self.doors[0] if self.doors else None
