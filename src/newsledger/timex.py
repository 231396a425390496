"""TIMEX3 values as date intervals, for sorting and filtering events by time."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def timex_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last ISO day a TIMEX3 date value covers ("2024-10" → 2024-10-01 … 2024-10-31);
    (None, None) for values that are not calendar dates (durations, PAST_REF…)."""
    if not value:
        return None, None
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d.isoformat(), d.isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1).isoformat(), dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return dt.date(y, last - 2, 1).isoformat(), dt.date(
                y, last, calendar.monthrange(y, last)[1]
            ).isoformat()
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (dt.date(y, 1, 1) if h == 1 else dt.date(y, 7, 1)).isoformat(), (
                dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31)
            ).isoformat()
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            a, b = _SEASONS[m[2]]
            end_year = y + 1 if m[2] == "WI" else y
            return dt.date(y, a, 1).isoformat(), dt.date(
                end_year, b, calendar.monthrange(end_year, b)[1]
            ).isoformat()
        if m := re.fullmatch(r"(\d{4})", v):
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
        if m := re.fullmatch(r"(\d{3})X?", v):  # a decade: "199" (TIMEX3), "199X" (older stores)
            return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
    except ValueError:
        return None, None
    return None, None
