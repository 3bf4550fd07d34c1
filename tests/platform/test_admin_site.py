"""The Django admin is Eşit İzmir's, with Turkish capitals: "İlçeler", never "Ilçeler"."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.template import Context, Template
from django.utils import translation

from esit.core.turkish import capfirst
from esit.reference.models import District
from tests import factories

# A word with a capital I and small letters: right for "ışık" → "Işık", wrong for "ilçe" → "Ilçe".
# Not a masked secret's first letters: the password field shows "hash: Ij**********".
DOTLESS_CAPITAL_WORD = re.compile(r"(?<!\w)I[a-zçğıöşü]+(?![\w*])")


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes (tokens, secrets), scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture
def admin_client(client, db):
    client.force_login(factories.StaffFactory(role="administrator", is_superuser=True))
    return client


def admin_html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_capfirst_writes_the_dotted_capital_in_turkish():
    with translation.override("tr"):
        assert capfirst("ilçeler") == "İlçeler"
        assert capfirst("ışıklar") == "Işıklar"


def test_capfirst_writes_english_capitals_in_english():
    with translation.override("en"):
        assert capfirst("items") == "Items"


def test_the_capfirst_filter_of_every_template_knows_turkish():
    with translation.override("tr"):
        assert Template("{{ name|capfirst }}").render(Context({"name": "izmir"})) == "İzmir"


def test_the_admin_index_lists_ilceler_with_a_dotted_capital(admin_client):
    html = admin_html(admin_client, "/staff/admin/")

    assert ">İlçeler</a>" in html
    assert "Ilçeler" not in html


def test_the_district_changelist_says_ilceler(admin_client):
    html = admin_html(admin_client, "/staff/admin/reference/district/")

    assert '<li aria-current="page">İlçeler</li>' in html
    assert "Ilçeler" not in html


def test_form_labels_from_model_fields_have_turkish_capitals(rf, db):
    """On any model registered on our site (a throwaway one here: no admin page has such a
    label since the role groups left the admin): "ilçeler" → "İlçeler"."""
    from esit.accounts.models import StaffScope
    from esit.core.admin_site import AdminSite

    site = AdminSite(name="throwaway")
    site.register(StaffScope)
    model_admin = site._registry[StaffScope]
    field = StaffScope._meta.get_field("districts")

    with translation.override("tr"):
        label = str(model_admin.formfield_for_dbfield(field, rf.get("/")).label)

    assert label == "İlçeler"


def test_the_deletion_summary_names_the_model_with_turkish_capitals(admin_client):
    district = District.objects.get(slug="konak")

    html = admin_html(admin_client, f"/staff/admin/reference/district/{district.pk}/delete/")

    assert "<li>İlçe: <a href=" in html
    assert "Ilçe" not in html


def test_the_history_page_says_ilceler(admin_client):
    district = District.objects.get(slug="konak")

    html = admin_html(admin_client, f"/staff/admin/reference/district/{district.pk}/history/")

    assert "Ilçeler" not in html
    assert "İlçeler" in html


def test_the_admin_is_titled_esit_izmir(admin_client):
    html = admin_html(admin_client, "/staff/admin/")

    assert '<html lang="tr"' in html
    assert "<title>Yönetim | Eşit İzmir</title>" in html
    assert '<div id="site-name"><a href="/staff/admin/">Eşit İzmir</a></div>' in html
    assert "<h1>Yönetim</h1>" in html
    assert "Django" not in html


def test_the_admin_in_english_keeps_english_capitals(admin_client):
    admin_client.cookies["esit_language"] = "en"

    html = admin_html(admin_client, "/staff/admin/")

    assert '<html lang="en"' in html
    assert "<title>Administration | Eşit İzmir</title>" in html
    assert ">Districts</a>" in html


def test_the_app_list_is_in_turkish_alphabetical_order(admin_client):
    html = admin_html(admin_client, "/staff/admin/reference/")

    names = re.findall(r'<th scope="row" id="reference-\w+">\s*<a [^>]*>([^<]+)</a>', html)
    assert names == ["Diller", "Eşitlik planı alanları", "Gönüllülük alanları", "İlçeler"]


def admin_pages():
    """Every page of every model on the admin site: list, add, change, delete, history."""
    paths = ["/staff/admin/"]
    for model in admin.site._registry:
        info = f"/staff/admin/{model._meta.app_label}/{model._meta.model_name}/"
        paths += [info, f"{info}add/"]
        row = model.objects.order_by("pk").first()
        if row is not None:
            paths += [f"{info}{row.pk}/{page}/" for page in ("change", "delete", "history")]
    return paths


def test_no_admin_page_writes_a_turkish_i_as_a_dotless_capital(admin_client):
    wrong = {}
    for path in admin_pages():
        response = admin_client.get(path)
        if response.status_code == 403:  # e.g. adding a task result by hand is not allowed
            continue
        assert response.status_code == 200, path
        found = set(DOTLESS_CAPITAL_WORD.findall(visible_text(response.content.decode())))
        if found:
            wrong[path] = sorted(found)

    assert wrong == {}
