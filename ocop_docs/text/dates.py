"""Reading dates: the one parser of the package, with one contract.

``parse_date`` returns the date a value names, or **None** when it names none; it never
raises. Callers that must have a date say what a missing one means: the schema's ``ngay``
format reports ``date-invalid`` (:func:`ocop_docs.rules.identifiers.date_problem`), a
check skips a comparison it cannot make, a document formatter raises (its input was
validated before).

The forms are those a dossier, a round file or a results sheet holds after loading:

* ISO 8601 calendar dates, "2026-09-15" (also "2026-9-5"), optionally followed by a time
  after "T" (YAML timestamps are loaded as "2026-09-15T08:00:00");
* the Vietnamese day-first form "15/09/2026", also with "." or "-" ("15.09.2026"), the way
  officials write dates (NĐ 30/2020 Phụ lục I writes them out in words; tables and
  forms use dd/mm/yyyy);
* a :class:`datetime.date` (a :class:`datetime.datetime` gives its date).

Anything else, including impossible dates ("31/02/2026", "2026-13-01") and numbers, is
None. Writing dates is :mod:`ocop_docs.text.official`.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_date(value: object) -> dt.date | None:
    """The date ``value`` names ("2026-09-15", "15/09/2026", a date), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if "T" in text:  # a YAML timestamp with a time part
        text = text.split("T", 1)[0]
    try:
        if m := _ISO_DATE.match(text):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _VN_DATE.match(text):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:  # no such day: 31/02, month 13
        return None
    return None
