"""No count of people under 5 is shown, nor one that the others would give away."""

from decimal import Decimal

import pytest

from esit.reports.selectors import suppress_row
from esit.reports.suppression import MIN_CELL, suppressed


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_a_count_of_one_to_four_people_is_hidden(count):
    assert suppressed(count) is None


@pytest.mark.parametrize("count", [0, 5, 6, 120])
def test_zero_and_five_or_more_are_shown(count):
    assert suppressed(count) == count


def test_the_threshold_is_five():
    assert MIN_CELL == 5


def test_hours_are_hidden_by_the_number_of_people_behind_them():
    assert suppressed(Decimal("40.5"), people=3) is None
    assert suppressed(Decimal("40.5"), people=5) == Decimal("40.5")
    assert suppressed(Decimal(0), people=0) == Decimal(0)


def test_a_row_hides_its_small_parts():
    assert suppress_row(12, [6, 6, 0]) == (12, 6, 6, 0)
    assert suppress_row(12, [5, 3, 4]) == (12, 5, None, None)


def test_a_single_hidden_part_takes_the_next_smallest_with_it():
    # 7 - 6 would give the hidden 1 back.
    assert suppress_row(7, [6, 1, 0]) == (7, None, None, 0)
    assert suppress_row(20, [9, 6, 1, 4, 0]) == (20, 9, 6, None, None, 0)
    assert suppress_row(16, [9, 6, 1]) == (16, 9, None, None)


def test_a_hidden_total_hides_every_part_but_the_zeros():
    assert suppress_row(3, [0, 3, 0]) == (None, 0, None, 0)


def test_a_lone_hidden_part_with_no_other_to_hide_stays_alone():
    # Total 1 is hidden itself, so nothing can be subtracted.
    assert suppress_row(1, [1, 0]) == (None, None, 0)
