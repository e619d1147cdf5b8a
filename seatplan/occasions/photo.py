"""The 合影 (group photo) occasion, R-MTG-7.

Rows stand on a riser against the far wall facing the camera (the camera view
is the audience view, AV); the front row sits on chairs. Who stands where:

* INTL with both parties (涉外): in each row the host (No.1 of the hosts left)
  stands in the centre, the first guest at his own right (camera-left), the
  second guest at his left, then hosts and guests alternate ring by ring and
  both ends go to hosts (T24: AV ``H2 G1 H1 G2 H3``).
* CN (政务), or one party: every row is ordered like a dais row (R-DAIS-3/4):
  No.1 in the centre, No.2 at his own left, No.3 at his right… (AV
  ``7 5 3 1 2 4 6``), front row first. Host and guest lists are merged by rank
  (at equal rank the guest first: the guest is honoured).

Everybody on the list is in the photo, tags are not used.

Plan file: ``occasion = "photo"`` and an optional ``[photo]`` table::

    [photo]
    rows = [7, 9]          # places per row, front row first; default from max_per_row
    max_per_row = 11       # used when rows is not given
    seated_rows = 1        # front rows on chairs
    pitch = 0.6            # m between neighbours (R-PHY-8)
    even_mode = "V1"       # even rows under CN (R-DAIS-4/5/6)

Zones (strict): INTL ``host`` and ``guest``; CN ``photo``. Sections name the
row: ``photo-row-1`` (front) …; a place's number counts from the camera's left.
"""

from __future__ import annotations

import math

from seatplan.errors import Location, ValidationError
from seatplan.layout.meeting_common import relabel_seats
from seatplan.layout.photo import lay_photo
from seatplan.model import Attendee, Convention, Meeting, Zone
from seatplan.model.rooms import DEFAULT_MAX_PER_ROW, PhotoSpec
from seatplan.model.seats import SeatTag
from seatplan.occasions import Staging
from seatplan.occasions.reception import Party, check_capacity
from seatplan.protocol.people import order_by_rank
from seatplan.protocol.photo import rank_photo

__all__ = ["DEFAULT_MAX_PER_ROW", "build", "plan_rows"]

TABLE = "photo"

def plan_rows(people: int, *, max_per_row: int = DEFAULT_MAX_PER_ROW, odd: bool = True) -> list[int]:
    """Places per row, front row first, for ``people`` people.

    As few rows as ``max_per_row`` allows, the people spread evenly; with
    ``odd`` the front rows get an odd count where they can (R-MTG-7: "通常排单数",
    so No.1 stands on the centre line), the back row takes what is left.

    Examples
    --------
    >>> plan_rows(7), plan_rows(20), plan_rows(26)
    ([7], [11, 9], [9, 9, 8])
    """
    if people <= 0:
        return []
    n_rows = math.ceil(people / max_per_row)
    per = math.ceil(people / n_rows)
    if odd and per % 2 == 0 and n_rows > 1:
        per = per + 1 if per + 1 <= max_per_row and per + 1 < people else per - 1
        n_rows = math.ceil(people / per)
    rows = [per] * (n_rows - 1)
    rows.append(people - sum(rows))
    return rows


def _merged(meeting: Meeting) -> list[Attendee]:
    """Everyone in one precedence list: by rank, the guest before the host at equal rank."""
    side_key = {Party.GUEST.value: 0, Party.HOST.value: 1}
    return sorted(meeting.attendees, key=lambda a: (a.rank, side_key.get(a.side, 2)))


def build(meeting: Meeting) -> Staging:
    """Lay out a 合影 and rank its places and people (R-MTG-7).

    Parameters
    ----------
    meeting
        A meeting with ``occasion = "photo"``. Under INTL with people on both
        sides (column 主客) the host/guest alternation applies; otherwise one
        rank list.

    Returns
    -------
    Staging
        The riser, the camera mark, the photo places and the zones.

    Raises
    ------
    ValidationError, GeometryError
        If ``rows`` has fewer places than people, or the rows do not fit the room.
    """
    opts = meeting.photo or PhotoSpec()
    people = list(meeting.attendees)
    hosts = order_by_rank([a for a in people if a.side == Party.HOST])
    guests = order_by_rank([a for a in people if a.side == Party.GUEST])
    two_party = meeting.convention is Convention.INTL and bool(hosts) and bool(guests)
    if two_party and len(hosts) + len(guests) != len(people):
        first = next(a for a in people if a.side not in (Party.HOST, Party.GUEST))
        raise ValidationError(
            f"{first.name} has no side: an international photo alternates hosts and guests (R-MTG-7)",
            location=Location(file=first.source.file, row=first.source.row, field="主客/side", value=first.side),
            hint="fill the 主客 column with 主 or 客 for everyone, or use convention = \"cn\" for one rank list",
        )
    rows = list(opts.rows) or plan_rows(len(people), max_per_row=opts.max_per_row, odd=True)
    if not rows:
        raise ValidationError(
            "a group photo needs at least one person on the list",
            location=Location(file=meeting.source or "", field="attendees"),
        )
    seated = opts.seated_rows
    room = lay_photo(
        meeting.venue,
        rows=rows,
        seated_rows=min(seated, len(rows)),
        pitch=opts.pitch,
        source=meeting.source or "",
        key=TABLE,
    )
    seats = {s.id: s for s in room.layout.seats}
    even = opts.even_mode
    zones: list[Zone] = []
    groups: tuple[tuple[str, tuple[str, ...], list[Attendee]], ...]
    if two_party:
        order = rank_photo(
            list(seats.values()), convention=Convention.INTL, n_hosts=len(hosts), n_guests=len(guests), even=even
        )
        groups = ((Party.HOST.value, order.hosts, hosts), (Party.GUEST.value, order.guests, guests))
    else:
        order = rank_photo(list(seats.values()), convention=meeting.convention, even=even)
        groups = (("photo", order.hosts, _merged(meeting)),)
    for name, seat_ids, who in groups:
        check_capacity(meeting, name, who, len(seat_ids), key=f"{TABLE}.rows", value=rows)
        zones.append(Zone(name, tuple(seat_ids), tuple(a.id for a in who)))
    labels = {s.id: (f"photo-row-{s.row}", s.row, s.number) for s in room.layout.seats}
    principal = {z.seat_ids[0]: (SeatTag.PRINCIPAL,) for z in zones if z.name in ("photo", "guest", "host") and z.seat_ids}
    return Staging(layout=relabel_seats(room.layout, labels, tags=principal), zones=tuple(zones))
