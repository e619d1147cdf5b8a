"""seatplan: formal seating plans with protocol-correct seat order.

Assign attendees to numbered seats by rank and protocol (主席台, 台下, banquets),
lay out the room, draw the diagram and print name cards and seat lists.

Examples
--------
>>> import seatplan
>>> meeting = seatplan.load_meeting("examples/county/plan.toml")   # doctest: +SKIP
>>> problem = seatplan.build_problem(meeting)                     # doctest: +SKIP
>>> result = seatplan.solve(problem)                              # doctest: +SKIP
>>> seatplan.write_outputs(meeting, problem, result, "out")       # doctest: +SKIP

Importing seatplan does not import matplotlib, fpdf2 or OR-Tools; they load when
a function that needs them runs.
"""

from seatplan import protocol
from seatplan.check import Violation, ViolationKind, check_plan
from seatplan.errors import (
    AttendeeFileError,
    Conflict,
    GeometryError,
    InfeasiblePlanError,
    Location,
    PlanFileError,
    SeatplanError,
    SolverError,
    UnknownIdError,
    ValidationError,
)
from seatplan.io.attendee_table import read_attendees, write_attendees_csv
from seatplan.io.plan_file import load_meeting, meeting_from_dict
from seatplan.model import (
    Attendee,
    BalconySpec,
    CardSpec,
    Convention,
    DaisSpec,
    Door,
    EvenMode,
    FillMethod,
    FloorHand,
    FloorSpec,
    Layout,
    Lectern,
    ListOrder,
    Meeting,
    Numbering,
    Plan,
    Presider,
    ReservedBlock,
    Result,
    Seat,
    SeatingProblem,
    Side,
    SolveStatus,
    StripOrder,
    Venue,
    View,
    Zone,
)
from seatplan.pipeline import Outputs, build_problem, run_plan_file, write_outputs
from seatplan.solve import solve

__version__ = "0.1.0"

__all__ = [
    "Attendee",
    "BalconySpec",
    "FloorHand",
    "Lectern",
    "ListOrder",
    "Presider",
    "ReservedBlock",
    "StripOrder",
    "AttendeeFileError",
    "CardSpec",
    "Conflict",
    "Convention",
    "DaisSpec",
    "Door",
    "EvenMode",
    "FillMethod",
    "FloorSpec",
    "GeometryError",
    "InfeasiblePlanError",
    "Layout",
    "Location",
    "Meeting",
    "Numbering",
    "Outputs",
    "Plan",
    "PlanFileError",
    "Result",
    "SeatingProblem",
    "Seat",
    "SeatplanError",
    "Side",
    "SolveStatus",
    "SolverError",
    "UnknownIdError",
    "ValidationError",
    "Venue",
    "View",
    "Violation",
    "ViolationKind",
    "Zone",
    "build_problem",
    "check_plan",
    "protocol",
    "load_meeting",
    "meeting_from_dict",
    "read_attendees",
    "run_plan_file",
    "solve",
    "write_attendees_csv",
    "write_outputs",
]
