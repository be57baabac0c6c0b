"""Time expressions to calendar values, relative to the article's date.

"on Thursday", "last week", "in April last year", "the day before", "April 24",
"24 Feb 94", "2011" ... become an ``xsd:date``, ``xsd:gYearMonth`` or
``xsd:gYear`` value, or a period (first and last day) for weeks. Expressions
that need the article's date ("Thursday", "last week") are normalised only when
it is known; absolute ones ("April 24, 2020", "2011") always are. What cannot be
read is left as text (``None``).

News conventions: a weekday is the latest such day on or before the article's
date ("on Thursday" in a Thursday paper is that day); a day or month without a
year is in the article's year, unless that would put it more than about six
months after the article (then it is the year before).
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import TimeValue

__all__ = ["normalise_time"]

_MONTHS = {name: number for number, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")], 1) for name in names}
_WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_AGO = re.compile(r"(?P<count>\w+) (?P<unit>days?|weeks?|months?|years?) ago")
_RANGE = re.compile(r"\b\d{4}s\b|\b\d{4}\s*[-/–]\s*\d{2,4}\b|\bbetween\b.*\band\b", re.IGNORECASE)
_LOWER_MONTH_WORD = re.compile(r"(?<![A-Za-z])(?:may|march)(?![A-Za-z])")  # lower case: the verbs
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_LEADING = re.compile(r"^(?:(?:on|in|at|since|until|till|during|by|from|as of|earlier|later|early|late|"
                      r"mid|the|of|this past)\s+)+")
_PATTERNS = [
    ("iso", re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})")),
    ("month day year", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4}|\d{2})\b")),
    ("day month year", re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
                                  + r",?\s+(?P<year>\d{4}|\d{2})\b")),
    ("month relative year", re.compile(_MONTH + r"\s+(?P<relative>last|this|next)\s+year")),
    ("month year", re.compile(_MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("month day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b")),
    ("day month", re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH)),
    ("month", re.compile(r"^" + _MONTH + r"$")),
    ("year", re.compile(r"(?<![\d$.,])(?P<year>(?:1[89]|20)\d{2})(?![\d,.])"
                        r"(?!\s*(?:%|percent|people|km|miles|gmt|utc|hours|hrs|points|troops|jobs|tonnes|votes))")),
]


def normalise_time(text: str, anchor: str | None = None) -> TimeValue | None:
    """The calendar value of a time expression, or None.

    Parameters
    ----------
    text : str
        The expression as written, with or without its preposition ("on Thursday").
    anchor : str, optional
        The article's date (YYYY-MM-DD) that relative expressions count from.

    Examples
    --------
    >>> normalise_time("on Thursday", "2020-04-30").value
    '2020-04-30'
    >>> normalise_time("in April last year", "2020-04-30")
    TimeValue(value='2019-04', datatype='gYearMonth', start=None, end=None)
    >>> normalise_time("last week", "2020-04-30")
    TimeValue(value=None, datatype=None, start='2020-04-20', end='2020-04-26')
    >>> normalise_time("since 2011").value, normalise_time("on Thursday") is None
    ('2011', True)
    """
    if _RANGE.search(text) or _LOWER_MONTH_WORD.search(text):
        return None  # "between 2001 and 2003", "the 1990s", "2011-12": a span; "may", "march": verbs
    phrase = _LEADING.sub("", " ".join(text.lower().split())).strip(" ,.")
    day = dt.date.fromisoformat(anchor) if anchor else None
    relative = _relative(phrase, day) if day is not None else None
    if relative is not None:
        return relative
    for name, pattern in _PATTERNS:
        match = pattern.search(phrase)
        if match is not None:
            # The most specific reading decides: "Feb 29 2019" is no date, not "February 29" of another year.
            return _absolute(name, match, day)
    return None


def _relative(phrase: str, day: dt.date) -> TimeValue | None:
    words = phrase.split()
    if phrase in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return _day(day)
    if phrase in ("yesterday", "last night", "the day before", "day before", "a day earlier", "a day before",
                  "the previous day", "the day earlier"):
        return _day(day - dt.timedelta(days=1))
    if phrase in ("tomorrow", "the day after", "a day later"):
        return _day(day + dt.timedelta(days=1))
    ago = _AGO.fullmatch(phrase)
    if ago is not None:
        count = _NUMBERS.get(ago["count"]) or (int(ago["count"]) if ago["count"].isdigit() else None)
        if count is not None and count < 1000:
            unit = ago["unit"].rstrip("s")
            if unit in ("day", "week"):
                return _day(day - dt.timedelta(days=count * (7 if unit == "week" else 1)))
            if unit == "month":
                month_index = day.year * 12 + day.month - 1 - count
                return TimeValue(value=f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", datatype="gYearMonth")
            return TimeValue(value=f"{day.year - count:04d}", datatype="gYear")
    if len(words) == 1 and words[0] in _WEEKDAYS:
        return _day(day - dt.timedelta(days=(day.weekday() - _WEEKDAYS[words[0]]) % 7))
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in ("week", "month", "year"):
        shift = {"last": -1, "this": 0, "next": 1}[words[0]]
        if words[1] == "week":
            monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
            return TimeValue(start=monday.isoformat(), end=(monday + dt.timedelta(days=6)).isoformat())
        if words[1] == "month":
            month_index = day.year * 12 + day.month - 1 + shift
            return TimeValue(value=f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", datatype="gYearMonth")
        return TimeValue(value=f"{day.year + shift:04d}", datatype="gYear")
    return None


def _absolute(name: str, match: re.Match, day: dt.date | None) -> TimeValue | None:
    groups = match.groupdict()
    month = _MONTHS.get(groups.get("month") or "") or (int(groups["mnum"]) if groups.get("mnum") else None)
    year = _year(groups.get("year"))
    if year is not None and not 1 <= year <= 9999:
        return None
    try:
        if name in ("iso", "month day year", "day month year"):
            return _day(dt.date(year, month, int(groups["day"])))
        if name == "month year":
            return TimeValue(value=f"{year:04d}-{month:02d}", datatype="gYearMonth")
        if name == "year":
            return TimeValue(value=f"{year:04d}", datatype="gYear")
        if day is None:
            return None  # a day or month without a year needs the article's date
        if name == "month relative year":
            shift = {"last": -1, "this": 0, "next": 1}[groups["relative"]]
            return TimeValue(value=f"{day.year + shift:04d}-{month:02d}", datatype="gYearMonth")
        if name in ("month day", "day month"):
            candidate = dt.date(day.year, month, int(groups["day"]))
            if candidate - day > dt.timedelta(days=183):
                candidate = candidate.replace(year=day.year - 1)
            return _day(candidate)
        if name == "month":
            year = day.year - 1 if month - day.month > 6 else day.year
            return TimeValue(value=f"{year:04d}-{month:02d}", datatype="gYearMonth")
    except ValueError:  # "February 30"
        return None
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    if len(text) == 2:  # "24 Feb 94"
        year += 1900 if year > 30 else 2000
    return year


def _day(day: dt.date) -> TimeValue:
    return TimeValue(value=day.isoformat(), datatype="date")
