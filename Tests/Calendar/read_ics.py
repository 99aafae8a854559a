#!/usr/bin/env python3
"""Reads an iCalendar file with Python's `icalendar` (a real RFC 5545 parser) and prints each
event as `DTSTART<TAB>SUMMARY<TAB>REMINDER`, the reminder as how long before the event it comes and
what it says, so that a test can check what a calendar would import.

Usage: read_ics.py FILE
"""
import sys

import icalendar

with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())
if calendar.name != "VCALENDAR" or str(calendar.get("VERSION")) != "2.0":
    sys.exit("not an iCalendar 2.0 file")
for event in calendar.walk("VEVENT"):
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        if required not in event:
            sys.exit(f"an event without {required}")
    alarms = [f"{alarm.decoded('TRIGGER')} {alarm.get('ACTION')}: {alarm.get('DESCRIPTION')}" for alarm in event.walk("VALARM")]
    print(f"{event.decoded('DTSTART').isoformat()}\t{event.get('SUMMARY')}\t{'; '.join(alarms)}")
