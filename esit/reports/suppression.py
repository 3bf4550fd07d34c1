"""Small cells are suppressed: a count of people under 5 is never shown.

A table that says "2 women aged 65 or over volunteer in Karaburun" names people to anyone
who knows the district. Every count of people the reports show (on the page, in a chart,
in a CSV) goes through `suppressed()`, and a sum of hours goes through it with the number
of people behind it. Zero stays zero: it names nobody. Counts of activities or shifts are
not about people and are shown as they are.
"""

# The rule lives in esit/core/disclosure.py, shared with the network's public record.
from esit.core.disclosure import MIN_CELL, suppressed

__all__ = ["MIN_CELL", "suppressed"]
