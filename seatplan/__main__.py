"""``python -m seatplan``: the command line."""

import sys

from seatplan.cli import main

sys.exit(main())
