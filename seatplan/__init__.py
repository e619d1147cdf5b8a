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

``seatplan.__version__`` is the one version number (pyproject.toml reads it from
here); ``seatplan.show_versions()`` prints it with those of Python, the platform
and every dependency, for a bug report.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # pragma: no cover - the names are loaded on first use by __getattr__
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
        BanquetSpec,
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
        MeetingRoomSpec,
        Numbering,
        PhotoSpec,
        Plan,
        Presider,
        ReceptionSpec,
        ReservedBlock,
        Result,
        RulesSpec,
        Seat,
        SeatingProblem,
        Side,
        SigningSpec,
        SolveStatus,
        StripOrder,
        TalksSpec,
        Venue,
        View,
        Zone,
    )
    from seatplan.pipeline import Outputs, build_problem, run_plan_file, write_outputs
    from seatplan.solve import solve

#: Public name → the module it is imported from on first use (``protocol`` is the sub-package).
_EXPORTS: dict[str, str] = {
    "protocol": "seatplan.protocol",
    "Violation": "seatplan.check",
    "ViolationKind": "seatplan.check",
    "check_plan": "seatplan.check",
    "AttendeeFileError": "seatplan.errors",
    "Conflict": "seatplan.errors",
    "GeometryError": "seatplan.errors",
    "InfeasiblePlanError": "seatplan.errors",
    "Location": "seatplan.errors",
    "PlanFileError": "seatplan.errors",
    "SeatplanError": "seatplan.errors",
    "SolverError": "seatplan.errors",
    "UnknownIdError": "seatplan.errors",
    "ValidationError": "seatplan.errors",
    "read_attendees": "seatplan.io.attendee_table",
    "write_attendees_csv": "seatplan.io.attendee_table",
    "load_meeting": "seatplan.io.plan_file",
    "meeting_from_dict": "seatplan.io.plan_file",
    "Attendee": "seatplan.model",
    "BalconySpec": "seatplan.model",
    "BanquetSpec": "seatplan.model",
    "CardSpec": "seatplan.model",
    "Convention": "seatplan.model",
    "DaisSpec": "seatplan.model",
    "Door": "seatplan.model",
    "EvenMode": "seatplan.model",
    "FillMethod": "seatplan.model",
    "FloorHand": "seatplan.model",
    "FloorSpec": "seatplan.model",
    "Layout": "seatplan.model",
    "Lectern": "seatplan.model",
    "ListOrder": "seatplan.model",
    "Meeting": "seatplan.model",
    "MeetingRoomSpec": "seatplan.model",
    "Numbering": "seatplan.model",
    "PhotoSpec": "seatplan.model",
    "Plan": "seatplan.model",
    "Presider": "seatplan.model",
    "ReceptionSpec": "seatplan.model",
    "ReservedBlock": "seatplan.model",
    "Result": "seatplan.model",
    "RulesSpec": "seatplan.model",
    "Seat": "seatplan.model",
    "SeatingProblem": "seatplan.model",
    "Side": "seatplan.model",
    "SigningSpec": "seatplan.model",
    "SolveStatus": "seatplan.model",
    "StripOrder": "seatplan.model",
    "TalksSpec": "seatplan.model",
    "Venue": "seatplan.model",
    "View": "seatplan.model",
    "Zone": "seatplan.model",
    "Outputs": "seatplan.pipeline",
    "build_problem": "seatplan.pipeline",
    "run_plan_file": "seatplan.pipeline",
    "write_outputs": "seatplan.pipeline",
    "solve": "seatplan.solve",
}

__version__ = "0.1.0"

__all__ = [
    "Attendee",
    "BalconySpec",
    "BanquetSpec",
    "MeetingRoomSpec",
    "PhotoSpec",
    "ReceptionSpec",
    "RulesSpec",
    "SigningSpec",
    "TalksSpec",
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
    "show_versions",
    "solve",
    "write_attendees_csv",
    "write_outputs",
]


def __getattr__(name: str) -> Any:
    """Import a public name (or a sub-package) on first use, so ``import seatplan`` loads none of the layers."""
    import importlib
    import importlib.util

    module = _EXPORTS.get(name)
    if module is None:
        if name.startswith("_") or importlib.util.find_spec(f"seatplan.{name}") is None:
            raise AttributeError(f"module 'seatplan' has no attribute {name!r}")
        return importlib.import_module(f"seatplan.{name}")  # a sub-package: seatplan.model, seatplan.io ...
    loaded = importlib.import_module(module)
    value = loaded if name == "protocol" else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """``seatplan`` itself: ``seatplan.solve`` stays the function when the sub-package ``seatplan.solve`` loads.

    Importing a sub-package sets it as an attribute of its parent; the public function of the
    same name must win, as it did when it was imported eagerly.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _EXPORTS and name != "protocol":
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def show_versions(file: TextIO | None = None) -> None:
    """Print the versions of seatplan, Python, the platform and every dependency (for a bug report).

    Parameters
    ----------
    file
        Where to print (default standard output).

    Examples
    --------
    >>> import seatplan
    >>> seatplan.show_versions()  # doctest: +SKIP
    seatplan             0.1.0
    python               3.11.7 (main, ...) [GCC 12.2.0]
    ...
    ortools              9.15.6755
    """
    import importlib.metadata as metadata
    import locale
    import platform
    import re

    out = file if file is not None else sys.stdout
    rows = [
        ("seatplan", __version__),
        ("location", __path__[0]),
        ("python", sys.version.replace("\n", " ")),
        ("executable", sys.executable),
        ("platform", platform.platform()),
        ("encoding", f"filesystem {sys.getfilesystemencoding()}, preferred {locale.getpreferredencoding(False)}"),
    ]
    try:
        requires = metadata.requires("seatplan") or []
    except metadata.PackageNotFoundError:
        requires = []
        rows.append(("dependencies", "unknown: seatplan is not installed (pip install .)"))
    for requirement in requires:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[\s;<>=!~\[]", requirement, maxsplit=1)[0]
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    for key, value in rows:
        print(f"{key:<20} {value}", file=out)
