"""Progress lines for long steps, through the standard :mod:`logging` module.

A step that is still running after :data:`PROGRESS_AFTER` seconds gets a line
then ("solving 610 people …") and one when it ends ("solving 610 people: 12.3 s"),
at level INFO on a ``seatplan.*`` logger; a shorter step logs at DEBUG only. The
command line shows INFO on standard error by default (``-q`` hides it, ``-v``
adds DEBUG and the CP-SAT search log); a library user sees nothing unless they
configure logging.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PROGRESS_AFTER", "timed_step"]

#: Seconds after which a running step is announced at level INFO.
PROGRESS_AFTER = 2.0


@contextmanager
def timed_step(logger: logging.Logger, what: str) -> Iterator[None]:
    """Log ``what`` as a step: a line after :data:`PROGRESS_AFTER` seconds and one at the end.

    Parameters
    ----------
    logger
        The module's logger (``logging.getLogger(__name__)``).
    what
        The step, as the line should read ("solving 610 people").

    Examples
    --------
    >>> import logging
    >>> with timed_step(logging.getLogger("seatplan.demo"), "drawing the diagram"):
    ...     pass
    """
    logger.debug("%s …", what)
    timer = None
    if logger.isEnabledFor(logging.INFO):
        timer = threading.Timer(PROGRESS_AFTER, logger.info, args=("%s …", what))
        timer.daemon = True
        timer.start()
    started = time.perf_counter()
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
        seconds = time.perf_counter() - started
        logger.log(logging.INFO if seconds >= PROGRESS_AFTER else logging.DEBUG, "%s: %.1f s", what, seconds)
