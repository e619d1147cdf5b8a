"""Seat precedence at a 签字 (signing ceremony), R-MTG-6.

Frames as in :mod:`seatplan.protocol.meeting_common`.

Examples
--------
>>> signing_sequence(4, 4)                           # T23, signers' own view
['H4', 'H3', 'H2', 'H1', '‖', 'G1', 'G2', 'G3', 'G4']
"""

from __future__ import annotations

from collections.abc import Sequence

from seatplan.errors import Location, ValidationError
from seatplan.model.enums import View
from seatplan.model.seats import Seat
from seatplan.protocol.geometry import (
    _ccw,
    _dot,
    _sub,
    _tolerance,
)
from seatplan.protocol.meeting_common import (
    MEETING_TOLERANCE,
    ROW_TOLERANCE,
    MeetingOrder,
    _by_id,
    _count,
    _f,
    _frame,
    _group_rows,
    _ids,
    _label,
    _line,
    _mean_unit,
    _p,
    _read,
    _seat_list,
)

__all__ = [
    "rank_signing",
    "signing_sequence",
]


# --------------------------------------------------------------------------------------
# 签字 (R-MTG-6)
# --------------------------------------------------------------------------------------


def rank_signing(
    seats: Sequence[Seat],
    *,
    signers: tuple[str, str] | None = None,
    flag_offset: float = 0.45,
    assistant_offset: float = 0.7,
    tolerance: float = ROW_TOLERANCE,
) -> MeetingOrder:
    """签字仪式 (R-MTG-6): signers, flags, assistants and the standing rows.

    The two signers sit at the signing table facing the door / the cameras: the
    host signer on the signers' own left, the guest signer on their own right.
    Each flag stands directly in front of its own signer; each assistant (助签人)
    stands on the outer side of his own signer. The standing members line up
    behind their own signer: hosts from the centre line outward to the (own)
    left, guests outward to the right, nearer the centre first, front row before
    back row. The convention does not matter here.

    Parameters
    ----------
    seats
        The two signer chairs and the standing spots behind them (all facing the
        same way).
    signers
        ``(id, id)`` of the two signer chairs (either order); default: the two
        seats furthest forward.
    flag_offset, assistant_offset
        Metres from a signer to his flag (forward) and to his assistant (outward).
    tolerance
        Depth (metres) within which spots form one standing row.

    Returns
    -------
    MeetingOrder
        ``hosts``/``guests``: standing spots H1…/G1… ; roles ``host_signer``,
        ``guest_signer``; points ``host_flag``, ``guest_flag``, ``host_assistant``,
        ``guest_assistant``.
    """
    ss = _seat_list(seats, "a signing ceremony", minimum=2)
    tol = _tolerance(tolerance, "tolerance")
    f = _mean_unit([_f(s) for s in ss], "a signing ceremony")
    lv = _ccw(f)
    if signers is not None:
        pair = [_by_id(ss, signers[0], "signers"), _by_id(ss, signers[1], "signers")]
        if pair[0].id == pair[1].id:
            raise ValidationError("the two signers need two different seats", location=Location(field="signers"))
    else:
        top = max(_dot(_p(s), f) for s in ss)
        pair = [s for s in ss if top - _dot(_p(s), f) <= tol]
        if len(pair) != 2:
            raise ValidationError(
                f"expected 2 signer chairs in the front row, found {len(pair)}",
                location=Location(field="seats"),
                hint="give signers=(id, id)",
            )
    host, guest = sorted(pair, key=lambda s: -_dot(_p(s), lv))
    mid = ((host.x + guest.x) / 2, (host.y + guest.y) / 2)
    standing = [s for s in ss if s.id not in (host.id, guest.id)]
    hosts: list[Seat] = []
    guests: list[Seat] = []
    others: list[Seat] = []
    for row in _group_rows(standing, f, tol):
        off = {s.id: _dot(_sub(_p(s), mid), lv) for s in row}
        hosts += sorted((s for s in row if off[s.id] > MEETING_TOLERANCE), key=lambda s: off[s.id])
        guests += sorted((s for s in row if off[s.id] < -MEETING_TOLERANCE), key=lambda s: -off[s.id])
        others += [s for s in row if abs(off[s.id]) <= MEETING_TOLERANCE]
    fo = _tolerance(flag_offset, "flag_offset")
    ao = _tolerance(assistant_offset, "assistant_offset")
    points = {
        "host_flag": (host.x + fo * f[0], host.y + fo * f[1]),
        "guest_flag": (guest.x + fo * f[0], guest.y + fo * f[1]),
        "host_assistant": (host.x + ao * lv[0], host.y + ao * lv[1]),
        "guest_assistant": (guest.x - ao * lv[0], guest.y - ao * lv[1]),
    }
    return MeetingOrder(
        hosts=_ids(hosts),
        guests=_ids(guests),
        roles={"host_signer": host.id, "guest_signer": guest.id},
        others=_ids(others),
        points=points,
    )


# --------------------------------------------------------------------------------------
# reference sequences (documentation; golden vectors of the rule book)
# --------------------------------------------------------------------------------------


def signing_sequence(n_hosts: int, n_guests: int, *, view: View | str = View.STAGE) -> list[str]:
    """Standing row at a 签字仪式 (R-MTG-6, T23), with ``‖`` at the centre line.

    ``view="stage"`` (the signers' own left→right): ``H4 H3 H2 H1 ‖ G1 G2 G3 G4``;
    ``view="audience"`` (cameras): reversed.
    """
    h, g = _count(n_hosts, "n_hosts", 0), _count(n_guests, "n_guests", 0)
    v = _frame(view, (View.STAGE, View.AUDIENCE, View.PLAN))
    chairs = _line("c", [-0.8, 0.8], 1.0, 270.0)
    spots = _line("p", [k + 0.5 for k in range(-g, h)], 2.0, 270.0, row=2)  # facing -y: own left is +x
    order = rank_signing(chairs + spots)
    labels = {**_label(order.hosts, "H"), **_label(order.guests, "G")}
    seq = _read(spots, labels, reverse=v is View.STAGE)
    cut = sum(1 for x in seq if x[0] == ("H" if v is View.STAGE else "G"))
    return [*seq[:cut], "‖", *seq[cut:]]
