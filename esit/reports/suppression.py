"""Small cells are suppressed: a count of people under 5 is never shown.

A table that says "2 women aged 65 or over volunteer in Karaburun" names people to anyone
who knows the district. Every count of people the reports show (on the page, in a chart,
in a CSV) goes through `suppressed()`, and a sum of hours goes through it with the number
of people behind it. Zero stays zero: it names nobody. Counts of activities or shifts are
not about people and are shown as they are.
"""

from decimal import Decimal

MIN_CELL = 5


def suppressed[N: (int, Decimal)](value: N, *, people: int | None = None) -> N | None:
    """`value`, or None when fewer than MIN_CELL people (but at least one) stand behind it.

    `people` is how many people the value is about when it is not itself a count of people
    (hours: the volunteers who worked them); by default the value is that count.
    """
    behind = value if people is None else people
    if 0 < behind < MIN_CELL:
        return None
    return value
