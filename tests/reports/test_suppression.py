"""No count of people under 5 is shown, nor one that the others would give away."""

import itertools
from collections import defaultdict
from decimal import Decimal

import pytest

from esit.reports.selectors import HIDDEN_SUM, suppress_row
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
    # 3 + 4 hold only 7 people together: the 5 goes too.
    assert suppress_row(12, [5, 3, 4]) == (12, None, None, None)


def test_hidden_parts_take_the_next_smallest_until_they_hold_nine_people():
    assert suppress_row(20, [9, 6, 1, 4, 0]) == (20, 9, None, None, None, 0)
    assert suppress_row(30, [1, 1, 5, 6, 7, 10]) == (30, None, None, None, None, 7, 10)


def test_two_hidden_parts_are_not_given_back_by_their_sum():
    # The review's attack: total minus the parts shown is 2 (both 1) or 8 (both 4).
    for row in ([1, 1, 20, 30], [4, 4, 20, 30]):
        shown = suppress_row(sum(row), row)
        hidden = [row[i] for i, cell in enumerate(shown[1:]) if cell is None]
        assert len(hidden) > 2, shown
        assert sum(hidden) >= HIDDEN_SUM, shown


def test_a_part_as_large_as_the_one_hidden_with_it_is_hidden_too():
    # Otherwise the 5 shown says the hidden second part is at most 5, so 9 - 5 = 4.
    assert suppress_row(14, [5, 5, 4]) == (14, None, None, None)


def test_when_every_part_is_hidden_and_each_must_be_one_the_total_goes():
    # Five parts of 1 under a total of 5 would be given back.
    assert suppress_row(5, [1, 1, 1, 1, 1]) == (None, None, None, None, None, None)
    # 6 and 1 both hidden: 7 could be 6 + 1, 5 + 2, 4 + 3…: the total stays.
    assert suppress_row(7, [6, 1, 0]) == (7, None, None, 0)


def test_a_hidden_total_hides_every_part_but_the_zeros():
    assert suppress_row(3, [0, 3, 0]) == (None, 0, None, 0)
    assert suppress_row(1, [1, 0]) == (None, None, 0)


def _attack(size: int, values: range) -> list:
    """Every row of `size` parts, published with its total; the reader knows the rule and
    keeps every row that would be published the same. A hidden small part is given back when
    all those rows agree on it. Returns the rows where that happens."""
    consistent: dict = defaultdict(lambda: defaultdict(set))
    rows = list(itertools.product(values, repeat=size))
    for row in rows:
        shown = suppress_row(sum(row), row)
        for index, cell in enumerate(shown[1:]):
            if cell is None:
                consistent[shown][index].add(row[index])
    given_back = []
    for row in rows:
        if max(row) > values.stop // 2:
            continue  # the edge of the range would limit the alternatives, not the rule
        shown = suppress_row(sum(row), row)
        if shown[0] is None:
            continue  # known limit (suppress_row): a hidden total beside four non-zero parts
        for index, cell in enumerate(shown[1:]):
            if cell is None and 0 < row[index] < MIN_CELL and len(consistent[shown][index]) < 2:
                given_back.append((row, index))
    return given_back


@pytest.mark.parametrize("size", [2, 3, 4])
def test_no_hidden_small_part_can_be_worked_out_from_a_published_row(size):
    assert _attack(size, range(15)) == []
