"""Places in a 合影 (group photo), R-MTG-7.

Frames as in :mod:`seatplan.protocol.meeting_common`.

Examples
--------
>>> photo_sequence(3, 2)                             # T24, camera view
['H2', 'G1', 'H1', 'G2', 'H3']
"""

from __future__ import annotations

from collections.abc import Sequence

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import Convention, EvenMode, View
from seatplan.model.enums import coerce_choice as _coerce
from seatplan.model.seats import Seat
from seatplan.protocol.dais import rank_dais
from seatplan.protocol.meeting_common import (
    ROW_TOLERANCE,
    Hand,
    MeetingOrder,
    _centre_out_from,
    _centred,
    _count,
    _f,
    _frame,
    _group_rows,
    _ids,
    _label,
    _line,
    _mean_unit,
    _pick_anchor,
    _read,
    _seat_list,
)

__all__ = [
    "photo_sequence",
    "rank_photo",
]


# --------------------------------------------------------------------------------------
# 合影 (R-MTG-7)
# --------------------------------------------------------------------------------------


def _photo_types(k: int, hosts: int, guests: int) -> list[str]:
    """Party of each of ``k`` centre-out slots ``[c, r1, l1, r2, l2, …]`` (INTL photo).

    Centre: a host. Ring 1 (r1, l1): guests; ring 2: hosts; … alternating
    (主客双方间隔排列). A party that runs out is replaced by the other. Then each
    end of the row is handed to a host if a host stands further in on that side
    (两端均由主方人员把边).
    """
    types: list[str] = []
    left = {"H": hosts, "G": guests}
    for j in range(k):
        want = "H" if j == 0 or ((j + 1) // 2) % 2 == 0 else "G"
        if left[want] == 0:
            want = "G" if want == "H" else "H"
        types.append(want)
        left[want] -= 1
    for parity in (1, 0):  # right side slots 1, 3, 5…; left side 2, 4, 6…
        side = [j for j in range(1, k) if j % 2 == parity]
        if side and types[side[-1]] == "G":
            inner = [j for j in side[:-1] if types[j] == "H"]
            if inner:
                types[inner[-1]], types[side[-1]] = "G", "H"
    return types


def rank_photo(
    seats: Sequence[Seat],
    *,
    convention: Convention | str | None = None,
    n_hosts: int | None = None,
    n_guests: int = 0,
    even: EvenMode | str = EvenMode.V1,
) -> MeetingOrder:
    """合影 group photo positions (R-MTG-7).

    Rows are found by depth along the common facing (towards the camera); the
    front row is filled first.

    * INTL with guests (涉外): in each row the host (No.1 of the remaining hosts)
      stands in the centre, the first guest at his own right (camera-left), the
      second at his left, then hosts and guests alternate ring by ring, and both
      ends go to hosts where possible. The party of every spot is decided in the
      row; people of each party fill their spots centre-out, right first.
    * CN (政务) or one party: every row is ordered like a dais row (R-DAIS-3/4/5,
      via :func:`seatplan.protocol.dais.rank_dais`), front row first; host and
      guest lists are not separated (give one merged rank list).

    Parameters
    ----------
    seats
        Photo spots (chairs or standing marks), all facing the camera.
    convention
        Default: ``"intl"`` when ``n_guests > 0``, else ``"cn"``.
    n_hosts, n_guests
        Party sizes. ``n_hosts`` is required for an INTL photo with guests; for
        one party it limits the spots used (default: all).
    even
        Even-row mode for the CN order (R-DAIS-4/5/6).

    Returns
    -------
    MeetingOrder
        ``hosts`` (and ``guests`` for INTL) in precedence order; unused spots in
        ``others``.

    Examples
    --------
    >>> photo_sequence(3, 2)                             # T24, camera view
    ['H2', 'G1', 'H1', 'G2', 'H3']
    >>> photo_sequence(7, convention="cn")               # R-MTG-7 CN, camera view
    ['7', '5', '3', '1', '2', '4', '6']
    """
    ss = _seat_list(seats, "a group photo")
    for name, value in (("n_hosts", n_hosts), ("n_guests", n_guests)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ValidationError(f"{name} must be a whole number >= 0, got {value!r}", location=Location(field=name))
    conv = (
        (Convention.INTL if n_guests else Convention.CN)
        if convention is None
        else _coerce(Convention, convention, "convention")
    )
    mode = _coerce(EvenMode, even, "even")
    if conv is Convention.CN or not n_guests:
        ids = rank_dais(ss, convention=conv, even=mode)
        k = len(ids) if n_hosts is None else min(len(ids), n_hosts + n_guests)
        return MeetingOrder(hosts=tuple(ids[:k]), others=tuple(ids[k:]))
    if n_hosts is None or n_hosts < 1:
        raise ValidationError(
            "an international group photo with guests needs n_hosts >= 1 (a host stands in the centre)",
            location=Location(field="n_hosts", value=n_hosts),
        )
    f = _mean_unit([_f(s) for s in ss], "a group photo")
    h_left, g_left = n_hosts, n_guests
    hosts: list[Seat] = []
    guests: list[Seat] = []
    others: list[Seat] = []
    for row in _group_rows(ss, f, ROW_TOLERANCE):
        anchor = _pick_anchor(row, Hand.RIGHT)
        slots = [anchor, *_centre_out_from(anchor, [s for s in row if s.id != anchor.id], Hand.RIGHT)]
        k = min(len(slots), h_left + g_left)
        types = _photo_types(k, h_left, g_left)
        for s, t in zip(slots, types):
            (hosts if t == "H" else guests).append(s)
        h_left -= types.count("H")
        g_left -= types.count("G")
        others += slots[k:]
    return MeetingOrder(hosts=_ids(hosts), guests=_ids(guests), others=_ids(others))


# --------------------------------------------------------------------------------------
# reference sequences (documentation; golden vectors of the rule book)
# --------------------------------------------------------------------------------------


def photo_sequence(
    n_hosts: int,
    n_guests: int = 0,
    *,
    convention: Convention | str | None = None,
    even: EvenMode | str = EvenMode.V1,
    view: View | str = View.AUDIENCE,
) -> list[str]:
    """One row of a 合影 (R-MTG-7, T24) in camera view (``"audience"``) or own view (``"stage"``).

    With guests (INTL): labels ``H1…``/``G1…``; one party: rank numbers as text.
    """
    h, g = _count(n_hosts, "n_hosts", 0), _count(n_guests, "n_guests", 0)
    v = _frame(view, (View.AUDIENCE, View.STAGE, View.PLAN))
    spots = _line("p", _centred(h + g), 0.0, 270.0)  # facing the camera at -y; own left is +x
    order = rank_photo(spots, convention=convention, n_hosts=h, n_guests=g, even=even)
    if order.guests:
        labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    else:
        labels = {sid: str(k) for k, sid in enumerate(order.hosts, start=1)}
    return _read(spots, labels, reverse=v is View.STAGE)
