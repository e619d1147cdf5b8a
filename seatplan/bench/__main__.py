"""``python -m seatplan.bench``: the same as ``seatplan bench``."""

import sys

from seatplan.bench import main

sys.exit(main())
