"""Time expressions to calendar values, relative to the article's date (English only: the word
lists come from ``lexicon("en")``, and the rules below and dateparser read English).

"on Thursday", "last week", "in April last year", "the day before", "April 24",
"24 Feb 94", "2011" ... become an ``xsd:date``, ``xsd:gYearMonth`` or
``xsd:gYear`` value, or a period (first and last day) for weeks. Expressions
that need the article's date ("Thursday", "last week") are normalised only when
it is known; absolute ones ("April 24, 2020", "2011") always are. What cannot be
read is left as text (``None``).

Relative expressions ("yesterday", "two days ago", "last Thursday", "last month",
"a year ago") are read by ``dateparser`` against the article's date. kg keeps its
own rules only where dateparser reads a news text differently or not at all:

- a bare weekday is the latest such day on or before the article's date ("on
  Thursday" in a Thursday paper is that day; dateparser takes the week before);
- "the day before", "a day earlier", "the previous day", "the day after", "a day
  later" (dateparser reads none of them);
- "last week", "this week", "next week" are periods, Monday to Sunday (dateparser
  gives one day);
- a day or month without a year is in the article's year, unless that would put it
  more than about six months after the article (then it is the year before), and
  "April last year" is April of the year before (dateparser prefers the past, or
  reads nothing);
- absolute dates, two-digit years, and what is no date ("2.5 million", "the 1990s",
  "may" the verb) keep kg's patterns.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from ..lang import alternation, lexicon
from ..model import TimeValue

__all__ = ["normalise_time", "tail_end"]

_LEXICON = lexicon()
_MONTHS = _LEXICON.month_numbers  # kg/lang/en/months.txt
_WEEKDAYS = _LEXICON.weekday_numbers  # kg/lang/en/weekdays.txt
#: "last", "this" and "next" in front of a week or a year: how many of them from the article's.
_SHIFT = {"last": -1, "this": 0, "next": 1}

#: Words that make a phrase relative to the article's date: only these phrases go to dateparser
#: (it would read "in two days" or "two days later" from the article's date too, but a story's
#: "later" counts from the event before it).
_RELATIVE_CUES = re.compile(r"\b(?:ago|last|next|this|yesterday|today|tonight|tomorrow|now)\b")
_RANGE = re.compile(r"\b\d{4}s\b|\b\d{4}\s*[-/–]\s*\d{2,4}\b|\bbetween\b.*\band\b", re.IGNORECASE)
_LOWER_MONTH_WORD = re.compile(r"(?<![A-Za-z])(?:may|march)(?![A-Za-z])")  # lower case: the verbs
_MONTH = r"(?P<month>" + alternation(_LEXICON.months) + r")\.?"
_LEADING = re.compile(r"^(?:(?:" + alternation(_LEXICON.time_leading_words) + r")\s+)+")  # time_leading_words.txt
_PATTERNS = [
    ("iso", re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})")),
    ("month day year", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4}|\d{2})\b")),
    (
        "day month year",
        re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4}|\d{2})\b"),
    ),
    ("month relative year", re.compile(_MONTH + r"\s+(?P<relative>" + "|".join(_SHIFT) + r")\s+year")),
    ("month year", re.compile(_MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("month day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b")),
    ("day month", re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH)),
    ("month", re.compile(r"^" + _MONTH + r"$")),
    (
        "year",
        re.compile(
            r"(?<![\d$.,])(?P<year>(?:1[89]|20)\d{2})(?![\d,.])"
            r"(?!\s*(?:" + alternation(_LEXICON.count_units) + r"))"  # "2011 people": count_units.txt
        ),
    ),
]


def normalise_time(text: str, anchor: str | None = None, *, future: bool = False) -> TimeValue | None:
    """The calendar value of a time expression, or None.

    Parameters
    ----------
    text : str
        The expression as written, with or without its preposition ("on Thursday").
    anchor : str, optional
        The article's date (YYYY-MM-DD) that relative expressions count from.
    future : bool
        Whether the clause speaks of the future ("will play on Sunday"): a bare weekday or month is
        then the next one on or after the article's date, not the last one.

    Examples
    --------
    >>> normalise_time("on Thursday", "2020-04-30").value
    '2020-04-30'
    >>> normalise_time("on Sunday", "2020-04-30").value, normalise_time("on Sunday", "2020-04-30", future=True).value
    ('2020-04-26', '2020-05-03')
    >>> normalise_time("in April last year", "2020-04-30")
    TimeValue(value='2019-04', datatype='gYearMonth', start=None, end=None)
    >>> normalise_time("last week", "2020-04-30")
    TimeValue(value=None, datatype=None, start='2020-04-20', end='2020-04-26')
    >>> normalise_time("last week after", "2020-04-30") == normalise_time("last week", "2020-04-30")
    True
    >>> normalise_time("since 2011").value, normalise_time("on Thursday") is None
    ('2011', True)
    """
    if _RANGE.search(text) or _LOWER_MONTH_WORD.search(text):
        return None  # "between 2001 and 2003", "the 1990s", "2011-12": a span; "may", "march": verbs
    phrase = _LEADING.sub("", " ".join(text.lower().split())).strip(" ,.")
    day = dt.date.fromisoformat(anchor) if anchor else None
    head, _, last = phrase.rpartition(" ")
    if head and last in _LEXICON.time_connectives:
        # "rose last week after the attacks": a word after a whole expression starts the next phrase;
        # "the day after", "a day earlier" need it
        value = _value(head, day, future)
        if value is not None:
            return value
    return _value(phrase, day, future)


_TAIL = re.compile(r"\s+(?:" + alternation(_LEXICON.time_tails) + r")\b")


def tail_end(text: str, end: int) -> int:
    """Where a time phrase that ends at ``end`` of ``text`` ends with the word after it that ends a
    relative expression ("the day" + " before", "two days" + " ago": time_tails.txt), which the
    parser often leaves out of the phrase; else ``end``.

    >>> text = "two days ago, he said"
    >>> text[: tail_end(text, len("two days"))], tail_end(text, len("two days ago"))
    ('two days ago', 12)
    """
    following = _TAIL.match(text, end)
    return following.end() if following else end


def _value(phrase: str, day: dt.date | None, future: bool = False) -> TimeValue | None:
    """The value of a phrase without its leading preposition: kg's relative rules, then the patterns."""
    relative = _relative(phrase, day, future) if day is not None else None
    if relative is not None:
        return relative
    for name, pattern in _PATTERNS:
        match = pattern.search(phrase)
        if match is not None:
            # The most specific reading decides: "Feb 29 2019" is no date, not "February 29" of another year.
            return _absolute(name, match, day, future)
    return None


def _relative(phrase: str, day: dt.date, future: bool = False) -> TimeValue | None:
    """kg's own rules for relative expressions (see the module's docstring), then dateparser."""
    words = phrase.split()
    # (a leading "the" is gone: _LEADING takes it with the preposition)
    if phrase in ("day before", "a day earlier", "a day before", "previous day", "day earlier"):
        return _day(day - dt.timedelta(days=1))
    if phrase in ("day after", "a day later"):
        return _day(day + dt.timedelta(days=1))
    if len(words) == 1 and words[0] in _WEEKDAYS:
        if future:  # "will play on Sunday": the coming Sunday
            return _day(day + dt.timedelta(days=(_WEEKDAYS[words[0]] - day.weekday()) % 7))
        return _day(day - dt.timedelta(days=(day.weekday() - _WEEKDAYS[words[0]]) % 7))
    if len(words) == 2 and words[0] in _SHIFT and words[1] == "week":
        shift = _SHIFT[words[0]]
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
        return TimeValue(start=monday.isoformat(), end=(monday + dt.timedelta(days=6)).isoformat())
    if _RELATIVE_CUES.search(phrase) and not re.search(_MONTH + r"|\d{4}", phrase):
        return _parsed(phrase, day)
    return None


def _parsed(phrase: str, day: dt.date) -> TimeValue | None:
    """dateparser's reading of a relative phrase, as precise as the phrase is (a day, month or year)."""
    try:
        data = _parser(day).get_date_data(phrase)
    except (ValueError, OverflowError):  # "800000 days ago"
        return None
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period in ("day", "week"):
        return _day(found)
    if data.period == "month":
        return TimeValue(value=f"{found.year:04d}-{found.month:02d}", datatype="gYearMonth")
    if data.period == "year":
        return TimeValue(value=f"{found.year:04d}", datatype="gYear")
    return None


@functools.lru_cache(maxsize=256)
def _parser(day: dt.date) -> Any:
    """A dateparser parser that counts from noon of the article's day ("an hour ago" is that day)."""
    from dateparser.date import DateDataParser  # imported when first needed: it loads slowly (0.3 s)

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(day, dt.time(12)),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _absolute(name: str, match: re.Match[str], day: dt.date | None, future: bool = False) -> TimeValue | None:
    groups = match.groupdict()
    month = _MONTHS.get(groups.get("month") or "") or (int(groups["mnum"]) if groups.get("mnum") else None)
    year = _year(groups.get("year"))
    if year is not None and not 1 <= year <= 9999:
        return None
    # Each pattern's name says which parts it has: the None checks below only tell mypy so.
    try:
        if name in ("iso", "month day year", "day month year") and year is not None and month is not None:
            return _day(dt.date(year, month, int(groups["day"])))
        if name == "month year":
            return TimeValue(value=f"{year:04d}-{month:02d}", datatype="gYearMonth")
        if name == "year":
            return TimeValue(value=f"{year:04d}", datatype="gYear")
        if day is None:
            return None  # a day or month without a year needs the article's date
        if name == "month relative year":
            shift = _SHIFT[groups["relative"]]
            return TimeValue(value=f"{day.year + shift:04d}-{month:02d}", datatype="gYearMonth")
        if name in ("month day", "day month") and month is not None:
            candidate = dt.date(day.year, month, int(groups["day"]))
            if candidate - day > dt.timedelta(days=183):
                candidate = candidate.replace(year=day.year - 1)
            return _day(candidate)
        if name == "month" and month is not None:
            if future:  # "will visit in March": the coming March
                year = day.year if month >= day.month else day.year + 1
            else:
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
