"""/staff/reports/: who may read it, what it shows, its CSV downloads and its cache."""

import csv
import io

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse

from tests import factories
from tests.accounts.test_scope import scoped

DASHBOARD = reverse("reports:dashboard")


def csv_url(key: str) -> str:
    return reverse("reports:csv", args=[key])


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


# Who may read it ---------------------------------------------------------------------------


def test_coordinators_and_administrators_hold_the_capability_by_default(coordinator, administrator):
    assert coordinator.has_perm("reports.view_reports")
    assert administrator.has_perm("reports.view_reports")


def test_a_coordinator_sees_the_report_and_its_menu_entry(coordinator_client):
    response = coordinator_client.get(DASHBOARD)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="{DASHBOARD}"' in page
    assert "<h1>Raporlar</h1>" in page


def test_a_volunteer_is_refused(volunteer_client):
    assert volunteer_client.get(DASHBOARD).status_code == 403
    assert volunteer_client.get(csv_url("retention")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_whose_role_lost_the_capability_are_refused_and_see_no_menu_entry(
    client, coordinator
):
    permission = Permission.objects.get(codename="view_reports")
    Group.objects.get(name="coordinator").permissions.remove(permission)
    client.force_login(coordinator)
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(csv_url("retention")).status_code == 403
    assert f'href="{DASHBOARD}"' not in client.get("/staff/").content.decode()


def test_the_page_needs_two_factors(client, coordinator_without_two_factor):
    client.force_login(coordinator_without_two_factor)
    assert client.get(DASHBOARD).status_code == 302


# What it shows -----------------------------------------------------------------------------


def test_every_figure_has_a_chart_or_table_its_table_and_a_csv_link(coordinator_client, programme):
    page = coordinator_client.get(DASHBOARD).content.decode()
    for key in [
        "applications-by-week",
        "time-to-decision",
        "hours-by-month",
        "participation-by-district",
        "volunteers-by-age",
        "retention",
    ]:
        assert f'id="{key}"' in page
        assert f'href="{csv_url(key)}"' in page
    assert page.count("<svg") >= 5
    assert page.count("<details") == page.count("<table")
    assert 'role="img"' in page


def test_a_suppressed_cell_reads_less_than_five(coordinator_client, programme):
    page = coordinator_client.get(DASHBOARD).content.decode()
    assert "<td>&lt;5</td>" in page


def test_the_page_says_when_its_figures_were_computed(coordinator_client):
    page = coordinator_client.get(DASHBOARD).content.decode()
    assert "itibarıyla hesaplandı" in page


def test_the_page_reads_in_english(coordinator_client):
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = coordinator_client.get(DASHBOARD).content.decode()
    assert "<h1>Reports</h1>" in page
    assert "Volunteer retention" in page


def test_a_bad_date_is_reported_next_to_its_field_and_the_other_filters_apply(
    coordinator_client, programme
):
    buca = factories.district("buca")
    response = coordinator_client.get(DASHBOARD, {"start": "31.02.2026", "district": buca.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_start_error"' in page
    assert 'value="31.02.2026"' in page
    figure = response.context["report"].figure("volunteers-by-district")
    assert [row.label for row in figure.rows] == ["Buca"]


def test_an_end_before_the_start_is_refused_next_to_the_end(coordinator_client):
    response = coordinator_client.get(DASHBOARD, {"start": "2026-10-01", "end": "2026-09-01"})
    assert 'id="id_end_error"' in response.content.decode()


def test_the_csv_links_carry_the_valid_filters(coordinator_client, programme):
    buca = factories.district("buca")
    page = coordinator_client.get(DASHBOARD, {"district": buca.pk, "area": "x"}).content.decode()
    assert f'href="{csv_url("retention")}?district={buca.pk}"' in page


# CSV ---------------------------------------------------------------------------------------


def test_the_csv_holds_the_figure_with_hidden_cells_as_less_than_five(
    coordinator_client, programme
):
    response = coordinator_client.get(csv_url("volunteers-by-district"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "volunteers-by-district" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:3] == ["İlçe", "Toplam", "Kadın"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Konak"] == ["6", "6", "0", "0", "0", "0", "0"]
    assert by_label["Buca"] == ["<5", "0", "<5", "0", "0", "0", "0"]
    assert len(rows) == 31


def test_the_csv_follows_the_filters(coordinator_client, programme):
    buca = factories.district("buca")
    rows = csv_rows(
        coordinator_client.get(csv_url("volunteers-by-district"), {"district": buca.pk})
    )
    assert [row[0] for row in rows[1:]] == ["Buca"]


def test_a_name_that_looks_like_a_formula_is_neutralised_in_the_csv(coordinator_client, programme):
    konak = factories.district("konak")
    konak.name_tr = '=HYPERLINK("http://example.org")'
    konak.save(update_fields=["name_tr"])
    rows = csv_rows(coordinator_client.get(csv_url("volunteers-by-district")))
    assert rows[1][0] == '\'=HYPERLINK("http://example.org")'


def test_an_unknown_figure_is_not_found(coordinator_client):
    assert coordinator_client.get(csv_url("no-such-figure")).status_code == 404


def test_csv_downloads_write_no_audit_record(coordinator_client, programme):
    from esit.audit.models import AuditEvent

    before = AuditEvent.objects.count()
    coordinator_client.get(csv_url("volunteers-by-district"))
    assert AuditEvent.objects.count() == before


# Cache -------------------------------------------------------------------------------------


def test_figures_come_from_the_cache_until_it_expires(coordinator_client, programme):
    first = coordinator_client.get(DASHBOARD).context["report"]
    factories.VolunteerFactory(district=factories.district("konak"))
    second = coordinator_client.get(DASHBOARD).context["report"]
    assert second.computed_at == first.computed_at
    cache.clear()
    third = coordinator_client.get(DASHBOARD).context["report"]
    assert third.computed_at > first.computed_at


def test_the_cache_keeps_scopes_and_filters_apart(client, programme):
    everywhere = factories.StaffFactory(role="coordinator")
    buca_only = scoped(factories.StaffFactory(role="coordinator"), districts=["buca"])
    client.force_login(everywhere)
    whole = client.get(DASHBOARD).context["report"]
    client.force_login(buca_only)
    narrow = client.get(DASHBOARD).context["report"]
    konak = {row.label: row.cells for row in narrow.figure("volunteers-by-district").rows}
    assert konak["Konak"][0] == 0
    assert whole.figure("volunteers-by-district").rows[0].cells[0] == 6
    filtered = client.get(DASHBOARD, {"start": "2026-10-01"}).context["report"]
    assert filtered is not narrow
    assert [row.label for row in filtered.figure("activities-by-month").rows] == ["2026-10"]


def test_cached_figures_are_in_the_readers_language(client, coordinator):
    client.force_login(coordinator)
    turkish = client.get(DASHBOARD).context["report"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(DASHBOARD).context["report"]
    assert turkish.figure("retention").title == "Gönüllülerin devamı"
    assert english.figure("retention").title == "Volunteer retention"


def test_the_figures_are_written_once_and_kept_with_their_report(coordinator_client, programme):
    first = coordinator_client.get(DASHBOARD)
    assert "reports/partials/figure.html" in [t.name for t in first.templates]
    again = coordinator_client.get(DASHBOARD)
    assert "reports/partials/figure.html" not in [t.name for t in again.templates]
    assert again.context["report"].computed_at == first.context["report"].computed_at
    kept = again.content.decode()
    assert 'id="volunteers-by-district"' in kept
    assert first.content.decode().count("<td>") == kept.count("<td>")


def test_the_english_page_writes_its_own_figures(client, coordinator):
    client.force_login(coordinator)
    assert "Gönüllülerin devamı" in client.get(DASHBOARD).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(DASHBOARD).content.decode()
    assert "Volunteer retention" in page
    assert "Gönüllülerin devamı" not in page


def test_the_page_never_shows_older_figures_than_its_downloads(coordinator_client, programme):
    """A download keeps the report first; the page built after it computes afresh, and the
    download then gives the page's figures."""
    coordinator_client.get(csv_url("volunteers-by-district"))  # the report, kept
    factories.VolunteerFactory(district=factories.district("konak"))
    shown = coordinator_client.get(DASHBOARD).context["report"]
    konak = {row.label: row.cells for row in shown.figure("volunteers-by-district").rows}
    assert konak["Konak"][0] == 7
    rows = csv_rows(coordinator_client.get(csv_url("volunteers-by-district")))
    assert [row[1] for row in rows if row[0] == "Konak"] == ["7"]


def test_the_filter_form_shows_a_renamed_plan_area_at_once(coordinator_client):
    from esit.reference.models import PlanArea

    coordinator_client.get(DASHBOARD)
    plan_area = PlanArea.objects.order_by("position").first()
    plan_area.name_tr = "Yeniden adlandırılmış plan alanı"
    plan_area.save()
    page = coordinator_client.get(DASHBOARD).content.decode()
    assert f">{plan_area.code} Yeniden adlandırılmış plan alanı</option>" in page
