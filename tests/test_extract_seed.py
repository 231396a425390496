"""The per-article extractors on the seed article, from our own reading of it, and on small tables."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from newsledger.extract.quantities import parse_number
from newsledger.extract.times import Context, normalise

FRI = dt.date(2024, 10, 18)


def test_seed_times(sample_extraction):
    got = {(t.text, t.value) for t in sample_extraction.times}
    assert {
        ("Friday", "2024-10-18"),
        ("Thursday", "2024-10-17"),
        ("June", "2024-06"),
        ("October 3", "2024-10-03"),
    } <= got
    earlier = next(t for t in sample_extraction.times if t.text.lower() == "earlier this month")
    assert (earlier.earliest, earlier.latest) == (dt.date(2024, 10, 1), FRI)


def test_seed_quantities(sample_extraction):
    got = {(q.text, q.low, q.high, q.unit) for q in sample_extraction.quantities}
    assert ("12,000", 12000, 12000, "soldier") in got
    assert ("four", 4, 4, "brigade") in got
    assert ("10,000", 10000, 10000, "soldier") in got
    assert ("tens of thousands", 20000, 99999, "boot") in got


def test_seed_claims(sample_extraction):
    by_cue = {
        (c.source.name or c.source.text if c.source else None, c.cue.text): c
        for c in sample_extraction.claims
    }
    nis = by_cue[("National Intelligence Service", "declined to confirm")]
    assert nis.source is not None and nis.source.text == "The NIS" and nis.source.entity_id == "intel:nis"
    assert nis.stance == "declines_to_confirm"
    assert [v.name for v in nis.via] == ["National Intelligence Service", "AFP"]
    assert [v.entity_id for v in nis.via] == ["intel:nis", "media:afp"]
    src = by_cue[("an NIS source", "told")]
    assert src.quote == "direct" and [v.name for v in src.via] == ["an NIS source", "Yonhap"]
    assert src.content.text == "The movement of North Korean troops has already begun,"  # as quoted
    he = by_cue[("Volodymyr Zelensky", "suggested")]
    assert "suggested" in he.hedges
    seen = by_cue[("Volodymyr Zelensky", "said")]
    assert seen.quote in ("indirect", "direct")
    inner = next(c for c in sample_extraction.claims if c.source and c.source.text.startswith("The National"))
    assert inner.content.text.startswith("it has learned that the North")
    assert (inner.via[-1].name, inner.via[-1].entity_id) == ("Yonhap", "media:yonhap")


@pytest.mark.parametrize(
    ("text", "future", "value"),
    [
        ("Friday", False, "2024-10-18"),  # published on a Friday: that day
        # "will meet on Friday", written on a Friday: that day (a week ahead is "next Friday")
        ("Friday", True, "2024-10-18"),
        ("Monday", True, "2024-10-21"),
        ("next Friday", False, "2024-10-25"),
        ("Monday", False, "2024-10-14"),
        ("this coming Sunday", False, "2024-10-20"),
        ("the previous Friday", False, "2024-10-11"),  # no day named before: counted from publication
        ("the following Monday", False, "2024-10-21"),
        ("in June", False, "2024-06"),
        ("in December", False, "2023-12"),
        ("in December", True, "2024-12"),
        ("yesterday", False, "2024-10-17"),
        ("last year", False, "2023"),
        ("next month", False, "2024-11"),
        ("Oct. 3", False, "2024-10-03"),
        ("3 October", False, "2024-10-03"),
        ("two days ago", False, "2024-10-16"),
        ("2024-02-29", False, "2024-02-29"),
        ("for three years", False, "P3Y"),
        ("nearly forty years", False, "P40Y"),
        ("two-week", False, "P2W"),
        ("10-hour", False, "PT10H"),
        ("a couple of years", False, "P2Y"),
        ("weeks", False, "PXW"),
        ("recent days", False, "PXD"),  # TimeBank: "recent years" is a duration of some years
        ("several years ago", False, "PAST_REF"),
        ("six weeks ago", False, "2024-W36"),
        ("the third quarter", False, "2024-Q3"),
        ("fourth-quarter", False, "2024-Q4"),
        ("this summer", False, "2024-SU"),
        ("last winter", False, "2023-WI"),
        ("this evening", False, "2024-10-18TEV"),
        ("tonight", False, "2024-10-18TNI"),
        ("daily", False, "P1D"),  # a SET of period one day, as TimeBank writes it
        ("every Monday", False, "XXXX-WXX-1"),
        ("now", False, "PRESENT_REF"),
        ("the 1990s", False, "199"),  # TIMEX3: a decade is its first three digits
        ("the late nineties", False, "199"),
        ("this decade", False, "202"),
        ("Dec. 15", False, "2024-12-15"),  # past clause, but within the slack: a scheduled date
        ("the end of the month", False, "2024-10"),  # TimeML: the month (the "end" is a modifier)
        ("the end of the week", False, "2024-W42"),
        ("year's end", False, "2024"),
        ("year-end", False, "2024-12-31"),
        ("summer", False, "2024-SU"),
        ("winter", False, "2023-WI"),  # a past clause in October: the last winter
        ("winter", True, "2024-WI"),
        ("the weeks ahead", False, "PXW"),
        ("an additional year", False, "P1Y"),
        ("two more years", False, "P2Y"),
        ("another week", False, "P1W"),
        ("more than two years", False, "P2Y"),
        ("longer than 30 minutes", False, "PT30M"),
        ("two and a half years", False, "P2Y6M"),
        ("October 3rd", False, "2024-10-03"),
        ("Oct. 3rd", False, "2024-10-03"),
        ("October 3rd, 2023", False, "2023-10-03"),
        ("a year and a half", False, "P1Y6M"),
        ("half an hour", False, "PT30M"),
        ("a half-hour", False, "PT30M"),
        ("half a day", False, "PT12H"),
        ("a half-second", False, "PT0.5S"),
        ("half a minute", False, "PT30S"),
        ("half a week", False, "P0.5W"),
        ("half a year", False, "P6M"),
        ("half a decade", False, "P5Y"),
        # half a unit in the next smaller one, as the TempEval-3 gold writes it ("5 1/2 hours" PT5H30M)
        ("one and a half days", False, "P1DT12H"),
        ("5 1/2 hours", False, "PT5H30M"),
        ("5 ½ years", False, "P5Y6M"),
        ("1-1/2 year", False, "P1Y6M"),  # the wires' fraction ("a near 1-1/2 year trade war")
        ("5-1/2 hours", False, "PT5H30M"),
        ("2.5 hours", False, "PT2H30M"),
        ("a minute and a half", False, "PT1M30S"),
        ("two and a half decades", False, "P25Y"),
        ("3 1/2 weeks", False, "P3.5W"),
        ("this election year", False, "2024"),
        ("mid afternoon", False, "2024-10-18TAF"),
        ("mid-afternoon yesterday", False, "2024-10-17TAF"),
        ("January nineteen ninety-seven", False, "1997-01"),
        ("5 p.m. EST, Nov. 6", True, "2024-11-06T17:00"),
        # reporting shorthand
        ("Q3", False, "2024-Q3"),
        ("Q3 2023", False, "2023-Q3"),
        ("3Q24", False, "2024-Q3"),
        ("H1 2025", True, "2025-H1"),
        ("FY2024", False, "2024"),
        ("the 2008 fiscal year", False, "2008"),  # a year, not a stretch of 2,008 years
        ("the September quarter", False, "2024-Q3"),  # a quarter named by the month it ends in
        ("the 2010 season", False, "2010"),
        ("FY 25", True, "2025"),
        # ISO 8601 and feed timestamps
        ("2024-10-03T14:00Z", False, "2024-10-03T14:00"),
        ("2024-10-03 14:00:05+02:00", False, "2024-10-03T14:00"),
        ("2024/10/03", False, "2024-10-03"),
    ],
)
def test_normalise(text: str, future: bool, value: str):
    tx = normalise(text, FRI, future=future)
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a two-digit year is the one in the hundred years that end 19 after publication, in every form
        ("FY '31", dt.date(2026, 11, 28), "2031"),
        ("FY '31", dt.date(1989, 11, 2), "1931"),
        ("Q2 '45", dt.date(2026, 11, 28), "2045-Q2"),
        ("Q2 '46", dt.date(2026, 11, 28), "1946-Q2"),
        ("3/10/31", dt.date(2026, 11, 28), "2031-03-10"),
        ("3/10/31", dt.date(1989, 11, 2), "1931-03-10"),
        ("'98", dt.date(2026, 11, 28), "1998"),
        ("'98", dt.date(1989, 11, 2), "1998"),
    ],
)
def test_two_digit_years_are_read_against_the_publication_year(text: str, published: dt.date, value: str):
    tx = normalise(text, published)
    assert tx is not None and tx.value == value


@pytest.mark.parametrize("text", ["fall", "the year ahead of", "banana", "both", "an"])
def test_not_normalised(text: str):
    tx = normalise(text, FRI)
    assert tx is None or tx.value is None


def test_the_following_month_counts_from_the_month_last_named():
    ctx = Context()
    assert normalise("in March", FRI, context=ctx) is not None and ctx.month == (2024, 3)
    tx = normalise("The following month", FRI, context=ctx)
    assert tx is not None and tx.value == "2024-04"
    assert normalise("the following month", FRI, context=Context()) is None  # nothing named: no value
    assert normalise("the day before", FRI, context=Context()) is None


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # an article, "both" before a date, a year or a compound adjective is not part of the expression
        ("The shares came from an Aug. 10, 1988, stock purchase.", "Aug. 10, 1988", "1988-08-10"),
        ("It will dilute earnings in both 1990 and 1991.", "1990", "1990"),
        ("The quake will result in a fourth-quarter charge.", "fourth-quarter", "2024-Q4"),
        # a clock time and the date after it are one expression
        ("The offer expires at 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6", "2024-11-06T17:00"),
        ("Shares fell at mid-afternoon yesterday.", "mid-afternoon yesterday", "2024-10-17TAF"),
        ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),  # the model tags nothing here
        ("It happened on 3rd October.", "3rd October", "2024-10-03"),  # the model tags the 3rd ORDINAL
        ("From 2015 to 2019, he led the army.", "2019", "2019"),  # the model tags nothing here either
        # "the day before" counts from the day last named; the model tags only "The day"
        ("Kyiv was hit on Tuesday. The day before, drones struck Odesa.", "The day before", "2024-10-14"),
        ("On Monday he resigned; the day after, he left.", "the day after", "2024-10-15"),
        ("They left the day before Thanksgiving.", "Thanksgiving", "2023-11-23"),  # then it is the holiday
        # a count before "a year ago" is what was counted then, not a number of years
        ("It has 13 plants, up from seven a year ago.", "a year ago", "2023"),
        ("It expires at the the end of November.", "the end of November", "2024-11"),  # a doubled "the"
        ("Cars crossed the border in 1994, 1995 and 1997.", "1995", "1995"),  # years in a list are each one
        ("The deal closed on Oct. 3, 1995.", "Oct. 3, 1995", "1995-10-03"),  # ... but a date keeps its year
        # a week of a month is the ISO week holding most of its days; half a month is the month
        ("Troops arrived in the first week of October.", "the first week of October", "2024-W40"),
        ("Talks will resume in the last week of November.", "the last week of November", "2024-W48"),
        ("He left in the second half of September.", "the second half of September", "2024-09"),
        # "days" alone is not kept; after "within" it is
        ("The deal could be signed within days.", "days", "PXD"),
        (
            "The attack came in the early hours of Friday.",
            "Friday",
            "2024-10-18",
        ),  # not a TIME without a value
        ("Kyiv was hit in the small hours of Oct. 3.", "Oct. 3", "2024-10-03"),
        # Easter and the days around it, which the model does not tag
        ("Shops were shut on Easter Monday.", "Easter Monday", "2024-04-01"),
        ("He was arrested on Good Friday.", "Good Friday", "2024-03-29"),
        # wire and military clock times, on the day last named
        ("Kyiv was hit on Tuesday. At 0400 GMT, drones struck again.", "0400 GMT", "2024-10-15T04:00"),
        ("Sirens sounded at 2300 local time.", "2300 local time", "2024-10-18T23:00"),
        ("Troops moved at 0600 hours.", "0600 hours", "2024-10-18T06:00"),
        # "the year" is the article's year, unless it is a reporting period that ended
        ("It was the deadliest attack of the year.", "the year", "2024"),
        ("For the year ended June 30, profit fell.", "the year", "P1Y"),
        ("Russia invaded 1,000 days ago.", "1,000 days ago", "2022-01-22"),  # a count with a comma
        # a fortnight is two weeks (the model tags nothing)
        ("He left a fortnight ago.", "a fortnight ago", "2024-W40"),
        ("Over the past fortnight, shelling grew.", "the past fortnight", "P2W"),
        ("The progress of these past eight years was real.", "these past eight years", "P8Y"),
        # a scraped tweet runs the date into its link
        ("The interview airs on September 30th.https://t.co/hbaWqfjJcp", "September 30th", "2024-09-30"),
        ("The music of the 80s is back.", "80s", "198"),  # a decade without the apostrophe
        ("It is a 21st-century economy.", "21st-century", "20"),
        # ahead of the publication date as "ago" is behind it
        ("By a year from now, it will have changed.", "a year from now", "2025"),
        ("Three days from now it ends.", "Three days from now", "2024-10-21"),
        ("It happened a long time ago.", "a long time ago", "PAST_REF"),
        ("The turnout was the highest since at least 1980.", "at least 1980", "1980"),
        ("On March 23 of this year, he spoke.", "March 23 of this year", "2024-03-23"),
        # counted back from the day last named
        (
            "Kyiv was hit on Tuesday. Four days earlier, drones struck Odesa.",
            "Four days earlier",
            "2024-10-11",
        ),
        # "N years earlier" from the year the story is in; "ago" from publication
        (
            "He told the magazine in 2013 that he would not run. Five years earlier, he had decided so.",
            "Five years earlier",
            "2008",
        ),
        ("Fiorina called Compaq in 2001. She had moved a year earlier from AT&T.", "a year earlier", "2000"),
        (
            "A poll in December 2015 found that, relative to two years earlier, more agreed.",
            "two years earlier",
            "2013",
        ),
        ("She won in 2008. A year ago, she lost.", "A year ago", "2023"),
        ("It was the 1960s. Ten years earlier, he left.", "Ten years earlier", None),  # a decade: no year
        ("He stayed up all night.", "all night", "P1D"),
        ("He led it for a quarter-century.", "a quarter-century", "P25Y"),
        ("The jet is a mere 30 minutes away.", "a mere 30 minutes", "PT30M"),
        ("The stock was down for four straight years.", "four straight years", "P4Y"),
        # the shopping days after Thanksgiving (the model tags them EVENT or the weekday alone)
        ("This is the cheapest TV of the Black Friday season.", "Black Friday", "2024-11-29"),
        ("Deals start on Cyber Monday.", "Cyber Monday", "2024-12-02"),
        ("He will be a delegate at this summer’s convention.", "this summer", "2024-SU"),  # model: "summer"
        ("Zimbabwe in the ‘90s", "the ‘90s", "199"),  # an opening quote for the apostrophe
        ("He came to epitomize wealth during the 80's.", "80's", "198"),  # the "'s" of a decade
        ("After the collapse of the market of the 1980’s, debt rose.", "1980’s", "198"),
        ("In 1990's budget, cuts came.", "1990", "1990"),  # a year's possessive
        # a headline capitalises every word: "This Week" there is a time, not a show
        ("Trump Leads Clinton In Three Polls Released This Week", "This Week", "2024-W42"),
        ("On New Year’s Eve, crowds gathered.", "New Year’s Eve", "2023-12-31"),  # a curly apostrophe
        # "the week", "the month": of the day or month last named, else of the publication date
        ("Jobs rose in September, with 151,000 added during the month.", "the month", "2024-09"),
        ("She started the week with a speech in Harlem.", "the week", "2024-W42"),
        ("Earlier in the week, Trump called for a prosecutor.", "Earlier in the week", "2024-W42"),
        ("Bush quit the race earlier in the evening.", "earlier in the evening", "2024-10-18TEV"),
        ("The show airs at 9 p.m. Eastern.", "9 p.m. Eastern", "2024-10-18T21:00"),
        # the model runs a day into the words around it: the day alone ("the convention Monday")
        ("Sanders is scheduled to address the convention Monday night.", "Monday night", "2024-10-21TNI"),
        ("He met with Rubio a year ago.", "a year ago", "2023"),
        ("Sanders said on Twitter Thursday that it was wrong.", "Thursday", "2024-10-17"),
        # ... but keeps a whole made of time words, and no part of a range stands for it
        (
            "The vote is this coming Sunday, October twentieth.",
            "this coming Sunday, October twentieth",
            "2024-10-20",
        ),
        # a year or a day named in words or after a stray comma
        ("He will rule from January 20 next year.", "January 20 next year", "2025-01-20"),
        ("The story broke in March, 2015 in the Times.", "March, 2015", "2015-03"),
        ("In June 2008 he won. In early June of that year he left.", "early June of that year", "2008-06"),
        (  # a decade ("197") is no year the story moves to
            "In June 2008 he won, as in the 1970’s. In early June of that year he left.",
            "early June of that year",
            "2008-06",
        ),
        # "one day" after a modal lies ahead, unsaid when
        ("Fears grew that China would one day dominate the country.", "one day", "FUTURE_REF"),
        # a day right after its week is that week's
        ('"Last week, in fact, on Tuesday, I was ahead," he said.', "Tuesday", "2024-10-08"),
        # a holiday's weekend: the one before a Monday holiday
        ("Traffic was heavy over the Labor Day weekend.", "the Labor Day weekend", "2024-W35-WE"),
        ("They married on Memorial Day weekend.", "Memorial Day weekend", "2024-W21-WE"),
        # a weekday counted in a month or a week
        ("At 2 p.m. on the last Friday in August, the board met.", "the last Friday in August", "2024-08-30"),
        ("Labor Day is on the first Monday in September.", "the first Monday in September", "2024-09-02"),
        ("Police released video on Monday of last week.", "Monday of last week", "2024-10-07"),
        # a day word the model did not tag
        ("Some adults planned to apply for visas today at the U.S. mission here.", "today", "2024-10-18"),
        ("``Today, I'm here to tell you we have our suspect,'' said Bernard Tolbert.", "Today", "2024-10-18"),
        (
            "Mook said as much in an interview earlier Thursday morning, arguing that.",
            "Thursday morning",
            "2024-10-17TMO",
        ),
        # a capitalised day word that starts a quote, or follows no name, is a day
        ("Rubio says, “Tonight was supposed to be Ted Cruz’s night.”", "Tonight", "2024-10-18TNI"),
        ("Ten Things to Know for Today.", "Today", "2024-10-18"),
        # the attacks of 11 September 2001, named by their date; not this year's memorial
        ("It has trafficked in Sept. 11 conspiracy theories.", "Sept. 11", "2001-09-11"),
        ("The 9/11 attacks changed everything.", "9/11", "2001-09-11"),
        ("She collapsed during the Sept. 11 memorial ceremony.", "Sept. 11", "2024-09-11"),
        # … as are other events named by their date, before a word of the event
        ("Israel has fought in Gaza since the October 7 attack by Hamas.", "October 7", "2023-10-07"),
        ("The 7 October massacre shocked Israel.", "7 October", "2023-10-07"),
        ("The Jan. 6 committee released its report.", "Jan. 6", "2021-01-06"),
        ("He was at the 26/11 memorial in Mumbai.", "26/11", "2008-11-26"),
        ("Survivors of the 7/7 bombings met.", "7/7", "2005-07-07"),
        ("The talks on Oct. 7 went well.", "Oct. 7", "2024-10-07"),  # a day of the article's year
        # … and the clock times after them are still the article's day
        (
            "Clinton noted the Sept. 11 attacks.  ___.  9:05 p.m.  Sanders spoke.",
            "9:05 p.m",
            "2024-10-18T21:05",
        ),
        # shorthand the model tags only the year of, or not at all
        ("Profit rose 5% in Q3 2023 to $4 billion.", "Q3 2023", "2023-Q3"),
        ("Revenue for 3Q24 beat forecasts.", "3Q24", "2024-Q3"),
        # the week before or after the day last named
        (
            "The talks, set for next Tuesday, were postponed to the following week.",
            "the following week",
            "2024-W44",
        ),
        ("On Oct. 3 he met Kim; the week before, he had met Putin.", "the week before", "2024-W39"),
        # how often: a season or a part of every year or day, and so many times in each unit
        ("Each spring the river floods.", "Each spring", "XXXX-SP"),
        ("The clinic opens every morning at 8 a.m.", "every morning", "XXXX-XX-XXTMO"),
        ("He was there every night.", "every night", "XXXX-XX-XXTNI"),
        ("The board meets twice a year in Ohio.", "twice a year", "P1Y"),
        ("She calls once a week.", "once a week", "P1W"),
        ("They meet several times a month.", "several times a month", "P1M"),
        ("He came back once a year ago.", "a year ago", "2023"),
        # a list of days, each its own; a span of a month narrowed twice, one
        ("Hearings were held March 13, March 21 and March 23.", "March 21", "2024-03-21"),
        ("It happened in early to mid-April.", "early to mid-April", "2024-04"),
        ("Snow fell mid to late March.", "mid to late March", "2024-03"),
        # the same month, quarter or period a year before the one last named
        ("Casinos won less in October than the same month last year.", "the same month last year", "2023-10"),
        (
            "Sales in the third quarter rose from the same quarter last year.",
            "the same quarter last year",
            "2023-Q3",
        ),
        ("Revenue in October rose from the same period last year.", "the same period last year", "2023-10"),
        ("Sales rose from the same month last year.", "the same month last year", None),  # no month named
        # the second year of a run the model tags only the first year of
        ("Sales grew from 2010 to 2013 in Ohio.", "2013", "2013"),
        ("He led the team in the 2015-16 season.", "2015-16 season", "201"),
        # the day, or the month, after or of the one last named, also where the model leaves it out
        (
            "He met Stevens on Sept. 10, 2012. He declined to comment further.  The following day, about "
            "5:15 a.m., the base came under mortar fire.",
            "5:15 a.m.",
            "2012-09-11T05:15",
        ),
        ("He spoke on May 3. The donation was made that same day.", "that same day", "2024-05-03"),
        ("In March, the PAC grew. That same month, a rival PAC was set up.", "That same month", "2024-03"),
        (  # not in a sentence of what usually happens
            "Cases were reported Tuesday morning. Owners usually discover the damage the following morning.",
            "the following morning",
            None,
        ),
        # Super Tuesday: the one of the campaign under way (2024-03-05), the model tags "Tuesday" alone
        ("Minnesota is key in his Super Tuesday strategy.", "Super Tuesday", "2024-03-05"),
        # a march, not the month
        ("Sanders took part in the 1963 March on Washington as a student.", "1963", "1963"),
        # that month, day or week some years ago
        (
            "He was revived, just as Clinton was eight years ago this month.",
            "eight years ago this month",
            "2016-10",
        ),
        ("A year ago today, the war began.", "A year ago today", "2023-10-18"),
        # "today" and "tomorrow" for the present or the future at large
        ("These are the problems of today, he said.", "today", "PRESENT_REF"),
        ("Jazz flourished in the twenties.", "the twenties", "192"),
        ("Together we may provide a better tomorrow for mothers.", "tomorrow", "FUTURE_REF"),
        ("He will leave for Paris tomorrow.", "tomorrow", "2024-10-19"),
        # a clock time joins the day right after it, also after another clock time earlier in the sentence
        # (a timetable in the present, written on a Friday: the coming Sunday)
        (
            "Other games are 2 p.m. Saturday and noon Sunday. For tickets call.",
            "noon Sunday",
            "2024-10-20T12:00",
        ),
        # a clock time right before the day it falls on takes that day
        ("The attack began at 10:30 a.m. on Monday.", "10:30 a.m.", "2024-10-14T10:30"),
        ("It happened at 14:00 UTC on 3 October.", "14:00 UTC", "2024-10-03T14:00"),
        ("The blast came at 0300 GMT on Tuesday.", "0300 GMT", "2024-10-15T03:00"),
        (  # also where the stop of "a.m." stands between them
            "The tour stops in Ohio on July 22. Tickets go on sale at 10 a.m. Friday, Dec. 6. It sold out.",
            "10 a.m",
            "2024-12-06T10:00",
        ),
        # a clock time with the part of the day after it
        (
            "The plan should be ready by 6 o'clock this afternoon.",
            "6 o'clock this afternoon",
            "2024-10-18T18:00",
        ),
    ],
)
def test_extent_and_value_in_a_sentence(nlp, sentence: str, expr: str, value: str | None):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), FRI)
    assert any(t.text == expr and t.value == value for t in times), times


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack came in the early hours of Friday.",
        "Kyiv was hit in the small hours of Oct. 3.",
        "In the early hours of Thursday, missiles struck Kyiv.",  # the model tags "the early hours of"
    ],
)
def test_the_early_hours_of_a_day_is_that_day_alone(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), FRI)
    assert len(times) == 1 and times[0].value is not None, times


def test_the_week_or_month_of_a_stale_date_is_the_publications(nlp):
    from newsledger.extract.times import extract_times

    filler = "Supporters filled the hall, and aides handed out signs to the crowd outside. " * 5
    text = f"He first ran in April 2015. {filler}He will be at the college later in the month."
    times = extract_times(nlp(text), FRI)
    assert [(t.text, t.value) for t in times][-1] == ("the month", "2024-10")
    text = "On March 25, 2015, the firm held a call. Sometime in the week that followed, he wiped it."
    times = extract_times(nlp(text), FRI)
    assert [(t.text, t.value) for t in times][-1] == ("the week", "2015-W13")  # named just before


@pytest.mark.parametrize(
    ("published", "sentence", "value"),
    [
        ("2016-01-31", "It probably will not happen until after Super Tuesday on March 1.", "2016-03-01"),
        ("2016-03-10", "Rubio's poor showings on Super Tuesday hurt him.", "2016-03-01"),
        ("2019-06-01", "He lost on Super Tuesday.", "2016-03-01"),  # told in the past, a year before the next
        ("2008-03-10", "He won on Super Tuesday.", "2008-02-05"),
    ],
)
def test_super_tuesday_is_the_campaigns(nlp, published: str, sentence: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), dt.date.fromisoformat(published))
    assert [(t.text, t.value) for t in times if t.text == "Super Tuesday"] == [("Super Tuesday", value)]


def test_super_tuesday_is_no_day_the_story_moves_to(nlp):
    """A live blog's clock times after "heading to the Super Tuesday contests" are still the day it is on."""
    from newsledger.extract.times import extract_times

    text = "Sanders is heading to the Super Tuesday contests.  ___.  5:45 p.m.  Clinton thanked Nevadans."
    times = {t.text: t.value for t in extract_times(nlp(text), dt.date(2016, 2, 20))}
    assert times["Super Tuesday"] == "2016-03-01" and times["5:45 p.m"] == "2016-02-20T17:45"
    # lowercase, a figure of speech: the weekday
    text = "She called it “another super Tuesday for our campaign.”"
    assert [t.value for t in extract_times(nlp(text), dt.date(2016, 3, 15))] == ["2016-03-15"]


def test_time_expressions_never_overlap(nlp):
    """A clock time joins the day after it only when it is no part of another expression ("10 a.m. to
    5 p.m." + "Monday" had given both "5 p.m" and "5 p.m. Monday")."""
    from newsledger.extract.times import extract_times

    text = "It is open from 10 a.m. to 5 p.m. Monday through Friday and from 10 a.m. to 4 p.m. Saturday."
    times = extract_times(nlp(text), FRI)
    spans = [(t.start, t.end, t.text) for t in times]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), spans


def test_a_month_named_after_a_day_ends_that_days_reference(nlp):
    """ "the day before" after "in July 2008" is no day before the Tuesday named earlier."""
    from newsledger.extract.times import extract_times

    text = "Kyiv was hit on Tuesday. They met again in July 2008. The day before, a bus was rammed."
    times = {t.text: t.value for t in extract_times(nlp(text), FRI)}
    assert times["Tuesday"] == "2024-10-15" and times["July 2008"] == "2008-07"
    assert times["The day before"] is None
    # a month that holds the day keeps it
    text = "Kyiv was hit on Oct. 15. Strikes grew in October. The day before, a bus was rammed."
    assert {t.text: t.value for t in extract_times(nlp(text), FRI)}["The day before"] == "2024-10-14"


def test_a_week_of_a_month_spans_its_days():
    tx = normalise("the first week of October", FRI)
    assert tx is not None and (tx.earliest, tx.latest) == (dt.date(2024, 10, 1), dt.date(2024, 10, 7))
    tx = normalise("the last week of November", FRI, tense="future")
    assert tx is not None and (tx.earliest, tx.latest) == (dt.date(2024, 11, 24), dt.date(2024, 11, 30))


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("the previous Friday", "2024-10-04"),
        ("the following Monday", "2024-10-14"),
        ("the prior Friday", "2024-10-04"),
        ("the day before", "2024-10-08"),
        ("the day after", "2024-10-10"),
    ],
)
def test_previous_and_following_weekday_count_from_the_day_last_named(phrase: str, value: str):
    ctx = Context()
    named = normalise("Oct. 9", FRI, context=ctx)  # a Wednesday, named earlier in the article
    assert named is not None and ctx.day == dt.date(2024, 10, 9)
    tx = normalise(phrase, FRI, context=ctx)
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("in December", "past", "2023-12"),  # a past clause never points after the anchor
        ("in December", "present", "2024-12"),  # the anchor's year
        ("in March", "future", "2025-03"),  # a future clause never points before it
        ("March 30", "present", "2025-03-30"),  # no past or future: the nearest March 30
        ("June 30", "present", "2024-06-30"),
    ],
)
def test_month_year_follows_the_clause_tense(text: str, tense: str, value: str):
    tx = normalise(text, FRI, tense=tense)
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    ("published", "tense", "value"),
    [
        ("2016-03-07", "present", "2016-11"),  # an election year, from March: the election's November
        ("2016-03-07", "past", "2015-11"),  # told in the past: the last one
        ("2016-01-19", "present", "2015-11"),  # in January, the nearest: the last one
        ("2015-03-07", "present", "2014-11"),  # no election: the nearest
    ],
)
def test_november_in_an_election_year_is_the_elections(published: str, tense: str, value: str):
    tx = normalise("in November", dt.date.fromisoformat(published), tense=tense)
    assert tx is not None and tx.value == value


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("The talks will resume on Friday.", "Friday", "2024-10-18"),
        ("The talks will resume next Friday.", "next Friday", "2024-10-25"),
        ("The talks resumed on Friday.", "Friday", "2024-10-18"),
        ("The ministers are now meeting in Brussels.", "now", "PRESENT_REF"),
        # a deadline moved or granted lies ahead, even told in the past tense
        ("Officials postponed the hearing until Tuesday morning.", "Tuesday morning", "2024-10-22TMO"),
        (
            "The agency extended its deadline until 9 a.m. EST Tuesday.",
            "9 a.m. EST Tuesday",
            "2024-10-22T09:00",
        ),
        ("The rebels held the town until Tuesday.", "Tuesday", "2024-10-15"),  # a past stretch: past
        ("The rebels have held the town until Tuesday.", "Tuesday", "2024-10-15"),  # the perfect too
        ("The fund has gained 4% through Oct. 3.", "Oct. 3", "2024-10-03"),
        ("Officials have extended the deadline until Tuesday.", "Tuesday", "2024-10-22"),  # still a deadline
        # a participle clause takes the tense of the clause it hangs on
        ("The stock fell sharply, dropping to a low in December.", "December", "2023-12"),
        ("The company will cut jobs, closing two plants in December.", "December", "2024-12"),
        # a holiday: the last one in the past tense, the nearest in the present, the next after "from now to"
        ("He spoke on Christmas Day.", "Christmas Day", "2023-12-25"),
        ("The vote is on Election Day.", "Election Day", "2024-11-05"),
        ("It was the theme of the campaign from now to Election Day.", "Election Day", "2024-11-05"),
        # an infinitive takes the outlook of the verbs it hangs on, through infinitives and "and"
        (
            "Clinton will have to scramble to convince them to come out and support her in January.",
            "January",
            "2025-01",
        ),
        # "since" a date: before the moment of writing, even in a future clause
        ("Sanders will debate again after gains since their Jan. 13 debate.", "Jan. 13", "2024-01-13"),
        # a date describing a thing in a past clause: a few months ahead, the coming one ...
        ("Officials detailed their plans for the December runoff.", "December", "2024-12"),
        # ... unless "that" points back
        ("And in that December speech, she chimed in.", "December", "2023-12"),
        # a plan told in the pluperfect does not move its day ahead
        ("Trump had planned to give remarks Monday at the institute.", "Monday", "2024-10-14"),
        # "since" opening the sentence too
        ("Since the Dec. 31 deadline, he has gained.", "Dec. 31", "2023-12-31"),
        # a timetable's present looks ahead
        ("The deficit for the fiscal year, which ends Sept. 30, will grow.", "Sept. 30", "2025-09-30"),
        # "ahead of" a day in a present clause: the coming one
        ("Polls show Trump trailing Cruz just ahead of Tuesday's vote.", "Tuesday", "2024-10-22"),
        (
            "The campaign is trying to get voters to go to the polls on Election Day.",
            "Election Day",
            "2024-11-05",
        ),
        # an infinitive after an adjective takes the outlook of the verb above it
        ("The race is likely to wrap up in June.", "June", "2025-06"),
        ("The race was likely to wrap up in June.", "June", "2024-06"),
        # ... a passive one too
        ("She will resign, to be replaced by Brazile through the November election.", "November", "2024-11"),
        # ... but not a date describing a thing under it
        ("The union is unlikely to back her after her March comment.", "March", "2024-03"),
        # holding or hosting a contest on a day is a timetable
        ("Wisconsin holds its presidential primary on Tuesday.", "Tuesday", "2024-10-22"),
        ("He also hosts a Sunday talk show.", "Sunday", "2024-10-13"),
        # an infinitive after a verb of going on or seeming does not look ahead
        (
            "He continues to insist, most recently in a Labor Day interview, that he will.",
            "Labor Day",
            "2024-09-02",
        ),
        ("Russia will continue to strike Kyiv on Monday.", "Monday", "2024-10-21"),  # but a future goes on
        # "beginning" a day looks ahead, unless told in the past
        ("She took to the airwaves beginning Wednesday night.", "Wednesday night", "2024-10-16TNI"),
        ("Flights resume starting Monday.", "Monday", "2024-10-21"),
        # a forecast compared with was made before
        ("It expects growth of 1.6 percent, a point less than forecast in July.", "July", "2024-07"),
        # a typographic apostrophe in "she’ll"
        ("Clinton’s team says she’ll continue her march toward Election Day.", "Election Day", "2024-11-05"),
        # a future weekday written on that weekday is that day
        ("Clinton will address the comments at an event later Friday.", "Friday", "2024-10-18"),
        ("He will be holding a news conference late Friday.", "Friday", "2024-10-18"),
        ("She will present her proposals in a speech Friday.", "Friday", "2024-10-18"),
        # an event named by the publication's weekday is that day's, whatever the tense
        ("The group will air an ad during Friday's debate.", "Friday", "2024-10-18"),
        ("In Friday night's debate, he will face more questions.", "Friday night", "2024-10-18TNI"),
        ("The group will air an ad during Monday's debate.", "Monday", "2024-10-21"),
        # the day of an outcome is over; the day of a contest may lie ahead
        ("Monday's decision will reverberate down the ballot.", "Monday", "2024-10-14"),
        ("The results of Tuesday's primaries will force him to quit.", "Tuesday", "2024-10-15"),
        ("He will do well in Tuesday's primary.", "Tuesday", "2024-10-22"),
        # a gerund takes the tense of the verb it completes ("kept going", "will start becoming")
        (
            "Protesters kept going until nearly 2 a.m. Thursday in defiance.",
            "nearly 2 a.m. Thursday",
            "2024-10-17T02:00",
        ),
        (
            "It will start becoming clear at midnight Sunday which PACs spent most.",
            "midnight Sunday",
            "2024-10-20T24",
        ),
        # a plan told in the past: the nearest such day, before or after publication
        (
            "Biden, who was set to take the stage on Friday morning, stayed home.",
            "Friday morning",
            "2024-10-18TMO",
        ),
        ("He was scheduled to leave New Hampshire late Tuesday.", "Tuesday", "2024-10-15"),
        # "hoping" and "hoped", which the model lemmatises "hop", are plans too
        ("They were hoping to meet Clinton before Saturday's caucuses.", "Saturday", "2024-10-19"),
        ("He hoped to win on Tuesday.", "Tuesday", "2024-10-22"),
        # ... and so is an event planned for a day
        ("She noted a planned rally on Saturday in Sioux City.", "Saturday", "2024-10-19"),
        ("She noted a rally on Saturday in Sioux City.", "Saturday", "2024-10-12"),
        ("She had canceled a joint rally slated for Sunday in Green Bay.", "Sunday", "2024-10-20"),
        (
            "Palin was scheduled to speak to the delegates Saturday morning.",
            "Saturday morning",
            "2024-10-19TMO",
        ),
        # the simple present of a clause of time or condition under a future clause looks ahead
        (
            "The new era will begin this week, as Yellen speaks on Wednesday and testifies on Thursday.",
            "Thursday",
            "2024-10-24",
        ),
        ("Once the rule goes into effect in May, workers will get more.", "May", "2025-05"),
        ('"When the cold winds blow in January, it won\'t make it," he said.', "January", "2025-01"),
        ("He tells donors that he speaks on Wednesday.", "Wednesday", "2024-10-16"),  # no future above
        (
            "By the time our campaign in California is over on Wednesday, we will have spoken to many.",
            "Wednesday",
            "2024-10-23",
        ),
        ("By the time the campaign was over on Wednesday, we had spoken to many.", "Wednesday", "2024-10-16"),
        # a participle or gerund the date hangs on takes the tense of the finite verb above it
        ("A poll showed his numbers falling to 44 percent, from 54 percent in March.", "March", "2024-03"),
        ("Clinton quit giving paid speeches before announcing her run in March.", "March", "2024-03"),
        ("She locked up unions representing most members way back in March.", "March", "2024-03"),
        ("Voters going to the polls Friday are unhappy with the country.", "Friday", "2024-10-18"),
        ("Can he succeed in mobilizing new voters in March?", "March", "2025-03"),  # a modal: the nearest
        ("Trump is working to win over delegates at the convention in March.", "March", "2025-03"),
        # what would have been did not happen; the far end of a range follows its start
        ("Carson noted that Thursday would have been Reagan's birthday.", "Thursday", "2024-10-17"),
        ("He would have to win by Tuesday.", "Tuesday", "2024-10-22"),
        (
            "The poll of 1,000 voters, taken Thursday through Sunday, has a margin of 3 points.",
            "Sunday",
            "2024-10-13",
        ),
        ("A survey taken from Oct. 3 through Monday shows him ahead.", "Monday", "2024-10-14"),
        ("The offer runs through Monday.", "Monday", "2024-10-21"),
        # a condition in the simple present lies ahead
        (
            "We will appeal, because if there is a close election on Tuesday we need clarity.",
            "Tuesday",
            "2024-10-22",
        ),
        ("The order can be overturned if a Republican is elected in September.", "September", "2025-09"),
        ("The order was overturned after he was elected in September.", "September", "2024-09"),
        # a call that opens a quotation is a call, not a complement of the verb that brings it in
        ('He leaned in and boomed: "Let\'s defeat her in March."', "March", "2025-03"),
        ('He leaned in and boomed: "We beat her in March."', "March", "2024-03"),
        # a bare complement takes the tense of the verb it completes, a chance that of the verb having it
        ("Republicans will have a chance to make their voice known on Tuesday.", "Tuesday", "2024-10-22"),
        ("They are near a deal that would see him endorse her on Tuesday.", "Tuesday", "2024-10-22"),
        (
            "It is Trump's latest effort to bounce back from Monday night's debate.",
            "Monday night",
            "2024-10-14TNI",
        ),
        ("He scrapped plans to attend Thursday's debate.", "Thursday", "2024-10-17"),
        # "ahead of" a date: ahead in a present or perfect clause, near the writing in a past one
        (
            "The race has turned nasty ahead of New York's delegate-rich Tuesday primary.",
            "Tuesday",
            "2024-10-22",
        ),
        ("Sanders campaigned in California ahead of voting Saturday.", "Saturday", "2024-10-19"),
        ("Sanders and Clinton must vie for votes ahead of Saturday's caucus.", "Saturday", "2024-10-19"),
        (
            "It was seen as an attempt to look presidential ahead of the Jan. 8 election.",
            "Jan. 8",
            "2025-01-08",
        ),
        # a capitalised "Will" inside a sentence is a name; a plan told in the past meets its deadline near
        # the writing; a condition in the simple past under "would" lies ahead
        ("In Iowa, Will had nothing but praise for Christie’s Oct. 14 speech.", "Oct. 14", "2024-10-14"),
        (
            "Applicants were due to file paperwork by Sept. 15, a deadline several missed.",
            "Sept. 15",
            "2024-09-15",
        ),
        ("He was asked how ties would fare if he won the election on Jan. 8.", "Jan. 8", "2025-01-08"),
        # a modal of possibility or need: the nearest such date
        ("Clinton must win the swing states in March.", "March", "2025-03"),
        ("That could help sail him through the primaries in February.", "February", "2025-02"),
        ("She is a strong favorite to win the election come March.", "March", "2025-03"),  # "come": ahead
        ("He could have won in March.", "March", "2024-03"),  # what did not happen
        ("The selection process could be concluded in March.", "March", "2025-03"),
        ("Let's defeat her in March.", "March", "2025-03"),  # a call
        ("He said that if his candidate were to win in March, she would sign it.", "March", "2025-03"),
        ("He is slated to be a delegate to the convention in March.", "March", "2025-03"),
        # "this", "last", "next" the model left out of the expression
        (
            'She said, "Make no mistake about it, this November, when we get to the polls, we decide."',
            "this November",
            "2024-11",
        ),
        ("The choice this June is tragic.", "this June", "2024-06"),
        # a month naming the period a report covers is over or under way when the report comes out
        (
            "Markets will move on Friday with the release of the September jobs report.",
            "September",
            "2024-09",
        ),
        ("The Fed will meet in September.", "September", "2025-09"),
        # a weekday in a present clause is the nearest one, up to three days ahead (written on a Friday)
        ("Trump and Clinton meet for the first debate Monday at Hofstra.", "Monday", "2024-10-21"),
        ("Obama is unveiling the new actions at the White House on Sunday.", "Sunday", "2024-10-20"),
        ("Sanders speaks at the conference on Tuesday.", "Tuesday", "2024-10-15"),
        # ... up to two days ahead when the possessive names it: more often an event already over
        ("Rubio needs a win in Sunday's primary.", "Sunday", "2024-10-20"),
        ("The impact of Monday's debate is still small.", "Monday", "2024-10-14"),
        # a modal of possibility: the nearest one too
        ("The spot could hit Florida airwaves Monday.", "Monday", "2024-10-21"),
        ("He could win California on Sunday and lose the nomination.", "Sunday", "2024-10-20"),
        ("He could have won California on Sunday.", "Sunday", "2024-10-13"),  # what did not happen
        # a deadline in an infinitive has the tense of the verb it hangs on: a pluperfect is over, a past
        # order is near; the end of what a participle or report covers is no deadline
        (
            "The PACs had raised $38 million to boost his candidacy by the end of June.",
            "the end of June",
            "2024-06",
        ),
        (
            "A judge ordered the department to make releases and to complete them by the end of September.",
            "the end of September",
            "2024-09",
        ),
        (
            "He urges the department to complete them by the end of September.",
            "the end of September",
            "2025-09",
        ),
        (
            "Turnout fell, according to results tallied through Wednesday afternoon.",
            "Wednesday afternoon",
            "2024-10-16TAF",
        ),
        (
            "That is according to fundraising reports through Sept. 30 that it is filing.",
            "Sept. 30",
            "2024-09-30",
        ),
        # an infinitive under a modal of possibility: the nearest date, as under the modal itself
        (
            "It could encourage him to stay in the race through the convention in December.",
            "December",
            "2024-12",
        ),
        ("His tactics could make it more difficult to unite in December.", "December", "2024-12"),
        # "including" is no verb of the clause: the tense is the verb's above it
        ("He has won eight contests, including the caucuses on Saturday.", "Saturday", "2024-10-12"),
        # a refusal to tell is told as it happened, not a conditional; what a source said it would not do is
        ("The senator wouldn't say Thursday how the party would vote.", "Thursday", "2024-10-17"),
        ("Police could not confirm Saturday whether anyone was arrested.", "Saturday", "2024-10-12"),
        ("He said he would not testify Sunday.", "Sunday", "2024-10-20"),
        # what comes after a day's event is no condition on it
        (
            "If you want to understand the real meaning of Thursday night's debate, look at the polls.",
            "Thursday night",
            "2024-10-17TNI",
        ),
        ("In the wake of Tuesday's vote, Republicans will regroup.", "Tuesday", "2024-10-15"),
        # "in the lead-up to" and "in the run-up to" look ahead as "ahead of" does
        ("The Latest on the race in the lead-up to Tuesday's primary.", "Tuesday", "2024-10-22"),
        ("Candidates spent heavily in the run-up to the vote on Monday.", "Monday", "2024-10-21"),
    ],
)
def test_tense_comes_from_the_governing_verb(nlp, sentence: str, expr: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), FRI)
    assert any(t.text == expr and t.value == value for t in times), times


def test_a_radio_frequency_is_not_a_clock_time(nlp):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp("It aired on New York's AM 970 The Answer and NewsTalk 990 AM."), FRI) == []


def test_a_live_blog_timestamp_is_a_time_of_the_publication_day(nlp):
    from newsledger.extract.times import extract_times

    text = (
        "The Latest on the race.\n\n9:40 p.m.\n\nClinton says the vote on Tuesday will decide it.\n\n"
        "5:50 p.m.\n\nSanders spoke in Reno on Oct. 16 at 3 p.m.\n\n2:15 p.m.\n\nIt rained.\n"
    )
    times = [(t.text, t.value) for t in extract_times(nlp(text), FRI)]
    assert ("5:50 p.m", "2024-10-18T17:50") in times, times  # not the Tuesday named above it
    assert ("3 p.m.", "2024-10-16T15:00") in times, times  # a clock time in the text keeps its day
    assert ("2:15 p.m", "2024-10-18T14:15") in times, times  # not Oct. 16, nor run into "3 p.m." above it
    assert [t for t, _ in times].count("3 p.m.") == 1, times


def test_over_the_next_year_is_a_stretch_not_the_year_after_one_named(nlp):
    from newsledger.extract.times import extract_times

    told = "In 2008 the bank cut rates. "
    times = extract_times(nlp(told + "Officials expect a rise of one point over the next year."), FRI)
    assert [(t.text, t.value) for t in times][-1] == ("the next year", "P1Y")
    times = extract_times(nlp("The work needs to start within the next month."), FRI)
    assert [(t.text, t.value) for t in times][-1] == ("the next month", "P1M")
    times = extract_times(nlp(told + "He lost the next year."), FRI)
    assert [(t.text, t.value) for t in times][-1] == ("the next year", "2009")  # the year after 2008


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the contest told ahead, written in January of an election year
        ("Viguerie is upbeat about Cruz's chances of winning in November.", "2016-11"),
        ("He argued for a nominee who can win the general election in November.", "2016-11"),
        # the contest told in the past: last year's
        ("Bevin won in November.", "2015-11"),
        ("He wanted to win in November.", "2015-11"),
    ],
)
def test_winning_in_november_is_the_elections(nlp, sentence: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), dt.date(2016, 1, 19))
    assert [t.value for t in times if t.text == "November"] == [value], times


def test_a_clock_time_restated_in_gmt_is_not_a_second_time(nlp):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp("The blast occurred at about 10:35 a.m. (0735 GMT) Friday."), FRI)
    assert [t.text for t in times] == ["10:35 a.m.", "Friday"]


def test_a_place_or_rising_named_for_easter_is_not_a_time(nlp):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp("They sailed to Easter Island after the Easter Rising film."), FRI) == []
    sentence = "Mexico retaliated against Christmas trees. That was our Christmas present to you."
    assert extract_times(nlp(sentence), FRI) == []
    times = extract_times(nlp("Shops were full at Christmas and the Christmas lights went up."), FRI)
    assert [t.text for t in times] == ["Christmas"]


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # numeric dates: US order, unless the day cannot be a month, the figures are split by dots or
        # dashes, or the article writes its dates day first (the model tags some of these a place)
        ("The rally was held on 03/10/2024.", "03/10/2024", "2024-03-10"),
        ("The order was issued on 25/12/2023.", "25/12/2023", "2023-12-25"),
        ("The order was issued on 25/12/2023. The rally was held on 03/10/2024.", "03/10/2024", "2024-10-03"),
        ("The vote was on 12/25/2023 and the rally on 03/10/2024.", "03/10/2024", "2024-03-10"),
        ("It was signed on 3.10.2024.", "3.10.2024", "2024-10-03"),
        ("He was born on 12.05.1987 in Kyiv.", "12.05.1987", "1987-05-12"),
        ("The notice is dated 18-10-2024.", "18-10-2024", "2024-10-18"),
    ],
)
def test_numeric_dates(nlp, text: str, expr: str, value: str):
    from newsledger.extract.times import extract_times

    times = {t.text: t.value for t in extract_times(nlp(text), FRI)}
    assert times.get(expr) == value, times


def test_a_version_number_is_no_date(nlp):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp("Version 1.2.3 fixed it, as section 4.10.2 says."), FRI) == []


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # festivals of other calendars, dated by the holidays package (the model tags most of them a
        # person, an organisation or an event, or runs them into their neighbours)
        ("Crowds gathered for Eid ul-Fitr prayers in Karachi.", "Eid ul-Fitr", "2024-04-10"),
        ("Families gathered for Eid al-Adha.", "Eid al-Adha", "2024-06-16"),
        ("Millions traveled home for the Lunar New Year.", "Lunar New Year", "2024-02-10"),
        ("Sales peaked before Diwali.", "Diwali", "2023-11-12"),  # 2024's falls after Oct. 18
        ("Hamas attacked on Simchat Torah.", "Simchat Torah", "2023-10-07"),
        ("Iranians marked Nowruz with fireworks.", "Nowruz", "2024-03-20"),
        ("Crowds gathered for Holi in Delhi.", "Holi", "2024-03-25"),
        ("Effigies burned on Dussehra.", "Dussehra", "2024-10-12"),
        ("Jews marked Shavuot.", "Shavuot", "2024-06-12"),
        ("Jews celebrated Rosh Hashanah.", "Rosh Hashanah", "2024-10-03"),
        ("Talks will resume after Passover.", "Passover", "2025-04-13"),  # ahead: next year's
        ("Orthodox Christmas is celebrated in Kyiv.", "Orthodox Christmas", "2025-01-07"),
        ("Orthodox Easter fell in May.", "Orthodox Easter", "2024-05-05"),
        # Ramadan is a lunar month: the Gregorian month it mostly falls in
        ("The attack came during Ramadan, days before Eid al-Fitr.", "Ramadan", "2024-03"),
        ("Prices will rise before next Ramadan.", "next Ramadan", "2025-03"),
        ("Pilgrims arrived before the end of Ramadan last year.", "the end of Ramadan last year", "2023-04"),
        ("He was arrested at Easter last year.", "Easter last year", "2023-04-09"),
        # a bare "Eid" is either Eid, whichever the tense points to
        ("Muslims celebrated Eid with prayers.", "Eid", "2024-06-16"),  # Eid al-Adha, the last before Oct. 18
        ("A truce is expected before Eid.", "Eid", "2025-03-30"),  # looks ahead: the next, Eid al-Fitr 2025
        # a country's own national day, named before it; "Independence Day" alone is July 4
        ("Russia struck Kyiv on Ukraine's Independence Day.", "Independence Day", "2024-08-24"),
        ("Ukraine marked its Independence Day under fire.", "Independence Day", "2024-08-24"),
        ("Modi spoke on India's 78th Independence Day.", "Independence Day", "2024-08-15"),
        ("Russia's Victory Day parade was scaled back.", "Victory Day", "2024-05-09"),
        ("China's National Day holiday began.", "National Day", "2024-10-01"),
        ("Fireworks lit up the sky on Independence Day.", "Independence Day", "2024-07-04"),
        ("Nigeria's Independence Day passed quietly.", "Independence Day", None),  # not in the package
        # a year right after the holiday is its year
        ("Israel was attacked on Yom Kippur in 1973.", "Yom Kippur", "1973-10-06"),
        ("He left on Christmas Day in 2019.", "Christmas Day", "2019-12-25"),
        ("Fighting slowed during Ramadan in 2023.", "Ramadan", "2023-04"),  # March 23 – April 20
    ],
)
def test_festivals_of_other_calendars(nlp, sentence: str, expr: str, value: str | None):
    from newsledger.extract.times import extract_times

    times = {t.text: t.value for t in extract_times(nlp(sentence), FRI)}
    assert expr in times and times[expr] == value, times


def test_a_festival_that_falls_twice_in_a_year(nlp):
    from newsledger.extract.times import extract_times

    # Eid al-Fitr fell on Jan. 8 and Dec. 27, 2000
    (eid,) = extract_times(nlp("Muslims celebrated Eid al-Fitr."), dt.date(2000, 12, 30))
    assert eid.value == "2000-12-27"
    (eid,) = extract_times(nlp("Muslims will celebrate Eid al-Fitr."), dt.date(2000, 1, 2))
    assert eid.value == "2000-01-08"


def test_ramadan_runs_from_its_first_day_to_the_eve_of_eid(nlp):
    from newsledger.extract.times import extract_times

    (ramadan,) = extract_times(nlp("Fighting slowed during Ramadan in 2024."), FRI)[:1]
    assert (ramadan.earliest, ramadan.latest) == (dt.date(2024, 3, 11), dt.date(2024, 4, 9))
    assert ramadan.granularity == "month"


@pytest.mark.parametrize(
    "sentence",
    [
        "Veterans of the Yom Kippur War met in Haifa.",
        "Shops sold Diwali lamps and Lunar New Year lanterns.",
        "Spokesman Mohammed Eid said the talks had failed.",  # a name
        "Eid Hassan was arrested.",
    ],
)
def test_a_war_a_thing_or_a_person_named_for_a_festival_is_not_a_time(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp(sentence), FRI) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The clause is violated by HB 1523's authorization.",  # a bill's number
        "About a quarter of Kazakhstan's citizens are Russian.",  # a share
        "Clinton has one child, 1-year old Charlotte.",  # an age with a space before "old"
        "It is a cash generator for 21st Century Fox.",  # a name
    ],
)
def test_numbers_shares_and_ages_are_not_times(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp(sentence), FRI) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "At the end of the day, we need to step away from it.",  # the idiom: in the end
        "He began his studies at MIT at age 16.",  # ages
        "Once in my early 20s, I moved to Ohio.",
        "Highs will be in the upper 80s.",  # temperatures
        "He seems ready for a no-quarter fight.",
        "Voters between the ages of 18 and 29 backed him.",
        "Voters 45 or older backed her.",
        "Haase defeated Bublik 7-5, 3-6, 7-6.",  # a score
        "The cells respond to even minute threats.",
        "The story ran in The Daily Caller.",  # a time word in a name
        "The senator told THE WEEKLY STANDARD so.",
        "Clinton said it on ABC's “This Week” show.",
        "Kristen Day told USA Today. A USA TODAY investigation found more.",
        "Trump told NBC’s “Today” that he would win.",
        "He taped an appearance on The Tonight Show.",
        '"Imagine a tomorrow where hard work is honored," she said.',
        "He reads the Sunday Times.",
        "She holds an H1B visa and drove an FY-7 truck.",
        "He was at the March on Washington with King.",
        "The board heard recommendations from the Shaping the Future committee.",  # a name
        "He wanted fifties and twenties in the bag.",  # bills: a decade is "the fifties"
        "He looks likely to spur a last-minute recount.",  # an idiom
        "RT America is the United States version of Russia Today, the global satellite network.",
        "The network licenses ''Larry King Now'' -- which was nominated for a Daytime Emmy.",
        "Mr. Bush landed a job on ''Today.''",
        "The group One Wisconsin Now unearthed the columns.",
        "She was on the Today show.",  # a deictic after "the", or before "show": a show's title
        "She appeared on NBC’s “Today show” with her husband.",
        # what the model tags DATE with no word of time: an ordinal, a height, a name, a count
        "His oldest son, George W. Bush, would become the 43rd.",
        "Isabelle, blond and 5-foot-11, has three children.",
        "Among the tidbits in the newer letter: Trump is 6'3\" tall.",
        "He saw Mateen for the last time.",
        "Sanders named five people to the committee, while Clinton named six.",
        # a lowercase "daily" or "weekly" that is a newspaper
        "One possible buyer is Lordship, the Trend weekly reported.",
        "The influential US daily wrote that he lied.",
        "The mainstream is saying wait a minute, the concentration of wealth is wrong.",  # an interjection
    ],
)
def test_idioms_ages_and_temperatures_are_not_times(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp(sentence), FRI) == []


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("the summer of 2010", "2010-06-01", "2010-08-31"),
        ("the winter of 2010", "2010-12-01", "2011-02-28"),  # winter runs into the next year
        ("the 1960s", "1960-01-01", "1969-12-31"),
        ("the 20th century", "1900-01-01", "1999-12-31"),
        ("this decade", "2020-01-01", "2029-12-31"),
        ("Dec. 6-9, 2015", "2015-12-06", "2015-12-09"),  # a run of days in one month
        ("16-19 September 2015", "2015-09-16", "2015-09-19"),  # the day before the month
        ("Nov. 28 - Dec. 2, 2015", "2015-11-28", "2015-12-02"),  # across two months
        ("1992-95", "1992-01-01", "1995-12-31"),  # a run of years written short
        ("the 2015-16 season", "2015-01-01", "2016-12-31"),
        ("fiscal 2009-10", "2009-01-01", "2010-12-31"),
        ("1999-00", "1999-01-01", "2000-12-31"),
    ],
)
def test_seasons_decades_and_centuries_span_their_days(text: str, earliest: str, latest: str):
    tx = normalise(text, FRI)
    assert tx is not None and (str(tx.earliest), str(tx.latest)) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1992-95", "199"), ("the 1983-84 season", "198"), ("fiscal 2009-10", "20"), ("1995-2005", None)],
)
def test_a_run_of_years_is_the_decade_or_century_both_fall_in(text: str, value: str | None):
    tx = normalise(text, FRI)
    assert tx is not None and tx.value == value and tx.granularity == "range"


@pytest.mark.parametrize("text", ["2007-09", "2013-12"])  # a year and a month, or two years: unread
def test_a_year_and_two_figures_that_could_be_a_month_are_not_a_run_of_years(text: str):
    tx = normalise(text, FRI)
    assert tx is None or tx.granularity != "range"


@pytest.mark.parametrize(
    ("sentence", "expr", "earliest", "latest"),
    [
        # a run of days found whole, where the model tags only the month or the first day
        ("The festival ran 3-5 October.", "3-5 October", "2024-10-03", "2024-10-05"),
        ("The talks were held from Oct. 3 to 5.", "Oct. 3 to 5", "2024-10-03", "2024-10-05"),
        ("Polls open Nov. 5 through 7.", "Nov. 5 through 7", "2024-11-05", "2024-11-07"),
        ("He was jailed from June 1 to 15, 2019.", "June 1 to 15, 2019", "2019-06-01", "2019-06-15"),
        # not a clock time or a figure after the day
        ("The vote ran from Oct. 3 to 5 p.m.", "Oct. 3", "2024-10-03", "2024-10-03"),
        ("Shares rose on Oct. 3 to 5%.", "Oct. 3", "2024-10-03", "2024-10-03"),
    ],
)
def test_a_run_of_days_is_one_expression(nlp, sentence: str, expr: str, earliest: str, latest: str):
    from newsledger.extract.times import extract_times

    times = {t.text: (str(t.earliest), str(t.latest)) for t in extract_times(nlp(sentence), FRI)}
    assert times.get(expr) == (earliest, latest), times


def test_a_percentage_the_model_calls_a_date_is_not_a_time(nlp):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp("Between 10 and 15 percent voted."), FRI) == []


def test_unanchored_relative_times_invent_nothing():
    tx = normalise("Friday", None)
    assert tx is not None and tx.value is None and tx.anchored is False


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,000", 12000),
        ("four", 4),
        ("ten thousand", 10000),
        ("1.5 million", 1_500_000),
        ("10k", 10000),
        ("twenty-five", 25),
        ("3,500", 3500),
        ("two dozen", 24),  # a dozen multiplies
        ("a dozen", 12),
        ("dozen", 12),
        ("banana", None),
        ("", None),
    ],
)
def test_parse_number(text: str, value: float | None):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "dateline", "published", "source"),
    [
        # a "Published" line in the text as read
        ("Drones hit Kyiv\n\nPublished 18 October 2024\n\nRussia launched drones on Thursday.\n", None,
         "2024-10-18", "text"),
        # the dateline's own date, or its day in the year of the latest past date the article writes
        ("Russia launched drones at Kyiv on Thursday.\n", "KYIV, Oct. 18, 2024", "2024-10-18", "dateline"),
        ("Russia launched drones on Thursday. Earlier strikes hit on October 10, 2024.\n", "KYIV, Oct 18",
         "2024-10-18", "dateline"),
        ("Strikes hit Kyiv on December 30, 2024.\n", "KYIV, Jan. 2", "2025-01-02", "dateline"),
        # a date ahead ("are due on") gives no year; nor does one long before the dateline's day
        ("Talks are due on November 5, 2024.\n", "KYIV, Oct 18", None, None),
        ("The treaty was signed on March 3, 2019.\n", "KYIV, Oct 18", None, None),
        # without a dateline, the dates an article writes are no guide to when it was written
        ("Earlier strikes hit on October 10, 2024.\n", None, None, None),
        ("Russia launched drones at Kyiv on Thursday.\n", None, None, None),  # nothing to go on
    ],
)  # fmt: skip
def test_a_missing_publication_date_is_taken_from_the_article(text, dateline, published, source):
    from newsledger.model import Article
    from newsledger.nlp import get_nlp
    from newsledger.pipeline import extract_doc

    art = Article(id="x", text=text, source_text=text, dateline=dateline)
    ex = extract_doc(get_nlp()(text), art)
    assert (str(ex.article.published) if ex.article.published else None, ex.article.published_source) == (
        published,
        source,
    )
    thursday = [t for t in ex.times if t.text == "Thursday"]
    assert all(t.anchored == (published is not None) for t in thursday)


def test_a_dateline_with_its_year_is_read():
    from newsledger.clean import clean_text

    res = clean_text(
        "Drones hit Kyiv\n\nKYIV, Oct 18, 2024 (Reuters) - Russia launched drones on Thursday.\n"
    )
    assert (res.dateline, res.dateline_agency) == ("KYIV, Oct 18, 2024", "Reuters")


def test_a_time_without_a_value_is_kept_when_it_has_a_word_of_time(nlp):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp("In the closing days of the race, he turned out huge crowds."), FRI)
    assert [(t.text, t.value) for t in times] == [("the closing days", None)]


def test_a_model_entity_stops_at_a_bracket_and_drops_words_before_a_comma(nlp):
    from newsledger.extract.times import extract_times

    text = (
        "Exports fell to $1,430 million during the first nine months of the current fiscal year "
        "(March 20-Dec. 21). "
        "Sales to the CIS were 21 percent less, year-on-year. Plans change on the dime, hour by hour."
    )
    got = [t.text for t in extract_times(nlp(text), FRI)]
    assert any(t.startswith("the first nine months") for t in got), got
    assert not any("(" in t or "," in t for t in got), got


def test_a_verb_the_model_took_for_the_season_is_no_time(nlp):
    from newsledger.extract.times import extract_times

    text = "It would let the annual increase in transfers fall to a floor of three per cent."
    assert extract_times(nlp(text), FRI) == []


def test_a_weekly_event_is_a_set_even_before_a_name(nlp):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp("He gave the weekly GOP address. Qantas plans daily flights."), FRI)
    assert [(t.text, t.value) for t in times] == [("weekly", "P1W"), ("daily", "P1D")]


def test_the_november_day_of_an_election_in_an_election_year_is_the_one_ahead(nlp):
    from newsledger.extract.times import extract_times

    doc = nlp("Russia engineered the leak to influence the Nov. 8 presidential election. The next day, no.")
    times = extract_times(doc, dt.date(2016, 7, 31))
    assert [(t.text, t.value) for t in times] == [("Nov. 8", "2016-11-08"), ("The next day", "2016-11-09")]
    times = extract_times(nlp("The Nov. 8 election was close."), dt.date(2017, 3, 1))
    assert [t.value for t in times] == ["2016-11-08"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the quarter reported, told in the past: the year-ago period is that quarter a year before, even
        # a fiscal quarter not over on the calendar
        (
            "The company reported a decline in fourth-quarter earnings. A year earlier, it earned more.",
            "1988-Q4",
        ),
        (
            "Net income fell in the third quarter. Analysts expect the slump to continue into the fourth "
            "quarter and through the first two quarters of 1990. In the year-ago period, it earned more.",
            "1988-Q3",
        ),
        # the nine months named in the sentence are what "a year earlier" compares with: a year, not the
        # quarter reported before them
        (
            "Net rose 16% in the third quarter. For the nine months, it earned $18.9 million, compared with "
            "a loss of $9.7 million a year earlier.",
            "1988",
        ),
        (
            "Net rose 11% in the third quarter. In the first nine months, net was $306 million, compared "
            "with a loss of $195 million in the 1988 period.",
            "1988",
        ),
        ("Net rose in the third quarter. For the first half, sales fell from year-earlier levels.", "1988"),
        # the quarter named after the nine months, or in a sentence of its own, is still the quarter
        (
            "For the nine months, net rose. In the third quarter, it earned $5 million, up from $4 million "
            "a year earlier.",
            "1988-Q3",
        ),
        (
            "Net rose in the third quarter. For the nine months, net rose too. Revenue rose 12% from a year "
            "earlier.",
            "1988-Q3",
        ),
    ],
)
def test_the_year_ago_period_is_the_quarter_reported_or_the_months_named_after_it(nlp, text: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(text), dt.date(1989, 11, 2))
    assert [t.value for t in times][-1] == value, times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a day with "early", "late" or "mid" before the day it falls on is one expression
        (
            "The listing was replaced at mid-morning Thursday by a message.",
            [("mid-morning Thursday", "2016-05-12TMO")],
        ),
        ("It happened late afternoon Thursday.", [("late afternoon Thursday", "2016-05-12TAF")]),
        # … and alone, the day named before it
        (
            "On Monday, the heat index reached 109 by late afternoon.",
            [("Monday", "2016-05-09"), ("late afternoon", "2016-05-09TAF")],
        ),
        # not a day ahead when told in the past, and no day at all when none was named
        (
            "Trump will give a speech Wednesday morning. His mid-morning tweet followed another.",
            [("Wednesday morning", "2016-05-18TMO"), ("mid-morning", None)],
        ),
        ("The heat index reached 109 by late afternoon.", [("late afternoon", None)]),
        # nor a day named long before, years back
        (
            "On Aug. 12, 1973, she rose into the air. "
            + "The tour went on past a simple cream-colored wood house and the temple of the evangelist. " * 4
            + "By late afternoon, a band began to practice.",
            [("Aug. 12, 1973", "1973-08-12"), ("late afternoon", None)],
        ),
        ("Prices rose in mid afternoon.", [("mid afternoon", "2016-05-13TAF")]),
        # a stretch "-long" is one of its unit, or some of them in the plural
        ("Thomas broke a decade-long silence.", [("decade-long", "P10Y")]),
        ("It was a year-long investigation.", [("year-long", "P1Y")]),
        ("They held daylong rallies.", [("daylong", "P1D")]),
        ("It was a months-long review.", [("months", "PXM")]),
        # "a decade's struggle": a decade
        (
            "In 1991, after a decade's struggle, three rebel groups won.",
            [("1991", "1991"), ("a decade", "P10Y")],
        ),
        # a name or a pronoun the model ran into the time is not the time's
        ("Plouffe took a job at Uber a few months before the boast.", [("a few months", "PXM")]),
        ("Fine, he votes for it years later when it is popular.", [("years", "PXY")]),
        # "the past two" polls are no time
        (
            "It was virtually unchanged from the past two Quinnipiac polls, in February and October.",
            [("February", "2016-02"), ("October", "2015-10")],
        ),
    ],
)
def test_parts_of_days_stretches_and_words_run_into_times(nlp, text: str, expected):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(text), dt.date(2016, 5, 13))
    assert [(t.text, t.value) for t in times] == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expr", "value"),
    [
        # a date that nears is ahead
        (
            "As Election Day nears, undecided voters are many.",
            dt.date(2016, 2, 18),
            "Election Day",
            "2016-11-08",
        ),
        ("With Christmas looming, shops are full.", dt.date(2016, 2, 18), "Christmas", "2016-12-25"),
        (
            "Shops were full at Christmas.",
            dt.date(2016, 2, 18),
            "Christmas",
            "2015-12-25",
        ),  # no nearing: the last
        # in a year of federal elections, Election Day is the one ahead whatever the tense
        (
            "He used the comments to urge people to vote for him on Election Day.",
            dt.date(2016, 8, 10),
            "Election Day",
            "2016-11-08",
        ),
        (
            "Courts should not rule too close to Election Day.",
            dt.date(2016, 4, 15),
            "Election Day",
            "2016-11-08",
        ),
        ("Turnout was high on Election Day.", dt.date(2016, 12, 1), "Election Day", "2016-11-08"),
        (
            "Turnout was high on Election Day.",
            dt.date(2017, 4, 1),
            "Election Day",
            "2016-11-08",
        ),  # an odd year
        # a month or day naming an election or a convention of an even year, written before it: that year's
        (
            "It gave her the impetus to shift focus toward the November election.",
            dt.date(2016, 4, 28),
            "November",
            "2016-11",
        ),
        (
            "Sanders vowed to fight on until the party's convention in July.",
            dt.date(2016, 4, 28),
            "July",
            "2016-07",
        ),
        ("Cross called November's general election a tragedy.", dt.date(2016, 8, 17), "November", "2016-11"),
        (
            "Sanders vowed to fight on until the party's convention in July.",
            dt.date(2017, 4, 28),
            "July",
            "2016-07",
        ),
        ("Sanders fought on until the party's convention in July.", dt.date(2016, 9, 28), "July", "2016-07"),
        # "back in" a month is past, whatever the clause; not the verb's "come back in"
        (
            "Samsung was the first to release AirPlay 2 support for sending video from an Apple device to a "
            "smart TV back in March.",
            dt.date(2019, 11, 18),
            "March",
            "2019-03",
        ),
        ("We will come back in March.", dt.date(2019, 11, 18), "March", "2020-03"),
        # the simple present of a timetable looks ahead
        (
            "Rolling Stone reported details of the reunion tour that stops at Blossom Music Center "
            "on July 22.",
            dt.date(2019, 11, 19),
            "July 22",
            "2020-07-22",
        ),
        # a month in a clause a year sets the scene of is that year's; not in a clause joined to it
        (
            "In 2008, Obama's campaign began airing ads in mid-September.",
            dt.date(2016, 9, 4),
            "mid-September",
            "2008-09",
        ),
        (
            "But in 2012, the campaign spent millions on ads beginning in April.",
            dt.date(2016, 9, 4),
            "April",
            "2012-04",
        ),
        (
            "Lazar was extradited in 2014 to the United States and pleaded guilty in May to one count.",
            dt.date(2016, 9, 4),
            "May",
            "2016-05",
        ),
    ],
)
def test_a_value_against_its_publication_date(nlp, sentence: str, published: dt.date, expr: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), published)
    assert [t.value for t in times if t.text == expr] == [value], times


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # "last" season: the last one that ended at least three months before; "next": the next not begun
        ("last spring", dt.date(1989, 10, 26), "1989-SP"),  # the Eastern Airlines strike, March 1989
        ("last summer", dt.date(2015, 12, 13), "2015-SU"),
        ("last summer", dt.date(2016, 10, 2), "2015-SU"),  # the summer just ended is "this summer"
        ("last winter", dt.date(2016, 1, 20), "2014-WI"),  # December 2014 to February 2015
        ("last winter", dt.date(2016, 5, 20), "2015-WI"),
        ("next summer", dt.date(2016, 2, 15), "2016-SU"),
        ("next winter", dt.date(2015, 11, 29), "2015-WI"),
        ("next spring", dt.date(2016, 3, 10), "2017-SP"),
    ],
)
def test_last_and_next_season(text: str, published: dt.date, value: str):
    tx = normalise(text, published)
    assert tx is not None and tx.value == value


def test_the_same_period_is_the_quarter_named_or_unknown(nlp):
    from newsledger.extract.times import extract_times

    told = "Registration rose 12 percent compared with the same period in 2012."
    assert [(t.text, t.value) for t in extract_times(nlp(told), FRI)] == [
        ("the same period", None),
        ("2012", "2012"),
    ]
    named = "Profit rose in the second quarter. In the same period, sales fell."
    assert [t.value for t in extract_times(nlp(named), FRI)] == ["2024-Q2", "2024-Q2"]


def test_the_verb_last_is_not_part_of_a_duration(nlp):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp("The deal would last four years. It rose over the last four years."), FRI)
    assert [(t.text, t.value) for t in times] == [("four years", "P4Y"), ("the last four years", "P4Y")]


@pytest.mark.parametrize(
    ("sentence", "published", "expr", "value"),
    [
        # a count of units ago, which the model leaves out or tags as a thing
        (
            "There are fewer people in the labor force than seven years ago even though the population grew.",
            dt.date(2016, 3, 30),
            "seven years ago",
            "2009",
        ),
        (
            "MIDWAY ATOLL - Seventy-four years ago, a naval battle off this remote spit of land changed it.",
            dt.date(2016, 9, 8),
            "Seventy-four years ago",
            "1942",
        ),
        (
            "But less than a dozen years ago, it provided the department with a massive report.",
            dt.date(2015, 11, 24),
            "less than a dozen years ago",
            "2003",
        ),
        (
            "It was the first outsider to win since the system emerged more than a half-century ago.",
            dt.date(2016, 3, 2),
            "more than a half-century ago",
            "1966",
        ),
        # "this week's", and "later this week" after another time in the same model span
        (
            "Trump said during this week’s GOP debate that he is in favor.",
            dt.date(2016, 2, 8),
            "this week",
            "2016-W06",
        ),
        (
            "Her team says she’ll continue her march toward Election Day later this week.",
            dt.date(2016, 9, 12),
            "later this week",
            "2016-W37",
        ),
        # a year the model took for a count, a month after a word only a time follows
        (
            "The plan raises its minimum wage to $15 an hour by 2022 - higher than any other state.",
            dt.date(2016, 3, 29),
            "2022",
            "2022",
        ),
        (
            "Prior to May, three-quarters of the $59 million had come out of his pocket.",
            dt.date(2016, 8, 23),
            "May",
            "2016-05",
        ),
        # how often, and stretches with a count
        (
            "Bonuses were $500 to $2,000 every three months, the paper reports.",
            dt.date(2016, 9, 20),
            "every three months",
            "P3M",
        ),
        (
            "Technology here improves by about 10 fold every five years.",
            dt.date(2016, 6, 2),
            "every five years",
            "P5Y",
        ),
        (
            "No state has been hurt more by his agenda over the past seven-and-a-half years.",
            dt.date(2016, 8, 17),
            "the past seven-and-a-half years",
            "P7Y6M",
        ),
        (
            "A strike vote is set for next week, slightly more than three years since teachers walked out.",
            dt.date(2015, 12, 4),
            "more than three years",
            "P3Y",
        ),
        # a year that qualifies a noun, which the model leaves out or runs into a name
        ("Gowdy referenced a 2015 inspector general's report.", dt.date(2015, 11, 16), "2015", "2015"),
        ("He was the architect of Obama’s 2008 campaign.", dt.date(2016, 9, 27), "2008", "2008"),
        ("In the fluid 2016 presidential primary, many voters wait.", dt.date(2016, 2, 17), "2016", "2016"),
        (
            "Inspired by McCain's late-2007 turnaround, Bush toured.",
            dt.date(2015, 11, 8),
            "late-2007",
            "2007",
        ),
        # the season "the fall" after a word only a time follows, the second season of a pair, half a century
        (
            "He worries Sanders would have trouble winning in the fall.",
            dt.date(2016, 2, 20),
            "the fall",
            "2016-FA",
        ),
        (
            "Looking ahead to the fall, Manafort was joined by Rick Wiley.",
            dt.date(2016, 4, 23),
            "the fall",
            "2016-FA",
        ),
        (
            "Her shifts can run 10 hours a day during summer and fall.",
            dt.date(2016, 3, 21),
            "fall",
            "2016-FA",
        ),
        ("They met throughout the spring and summer, he said.", dt.date(2016, 5, 10), "summer", "2016-SU"),
        (
            "For more than half a century, Viguerie has served the movement.",
            dt.date(2016, 1, 19),
            "more than half a century",
            "P50Y",
        ),
        # a date written day first, a run of days, the September 11th attacks
        (
            "UEFA will not hear the case until 31 May - after the final.",
            dt.date(2018, 5, 20),
            "31 May",
            "2018-05-31",
        ),
        (
            "The debate kicked off yesterday (4th April) around 9.30 AM.",
            dt.date(2018, 4, 5),
            "4th April",
            "2018-04-04",
        ),
        (
            "Heavy trash day is 7 a.m. to 4 p.m. April 24-25 at the street department.",
            dt.date(2018, 4, 1),
            "April 24-25",
            "2018-04",
        ),
        (
            "It spied on Muslims after the September 11th attacks.",
            dt.date(2018, 4, 1),
            "September 11th",
            "2001-09-11",
        ),
        ("It took a little more than a year to finish the road.", FRI, "a little more than a year", "P1Y"),
        ("The talks lasted nearly a week.", FRI, "nearly a week", "P1W"),
    ],
)
def test_what_the_model_leaves_out_is_found_by_its_form(
    nlp, sentence: str, published: dt.date, expr: str, value: str
):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), published)
    assert [t.value for t in times if t.text == expr] == [value], times


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("It lasted well over two hours.", "well over two hours", "PT2H"),
        ("It lasted a little over two hours.", "a little over two hours", "PT2H"),
        ("He served for a good six years.", "a good six years", "P6Y"),
        ("He spent all of an hour with the president.", "all of an hour", "PT1H"),
        ("Voters turned against him over the past four-plus months.", "the past four-plus months", "P4M"),
        ("He paid no tax for 15-plus years.", "15-plus years", "P15Y"),
        ("Sales rose 5% from more than a year earlier.", "more than a year earlier", "2023"),
        # an ordinal before "this year" counts tests, not the year
        ("North Korea's fifth missile test, its second this year, worried Seoul.", "this year", "2024"),
        ("I'm putting Cruz second this week,\" he said.", "this week", "2024-W42"),
        # "more than" before a date compares amounts: the date alone
        ("The deficit is $544 billion, $105 billion more than last year.", "last year", "2023"),
        # "a little" is no modifier of a day
        ("That figure actually grew a little Tuesday, to 66 percent.", "Tuesday", "2024-10-15"),
    ],
)
def test_words_of_degree_before_a_time(nlp, sentence: str, expr: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), FRI)
    assert [t.value for t in times if t.text == expr] == [value], times


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        ("the first half of the 20th century", "19", dt.date(1900, 1, 1), dt.date(1949, 12, 31)),
        ("the second half of the 20th century", "19", dt.date(1950, 1, 1), dt.date(1999, 12, 31)),
        ("the last half of the '80s", "198", dt.date(1985, 1, 1), dt.date(1989, 12, 31)),
        ("the latter part of the 1990s", "199", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        ("the first decade of the 21st century", "200", dt.date(2000, 1, 1), dt.date(2009, 12, 31)),
        ("at least the 1980s", "198", dt.date(1980, 1, 1), dt.date(1989, 12, 31)),
        ("the winter of 2004-5", "2004-WI", dt.date(2004, 12, 1), dt.date(2005, 2, 28)),
        ("3 minutes 32 seconds", "PT3M32S", None, None),
        ("two hours and 15 minutes", "PT2H15M", None, None),
        ("five years, four months", "P5Y4M", None, None),
        ("2 days and 3 hours", "P2DT3H", None, None),
        ("the previous year and a half", "P1Y6M", None, None),
        ("a year and a half ahead", "P1Y6M", None, None),
        ("six days in a row", "P6D", None, None),
        ("two years running", "P2Y", None, None),
        ("the most recent five years", "P5Y", None, None),
        ("a long eight months", "P8M", None, None),
        ("two or more years", "PXY", None, None),
        ("the first half of the year", "2016-H1", dt.date(2016, 1, 1), dt.date(2016, 6, 30)),
        # past tense, said in May: the last third quarter, as for "the third quarter"
        ("the third quarter of the year", "2015-Q3", dt.date(2015, 7, 1), dt.date(2015, 9, 30)),
        ("the last year-plus", "P1Y", None, None),
        ("the next couple days", "P2D", None, None),
        ("a matter of weeks", "PXW", None, None),
        ("later in the summer", "2015-SU", dt.date(2015, 6, 1), dt.date(2015, 8, 31)),
        ("three o’clock in the morning", "2016-05-10T03:00", dt.date(2016, 5, 10), dt.date(2016, 5, 10)),
        ("six o'clock this evening", "2016-05-10T18:00", dt.date(2016, 5, 10), dt.date(2016, 5, 10)),
        ("the year earlier", "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
    ],
)
def test_parts_of_decades_and_centuries_and_stretches_in_two_units(text, value, earliest, latest):
    from newsledger.extract.times import normalise

    tx = normalise(text, dt.date(2016, 5, 10), tense="past")
    assert tx is not None and (tx.value, tx.earliest, tx.latest) == (value, earliest, latest), tx


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("Emanuel fired him on Tuesday after strongly backing him a few days earlier.", "a few days", "PXD"),
        ("He had left a few hours earlier.", "a few hours", "PTXH"),
        ("She made the decision months earlier.", "months", "PXM"),
        # a count dates it: the whole stays
        ("Sales rose from a year earlier.", "a year earlier", "2023"),
        ("Net income rose 5% from the year earlier.", "the year earlier", "2023"),
    ],
)
def test_units_earlier_with_no_count_are_the_stretch(nlp, sentence: str, expr: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), FRI)
    assert [t.value for t in times if t.text == expr] == [value], times


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The gallery is open from 10 a.m.-4 p.m. Monday-Saturday.", [("10 a.m.", "2024-10-18T10:00")]),
        ("For hundreds of years the valley has nourished them.", [("hundreds of years", "PXY")]),
        ("I had to behave for the entire year.", [("the entire year", "P1Y")]),
        # a day of something, not a stretch; "the last day" alone is one
        ("The last day of school was originally scheduled for June 3.", [("The last day", None)]),
        ("On the first day of the trial, he spoke.", [("the first day", None)]),
        ("In the last day, 40 people died.", [("the last day", "P1D")]),
        ("He declined a raise this year, the last year of his contract.", [("the last year", None)]),
        # "the last year" alone is the stretch up to now, as "the past year" is; "last fiscal year" a year
        ("Obama has in the last year secured a nuclear deal.", [("the last year", "P1Y")]),
        ("He has spent the last year disparaging them.", [("the last year", "P1Y")]),
        ("Profit for the last fiscal year rose.", [("the last fiscal year", "2023")]),
        # "the same" is what was done, not the time
        ("Trump did the same last week at the debate.", [("last week", "2024-W41")]),
        ("She did the same this year.", [("this year", "2024")]),
        # an award's name before the year it was given
        ("He was Time's Person of the Year in 2006.", [("2006", "2006")]),
        # a decimal count in the last unit; "short" and "long" between the count and the unit
        ("It cuts the sprint time to 5.7 seconds.", [("5.7 seconds", "PT5.7S")]),
        ("The dispute lasted 1.2 decades.", [("1.2 decades", "P12Y")]),
        ("It took just a few short hours.", [("a few short hours", "PTXH")]),
        ("He served two long years.", [("two long years", "P2Y")]),
        # a number after the unit counts what follows
        ("It will declassify in the next few weeks 28 pages on the Saudis.", [("the next few weeks", "PXW")]),
        ("It set aside money for fiscal years 2010 and 2011.", [("2010", "2010"), ("2011", "2011")]),
        # "the next week's" is the week ahead, as "next week's" is
        ("He has momentum heading into the next week's primaries.", [("the next week", "2024-W43")]),
        # China's shopping day, November 11
        ("Alibaba misreported its Singles Day sales, the post said.", [("Singles Day", "2023-11-11")]),
        # a day or night it goes on to tell is a date, not a stretch of one
        ("He got little attention on a night when five states voted.", [("a night", None)]),
        ("It was a day when everything changed.", [("a day", None)]),
        # "last week" is a date even before "of"
        (
            "Unlike the convention last week of doom and gloom, this week is positive.",
            [("last week", "2024-W41")],
        ),
    ],
)
def test_clock_ranges_counts_of_units_and_days_of_a_thing(nlp, sentence: str, expected):
    from newsledger.extract.times import extract_times

    got = [(t.text, t.value) for t in extract_times(nlp(sentence), FRI)]
    assert all(x in got for x in expected), got


@pytest.mark.parametrize(
    "sentence",
    [
        "The call could depress late-in-the-day turnout.",
        "It was an end-of-the-year sale.",
        # a share, and an award's name
        "She bought a three-quarter stake.",
        "Rutledge was honored as Man of the Year, and Elbert as Woman of the Year.",
        # an idiom
        "I don't believe for a minute that they plagiarized.",
    ],
)
def test_parts_of_words_shares_and_award_names_are_no_time(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    assert extract_times(nlp(sentence), FRI) == []


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # "one", "some", or "a" with no noun after it: some such day, not the last one
        ("One Sunday in late 2001, she met him.", "Sunday", None),
        ("She met him one Sunday morning.", "Sunday morning", None),
        ("They met on a Sunday.", "Sunday", None),
        (
            "It aired on BBC Two on a Saturday night – for the simple reason that it was late.",
            "Saturday night",
            None,
        ),
        # "a" that is the noun's article: that day's rally or interview
        ("He spoke at a Tuesday rally.", "Tuesday", "2024-10-15"),
        ("He said in a Sunday interview that he would run.", "Sunday", "2024-10-13"),
    ],
)
def test_one_weekday_is_some_such_day(nlp, sentence: str, expr: str, value: str | None):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), FRI)
    assert [t.value for t in times if t.text == expr] == [value], times


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He worked there in March and April of 2014.", [("March", "2014-03"), ("April of 2014", "2014-04")]),
        ("It ran between June and August 2013.", [("June", "2013-06"), ("August 2013", "2013-08")]),
        (
            "They met in the spring and summer of 2012.",
            [("the spring", "2012-SP"), ("summer of 2012", "2012-SU")],
        ),
        (
            "Both are expected to open in the late spring or early summer of 2027.",
            [("the late spring", "2027-SP")],
        ),
        # a run back over New Year starts the year before
        ("It ran from December to March 2015.", [("December", "2014-12"), ("March 2015", "2015-03")]),
        # a year in another phrase is not shared
        ("In May, and in June 2014, prices rose.", [("May", "2024-05"), ("June 2014", "2014-06")]),
    ],
)
def test_a_year_written_after_the_second_of_two_months_or_seasons_is_the_firsts(nlp, sentence: str, expected):
    from newsledger.extract.times import extract_times

    got = [(t.text, t.value) for t in extract_times(nlp(sentence), FRI)]
    assert all(x in got for x in expected), got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a house number is no year; a year after "in" stays one
        ("Officers stopped a car driven by Jonathan P. Blair, 29, of 1909 Jolinda Drive.", []),
        ("Henry, 19, of 1935 Orchard St., Alexandria, was arrested.", []),
        ("In 2015 Main Street merchants lost money.", [("2015", "2015")]),
        # a clock time written with a dot
        ("Showroom open 9.30 A.M. / 7.00 P.M. daily.", [("9.30 A.M.", "2024-10-18T09:30")]),
        # a model's number after its letters, when no year near the story could be meant
        ("The GTX 1660 Ti is very similar to the RTX 2060 in raw performance.", []),
        ("CES 2020 opened in January.", [("2020", "2020")]),
        ("The plan targets net zero by 2060.", [("2060", "2060")]),
        # "as of" a date in a present clause: the day a figure was taken, not one ahead
        ("Soon-Shiong remains a major shareholder, with 24.4% as of March 20.", [("March 20", "2024-03-20")]),
    ],
)
def test_house_numbers_and_clock_times_with_a_dot(nlp, sentence: str, expected):
    from newsledger.extract.times import extract_times

    got = [(t.text, t.value) for t in extract_times(nlp(sentence), FRI) if t.type in ("DATE", "TIME")]
    assert all(x in got for x in expected) and (expected or not got), got


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # an outcome told with its day is over, whatever the clause's tense
        (
            "Her victories in Pennsylvania and Delaware on Tuesday will only accelerate that shift.",
            dt.date(2016, 4, 28),
            [("Tuesday", "2016-04-26", "DATE")],
        ),
        (
            "A win in Ohio on Tuesday would clinch the nomination.",
            dt.date(2016, 4, 28),
            [("Tuesday", "2016-05-03", "DATE")],
        ),
        # a Christmas party is no day of Christmas
        (
            "They would not call the San Bernardino Christmas party slaughter terrorism.",
            dt.date(2015, 12, 4),
            [],
        ),
        ("Every minute is like a day.", dt.date(2016, 1, 20), [("Every minute", "PT1M", "SET")]),
        ("One night in the late 1960s he looked gaunt.", dt.date(2016, 1, 4), [("One night", None, "DATE")]),
        ("He spent one night in jail.", dt.date(2016, 1, 4), [("one night", "P1D", "DURATION")]),
        (
            "The numbers will not define her standing two or three months from now.",
            dt.date(2016, 4, 20),
            [("two or three months from now", "2016", "DATE")],
        ),
    ],
)
def test_outcomes_parties_sets_and_ranges_ahead(nlp, sentence: str, published: dt.date, expected):
    from newsledger.extract.times import extract_times

    got = [(t.text, t.value, t.type) for t in extract_times(nlp(sentence), published)]
    assert all(x in got for x in expected) and (expected or not got), got


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Clinton is likely to clinch the nomination on the evening of June 7.", ["June 7"]),
        ("On the morning of Feb. 28 Trump jumped onto his Twitter account.", ["Feb. 28"]),
        ("He was shot to death on the night of Friday, Oct. 23.", ["Friday, Oct. 23"]),
    ],
)
def test_a_part_of_the_day_before_the_date_it_is_of_is_left_to_the_date(nlp, sentence: str, dates):
    from newsledger.extract.times import extract_times

    assert [t.text for t in extract_times(nlp(sentence), FRI)] == dates


@pytest.mark.parametrize(
    "sentence",
    [
        "After May said so, the cabinet agreed.",  # the prime minister, not the month
        "Farkas expressed the hope he one day follow in the footsteps of John Glenn.",  # some day
        "Obama backed her up in an interview on CBS' ''60 Minutes.''",  # a show
        '"I want to skate in Disney On Ice one day," said Georgia.',  # some day
        "We want to take it one day, one step at a time.",  # an idiom
        "She waited for 4 1/2 hours with her 3 1/2 -year-old daughter.",  # not "2 hours"
    ],
)
def test_the_backstop_leaves_names_people_and_pieces_of_figures(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    texts = [t.text for t in extract_times(nlp(sentence), FRI)]
    assert not {"May", "one day", "60 Minutes", "2 hours"} & set(texts), texts


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("Eat 60–90 minutes before your workout.", "60–90 minutes", "PTXM"),  # a verb before: cut to the time
        ("Meal 1: eat every 2–3 hours, with water.", "every 2–3 hours", "PTXH"),
        ("They met every two or three months.", "every two or three months", "PXM"),
        ("The results arrive just one day after a poll.", "one day", "P1D"),
        (
            "It was vetted about six to eight weeks ago.",
            "six to eight weeks ago",
            "2019",
        ),  # not "eight weeks ago"
        (
            "In August 2016 they attacked. The next year, the Taliban released videos.",
            "The next year",
            "2017",
        ),
        ("The award is presented in the last weekend of the festival.", "the last weekend", None),
        ("By the end of the three months it was quite upsetting.", "the end of the three months", None),
        ("It is better to live one day as a lion than 100 years as a sheep.", "one day", "P1D"),
    ],
)
def test_a_found_form_keeps_what_the_model_tagged_around_it(nlp, sentence: str, expr: str, value: str | None):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), dt.date(2019, 11, 18))
    assert [(t.text, t.value) for t in times if expr in t.text or t.text in expr] == [(expr, value)], times


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        ("two or three days ago", "2016-07", "2016-07-13", "2016-07-14"),
        ("three or four months ago", "2016", "2016-03-01", "2016-04-30"),
        ("two or three years ago", "201", "2013-01-01", "2014-12-31"),
        ("40 or 50 years ago", None, "1966-01-01", "1976-12-31"),  # two decades: bounds, no value
    ],
)
def test_a_run_of_counts_ago_spans_from_the_farther_to_the_nearer(text, value, earliest, latest):
    from newsledger.extract.times import normalise

    tx = normalise(text, dt.date(2016, 7, 16))
    assert tx is not None
    assert (tx.value, str(tx.earliest), str(tx.latest)) == (value, earliest, latest)


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("Obama won Iowa on Jan. 3, 2008. He said in his victory speech that night that hope mattered.",
         "that night", "2008-01-03TNI"),
        ("On Tuesday Trump spoke in Ohio. In a Fox interview later that day, Trump went further.",
         "later that day", "2016-02-02"),
        ("Sanders was scheduled to meet Obama on Thursday. He also plans to meet with Reid that day.",
         "that day", "2016-02-04"),
    ],
)  # fmt: skip
def test_that_day_is_the_day_named_just_before(nlp, sentence: str, expr: str, value: str):
    from newsledger.extract.times import extract_times

    times = extract_times(nlp(sentence), dt.date(2016, 2, 5))
    assert [t.value for t in times if t.text == expr] == [value], times


@pytest.mark.parametrize(
    "sentence",
    [
        "Market makers can suffer huge losses on trades made that day.",  # no day named: any day
        "The crowd that evening was huge.",
    ],
)
def test_that_day_with_no_day_named_just_before_is_no_time(nlp, sentence: str):
    from newsledger.extract.times import extract_times

    assert [t.text for t in extract_times(nlp(sentence), dt.date(2016, 2, 5))] == []


def test_a_time_under_since_is_before_the_moment_of_writing(nlp):
    from newsledger.extract.times import extract_times

    sentence = "Ryan has managed to remain popular since taking over as speaker in the fall, aides said."
    times = extract_times(nlp(sentence), dt.date(2016, 5, 12))
    assert [(t.text, t.value) for t in times] == [("the fall", "2015-FA")]


def test_the_same_span_found_twice_has_one_type_whatever_the_hash_seed():
    # the model tags "238.75 hours" TIME and the backstop finds it as DATE; which one the merge kept had
    # depended on the order of a set of strings, that is on PYTHONHASHSEED (its value, PT238.75H since
    # decimal counts are read, now makes it a DURATION under either seed)
    import os
    import subprocess
    import sys

    code = (
        "import datetime as dt\n"
        "from newsledger.nlp import get_nlp\n"
        "from newsledger.extract.times import extract_times\n"
        "doc = get_nlp()('Ellwood said nine community service workers logged 238.75 hours in February, and "
        "430.75 to date in 2009.')\n"
        "print([t.type for t in extract_times(doc, dt.date(2010, 6, 15)) if 'hours' in t.text])\n"
    )
    types = set()
    for seed in ("1", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        types.add(out.stdout.strip())
    assert types == {"['DURATION']"}
