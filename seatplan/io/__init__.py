"""Reading and writing seatplan's input files: plan files (TOML) and attendee lists."""

from seatplan.io.attendee_table import read_attendees, write_attendees_csv
from seatplan.io.plan_file import load_meeting, meeting_from_dict

__all__ = ["load_meeting", "meeting_from_dict", "read_attendees", "write_attendees_csv"]
