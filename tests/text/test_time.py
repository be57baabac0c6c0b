"""Time expressions on the calendar (no model needed)."""

import pytest

from kg.read import document_from_text
from kg.text.time import normalise_time

ARTICLE = "2020-04-30"  # a Thursday


@pytest.mark.parametrize(
    "text, value, datatype",
    [
        ("on Thursday", "2020-04-30", "date"),
        ("on Wednesday", "2020-04-29", "date"),
        ("the day before", "2020-04-29", "date"),
        ("yesterday", "2020-04-29", "date"),
        ("on April 24", "2020-04-24", "date"),
        ("24 Feb 94", "1994-02-24", "date"),
        ("April 30, 2020", "2020-04-30", "date"),
        ("in April last year", "2019-04", "gYearMonth"),
        ("in December", "2019-12", "gYearMonth"),  # a month well after the article: the one before
        ("April 2019", "2019-04", "gYearMonth"),
        ("last month", "2020-03", "gYearMonth"),
        ("since 2011", "2011", "gYear"),
        ("two days ago", "2020-04-28", "date"),
    ],
)
def test_expressions_with_the_article_date(text, value, datatype):
    found = normalise_time(text, ARTICLE)
    assert (found.value, found.datatype) == (value, datatype)


@pytest.mark.parametrize(
    "text, value, datatype",
    [
        # read by dateparser: kg had no rule for these
        ("last Thursday", "2020-04-23", "date"),  # in a Thursday paper: the week before
        ("last Thursday night", "2020-04-23", "date"),
        ("next Monday", "2020-05-04", "date"),
        ("the day before yesterday", "2020-04-28", "date"),
        ("a fortnight ago", "2020-04-16", "date"),
        ("three months ago", "2020-01", "gYearMonth"),
        ("a year ago", "2019", "gYear"),
    ],
)
def test_relative_expressions_read_by_dateparser(text, value, datatype):
    found = normalise_time(text, ARTICLE)
    assert (found.value, found.datatype) == (value, datatype)


@pytest.mark.parametrize(
    "text, value",
    [
        # kg's own rules, where dateparser reads a news text differently or not at all
        ("on Thursday", "2020-04-30"),  # dateparser: 2020-04-23
        ("the previous day", "2020-04-29"),  # dateparser: nothing
        ("a day later", "2020-05-01"),  # dateparser: nothing
        ("in May", "2020-05"),  # within six months of the article; dateparser: 2019-05
    ],
)
def test_news_conventions_dateparser_does_not_follow(text, value):
    assert normalise_time(text, ARTICLE).value == value


def test_later_counts_from_the_story_not_from_the_article():
    # "two days later" follows an event of the story: dateparser would count from the article's date
    assert normalise_time("two days later", ARTICLE) is None


def test_a_week_is_a_period():
    found = normalise_time("last week", ARTICLE)
    assert (found.value, found.start, found.end) == (None, "2020-04-20", "2020-04-26")


@pytest.mark.parametrize("text", ["on Thursday", "last week", "in April"])
def test_relative_expressions_need_the_article_date(text):
    assert normalise_time(text) is None


@pytest.mark.parametrize("text", ["in recent weeks", "during the holy month", "2.5 million", "the 1,500 troops"])
def test_what_is_not_a_date_stays_text(text):
    assert normalise_time(text, ARTICLE) is None


def test_a_date_line_after_the_headline_dates_the_article():
    document = document_from_text("Libya truce\nThursday 30 April 2020\nTripoli (AFP) - ...", doc_id="d")
    assert document.date == "2020-04-30"
    assert document_from_text("Libya truce\nHaftar said on Thursday ...", doc_id="d").date is None


@pytest.mark.parametrize(
    "text",
    [
        "800000 days ago",
        "on Feb 29 2019",
        "2001-13-45",
        "in the 1990s",
        "between 2001 and 2003",
        "the 2011-12 season",
        "at 1800 GMT",
        "up 2000 points",
        "may",
        "3000 years ago",
    ],
)
def test_no_wrong_dates(text):
    assert normalise_time(text, ARTICLE) is None


def test_a_word_after_a_whole_expression_is_not_part_of_it(nlp):
    """Extraction reads "the day" + "after" together, so "rose last week after the attacks" reached the
    parser as "last week after", which dateparser took for one day; it is the week."""
    from kg.extract import extract

    text = "Oil prices\nPrices rose last week after attacks in the capital renewed fears about supply."
    document = document_from_text(text, doc_id="oil", date="2020-01-01")
    times = [q.time for r in extract(document, nlp(text)).relations for q in r.qualifiers if q.kind == "time"]
    assert times and all(t is not None and (t.start, t.end) == ("2019-12-23", "2019-12-29") for t in times)
    assert normalise_time("the day after", "2020-01-01").value == "2020-01-02"  # "after" still belongs here


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Stevens will win his third cap on Sunday after two games as a replacement.", "2020-01-05"),
        ("Stevens won his third cap on Sunday after two games as a replacement.", "2019-12-29"),
        ("The minister will visit the region in August.", "2020-08"),
    ],
)
def test_a_clause_about_the_future_dates_its_weekday_and_month_forward(nlp, sentence, expected):
    """In a paper of Wednesday 1 January 2020, "will win ... on Sunday" is 5 January, "won ... on Sunday"
    29 December; "will visit in August" is August 2020 (not August 2019, as a month more than six months ahead was)."""
    from kg.extract import extract

    text = "Wales\n" + sentence
    document = document_from_text(text, doc_id="future", date="2020-01-01")
    values = {q.time.value for r in extract(document, nlp(text)).relations for q in r.qualifiers if q.time}
    assert values == {expected}
