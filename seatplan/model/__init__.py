"""Pure data of seatplan: stdlib dataclasses, validated where they are made."""

from seatplan.model.attendees import Attendee, ListLanguage
from seatplan.model.banquet import BanquetSpec
from seatplan.model.enums import (
    Convention,
    DeskSeating,
    EvenMode,
    FillMethod,
    Numbering,
    OccasionKind,
    ShapeKind,
    Side,
    SolveStatus,
    View,
)
from seatplan.model.meeting import (
    FORMAT_VERSION,
    BalconySpec,
    CardSpec,
    DaisSpec,
    FloorHand,
    FloorSpec,
    Lectern,
    ListOrder,
    Meeting,
    Presider,
    ReservedBlock,
    StripOrder,
)
from seatplan.model.outputs import OutputSpec, Paper
from seatplan.model.plan import Plan, Result
from seatplan.model.problem import Layout, SeatingProblem, Zone
from seatplan.model.requests import RulesSpec
from seatplan.model.rooms import MeetingRoomSpec, PhotoSpec, ReceptionSpec, SigningSpec, TalksSpec
from seatplan.model.seats import FACING_BACK, FACING_FRONT, Seat
from seatplan.model.venue import Door, Shape, Venue

__all__ = [
    "Attendee",
    "ListLanguage",
    "BalconySpec",
    "BanquetSpec",
    "MeetingRoomSpec",
    "PhotoSpec",
    "ReceptionSpec",
    "OutputSpec",
    "Paper",
    "RulesSpec",
    "SigningSpec",
    "TalksSpec",
    "FloorHand",
    "Lectern",
    "ListOrder",
    "Presider",
    "ReservedBlock",
    "StripOrder",
    "CardSpec",
    "Convention",
    "DeskSeating",
    "DaisSpec",
    "Door",
    "EvenMode",
    "FACING_BACK",
    "FACING_FRONT",
    "FORMAT_VERSION",
    "FillMethod",
    "FloorSpec",
    "Layout",
    "Meeting",
    "Numbering",
    "OccasionKind",
    "Plan",
    "Result",
    "SeatingProblem",
    "Seat",
    "Shape",
    "ShapeKind",
    "Side",
    "SolveStatus",
    "View",
    "Venue",
    "Zone",
]
