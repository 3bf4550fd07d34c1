"""The shared export helper (esit/audit/exports.py): which filters the trail records, and
what a download it does not know answers."""

import pytest
from django.http import Http404, QueryDict
from django.test import RequestFactory

from esit.applications.filters import QueueFilter
from esit.applications.models import Application
from esit.audit import exports
from esit.audit.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


def queue_filter(query: str) -> QueueFilter:
    return QueueFilter(QueryDict(query) if query else None, queryset=Application.objects.all())


def test_an_unbound_filter_records_nothing():
    assert exports.filters_used(queue_filter("")) == ([], False)


def test_valid_filters_are_recorded_with_their_values_and_a_search_only_as_used():
    district = factories.district("bornova")
    used, searched = exports.filters_used(
        queue_filter(f"status=approved&district={district.pk}&q=Ayşe+Yılmaz&page=2")
    )
    assert used == ["status=approved", f"district={district.pk}"]
    assert searched is True


def test_an_invalid_or_empty_value_is_not_recorded():
    assert exports.filters_used(queue_filter("status=nonsense&district=&age_group=")) == (
        [],
        False,
    )


def test_a_format_nobody_offers_is_not_found_and_not_audited(coordinator):
    request = RequestFactory().get("/")
    request.user = coordinator
    with pytest.raises(Http404):
        exports.download(
            request,
            file_format="pdf",
            action="applications.exported",
            name="basvurular",
            title="Başvurular",
            header=["Ad"],
            rows=iter([]),
            count=0,
        )
    assert not AuditEvent.objects.exists()


def test_every_export_answers_at_a_csv_and_an_xlsx_address():
    names = [pattern.name for pattern in exports.export_paths("x/export", print, name="export")]
    routes = [str(pattern.pattern) for pattern in exports.export_paths("x/export", print, name="e")]
    assert names == ["export_csv", "export_xlsx"]
    assert routes == ["x/export.csv", "x/export.xlsx"]
