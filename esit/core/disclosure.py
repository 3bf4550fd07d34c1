"""Small cells are suppressed: a figure about fewer than 5 people is never shown.

A table that says "2 women aged 65 or over volunteer in Karaburun" names people to anyone
who knows the district; so does "12 hours" under an activity two volunteers worked. Every
count of people shown to others, and every sum of hours with the number of people behind
it, goes through `suppressed()`: the reports (esit/reports) and the network's public record
(/ideas/done/) alike. Zero stays zero: it names nobody.
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
