"""Paginators for huge lists: the count stops at a cap (and as far as the page asked for), the
page says "more than" past it and still leads on (esit/core/pagination.py)."""

import pytest

from esit.applications.models import Application
from esit.core.pagination import CappedPaginator, IdsFirst, KnownCountPaginator
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven(db):
    ApplicationFactory.create_batch(7)
    return Application.objects.order_by("pk")


def test_under_the_cap_the_count_is_exact(seven):
    paginator = CappedPaginator(seven, 2, cap=10)
    page = paginator.get_page(1)
    assert paginator.count == 7
    assert paginator.count_is_exact
    assert paginator.count_shown == "7"
    assert paginator.pages_shown == "4"
    assert page.has_next()


def test_past_the_cap_the_count_says_more_than(seven):
    paginator = CappedPaginator(seven, 2, cap=4)
    page = paginator.get_page(1)
    assert paginator.count == 4
    assert not paginator.count_is_exact
    assert paginator.count_shown == "4+"
    assert paginator.pages_shown == "2+"
    assert [a.pk for a in page] == [a.pk for a in seven[:2]]


def test_the_last_counted_page_still_leads_on(seven):
    page = CappedPaginator(seven, 2, cap=4).get_page(2)
    assert page.has_next()


def test_paging_past_the_cap_counts_as_far_as_the_page_and_shows_its_rows(seven):
    paginator = CappedPaginator(seven, 2, cap=4)
    page = paginator.get_page(3)
    assert [a.pk for a in page] == [a.pk for a in seven[4:6]]
    assert page.has_next()
    last = CappedPaginator(seven, 2, cap=4).get_page(4)
    assert [a.pk for a in last] == [a.pk for a in seven[6:]]
    assert not last.has_next()


def test_the_count_is_one_query_over_a_limit(seven, django_assert_num_queries):
    paginator = CappedPaginator(seven, 2, cap=4)
    with django_assert_num_queries(1) as captured:
        assert paginator.count == 4
    assert "LIMIT 5" in captured.captured_queries[0]["sql"]


def test_a_page_that_is_not_a_number_is_the_first(seven):
    assert CappedPaginator(seven, 2, cap=4).get_page("abc").number == 1


def test_a_large_count_is_grouped_in_the_pages_language(settings):
    paginator = KnownCountPaginator([], 100, count=20000)
    assert paginator.count_shown in {"20.000", "20,000", "20 000"}
    assert paginator.pages_shown == "200"


def test_known_count_makes_no_count_query(seven, django_assert_num_queries):
    paginator = KnownCountPaginator(seven, 2, count=7)
    with django_assert_num_queries(1):  # the page's rows only
        list(paginator.get_page(2))


def test_the_count_reads_ids_only_not_the_pages_columns_and_subqueries(seven):
    from django.db import connection
    from django.db.models import Count, OuterRef, Subquery
    from django.test.utils import CaptureQueriesContext

    same_district = (
        Application.objects.filter(district=OuterRef("district"))
        .order_by()
        .values("district")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = seven.select_related("district").annotate(neighbours=Subquery(same_district))
    paginator = CappedPaginator(rows, 2, cap=4)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 4
    (sql,) = [q["sql"] for q in queries.captured_queries]
    assert "COUNT" in sql.upper()
    assert "neighbours" not in sql
    assert "reference_district" not in sql
    page = paginator.get_page(1)
    assert [a.neighbours for a in page] == [a.neighbours for a in rows[:2]]


def test_a_distinct_or_values_list_is_counted_as_it_is(seven):
    districts = seven.values("district").order_by("district").distinct()
    assert CappedPaginator(districts, 2, cap=10).count == districts.count()
    emails = seven.values_list("email", flat=True)
    assert CappedPaginator(emails, 2, cap=10).count == 7


# Ids first ----------------------------------------------------------------------------------


def test_ids_first_pages_hold_the_same_rows_in_the_same_order(seven):
    by_district = seven.select_related("district").order_by("district__slug", "-pk")
    paginator = KnownCountPaginator(IdsFirst(by_district), 3, count=7)
    read = [a.pk for number in paginator.page_range for a in paginator.page(number)]
    assert read == [a.pk for a in by_district]


def test_ids_first_sorts_ids_alone_then_reads_the_page_with_its_related_rows(seven):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = seven.select_related("district").order_by("district__slug", "pk")
    with CaptureQueriesContext(connection) as queries:
        page = IdsFirst(rows)[2:5]
        names = [a.district.name for a in page]  # no query more: read with its rows
    ordering, reading = (q["sql"] for q in queries.captured_queries)
    assert "ORDER BY" in ordering
    assert "email" not in ordering  # the sort reads ids and its keys, not the columns
    assert "ORDER BY" not in reading
    assert [a.pk for a in page] == [a.pk for a in rows[2:5]]
    assert names == [a.district.name for a in rows[2:5]]


def test_ids_first_reads_the_page_from_the_queryset_it_is_given(seven):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = seven.filter(district__slug__isnull=False).order_by("district__slug", "pk")
    with CaptureQueriesContext(connection) as queries:
        page = IdsFirst(rows, read=Application.objects.select_related("district"))[0:2]
        names = [a.district.name for a in page]
    _, reading = (q["sql"] for q in queries.captured_queries)
    assert "slug" not in reading.split("WHERE")[1]  # by id alone, not the list's filter
    assert names == [a.district.name for a in rows[0:2]]


def test_ids_first_leaves_out_a_row_deleted_between_its_two_reads(seven, monkeypatch):
    rows = IdsFirst(seven)
    first, *_ = seven
    original = type(seven).in_bulk

    def deleted_in_between(queryset, ids, **kwargs):
        Application.objects.filter(pk=first.pk).delete()
        return original(queryset, ids, **kwargs)

    monkeypatch.setattr(type(seven), "in_bulk", deleted_in_between)
    second, third = list(seven)[1:3]
    assert [a.pk for a in rows[0:3]] == [second.pk, third.pk]


def test_ids_first_refuses_an_unordered_queryset(db):
    with pytest.raises(ValueError, match="ordered queryset"):
        IdsFirst(Application.objects.order_by())
