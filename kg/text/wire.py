"""Wire-copy conventions in a news text: datelines, tickers, sign-offs, bylines and display-cased headlines.

Pure text in, plain records out (:class:`~kg.model.Dateline`, :class:`~kg.model.WireSpan`), so the
reader (:mod:`kg.read.text`), the sentence splitter (:mod:`kg.analyse.components`) and extraction
(:mod:`kg.extract.wire`) all see the same conventions in the same text. Nothing is deleted: what a
function changes it changes one character for one, so offsets into the text stay true.

- A **dateline** opens the body: city, optional state or country, optional date, optional agency in
  parentheses, and a dash ("LONDON, Jan 5 (Reuters) - ...", "Tripoli (AFP) - ...").
- A **ticker** in angle brackets follows a company's name ("Trans World Airlines Inc <TWA>"): it is
  an identifier, not text, and :func:`blank_tickers` turns it into spaces for the parser.
- **Sign-offs** ("Reuter", "(AFP)") and **bylines** ("By Jane Smith, Reuters", "Reporting by ...;
  Editing by ...") are lines of their own, not news.
- An ALL-CAPS or Title Case **headline** is truecased from the casing its body gives the same words
  (:func:`truecase_headline`): a word the body never writes capitalised is not a name.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..lang import alternation, lexicon
from ..model import Dateline, WireSpan

__all__ = [
    "find_tickers",
    "blank_tickers",
    "find_dateline",
    "find_furniture",
    "truecase_headline",
    "truecase_capitals",
    "body_start",
]

_TICKER = re.compile(r"(?<=[\w.)]) ?<((?=[A-Z0-9.]*[A-Z])[A-Z0-9][A-Z0-9.]{0,9})>")  # <TWA>, <BARC.L>, <0005.HK>
# Capitals and letters of any script ("ZÜRICH", "SÃO PAULO"): [^\W\d_] is a letter, and without a-z a capital
# or a letter of a script with no case (a lower-case accented letter slips in; the rest of the pattern tells).
_UPPER = r"[^\W\d_a-z](?:[^\W\d_a-z]|['’.&-])+"  # a word in capitals ("ATHENS", "ST.")
_CAPITAL = r"[^\W\d_a-z](?:[^\W\d_]|['’.&-])*"  # a capitalised word ("Tripoli", "N.Y.", "Zürich")
_DASH = r"[ \t]*(?:--|—|–|-)(?:[ \t]+(?=\S)|[ \t]*$)"
_BYLINE = re.compile(r"^[ \t]*(?:By|BY)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:[ \t]*,[^\n]{1,40})?[ \t]*$")
_CREDITS = re.compile(
    r"^[ \t]*\(?(?:Additional[ \t]+)?(?:Reporting|Writing|Editing|Compiled|Compiling)[ \t]+by\b[^\n]*$", re.IGNORECASE
)
_TRAILING_SIGNOFF = re.compile(r"(?<=[.!?\"'”])[ \t]+(\(?[A-Z][A-Za-z-]+\)?)[ \t]*$")
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")  # letters of any script: "Citroën", "SÃO"


def find_tickers(text: str) -> list[WireSpan]:
    """The ticker symbols in angle brackets after a name: their spans (brackets included) and symbols.

    >>> [(t.text, t.start) for t in find_tickers("Trans World Airlines Inc <TWA> said")]
    [('TWA', 25)]
    """
    return [WireSpan("ticker", m.end() - len(m.group(1)) - 2, m.end(), m.group(1)) for m in _TICKER.finditer(text)]


def blank_tickers(text: str, tickers: list[WireSpan]) -> str:
    """``text`` with each ticker turned into spaces, one for one: the parser and the name finder
    do not read it, and offsets stay true.

    >>> blank_tickers("USAir <U> said", find_tickers("USAir <U> said"))
    'USAir     said'
    """
    if not tickers:
        return text
    chars = list(text)
    for ticker in tickers:
        chars[ticker.start : ticker.end] = " " * (ticker.end - ticker.start)
    return "".join(chars)


@functools.cache
def _dateline_pattern() -> re.Pattern[str]:
    lex = lexicon()
    months = "(?i:" + alternation(frozenset(lex.months)) + ")"
    date = (
        rf"(?P<month>{months})\.?[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>\d{{4}}))?"
        rf"|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{months})\.?(?:,?[ \t]+(?P<year2>\d{{4}}))?"
    )
    place = (
        rf"(?P<upper>{_UPPER}(?:[ \t]+(?:{_UPPER}|de|del|la|el|al)){{0,3}})"
        rf"|(?P<title>{_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})"
    )
    region = rf"(?!(?:{months})\b){_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}}"
    agency = r"\((?P<agency>[A-Z][A-Za-z.&-]*(?:[ \t][A-Z][A-Za-z.&-]*){0,2})\)"
    return re.compile(
        rf"(?P<place>{place})(?:,[ \t]*(?P<region>{region}))?(?:,?[ \t]*(?P<date>{date}))?"
        rf"(?:[ \t]*{agency})?(?P<dash>{_DASH})"
    )


def body_start(text: str) -> tuple[int, bool]:
    """Where the body's first paragraph starts, and whether the text has a headline.

    The first line is the headline unless it opens with a dateline and reads as a paragraph
    (a dash, then a sentence with its full stop); after the headline, blank lines, bylines and a
    line that is only a date are skipped.

    >>> body_start("Greek hopes\\n\\nATHENS, March 28 - Talks went on.")
    (13, True)
    """
    first = text.split("\n", 1)[0]
    if _match_dateline(first) is not None and _reads_as_paragraph(first):
        return 0, False
    position = len(first) + 1
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if line.strip() and not _BYLINE.match(line) and not _is_date_line(line):
            return position + len(line) - len(line.lstrip()), True
        position = end + 1
    return len(text), True


def _reads_as_paragraph(line: str) -> bool:
    line = line.rstrip()
    return len(line.split()) >= 8 and line[-1:] in ".!?\"'”’"


def _is_date_line(line: str) -> bool:
    from .time import normalise_time  # lazily: it imports dateparser

    stripped = line.strip()
    if len(stripped) > 40 or len(stripped.split()) > 5:
        return False
    value = normalise_time(stripped)
    return value is not None and value.datatype == "date"


def _match_dateline(line: str, agencies: frozenset[str] | set[str] = frozenset()) -> re.Match[str] | None:
    match = _dateline_pattern().match(line)
    if match is None:
        return None
    agency = match.group("agency")
    known = agency is not None and (agency.lower() in lexicon().news_agencies or agency.lower() in agencies)
    if agency is not None and not known and not agency.isupper():
        return None  # "(pictured)", "(Conservative)": not an agency
    if match.group("upper") is None and match.group("date") is None and agency is None:
        return None  # "Tony Blair - ...": a name and a dash, no dateline
    if match.group("upper") is not None and len(match.group("upper")) < 3:
        return None
    return match


def find_dateline(text: str, *, year: str | None = None, agencies: Iterable[str] = ()) -> Dateline | None:
    """The dateline opening the body of ``text``, if any; ``year`` dates a dateline written
    without one (the document's own date's year); ``agencies`` names agencies the caller knows besides
    the lexicon's (a web page's publisher: "(Meridian)" on a page of Meridian Wire).

    >>> line = find_dateline("Greek hopes\\nATHENS, March 28 - Talks went on.", year="1987")
    >>> line.place, line.date, line.end, line.agency
    ('Athens', '1987-03-28', 31, None)
    >>> find_dateline("Tripoli (AFP) - Forces loyal to the GNA said they had retaken two towns.").agency
    'AFP'
    """
    start, _ = body_start(text)
    end = text.find("\n", start)
    match = _match_dateline(text[start : len(text) if end < 0 else end], agencies={a.lower() for a in agencies})
    if match is None:
        return None
    place = match.group("place")
    upper = match.group("upper") is not None
    date = None
    month = match.group("month") or match.group("month2")
    if month is not None:
        numbers = lexicon().month_numbers
        day = int(match.group("day") or match.group("day2"))
        written = match.group("year") or match.group("year2") or year
        number = numbers.get(month.lower().rstrip("."))
        if written is not None and number is not None:
            try:  # a real day only: "Feb 31" or a year 0000 leaves the dateline undated
                date = datetime.date(int(written), number, day).isoformat()
            except ValueError:
                date = None
    return Dateline(
        start=start,
        end=start + match.end("dash"),
        place=_name_case(place, text) if upper else place,
        place_start=start + match.start("place"),
        place_end=start + match.end("place"),
        date=date,
        agency=match.group("agency"),
    )


def _name_case(name: str, text: str) -> str:
    """A place written in capitals as the text writes it elsewhere, else each word capitalised:
    "NEW YORK" → "New York"."""
    forms, _ = _body_forms(text)
    words = []
    for word in name.split(" "):
        seen = [form for form, _ in forms.get(word.lower(), Counter()).most_common() if not form.isupper()]
        chosen = seen[0] if seen else word[:1] + word[1:].lower()
        words.append(chosen if len(chosen) == len(word) else word)
    return " ".join(words)


def find_furniture(text: str) -> list[WireSpan]:
    """The sign-offs and bylines of ``text``: lines of their own after the headline ("By Jane
    Smith, Reuters") or at the end ("Reuter", "(AFP)", "Reporting by ...; Editing by ...").

    >>> [(s.kind, s.text) for s in find_furniture("Title\\nBy Ann Lee, Reuters\\nText.\\nREUTER\\n")]
    [('byline', 'By Ann Lee, Reuters'), ('signoff', 'REUTER')]
    """
    found = []
    agencies = lexicon().news_agencies
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    body = [(p, line) for p, line in lines[1:] if line.strip()]
    # A byline stands between the headline and the first paragraph; credits and sign-offs at the end.
    for start, line in body[:2]:
        if _BYLINE.match(line):
            found.append(_span("byline", start, line))
    for start, line in body[-3:]:
        plain = line.strip().strip("()").strip().lstrip("-—– ").strip()
        if plain.lower() in agencies:
            found.append(_span("signoff", start, line))
        elif _CREDITS.match(line) or (_BYLINE.match(line) and (start, line) not in body[:2]):
            found.append(_span("byline", start, line))
    if body and (not found or found[-1].start < body[-1][0]):
        # A sign-off at the end of the last paragraph: "... rose 2 dlrs. REUTER"
        start, line = body[-1]
        tail = _TRAILING_SIGNOFF.search(line)
        if tail is not None and tail.group(1).strip("()").lower() in agencies:
            found.append(WireSpan("signoff", start + tail.start(1), start + tail.end(1), tail.group(1)))
    return found


def _span(kind, start: int, line: str) -> WireSpan:
    stripped = line.strip()
    first = start + len(line) - len(line.lstrip())
    return WireSpan(kind, first, first + len(stripped), stripped)


def _body_forms(text: str) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """How the text after its first line writes each word: inside sentences, and at their starts."""
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    initial: dict[str, Counter[str]] = defaultdict(Counter)
    offset = text.find("\n") + 1 if "\n" in text else len(text)
    previous = offset  # what stands between a word and the one before it (that one keeps its own full stop)
    for match in _WORD.finditer(text, offset):
        before = text[previous : match.start()].rstrip(" \t\"'“‘(")
        if not before and previous > offset:
            before = text[previous - 1]  # two words with nothing but quotes and spaces between them
        previous = match.end()
        at_start = not before or before[-1] in ".!?:\n-—–"
        (initial if at_start else inside)[match.group().lower()][match.group()] += 1
    return inside, initial


def truecase_headline(text: str, *, skip: tuple[tuple[int, int], ...] = ()) -> str:
    """``text`` with an ALL-CAPS or Title Case first line (its headline) written as its body writes
    the same words: a word the body writes capitalised inside its sentences keeps the body's casing;
    any other is lower case (a word in capitals, or with a headline's capital, is no name on its own
    unless the body names it so). The headline's first word keeps its capital. Other headlines, and spans in ``skip``
    (tickers), are left as they are; the length never changes.

    >>> truecase_headline("ICAHN SAYS HE WILL SELL TWA STAKE\\nCarl Icahn said he would sell his TWA stake.")
    'Icahn says he will sell TWA stake\\nCarl Icahn said he would sell his TWA stake.'
    >>> truecase_headline("Mansfield 0-1 Leyton Orient\\nMansfield lost at home to Orient.")
    'Mansfield 0-1 Leyton Orient\\nMansfield lost at home to Orient.'
    """
    end = text.find("\n")
    if end < 0:
        return text  # a headline with no body to learn its casing from
    headline = text[:end]
    words = [m for m in _WORD.finditer(headline) if not any(a <= m.start() < b for a, b in skip)]
    casing = _display_casing([m.group() for m in words])
    if casing is None:
        return text  # decided before the body is read: most headlines are written as sentences
    inside, initial = _body_forms(text)
    if casing == "title" and _lowered(words, inside) < 2:
        return text
    chars = list(headline)
    for number, match in enumerate(words):
        word = match.group()
        key = word.lower()
        # Only the body's casing inside sentences tells a name: at a sentence's start every word has a capital.
        # A form with capitals past its first letter ("USAir", "IBM") is a name even at a sentence's start.
        named = [form for form, _ in initial.get(key, Counter()).most_common() if any(c.isupper() for c in form[1:])]
        chosen = inside[key].most_common(1)[0][0] if key in inside else named[0] if named else key
        if number == 0 and chosen.islower():
            chosen = chosen[:1].upper() + chosen[1:]
        if len(chosen) == len(word):
            chars[match.start() : match.end()] = chosen
    return "".join(chars) + text[end:]


def _display_casing(words: list[str]) -> str | None:
    """The casing of a headline's words: "capitals", "title" (every word but the small ones
    capitalised), or None for a headline written as a sentence."""
    alphabetic = [w for w in words if any(c.isalpha() for c in w)]
    if len(alphabetic) < 2:
        return None
    if sum(w.isupper() for w in alphabetic) >= 0.8 * len(alphabetic) and sum(len(w) > 1 for w in alphabetic) >= 2:
        return "capitals"
    content = [w for w in alphabetic if w.lower() not in lexicon().headline_small_words]
    return "title" if len(content) >= 3 and all(w[:1].isupper() for w in content) else None


def _lowered(words: list[re.Match[str]], inside: dict[str, Counter[str]]) -> int:
    """How many of a headline's capitalised words its body writes in lower case: Title Case needs two
    ("Dundee Utd 4-1 Aberdeen" is all names)."""
    small = lexicon().headline_small_words
    keys = {m.group().lower() for m in words if m.group()[:1].isupper()} - small
    return sum(1 for key in keys if key in inside and inside[key].most_common(1)[0][0].islower())


#: Words in capitals in a row that make a display line inside the body ("HOW IT ALL STARTED").
_CAPITALS_RUN = re.compile(r"\b[^\W\d_a-z](?:[^\W\d_a-z]|['’-])*(?:[ \t]+[^\W\d_a-z](?:[^\W\d_a-z]|['’-])*){2,}\b")


def truecase_capitals(text: str) -> str:
    r"""``text`` with each run of three or more words in capitals after its first line (a sub-heading or
    a lead-in, "HOW IT ALL STARTED The first awards ...") written as the rest of the text writes the same
    words inside its sentences: the body's most common form that is not in capitals, else the word itself
    when the body writes it in capitals elsewhere (an acronym), else lower case. A run at the start of a
    line keeps its first capital. Runs of which fewer than two words are written in lower case elsewhere
    ("ICAHN TWA USAIR") are left alone; the length never changes.

    >>> truecase_capitals("Oscars\nHOW IT ALL STARTED The awards went to Wings; it was all over as it started.")
    'Oscars\nHow it all started The awards went to Wings; it was all over as it started.'
    """
    end = text.find("\n")
    if end < 0:
        return text
    runs = list(_CAPITALS_RUN.finditer(text, end + 1))
    if not runs:
        return text
    # The body's forms, without the runs themselves, and with the word after a run read as a sentence's first.
    plain = list(text)
    for run in runs:
        plain[run.start() : run.end()] = "." + " " * (run.end() - run.start() - 1)
    inside, _ = _body_forms("".join(plain))
    chars = list(text)
    for run in runs:
        words = list(_WORD.finditer(run.group()))
        lower = [m for m in words if any(form.islower() for form in inside.get(m.group().lower(), ()))]
        if len(lower) < 2:
            continue
        for number, match in enumerate(words):
            word = match.group()
            forms = inside.get(word.lower(), Counter())
            written = [form for form, _ in forms.most_common() if not form.isupper() or len(form) == 1]
            chosen = written[0] if written else word if word in forms else word.lower()
            at_line_start = number == 0 and not text[text.rfind("\n", 0, run.start()) + 1 : run.start()].strip()
            if at_line_start and chosen.islower():
                chosen = chosen[:1].upper() + chosen[1:]
            if len(chosen) == len(word):
                start = run.start() + match.start()
                chars[start : start + len(word)] = chosen
    return "".join(chars)
