"""Administrators version and publish the KVKK texts; a material change asks volunteers to
accept again; staff record consents given on paper; the incident register and its 72 hours;
the new staff pages refuse coordinators."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from esit.audit.models import AuditEvent
from esit.kvkk import incidents, notices, retention
from esit.kvkk.models import Incident
from esit.privacy.models import ConsentRecord, PrivacyNotice
from tests import factories

NEW_PAGES = [
    "/staff/privacy/retention/",
    "/staff/privacy/notices/",
    "/staff/privacy/notices/new/",
    "/staff/privacy/incidents/",
    "/staff/privacy/incidents/new/",
]


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def draft(by, *, material, version="2027-01", kind=PrivacyNotice.Kind.INFORMATION, **changes):
    fields = {
        "kind": kind,
        "version": version,
        "title_tr": "Aydınlatma metni",
        "title_en": "Information notice",
        "body_tr": "Verileriniz yeni bir amaçla da işlenecek.",
        "body_en": "Your data will also be processed for a new purpose.",
        "material_change": material,
    }
    fields.update(changes)
    return notices.draft_notice(by=by, **fields)


# Permissions ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", NEW_PAGES)
def test_a_coordinator_is_refused_the_new_privacy_pages(coordinator_client, url):
    assert coordinator_client.get(url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", NEW_PAGES)
def test_an_administrator_may_open_the_new_privacy_pages(admin_client, url):
    assert admin_client.get(url).status_code == 200


@pytest.mark.django_db
def test_services_refuse_a_coordinator_too(coordinator):
    with pytest.raises(notices.PermissionDenied):
        draft(coordinator, material=False)
    with pytest.raises(incidents.PermissionDenied):
        incidents.log_incident(
            by=coordinator,
            title="x",
            what_happened="x",
            discovered_at=timezone.now(),
            categories=["contact"],
            affected="x",
        )


@pytest.mark.django_db
def test_the_retention_report_shows_the_rules_and_the_last_runs(admin_client):
    factories.ApplicationFactory(
        status="rejected",
        decided_at=timezone.now() - datetime.timedelta(days=400),
        submitted_at=timezone.now() - datetime.timedelta(days=401),
    )
    html = admin_client.get("/staff/privacy/retention/").content.decode()
    assert "Reddedilen ve geri çekilen başvurular" in html
    assert "Kurallar henüz çalışmadı." in html

    retention.apply_rules()
    html = admin_client.get("/staff/privacy/retention/").content.decode()
    assert "1 kişi" in html


# Notices ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_is_published_by_an_administrator_and_audited(admin_client, administrator):
    response = admin_client.post(
        "/staff/privacy/notices/new/",
        {
            "kind": "information",
            "version": "2027-02",
            "title_tr": "Aydınlatma metni",
            "title_en": "Information notice",
            "body_tr": "Yeni metin.",
            "body_en": "New text.",
            "material_change": "on",
        },
    )
    notice = PrivacyNotice.objects.get(version="2027-02")
    assert response.status_code == 302
    assert notice.published_at is None
    assert notice.material_change

    admin_client.post(f"/staff/privacy/notices/{notice.pk}/")

    notice.refresh_from_db()
    assert notice.published_at is not None
    assert notice.published_by == administrator
    assert AuditEvent.objects.filter(action="kvkk.notice_drafted", object_id=str(notice.pk))
    assert AuditEvent.objects.filter(action="kvkk.notice_published", object_id=str(notice.pk))


@pytest.mark.django_db
def test_a_version_used_twice_is_refused_next_to_the_field_keeping_the_text(admin_client):
    existing = PrivacyNotice.objects.filter(kind="information").first()
    response = admin_client.post(
        "/staff/privacy/notices/new/",
        {
            "kind": "information",
            "version": existing.version,
            "title_tr": "Başlık <script>alert(1)</script>",
            "body_tr": "Metin",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bu türde bu sürüm zaten var." in html
    assert "Başlık &lt;script&gt;" in html
    assert PrivacyNotice.objects.filter(kind="information", version=existing.version).count() == 1


@pytest.mark.django_db
def test_a_draft_without_english_cannot_be_published(administrator):
    notice = draft(administrator, material=True, title_en="", body_en="")
    with pytest.raises(notices.NoticeError):
        notices.publish_notice(notice=notice, by=administrator)
    notice.refresh_from_db()
    assert notice.published_at is None


@pytest.mark.django_db
def test_a_published_version_cannot_be_published_again(administrator):
    notice = notices.publish_notice(notice=draft(administrator, material=False), by=administrator)
    with pytest.raises(notices.NoticeError):
        notices.publish_notice(notice=notice, by=administrator)


# Re-consent -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_material_change_sends_a_volunteer_to_accept_at_her_next_sign_in(
    volunteer_client, volunteer, administrator
):
    notices.publish_notice(notice=draft(administrator, material=True), by=administrator)
    assert volunteer_client.get("/me/").status_code == 200  # signed in before: not yet

    volunteer_client.force_login(volunteer.user)  # her next sign-in

    response = volunteer_client.get("/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/me/consent/")
    assert volunteer_client.get("/me/data/").status_code == 200  # her rights stay open
    page = volunteer_client.get("/me/consent/").content.decode()
    assert "Verileriniz yeni bir amaçla da işlenecek." in page

    volunteer_client.post("/me/consent/", {"accept": "1", "next": "/me/"})

    consent = ConsentRecord.objects.filter(user=volunteer.user).latest("given_at")
    assert consent.method == ConsentRecord.Method.ONLINE
    assert consent.information_notice.version == "2027-01"
    assert volunteer_client.get("/me/").status_code == 200
    assert AuditEvent.objects.filter(action="kvkk.consent_recorded")


@pytest.mark.django_db
def test_a_non_material_change_asks_nobody(volunteer_client, volunteer, administrator):
    notices.publish_notice(notice=draft(administrator, material=False), by=administrator)
    volunteer_client.force_login(volunteer.user)

    assert volunteer_client.get("/me/").status_code == 200


@pytest.mark.django_db
def test_a_posted_form_is_stopped_too_until_she_accepts(volunteer_client, volunteer, administrator):
    notices.publish_notice(notice=draft(administrator, material=True), by=administrator)
    volunteer_client.force_login(volunteer.user)

    response = volunteer_client.post("/me/profile/", {})

    assert response.status_code == 302
    assert response["Location"] == "/me/consent/"


@pytest.mark.django_db
def test_staff_record_a_consent_given_on_paper(coordinator_client, coordinator, volunteer):
    response = coordinator_client.post(
        f"/staff/privacy/consents/{volunteer.pk}/",
        {"method": "paper", "given_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 302
    consent = ConsentRecord.objects.get(user=volunteer.user, method="paper")
    assert consent.recorded_by == coordinator
    assert consent.ip_hash == ""


@pytest.mark.django_db
def test_a_consent_recorded_by_staff_cannot_be_online_or_in_the_future(
    coordinator_client, volunteer
):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = coordinator_client.post(
        f"/staff/privacy/consents/{volunteer.pk}/", {"method": "phone", "given_on": tomorrow}
    )
    assert "Verildiği gün gelecekte olamaz." in response.content.decode()
    response = coordinator_client.post(
        f"/staff/privacy/consents/{volunteer.pk}/",
        {"method": "online", "given_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert not ConsentRecord.objects.filter(user=volunteer.user).exists()


@pytest.mark.django_db
def test_a_paper_consent_after_the_material_change_lets_her_in(
    volunteer_client, volunteer, administrator
):
    notices.publish_notice(notice=draft(administrator, material=True), by=administrator)
    ConsentRecord.objects.all().update(given_at=timezone.now() - datetime.timedelta(days=1))
    notices.record_consent_for(
        volunteer=volunteer,
        by=administrator,
        method="in_person",
        given_on=timezone.localdate() + datetime.timedelta(days=0),
    )
    consent = ConsentRecord.objects.get(method="in_person")
    ConsentRecord.objects.filter(pk=consent.pk).update(given_at=timezone.now())
    volunteer_client.force_login(volunteer.user)

    assert volunteer_client.get("/me/").status_code == 200


# Incidents --------------------------------------------------------------------------------------


def incident_post(**changes):
    data = {
        "title": "Yanlış alıcıya giden liste",
        "what_happened": "Başvuru listesi dışarıdan bir adrese gönderildi.",
        "discovered_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "categories": ["identity", "contact"],
        "affected": "Mart ayı başvuru sahipleri",
        "affected_count": "42",
        "measures": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_an_incident_gets_its_72_hour_deadline_and_an_audit_event(admin_client):
    response = admin_client.post("/staff/privacy/incidents/new/", incident_post())

    incident = Incident.objects.get()
    assert response.status_code == 302
    assert incident.board_deadline == incident.discovered_at + datetime.timedelta(hours=72)
    assert incident.categories == ["identity", "contact"]
    assert AuditEvent.objects.filter(action="kvkk.incident_logged", object_id=str(incident.pk))
    assert (
        "Yanlış alıcıya giden liste"
        in admin_client.get("/staff/privacy/incidents/").content.decode()
    )


@pytest.mark.django_db
def test_an_incident_cannot_be_discovered_in_the_future(admin_client):
    later = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = admin_client.post(
        "/staff/privacy/incidents/new/", incident_post(discovered_at=later)
    )
    html = response.content.decode()
    assert "Öğrenildiği an gelecekte olamaz." in html
    assert "Yanlış alıcıya giden liste" in html
    assert not Incident.objects.exists()


@pytest.mark.django_db
def test_notifying_the_board_is_recorded_and_audited(admin_client, administrator):
    incident = incidents.log_incident(
        by=administrator,
        title="Kayıp dizüstü",
        what_happened="Şifrelenmemiş bir dizüstü kayboldu.",
        discovered_at=timezone.now() - datetime.timedelta(hours=5),
        categories=["contact"],
        affected="Gönüllüler",
    )
    now = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    response = admin_client.post(
        f"/staff/privacy/incidents/{incident.pk}/",
        incident_post(
            title=incident.title,
            discovered_at=timezone.localtime(incident.discovered_at).strftime("%Y-%m-%dT%H:%M"),
            board_notified_at=now,
            measures="Parolalar değiştirildi.",
        ),
    )
    incident.refresh_from_db()
    assert response.status_code == 302
    assert incident.board_notified_at is not None
    assert AuditEvent.objects.filter(action="kvkk.incident_updated", object_id=str(incident.pk))


@pytest.mark.django_db
def test_administrators_are_reminded_once_a_day_before_the_deadline(
    administrator, coordinator, run_on_commit
):
    now = timezone.now()
    due = incidents.log_incident(
        by=administrator,
        title="Yakın",
        what_happened="x",
        discovered_at=now - datetime.timedelta(hours=48),
        categories=["contact"],
        affected="x",
    )
    incidents.log_incident(
        by=administrator,
        title="Yeni",
        what_happened="x",
        discovered_at=now - datetime.timedelta(hours=47),
        categories=["contact"],
        affected="x",
    )

    with run_on_commit():
        assert incidents.remind_due(now=now) == 1
    with run_on_commit():
        assert incidents.remind_due(now=now) == 0  # safe twice

    assert [message.to for message in mail.outbox] == [[administrator.email]]
    assert f"/staff/privacy/incidents/{due.pk}/" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_notified_incident_is_not_reminded(administrator):
    incidents.log_incident(
        by=administrator,
        title="Bildirildi",
        what_happened="x",
        discovered_at=timezone.now() - datetime.timedelta(hours=70),
        board_notified_at=timezone.now() - datetime.timedelta(hours=1),
        categories=["contact"],
        affected="x",
    )

    assert incidents.remind_due() == 0


@pytest.mark.django_db
def test_a_scoped_coordinator_cannot_record_a_consent_outside_her_scope(client):
    from tests.accounts.test_scope import scoped

    coordinator = scoped(factories.StaffFactory(role="coordinator"), areas=["translation"])
    outside = factories.VolunteerFactory(areas=[factories.area("field-research")])
    inside = factories.VolunteerFactory(areas=[factories.area("translation")])
    client.force_login(coordinator)
    today = timezone.localdate().isoformat()

    refused = client.post(
        f"/staff/privacy/consents/{outside.pk}/", {"method": "paper", "given_on": today}
    )
    allowed = client.post(
        f"/staff/privacy/consents/{inside.pk}/", {"method": "paper", "given_on": today}
    )

    assert refused.status_code == 404
    assert allowed.status_code == 302
    assert not ConsentRecord.objects.filter(user=outside.user).exists()
    assert ConsentRecord.objects.filter(user=inside.user, method="paper").exists()


@pytest.mark.django_db
def test_the_volunteer_staff_page_shows_her_latest_consent_and_the_link(
    coordinator_client, volunteer
):
    html = coordinator_client.get(f"/staff/volunteers/{volunteer.pk}/").content.decode()

    assert f"/staff/privacy/consents/{volunteer.pk}/" in html


@pytest.mark.django_db
def test_the_reminder_command_is_safe_twice(administrator, capsys):
    from django.core.management import call_command

    incidents.log_incident(
        by=administrator,
        title="Eski",
        what_happened="x",
        discovered_at=timezone.now() - datetime.timedelta(hours=60),
        categories=["contact"],
        affected="x",
    )

    call_command("remind_incidents")
    call_command("remind_incidents")

    assert capsys.readouterr().out.splitlines() == [
        "1 incident(s) reminded.",
        "0 incident(s) reminded.",
    ]


@pytest.mark.django_db
def test_the_public_notice_shows_the_published_version_never_a_draft(client, administrator):
    notice = draft(administrator, material=False, body_tr="Taslak metin, henüz geçerli değil.")
    assert "Taslak metin" not in client.get("/privacy/").content.decode()

    notices.publish_notice(notice=notice, by=administrator)

    html = client.get("/privacy/").content.decode()
    assert "Taslak metin, henüz geçerli değil." in html
    assert "Sürüm 2027-01" in html
