"""Quantities: values, ranges, units, qualifiers, compositions, and what is not a count."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.extract.quantities import extract_quantities

INF = None  # an open end of a range


def _find(nlp, sentence: str, text: str):
    qs = extract_quantities(nlp(sentence))
    hits = [q for q in qs if q.text == text]
    assert hits, f"{text!r} not found in {[q.text for q in qs]}"
    return hits[0], qs


@pytest.mark.parametrize(
    ("sentence", "text", "value", "low", "high", "unit", "approx"),
    [
        ("Pyongyang sent 12,000 soldiers to Russia.", "12,000", 12000, 12000, 12000, "soldier", False),
        ("Officials said ten thousand troops arrived.", "ten thousand", 10000, 10000, 10000, "troop", False),
        ("The army lost 1.5 million rounds of shells.", "1.5 million", 1.5e6, 1.5e6, 1.5e6, "round", False),
        ("Tens of thousands of troops are massing.", "Tens of thousands", None, 20000, 99999, "troop", True),
        ("Dozens of civilians were killed in the strike.", "Dozens", None, 24, 99, "civilian", True),
        ("Hundreds of drones were launched overnight.", "Hundreds", None, 200, 999, "drone", True),
        ("Several thousand officers joined.", "Several thousand", None, 3000, 9000, "officer", True),
        ("More than 100 missiles were fired.", "More than 100", 100, 100, INF, "missile", True),
        ("Up to 5,000 soldiers could be sent.", "Up to 5,000", 5000, INF, 5000, "soldier", True),
        ("About 10,000 soldiers are in training.", "About 10,000", 10000, 10000, 10000, "soldier", True),
        ("At least 21 people died in the blast.", "At least 21", 21, 21, INF, "people", True),
        ("Nearly 300 civilians fled the town.", "Nearly 300", 300, 300, 300, "civilian", True),
        ("The unit has 10k soldiers.", "10k", 10000, 10000, 10000, "soldier", False),
        ("About two dozen supporters gathered.", "About two dozen", 24, 24, 24, "supporter", True),
        ("Half a million people fled.", "Half a million", 5e5, 5e5, 5e5, "people", False),
        ("Half a dozen drones hit Kyiv.", "Half a dozen", 6, 6, 6, "drone", False),
        ("He said 10,000+ troops were there.", "10,000+", 10000, 10000, INF, "troop", True),
        ("Over 1m people left.", "1m", 1e6, 1e6, INF, "people", True),  # the tokenizer splits "1m"
        ("Upwards of 10,000 troops arrived.", "10,000", 10000, 10000, INF, "troop", True),
        ("A 12,000-strong Korean contingent arrived.", "12,000", 12000, 12000, 12000, "contingent", False),
        ("Suddenly 25 million more people have cover.", "25 million", 2.5e7, 2.5e7, 2.5e7, "people", False),
        ("One soldier was killed in the strike.", "One", 1, 1, 1, "soldier", False),  # a lone "one" in a toll
        ("At least one bottle was thrown.", "At least one", 1, 1, INF, "bottle", True),
        # a plural name counts in the singular, with the rest of the name
        ("Three million New Yorkers could not vote.", "Three million", 3e6, 3e6, 3e6, "new yorker", False),
        ("While 70 super PACs focused on the Senate.", "70", 70, 70, 70, "pac", False),
        ("About 300 Americans were evacuated.", "About 300", 300, 300, 300, "american", True),
        ("Three of his 15 co-defendants were released.", "15", 15, 15, 15, "co-defendant", False),
        # a scale word multiplies without binary rounding left in the value (had been 16600000.000000002)
        ("Edmunds expects 16.6 million vehicles will be sold.", "16.6 million", 16_600_000, 16_600_000,
         16_600_000, "vehicle", False),
        ("Some 4.35 lakh people were moved.", "4.35 lakh", 435_000, 435_000, 435_000, "people", True),
        # a bound written after the figure, or after its unit
        ("Families with 50,000 or fewer members qualify.", "50,000", 50_000, INF, 50_000, "member", True),
        ("The strike hit 5,000 people or more.", "5,000", 5000, 5000, INF, "people", True),
        ("He has two or more cars.", "two", 2, 2, INF, "car", True),
        ("She sold 12,000 or so copies.", "12,000", 12_000, 12_000, 12_000, "copy", True),
        # "plus" after the figure is "at least"
        ("He scored 50-plus points.", "50-plus", 50, 50, INF, "point", True),
        ("Westbrook and Durant scored 50 plus points a piece.", "50", 50, 50, INF, "point", True),
        ("Two plus two is four.", "Two", 2, 2, 2, None, False),
        # a word of time after the figure is no unit
        ("Fighting killed at least a dozen yesterday.", "at least a dozen", 12, 12, INF, None, True),
        # "adds up to" is a verb: the sum, not an upper bound; a bound of its own stays
        ("That adds up to 185,000 over two years.", "185,000", 185_000, 185_000, 185_000, None, False),
        ("It all adds up to more than 300 delegates.", "more than 300", 300, 300, INF, "delegate", True),
        ("Those figures added up to about 12,000 soldiers.", "about 12,000", 12_000, 12_000, 12_000,
         "soldier", True),
        # a word of degree the parser hung on the noun, beside the number
        ("She boasts a roughly 45-point lead nationally.", "roughly 45", 45, 45, 45, "point", True),
    ],
)  # fmt: skip
def test_counts_ranges_and_units(nlp, sentence, text, value, low, high, unit, approx):
    q, _ = _find(nlp, sentence, text)
    assert (q.value, q.low, q.high, q.unit, q.approximate) == (value, low, high, unit, approx)
    assert q.kind == "count"


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"),
    [
        ("Inflation rose to 7.5% in March.", "7.5%", "percent", 7.5, "percent"),
        ("Turnout was 62 percent.", "62 percent", "percent", 62, "percent"),
        ("The deal is worth $1.5 billion.", "$1.5 billion", "money", 1.5e9, "USD"),
        ("Kyiv received €50 million in aid.", "€50 million", "money", 5e7, "EUR"),
        ("The fine was £200,000.", "£200,000", "money", 2e5, "GBP"),
        ("Seoul pledged 100 billion won in aid.", "100 billion won", "money", 1e11, "KRW"),
        ("Kyiv got $1m in aid.", "$1m", "money", 1e6, "USD"),
        ("It cost $1m.", "$1m", "money", 1e6, "USD"),  # the tokenizer reads "m." as one word
        (
            "The search covers 120,000 square kilometres.",
            "120,000 square kilometres",
            "measure",
            1.2e5,
            "square kilometre",
        ),
        ("The plane flew 12 miles north.", "12 miles", "measure", 12, "mile"),  # tagged "flew 12 miles"
        # the model tags some counts QUANTITY; what they count is no unit of measure
        ("Small firms employ more than 2 million people.", "more than 2 million", "count", 2e6, "people"),
        ("The chip runs 15 million instructions per second.", "15 million", "count", 1.5e7, "instruction"),
        ("The front line moved 12 km overnight.", "12 km", "measure", 12, "km"),
        # "per cent" (the model calls it MONEY, or tags nothing); percentage and basis points
        ("Inflation rose to 5.2 per cent in May.", "5.2 per cent", "percent", 5.2, "percent"),
        ("Some 40 per cent voted.", "40 per cent", "percent", 40, "percent"),
        (
            "Some 50 per cent of applicants work.",
            "Some 50 per cent",
            "percent",
            50,
            "percent",
        ),  # CARDINAL + "per cent"
        ("Support fell 3 percentage points.", "3", "percent", 3, "percentage point"),
        ("The Fed cut rates by 25 basis points.", "25", "percent", 25, "basis point"),
        # temperatures (the model tags "45°C" a DATE and "-5°F" a PRODUCT)
        ("It hit 45°C in Delhi.", "45°C", "measure", 45, "°C"),
        ("It was -5°F outside.", "-5°F", "measure", -5, "°F"),
        ("Temperatures reached 40C on Tuesday.", "40C", "measure", 40, "°C"),
        ("Lows of minus 10 degrees Celsius are forecast.", "minus 10 degrees Celsius", "measure", -10, "°C"),
        # an earthquake's magnitude
        ("A 7.1-magnitude quake struck.", "7.1", "measure", 7.1, "magnitude"),
        ("The earthquake measured 7.8 on the Richter scale.", "7.8", "measure", 7.8, "magnitude"),
        ("The quake had a magnitude of 5.9.", "5.9", "measure", 5.9, "magnitude"),
        # a proportion is a percentage
        ("One in five children is malnourished.", "One in five", "percent", 20, "percent"),
        ("Two out of three voters backed him.", "Two out of three", "percent", 66.6667, "percent"),
        ("It hit one in every hundred homes.", "one in every hundred", "percent", 1, "percent"),
        ("About 1 in 6,500 children are affected.", "1 in 6,500", "percent", 0.0153846, "percent"),
        ("Eight of 10 avocados come from Mexico.", "Eight of 10", "percent", 80, "percent"),
        ("About $4 of every $5 of exports go north.", "$4 of every $5", "percent", 80, "percent"),
        ("It is a one in 259 million chance.", "one in 259 million", "percent", 3.861e-07, "percent"),
        # "a million": the model leaves the article out of the figure
        ("A million people marched.", "A million", "count", 1e6, "people"),
        # a count the model runs into a sum of money is its own figure
        ("Cuellar received nine $2,500 donations.", "nine", "count", 9, "donation"),
        # the parser reads "60 pledged" as a clause; the count is still of delegates
        (
            "In Puerto Rico, 60 pledged delegates and seven superdelegates were at stake.",
            "60",
            "count",
            60,
            "delegate",
        ),
        ("Cuellar received nine $2,500 donations.", "$2,500", "money", 2500, "USD"),
        # hundredths of a currency
        ("Chevron climbed 69 cents, or 0.7 percent.", "69 cents", "money", 0.69, "USD"),
        ("It paid a dividend of 4.6 pence.", "4.6 pence", "money", 0.046, "GBP"),
        # a capitalised number after a quote opens a sentence: still a count
        ('"Five patients cancelled surgery," she says.', "Five", "count", 5, "patient"),
        ("He paid 5,000 shekels.", "5,000", "money", 5000, "ILS"),
        ("Workers earn 163 pesos a day.", "163", "money", 163, "peso"),  # pesos of several countries
        (
            "It will cut at least a half-billion dollars in costs.",
            "at least a half-billion dollars",
            "money",
            5e8,
            "USD",
        ),
        # "the" before a figure is not the figure's
        ("It fell from the 95 percent Obama received.", "95 percent", "percent", 95, "percent"),
        # a count of a currency is money
        ("It cost hundreds of thousands of dollars.", "hundreds of thousands", "money", None, "USD"),
        # an ISO currency code, before or after the figure (the model tags "DKK" an organisation)
        ("It added $329,000 (DKK 2 million) to the equity.", "DKK 2 million", "money", 2e6, "DKK"),
        ("It raised EUR 5 million from investors.", "EUR 5 million", "money", 5e6, "EUR"),
        ("The fine was 2 million CHF.", "2 million CHF", "money", 2e6, "CHF"),
        # the currency's country before its word
        ("It cost 15 Canadian dollars.", "15 Canadian dollars", "money", 15, "CAD"),
        ("They paid 100 Hong Kong dollars.", "100", "money", 100, "HKD"),
        ("They got one million US dollars.", "one million US dollars", "money", 1e6, "USD"),
        # a unit of measure after a figure the model tags a count
        ("Brazil and China added 12.4 GW of new capacity.", "12.4 GW", "measure", 12.4, "gw"),
        ("The doctors drained 15 litres from my abdomen.", "15 litres", "measure", 15, "litre"),
        ("You can upgrade to 512GB of storage.", "512GB", "measure", 512, "gb"),  # had been 512 GBs
        ("The battery holds 5,000 mAh.", "5,000 mAh", "measure", 5000, "mah"),
        ("Seoul announced a 2.1 GW floating solar project.", "2.1 GW", "measure", 2.1, "gw"),
        # a height in feet and inches, in inches; the model tags the feet alone, a count
        ("Jessica Shepard (6-foot-4) will start.", "6-foot-4", "measure", 76, "inch"),
        ("He is 6 feet 4 inches tall.", "6 feet 4 inches", "measure", 76, "inch"),
        ("The 5'11\" guard left.", "5'11\"", "measure", 71, "inch"),
        ("About 3 feet 4 inches of snow fell.", "3 feet 4 inches", "measure", 40, "inch"),
        ("He built a 6-foot wall.", "6-foot", "measure", 6, "foot"),
        # pounds of a thing are a weight; pounds of money are money
        ("859 million pounds of cranberries are grown.", "859 million pounds", "measure", 859e6, "pound"),
        ("The council spent 5 million pounds of taxpayers' money.", "5 million pounds", "money", 5e6, "GBP"),
        ("It was 2 million pounds of new investment.", "2 million pounds", "money", 2e6, "GBP"),
        ("It has a rear-mounted 275-horsepower motor.", "275-horsepower", "measure", 275, "horsepower"),
        ("The engine makes 149 horsepower.", "149 horsepower", "measure", 149, "horsepower"),
    ],
)
def test_percentages_money_and_measures_are_typed(nlp, sentence, text, kind, value, unit):
    q, _ = _find(nlp, sentence, text)
    assert (q.kind, q.value, q.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high", "unit", "kind"),
    [
        ("Between 3,000 and 5,000 troops are here.", "Between 3,000 and 5,000", 3000, 5000, "troop", "count"),
        ("Some 3,000 to 5,000 troops are there.", "3,000 to 5,000", 3000, 5000, "troop", "count"),
        ("Officials said 3,000-5,000 troops are there.", "3,000-5,000", 3000, 5000, "troop", "count"),
        ("Between 20 and 30 people died.", "Between 20 and 30", 20, 30, "people", "count"),
        ("Three to five soldiers were hurt.", "Three to five", 3, 5, "soldier", "count"),
        ("There were four or five people inside.", "four or five", 4, 5, "people", "count"),
        ("It displaced 3 to 5 million people.", "3 to 5 million", 3e6, 5e6, "people", "count"),  # one scale
        ("One or two dozen homes are nearby.", "One or two dozen", 12, 24, "home", "count"),
        ("The unit has 10k-15k troops.", "10k-15k", 10000, 15000, "troop", "count"),
        ("Between 10 and 15 percent voted.", "Between 10 and 15 percent", 10, 15, "percent", "percent"),
        ("Prices rose 10%-15% this year.", "10%-15%", 10, 15, "percent", "percent"),
        ("It costs between $5 million and $10 million.", "between $5 million and $10 million", 5e6, 1e7,
         "USD", "money"),
        ("It cost 5 to 10 billion won.", "5 to 10 billion won", 5e9, 1e10, "KRW", "money"),
        ("The shells landed between 2 and 3 km away.", "between 2 and 3 km", 2, 3, "km", "measure"),
        # a range of counts before a unit of measure the model tagged no QUANTITY
        ("Another 1 to 2 inches of rain is expected.", "1 to 2 inches", 1, 2, "inch", "measure"),
        ("With 10 to 15 centimetres of snow expected.", "10 to 15 centimetres", 10, 15, "centimetre",
         "measure"),
        # the range starts at its first figure, not at the space after a dash
        ("He had a controlled substance — 4 to 200 grams.", "4 to 200 grams", 4, 200, "gram", "measure"),
        # "from" starts a change, except after "range"
        ("Hourly pay ranges from $15 to $26 an hour.", "$15 to $26", 15, 26, "USD", "money"),
        ("Her lead shrank to 2 to 9 percentage points.", "2 to 9", 2, 9, "percentage point", "percent"),
    ],
)  # fmt: skip
def test_explicit_ranges(nlp, sentence, text, low, high, unit, kind):
    q, qs = _find(nlp, sentence, text)
    assert (q.value, q.low, q.high, q.unit, q.kind, q.approximate) == (None, low, high, unit, kind, True)
    # its two ends are not counts of their own as well
    assert not [o for o in qs if o is not q and q.start < o.end and o.start < q.end]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a change and the level it reached, or two figures of different kinds
        ("The estimate rose from 10,000 to 12,000 soldiers.", ["10,000", "12,000"]),
        ("Sales rose 8% to $368.5 million.", ["8%", "$368.5 million"]),
        ("Shares fell 5 to 286.", ["5", "286"]),
        ("The average price fell in 2008 to $110,416.", ["$110,416"]),
        # a vote, a ruling, a date, years, a phone number, a model, an age
        ("The Senate voted 48 to 52.", ["48", "52"]),
        ("It was a 5-4 ruling.", []),
        ("On Oct. 3-5, 40 people were hurt.", ["40"]),
        ("In 2020-2021, 300 tanks were sent.", ["300"]),
        ("Call 555-1234 now.", []),
        ("The Boeing 737-800 crashed.", []),
        ("Candidates must be between the ages of 14-18.", []),
        ("Seventy-five million copies were built.", ["Seventy-five million"]),
    ],
)
def test_not_ranges(nlp, sentence, figures):
    qs = extract_quantities(nlp(sentence))
    assert not [q for q in qs if q.value is None], qs  # no range
    texts = [q.text for q in qs]
    assert all(f in texts for f in figures), texts


def test_a_glued_m_is_a_million_only_before_a_plural_count(nlp):
    q, _ = _find(nlp, "He ran the 100m sprint.", "100")
    assert q.value == 100


@pytest.mark.parametrize(
    ("sentence", "text", "value", "kind"),
    [
        ("You need not find a quarter of a million dollars.", "a quarter of a million", 250000, "money"),
        ("Americans owe a quarter of a trillion dollars.", "a quarter of a trillion", 2.5e11, "money"),
        (
            "She would reject a third of an estimated $930 million.",
            "an estimated $930 million",
            9.3e8,
            "money",
        ),
        # a poll's two shares, which the model ran into a name ("Trump 48 percent to")
        ("Clinton leads Trump 48 percent to 41 percent.", "48 percent", 48, "percent"),
        ("Clinton leads Trump 48 percent to 41 percent.", "41 percent", 41, "percent"),
        ("Most oppose it, 59%-28%.", "59%", 59, "percent"),  # a pair, not a range (which would rise)
        ("Most oppose it, 59%-28%.", "28%", 28, "percent"),
        ("Investors see a one-in-five chance of a cut.", "one-in-five", 20, "percent"),
        # the model's MONEY without any currency is a count
        ("Pope Francis leads the world's 1.2 billion Roman Catholics.", "1.2 billion", 1.2e9, "count"),
        ("The Russians took Uranium One in three separate deals.", "three", 3, "count"),  # a name's "One"
        (
            "Poll Results\nOne in three voters agreed.",
            "One in three",
            33.3333,
            "percent",
        ),  # a headline before
    ],
)
def test_shares_of_a_figure_and_figures_run_together(nlp, sentence, text, value, kind):
    q, _ = _find(nlp, sentence, text)
    assert (q.value, q.kind) == (value, kind)


def test_a_table_rule_is_no_unit(nlp):
    from newsledger.extract.quantities import extract_quantities

    qs = extract_quantities(nlp("| DL | Eli Ankou | 13 | 18% | 1 tackle (1 combined). |"))
    assert not any(q.unit == "|" for q in qs), qs


def test_a_capitalised_word_that_is_also_a_currency_code_makes_no_money(nlp):
    from newsledger.extract.quantities import extract_quantities

    qs = extract_quantities(nlp("The song reached the TOP 10 in May."))
    assert [(q.text, q.kind) for q in qs] == [("10", "count")]


@pytest.mark.parametrize(
    "sentence",
    [
        "World leaders gathered at COP 26 in Glasgow.",  # the climate summit, not Colombian pesos
        "The plan supports SDG 13 on climate action.",  # a development goal, not Sudanese pounds
        "RON 95 petrol is subsidised.",  # an octane grade, not Romanian lei
        "Shops prepared for CNY 2024 celebrations.",  # Chinese New Year, not 2,024 yuan
        "The flaw, CVE 2021-44228, was patched.",
    ],
)
def test_a_name_before_a_number_that_is_also_a_currency_code_makes_no_money(nlp, sentence):
    from newsledger.extract.quantities import extract_quantities

    assert not [q for q in extract_quantities(nlp(sentence)) if q.kind == "money"]


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("Protesters marched past 12 Wall Street banks.", "12", "bank"),
        ("He owns 5 Main Street businesses.", "5", "business"),
        ("On March 17, 18 soldiers were killed.", "18", "soldier"),  # a count after a date and a comma
        ("In Game 7, 40,000 fans watched.", "40,000", "fan"),
    ],
)
def test_a_count_after_an_address_date_or_name_is_kept(nlp, sentence, text, unit):
    q, _ = _find(nlp, sentence, text)
    assert q.unit == unit


def test_qualifier_is_kept(nlp):
    q, _ = _find(nlp, "Russia deployed 1,500 special forces near Kursk.", "1,500")
    assert (q.unit, q.qualifier) == ("force", "special")
    q, _ = _find(nlp, "Seoul says 12,000 North Korean soldiers were sent.", "12,000")
    assert (q.unit, q.qualifier) == ("soldier", "North Korean")


def test_composition_is_linked(nlp):
    four, qs = _find(nlp, "The North sent four brigades of 12,000 soldiers in total.", "four")
    assert four.unit == "brigade" and four.value == 4
    assert four.of is not None and qs[four.of].text == "12,000" and qs[four.of].unit == "soldier"
    # A plain count composes nothing.
    q, _ = _find(nlp, "The North sent 12,000 soldiers.", "12,000")
    assert q.of is None


@pytest.mark.parametrize(
    ("sentence", "not_a_count"),
    [
        ("The treaty was signed in 1949 in Washington.", "1949"),
        ("The strike happened on October 3 near Donetsk.", "3"),
        ("James Kopp, 44, was arrested in France.", "44"),
        ("Four-car collision critically injures woman, 82. A crash in the city followed.", "82"),
        ("The protester, aged 52, was detained.", "52"),
        ("Call the hotline at 555-0123 for details.", "555-0123"),
        ("Call (202) 555-0199 for details.", "555-0199"),
        ("A 44-year-old protester was detained.", "44-year-old"),
        ("He finished third in the race.", "third"),
        ("The mound dates from 500 BC.", "500"),  # a year of an era
        ("Applicants must be 50 or older.", "50"),  # an age
        ("Grier, of the 700 block of Knox Road, is a suspect.", "700"),  # an address
        ("Call the centre toll-free: 1 877 855-3222.", "855"),  # a phone number cut in parts
        ("Call the patrol division at (318) 619-3947.", "318"),
        ("He was sharp well into his 90's.", "90"),  # an age
        ("To register, call Lisa Kijowski at 815-899-5743.", "815"),
        ("Anyone with information should call (903) 729-TIPS.", "903"),
        ("Registration is today from 11 a.m.-2 p.m. at the station.", "11"),  # a clock time cut in two
        (
            "___.  11: 06 a.m.  The Jeb Bush campaign is releasing a video.",
            "11",
        ),  # a live blog's mangled stamp
        ("She led by about a 67 percentage point margin.", "about a"),  # an article, not one
        ("Fiber keeps you feeling full longer (16). Protein helps too (4, 5).", "16"),  # cited studies
        ("Protein keeps hunger down (4, 5). Fiber helps too.", "4"),
        ("Charged were Kenneth Bonilla, 23; Edwin Luciano, 18; and Jose Diaz, 22.", "23"),  # ages in a list
        ("He was charged with sexual conduct with a child younger than 13.", "13"),
        # a road's number, a clock time the model tagged QUANTITY, the end of a hyphenated word
        ("Officer Rogers stopped a vehicle on KY 80 west.", "80"),
        ("The project widens FM 2071 between FM 372 and FM 922.", "922"),
        ("Routes such as U.S. 54, 56, 83 and 400 were closed.", "400"),
        ("The crash was over at 3.18 am, police said.", "3.18"),
        ("They took time to high-five passersby.", "five"),
        ("Senators call for 5G security coordinator.", "5"),
        ("They deployed 5G across 30 cities.", "5"),
        # "at one point", "at one time": when, also in a sentence with a toll
        ("At one point, 12 people were killed in the attack.", "one"),
        ("At one time, the bombing killed 20 soldiers.", "one"),
    ],
)
def test_years_dates_ages_and_phone_numbers_are_not_counts(nlp, sentence, not_a_count):
    qs = extract_quantities(nlp(sentence))
    assert not [q for q in qs if not_a_count in q.text], qs


def test_a_quantity_knows_its_time_and_claim():
    from newsledger.model import Article
    from newsledger.nlp import get_nlp
    from newsledger.pipeline import extract_doc

    text = (
        "North Korea sends troops\n\nThe intelligence service said on Friday that North Korea had sent "
        "12,000 soldiers to Russia. In June, the two countries signed a treaty.\n"
    )
    art = Article(id="x", text=text, source_text=text, published=dt.date(2024, 10, 18))
    ex = extract_doc(get_nlp()(text), art)
    q = next(q for q in ex.quantities if q.text == "12,000")
    assert q.claim is not None and ex.claims[q.claim].source is not None
    assert "12,000" in ex.claims[q.claim].content.text
    assert q.time is not None and ex.times[q.time].value == "2024-10-18"


@pytest.mark.parametrize(
    ("sentence", "figure", "day"),
    [
        # A time in a clause that modifies a figure (or what it counts) is that figure's, not its neighbour's.
        ("At least 45 people were killed, up from 30 reported on Thursday, officials said on Friday.", "30",
         "2024-10-17"),
        ("At least 45 people were killed, up from 30 reported on Thursday, officials said on Friday.",
         "At least 45", "2024-10-18"),
        ("Of the 12,000 troops sent on Monday, 200 were killed on Thursday, officials said.", "200",
         "2024-10-17"),
    ],
)  # fmt: skip
def test_a_time_modifying_a_figure_is_that_figures(sentence, figure, day):
    from newsledger.model import Article
    from newsledger.nlp import get_nlp
    from newsledger.pipeline import extract_doc

    text = f"Kharkiv\n\n{sentence}\n"
    art = Article(id="x", text=text, source_text=text, published=dt.date(2024, 10, 18))
    ex = extract_doc(get_nlp()(text), art)
    q = next(q for q in ex.quantities if q.text == figure)
    assert q.time is not None and ex.times[q.time].value == day


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        # The model leaves some counts untagged: a spelled-out number opening a paragraph, and the figures
        # of a change it tagged DATE.
        ("Kharkiv strike\n\nForty-five people were killed in the strike.", "Forty-five", 45, "people"),
        ("Strike\n\nTwenty-one soldiers and forty-two civilians were hurt.", "forty-two", 42, "civilian"),
        ("The toll rose from 30 to 45.", "45", 45, None),
        ("Exports rose from 5,000 to 9,800 last year.", "5,000", 5000, None),  # a change tagged as one figure
        ("Exports rose from 5,000 to 9,800 last year.", "9,800", 9800, None),
    ],
)
def test_counts_the_model_missed(nlp, sentence, text, value, unit):
    q, _ = _find(nlp, sentence, text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # a clause that repeats the one before counts what it counted
        (
            "Overall, Trump leads with 221 delegates. Cruz has 69, Rubio has 41 and Kasich has 19.",
            "41",
            "delegate",
        ),
        (
            "With 107 delegates at stake, she will win at least 56. Sanders will gain at least 24.",
            "at least 24",
            "delegate",
        ),
        (
            "About 230 Guard troops were helping, and he expects that number will reach about 400.",
            "about 400",
            "troop",
        ),
        # the second figure of a toll
        ("At least 12 people were killed and 45 wounded.", "45", "people"),
        ("Five soldiers died and 12 were injured.", "12", "soldier"),
        ("Ten people were killed and dozens more injured in separate attacks.", "dozens", "people"),
        # a figure a change started from, and a time after it that is no unit
        ("About 3,000 North Korean troops are in Kursk, up from 1,500 last week.", "1,500", "troop"),
        # not across a paragraph, after a figure that only describes, before "of", in a "respectively" list
        ("Trump has 221 delegates.\n\nCruz has 69.", "69", None),
        ("Acapulco, which has 847,735 citizens, had 883.", "883", None),
        (
            "You have to win at least 20 states. You have to win at least eight of them to qualify.",
            "at least eight",
            None,
        ),
        ("Forecasters expect three major hurricanes; 2017 had 17, 10 and six, respectively.", "17", None),
        # the other side of a comparison in the same sentence
        ("China had 568 billionaires to America's 535.", "535", "billionaire"),
        (
            "Mr. Sanders and Mr. Trump won a combined 25 million votes, compared with 16 million for Mrs."
            " Clinton.",
            "16 million",
            "vote",
        ),
        (
            "She was set to win roughly 30 more delegates than Mr. Sanders, out of 247 at stake.",
            "247",
            "delegate",
        ),
        ("It had 40 seats to their 35.", "35", "seat"),
        # a part of a whole counts what the whole counts; "more" again counts the thing just counted
        ("In eight of nine states where exit polls were conducted, he won.", "eight", "state"),
        ("The NLD won 49 out of the 54 seats for the lower house.", "49", "seat"),
        ("That is 30 states with 309 electoral votes, 39 more than needed to win.", "39", "vote"),
        (
            "Security forces shot dead roughly 100 demonstrators and injured hundreds more.",
            "hundreds",
            "demonstrator",
        ),
        ("He has 100 delegates. Cruz needs hundreds more.", "hundreds", None),  # not from another sentence
        # a toll that names no noun counts people
        ("The assaults killed 130 in Paris last November.", "130", "people"),
        ("It was a war in which 100,000 died.", "100,000", "people"),
        ("At least 40 drowned when the boat capsized.", "At least 40", "people"),
        ("The massacre left nine dead last year.", "nine", "people"),
        ("TWO DEAD, 16 INJURED IN FLORIDA NIGHTCLUB SHOOTING", "16", "people"),
        ("Police arrested 45 on Sunday.", "45", "people"),
        ("They killed 15 of them.", "15", None),  # of what, the words after say
        ("Five soldiers died and 12 were injured.", "12", "soldier"),  # the toll's own noun comes first
        # a name and a figure with the verb left out
        ("Trump has 739 delegates, Cruz 465 and Kasich 143.", "143", "delegate"),
        ("Republicans have 24 Senate seats up in November, Democrats 10.", "10", "seat"),
        # not a figure in a sentence of its own, nor one set against a share
        ("The company employs 500 workers. It was founded in 1990 with 12.", "12", None),
        ("The store sold 500 copies. Compared with 300, that is more.", "300", None),
    ],
)
def test_a_count_without_a_noun_takes_the_unit_of_the_count_it_repeats(nlp, sentence, text, unit):
    q, _ = _find(nlp, sentence, text)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("sentence", "not_a_count"),
    [
        ("The group knew its work could one day lead to prosecution.", "one"),  # an idiom
        ("He looks back at his nearly two years leading the police department.", "two"),  # a missed time
        ("Charlie Chen, 48, was accused in an indictment filed in Boston.", "48"),  # an age tagged DATE
    ],
)
def test_numbers_the_model_left_untagged_that_count_nothing(nlp, sentence, not_a_count):
    assert not_a_count not in [q.text for q in extract_quantities(nlp(sentence))]


@pytest.mark.parametrize(
    ("sentence", "figure", "was"),
    [
        # A change from one figure to another: the figure reached knows the one it changed from.
        ("The toll rose from 30 to 45.", "45", "30"),
        ("The toll rose to 45 from 30 on Thursday.", "45", "30"),
        ("At least 45 people were killed in the strike, up from 30 on Thursday.", "At least 45", "30"),
        ("Officials revised the figure from 10,000 to 12,000 troops.", "12,000", "10,000"),
        ("Sales rose 8% to $368.5 million from $340 million.", "$368.5 million", "$340 million"),
        ("Profit was $5 million, down from $7 million.", "$5 million", "$7 million"),
        # the model makes one span of the two figures
        ("Unemployment rose from 5% to 10%.", "10%", "5%"),
        ("Support rose from 5 percent to 10 percent.", "10 percent", "5 percent"),
    ],
)
def test_a_change_links_the_figure_to_the_one_before(nlp, sentence, figure, was):
    q, qs = _find(nlp, sentence, figure)
    assert q.previous is not None and qs[q.previous].text == was


@pytest.mark.parametrize(
    "sentence",
    [
        "Ages ranged from 30 to 45.",  # a range, no change
        "Shares fell 5 to 286.",  # the change and the level: 5 is no earlier figure
        "The team went from 3 wins to 10 losses.",  # different units
        "Sales rose 8% to $368.5 million.",  # different kinds
        "About 45 people died. Up from 30 in May, prices rose.",  # not within one sentence
    ],
)
def test_no_change_link_without_a_change(nlp, sentence):
    assert all(q.previous is None for q in extract_quantities(nlp(sentence)))


@pytest.mark.parametrize("sentence", ["Room 40C is on the left.", "Seats 12C and 12F were empty."])
def test_a_number_and_letter_away_from_any_weather_is_no_temperature(nlp, sentence):
    assert not [q for q in extract_quantities(nlp(sentence)) if q.unit in ("°C", "°F")]


def test_a_proportion_keeps_its_bounds(nlp):
    q, _ = _find(nlp, "Fewer than one in five staffers joined.", "one in five")
    assert (q.low, q.high, q.approximate) == (None, 20, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "They scored one in 10 minutes.",
        "It was one in a million.",
        "The air force said it shot down 30 out of 45 drones.",  # two counts, not a share
    ],
)
def test_a_number_in_a_time_or_the_idiom_is_no_proportion(nlp, sentence):
    assert not [q for q in extract_quantities(nlp(sentence)) if q.kind == "percent"]


@pytest.mark.parametrize(
    "sentence",
    ["Sirens sounded at 2300 local time.", "The strike came at 0400 GMT.", "They left at 0600 hours."],
)
def test_a_clock_time_is_no_count(nlp, sentence):
    assert extract_quantities(nlp(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Scott was one of three members who voted against it.", "one"),  # which one, not how many
        ("Trump ranks fourth in a two-way race.", "two"),  # a compound word
        ("They back the two-state solution.", "two"),
        ("In the Senate's 80-19 vote, Poland joined.", "80"),  # a tally
        ("Liverpool won the game 3-0.", "3"),  # a score
        ("Both parties split 4 to 1 in favor.", "1"),
        ("One questioner claimed the forces were weak.", "One"),  # a lone "one" away from any toll
        ("Miners went down Federal mine No. 2.", "2"),  # a name
        ("It was something a 911 caller told a dispatcher.", "911"),
        ("If all the Fortune 500 companies paid taxes.", "500"),  # part of a name
        ("A culvert on County Road 96 washed out.", "96"),
        ("The Senate voted 52 to 48.", "52"),
        ("Phyllis Schlafly dies at 92.", "92"),  # an age at death
        ("Clinton (68), Trump (69) and Sanders (74) are among the oldest.", "69"),  # ages after names
        ("Teens who will turn 18 before the election can vote.", "18"),
        ("The primaries were held Tuesday.  1. The GOP is fracturing.", "1"),  # a list's numbering
        ("Three reasons to be optimistic:  2.  Anti-Trump groups did not invest.", "2"),  # two spaces after
        ("He backed the Gang of Eight amnesty plan.", "Eight"),  # a capitalised number in a name
        ("Notre Dame lost in the semifinals of the Final Four college basketball tournament.", "Four"),
        ("Cases were decided by 5-to-4 votes.", "5"),  # a vote written with hyphens
        ("A 4-to-4 tie would have left it.", "4"),
        ("A 4-4 ruling by the high court would leave it.", "4"),  # a tie: two equal sides
        ("With the score tied at 2-2 in the third period, he chose.", "2"),
        ("She pays between 4 and 5 , 000 euro a month.", "000"),  # a figure the page broke apart
        ("Clinton wants to help people under 30 engage in public service.", "30"),  # an age
        ("Terence Crutcher, 40 ― a father of four ― died.", "40"),  # an age between a comma and a dash
        ("We will wind down the 501 c3 organization.", "501"),  # a section of the US tax code
        ("The group is a 501(c)(4) nonprofit.", "501"),
        ("His group plans to zero in on local issues.", "zero"),  # a verb
        ("It went off in front of 131 West 23rd Street.", "131"),  # an address
        ("He lives at 1600 Pennsylvania Avenue.", "1600"),
        ("Services are at 400 S. Locust St., Lebanon.", "400"),  # a street abbreviated, a comma after
        ("Four people who live at 44 Hungerford St., were arrested.", "44"),
        ("Crews tore down both 341 and 345 S. Main St. One held a heater.", "341"),
        ("A fundraiser is at 1200 DeKalb Ave. in Sycamore.", "1200"),
        ("He was shot on the porch of 618 S.W. Second Terrace on Monday.", "618"),
        ("Screenings will be held March 17, 18 and 19 for all students.", "19"),  # days of a month
        ("The play runs May 1 and 2 at the theater.", "2"),
        ("The celebration at City Park July 4- 5 will offer music.", "5"),
        ("Scout units - Pack 122, 124 and 131 - will collect items.", "131"),  # a numbering
        ("Pct. 3 Commissioner Ronny Lawrence was opposed.", "3"),
        ("A man from Clacton, Essex - Aseany Duncan, 19 - was charged.", "19"),  # an age before a dash
        ("Room 12 has 40 beds.", "12"),
        ("Turnout for voters under the age of 30 fell.", "30"),  # an age
        ("There are still four years to go in the 90’s.", "90"),  # a decade
        ("The Hellish View from Inside the Beltway, #2.", "2"),  # a numbering the model calls money
        ("Democrats won by a 3 to 1 margin.", "3"),  # a ratio
        ("Democrats won by a 3 to 1 margin.", "1"),
        ("Put it in one of those 529 college savings plans.", "529"),  # a section of the tax code
        ("The vote was 5 to 4, with the conservatives in the majority.", "5"),  # a tally
        ("The vote was 5 to 4, with the conservatives in the majority.", "4"),
        ("Voters ages 55 to 65 backed him.", "65"),  # the other end of an age range
        ("They assaulted two children, ages 7 and 9, police said.", "9"),
        ("Justice Breyer will be 78, Justice Kennedy will be 80, and Justice Ginsburg will be 83.", "83"),
        ("She will be 60 in May, making retraining impractical.", "60"),  # an age after "be"
        ("It was a potent one-two punch by the two women.", "one-two"),  # two numbers, not three
        ("Rankings did not change from last week:  1 Donald Trump.  2 Ted Cruz.", "1"),  # a rank
    ],
)
def test_which_one_compounds_tallies_and_ages_count_nothing(nlp, sentence, text):
    qs = extract_quantities(nlp(sentence))
    assert text not in [q.text for q in qs], [(q.text, q.value) for q in qs]


def test_the_two_before_and_counts_no_unit_of_the_figure_after(nlp):
    """ "between the two and up to 20 percent": the parser hangs "two" on "percent"; "the two" are people."""
    sentence = (
        "Many voters would also prefer not to have had to choose between the two and up to 20 percent may"
        " note vote at all given the choices they face."
    )
    q, _ = _find(nlp, sentence, "two")
    assert (q.kind, q.unit) == ("count", None)
    q, _ = _find(nlp, "He met with the 100 or so delegates who are unbound.", "100")
    assert q.unit == "delegate"


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # a multiple counts times, not the noun it multiplies
        ("The benefit of free trade is 10 times the size of the losses.", "10", "time"),
        ("Your payments hit 1.75 times the amount you borrowed.", "1.75", "time"),
        # a verb the model took for a noun, after an adverb, is no unit
        ("Whether there are 2,400 billionaires or 1,800 hardly matters.", "1,800", None),
        # "or so" is no adverb of the noun
        ("The caucus may be a venue for some 250,000 or so Iowans.", "some 250,000", "iowan"),
        # a noun before the figure names which one, not what is counted
        ("Cell 12 has 40 beds.", "12", None),
        ("Read part 1 here, and part 2 here.", "2", None),
        # … except "a delegate or two", "crowds 15,000 strong", "population 5,000"
        ("They could pick up a delegate or two.", "two", "delegate"),
        ("He speaks to crowds 15,000 strong.", "15,000", "crowd"),
        ("He practises law in Ripley (population 5,000).", "5,000", "population"),
        # a family's name in the plural is counted
        ("The two Clintons were there.", "two", "clinton"),
        # groups of people are counted even after "be"
        ("We are five right now. Last week we were eight.", "eight", None),
    ],
)
def test_multiples_and_words_that_are_no_unit(nlp, sentence, text, unit):
    q, _ = _find(nlp, sentence, text)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one two", None),
        ("nineteen ninety", None),
        ("twenty-one", 21.0),
        ("one hundred two", 102.0),
        ("ninety nine thousand", 99000.0),
        ("1.5 lakh crore", 1.5e12),
        ("two million three hundred thousand", 2_300_000.0),
    ],
)
def test_number_words_combine_only_as_tens_units_and_scales(text, value):
    from newsledger.extract.quantities import parse_number

    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "text", "per"),
    [
        ("She backed a $15-an-hour minimum wage.", "$15", "hour"),
        ("Profit was $1.78 per share.", "$1.78", "share"),
        ("Gold settled at $1,349 an ounce.", "$1,349", "ounce"),
        ("Natural gas was at $2.86 per thousand cubic feet.", "$2.86", "thousand cubic foot"),
        ("Trump Tower rented space at $120 per square foot.", "$120", "square foot"),
        ("Temporary workers earn 163 pesos a day.", "163", "day"),  # past the unit written after it
        ("They admit 500 Syrian refugees a month.", "500", "month"),
        ("Hulu paid nearly $1 million an episode.", "nearly $1 million", "episode"),
        ("Sales grew 3% a year.", "3%", "year"),
        ("It plans to spend up to 130 billion euros per annum.", "up to 130 billion euros", "year"),
        # no rate: a time back or ahead, a percent, a word that is no unit of a rate, another figure
        ("Sales rose to 500 million a year ago.", "500 million", None),
        ("It rose 5 per cent.", "5 per cent", None),
        ("They sold them at $15 a piece.", "$15", None),
        ("Fees total $2.90 for every $10,000 invested.", "$2.90", None),
        ("He paid $8 million a year after the crash.", "$8 million", None),
    ],
)
def test_a_rate_knows_what_it_is_per(nlp, sentence, text, per):
    q, _ = _find(nlp, sentence, text)
    assert q.per == per


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"),
    [
        # a country's dollar and other currencies written before the figure
        ("The deal is worth A$5 million.", "A$5 million", "money", 5_000_000, "AUD"),
        ("It cost US$1.2bn.", "US$1.2bn", "money", 1_200_000_000, "USD"),
        ("It cost HK$300.", "HK$300", "money", 300, "HKD"),  # one token to the tokenizer, untagged
        ("Tickets cost C$50.", "C$50", "money", 50, "CAD"),
        ("Rent is ₩500,000 a month.", "₩500,000", "money", 500_000, "KRW"),
        ("They paid ₦2 million.", "₦2 million", "money", 2_000_000, "NGN"),
        ("Exports reached KSh 1.2 billion.", "KSh 1.2 billion", "money", 1_200_000_000, "KES"),
        ("RON 95 petrol costs RM2.05 a litre.", "RM2.05", "money", 2.05, "MYR"),
        ("The bridge cost Rp 5 million.", "Rp 5 million", "money", 5_000_000, "IDR"),
        ("The bridge cost Tk 500 crore.", "Tk 500 crore", "money", 5_000_000_000, "BDT"),
        # any ISO code, with the scale written after the figure, or no space; the model tags none of these
        ("The company raised EUR 300m from investors.", "EUR 300m", "money", 300_000_000, "EUR"),
        ("The deal is worth USD 1.2bn.", "USD 1.2bn", "money", 1_200_000_000, "USD"),
        ("The deal is worth USD1.2bn.", "USD1.2bn", "money", 1_200_000_000, "USD"),
        ("Prices are ZAR 450 per night.", "ZAR 450", "money", 450, "ZAR"),
        ("They paid INR 2,000 for it.", "INR 2,000", "money", 2000, "INR"),
        # rupees and the Indian scale words
        ("He has spent Rs 24 lakh in the four attempts.", "Rs 24 lakh", "money", 2_400_000, "INR"),
        ("The project will cost Rs 500 crore.", "Rs 500 crore", "money", 5_000_000_000, "INR"),
        ("Rs. 1.5 crores were seized.", "Rs. 1.5 crores", "money", 15_000_000, "INR"),
        ("The oxygen bar charges Rs 299 for fifteen minutes.", "Rs 299", "money", 299, "INR"),
        ("It costs ₹1,200 a month.", "₹1,200", "money", 1200, "INR"),
        ("It costs INR 500 crore.", "INR 500 crore", "money", 5_000_000_000, "INR"),
        ("The budget sets aside Rs 2.5 lakh crore for roads.", "Rs 2.5 lakh crore", "money", 2.5e12, "INR"),
        ("We have started distributing 50 lakh masks.", "50 lakh", "count", 5_000_000, "mask"),
        # the rupees of the country the article names most; India's when it names no other more often
        (
            "KARACHI: The Sindh government approved Rs 5 billion for roads in Pakistan's biggest city.",
            "Rs 5 billion",
            "money",
            5_000_000_000,
            "PKR",
        ),
        ("Sri Lanka's bank said imports cost Rs. 300 million.", "Rs. 300 million", "money", 3e8, "LKR"),
        ("The Nepali government set aside 2 billion rupees for Kathmandu.", "2 billion", "money", 2e9, "NPR"),
        ("Pakistan's rival India paid Rs 20 lakh to Indian firms.", "Rs 20 lakh", "money", 2_000_000, "INR"),
        ("The Pakistani firm paid ₹500 crore in Mumbai.", "₹500 crore", "money", 5_000_000_000, "INR"),
    ],
)
def test_currencies_written_before_the_figure_and_indian_scale_words(nlp, sentence, text, kind, value, unit):
    q, _ = _find(nlp, sentence, text)
    assert (q.kind, q.value, q.unit) == (kind, value, unit)


def test_a_price_plus_tax_is_the_price(nlp):
    # "plus" after a sum of money adds a charge; after a count ("50 plus points") it is "at least"
    q, _ = _find(nlp, "It costs $5 plus tax.", "$5")
    assert (q.low, q.high, q.approximate) == (5, 5, False)
