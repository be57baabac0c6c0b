"""Value expressions: the dates, times and amounts that say something on their own, and the
"5 Feb 94" dates of wire datelines that the small model misses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lang import lexicon_of
from ..vocab import DATE_LABELS, VALUE_LABELS


def values(doc: Doc) -> list[Span]:
    """The value expressions of ``doc`` that say something on their own: dates, times
    and amounts with a digit or a month name, and large numbers, without hedges
    ("about", "an estimated") or a leading article."""
    lex = lexicon_of(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ not in VALUE_LABELS or ent.label_ == "ORDINAL":
            continue
        if not any(ch.isdigit() for ch in ent.text) and not any(t.lower_ in lex.months for t in ent):
            continue  # "this week", "Monday", "hours": relative, kept only as the text of a qualifier
        start, end = ent.start, ent.end
        while start < end - 1 and doc[start].lower_ in lex.value_hedges:
            start += 1
        while (
            end - 1 > start
            and doc[end - 1].is_alpha
            and doc[end - 1].text[:1].isupper()
            and (doc[end - 1].lower_ not in lex.months)
        ):
            end -= 1  # "21 Feb 94 Morning Edition": a dateline's programme name
        while end < len(doc) and doc[end].text in lex.time_zones:
            end += 1  # "1700 GMT"
        span = doc[start:end]
        if ent.label_ in DATE_LABELS and len(span) == 1 and span[0].is_digit and len(span[0]) <= 2:
            continue  # a bare "15" tagged as a date is mostly an age or a count
        if len(span) == 1 and span[0].tag_ == "JJ" and span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"):
            continue  # "the 18th President", "the 31st president": an ordinal before a noun counts, it dates nothing
        has_digit = any(ch.isdigit() for ch in span.text)
        if ent.label_ == "CARDINAL" and not (
            has_digit
            and (
                any(t.lower_ in lex.large_numbers for t in span)
                or any(
                    t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 1000
                    for t in span
                )
            )
        ):
            continue
        if ent.label_ in DATE_LABELS and not (
            has_digit or any(t.lower_ in lex.months or t.lower_ in lex.weekdays for t in span)
        ):
            continue
        found.append(span)
    return sorted(found + _day_month_year(doc, found), key=lambda span: span.start)


def _day_month_year(doc: Doc, found: list[Span]) -> list[Span]:
    """Dates written "5 Feb 94" (news-wire datelines) that the small model misses."""
    taken = {i for span in found for i in range(span.start, span.end)} | {
        i for ent in doc.ents for i in range(ent.start, ent.end) if ent.label_ == "DATE"
    }
    months = lexicon_of(doc).months
    dates = []
    for token in doc[:-2]:
        month, year = doc[token.i + 1], doc[token.i + 2]
        if (
            token.is_digit
            and len(token) <= 2
            and month.lower_.rstrip(".") in months
            and year.is_digit
            and len(year) in (2, 4)
            and not taken & {token.i, month.i, year.i}
        ):
            dates.append(doc[token.i : token.i + 3])
    return dates
