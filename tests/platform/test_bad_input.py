"""Hostile input through every form and every list filter: no server error, nothing rendered
unescaped, and no NUL, control or direction-override character stored.

The forms are found, not listed: signed in as each kind of person, the test crawls the pages
reachable from `/`, `/me/`, `/staff/` and the applicant's status page, reads every form on
them (fields and their current values), and posts each form again with every text field set
to one payload of the corpus (other fields keep what the page offered). GET forms (the
filters of list pages) are sent the same way, and so is every query parameter seen in a link.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.apps import apps
from django.db import models

from tests.platform.matrix_world import build_world
from tests.platform.test_crawler import other_origin

pytestmark = pytest.mark.django_db

# Payloads that must not be stored: sent in one field at a time too, the others keeping the
# (valid) values an edit form shows, so a form that saves would save them.
ONE_FIELD_AT_A_TIME = "control and direction characters"
PAYLOADS = {
    "script": "<script>alert('xss')</script>",
    "event handler": '" onmouseover="alert(1)" x="',
    "svg": '"><svg onload=alert(1)>',
    "sql": "' OR 1=1; DROP TABLE accounts_user; --",
    "path traversal": "../../../../etc/passwd",
    "100 KB": "Ğ" * 100_000,
    "control characters": "Ayşe\x07\x1b[31m\x08Yılmaz",
    "NUL": "Ayşe\x00Yılmaz",
    "right-to-left override": "Ayşe\u202egnp.exe",
    ONE_FIELD_AT_A_TIME: "Ayşe\x07\u202eYılmaz\u2066",
}
# Payloads whose raw text would be markup if it reached the page unescaped.
MARKUP = ("script", "event handler", "svg")
# Characters that must never be stored: NUL, the other C0/C1 controls but tab and newlines,
# and the direction embeddings, overrides and isolates.
NEVER_STORED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

START = ("/", "/me/", "/staff/")
MAX_PAGES = 60
NOT_POSTED = (
    # Would end the session or the person the rest of the crawl signs in as.
    "/accounts/logout/",
    "/me/data/erase/",
    "/me/withdraw/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/email/",
    "/i18n/setlang/",
)
TEXT_TYPES = {"text", "search", "email", "tel", "url", "password", "number", "date", None}


class Forms(HTMLParser):
    """Every form of a page: its action, method and fields with their current values."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form":
            self._form = {
                "action": a.get("action") or "",
                "method": (a.get("method") or "get").lower(),
                "fields": [],  # (name, value, is_text)
            }
            self.forms.append(self._form)
        if self._form is None or not a.get("name"):
            return
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                if kind == "submit" and a.get("value") is not None:
                    self._form["fields"].append((a["name"], a.get("value", ""), False))
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form["fields"].append((a["name"], a.get("value") or "", kind in TEXT_TYPES))
        elif tag == "textarea":
            self._textarea = a["name"]
            self._form["fields"].append((a["name"], "", True))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form["fields"].append((self._select, a.get("value") or "", False))
        elif tag == "button" and a.get("value") is not None:
            self._form["fields"].append((a["name"], a["value"], False))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def reachable_forms(client, start):
    """(page, form) for every form on the pages reachable from `start`; and the query
    parameters seen in links, by path."""
    queue, seen, pages = deque(start), set(start), 0
    found, queries = [], {}
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, follow=True)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        parser = Forms()
        parser.feed(response.content.decode())
        found += [(url, form) for form in parser.forms]
        for link in parser.links:
            target = urljoin(url, link).split("#")[0]
            parts = urlsplit(target)
            if other_origin(target) or parts.path.startswith(NOT_POSTED):
                continue
            if parts.query:
                queries.setdefault(parts.path, set()).update(k for k, _v in parse_qsl(parts.query))
            if parts.path not in seen:
                seen.add(parts.path)
                queue.append(parts.path)
    return found, queries


def send(client, page, form, payload, only=None):
    """The form as the page offered it, with `payload` in every text field (or in `only`)."""
    action = urljoin(page, form["action"]) if form["action"] else page
    data = {}
    for name, value, is_text in form["fields"]:
        if name in ("csrfmiddlewaretoken", "submission_key"):
            data[name] = value
        elif is_text and (only is None or name == only):
            data.setdefault(name, payload)
        else:
            data.setdefault(name, value)
    if form["method"] == "post":
        return action, client.post(action, data)
    return action, client.get(action, data)


def problems_of(response, payload_name, where) -> list[str]:
    found = []
    if response.status_code >= 500:
        found.append(f"{where}: {response.status_code}")
    html = "text/html" in response.get("Content-Type", "")
    if payload_name in MARKUP and html and PAYLOADS[payload_name] in response.content.decode():
        found.append(f"{where}: rendered unescaped")
    return found


def stored_characters() -> list[str]:
    """Every text value in the database holding a character that must never be stored."""
    found = []
    for model in apps.get_models():
        if not model._meta.managed:
            continue  # no table of its own (reports.Report only carries a permission)
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model._base_manager.values("pk", *fields):
            for name in fields:
                value = row[name]
                if isinstance(value, str) and NEVER_STORED.search(value):
                    found.append(f"{model._meta.label}.{name} (pk {row['pk']})")
    return found


# The administrator reaches every staff form a coordinator does, and more.
@pytest.mark.parametrize("role", ["visitor", "applicant", "volunteer", "administrator"])
def test_every_form_and_filter_survives_the_corpus(role, settings):
    # The corpus posts each form many times from one address: no rate limit in the way.
    for setting in ("APPLY_RATE_LIMIT", "PUBLIC_REGISTRATION_RATE_LIMIT", "PUBLIC_FORM_RATE_LIMIT"):
        setattr(settings, setting, "100000/h")
    settings.ACCOUNT_RATE_LIMITS = {}
    world = build_world()
    client = world.client(role)
    client.raise_request_exception = False
    start = START
    if role == "applicant":
        start = (f"/apply/status/{world.application.status_token}/", "/apply/")
    forms, queries = reachable_forms(client, start)
    assert forms, "no form found: the test would prove nothing"

    problems = []
    sent = set()
    for page, form in forms:
        path = urlsplit(urljoin(page, form["action"] or page)).path
        if path.startswith(NOT_POSTED):
            continue
        # The same form on many pages (a search box, a filter) is sent once.
        shape = (form["method"], path, tuple(sorted(n for n, _v, _t in form["fields"])))
        if shape in sent:
            continue
        sent.add(shape)
        if not any(is_text for _n, _v, is_text in form["fields"]):
            continue
        text_fields = sorted({n for n, _v, is_text in form["fields"] if is_text})
        attempts = [(name, None) for name in PAYLOADS if name != ONE_FIELD_AT_A_TIME]
        attempts += [(ONE_FIELD_AT_A_TIME, field) for field in text_fields]
        for payload_name, only in attempts:
            action, response = send(client, page, form, PAYLOADS[payload_name], only)
            where = f"{form['method']} {action} [{payload_name}{f' in {only}' if only else ''}]"
            problems += problems_of(response, payload_name, where)
    for path, names in queries.items():
        for name in sorted(names):
            for payload_name, payload in PAYLOADS.items():
                if payload_name == ONE_FIELD_AT_A_TIME:
                    continue
                response = client.get(path, {name: payload})
                problems += problems_of(
                    response, payload_name, f"get {path}?{name}= [{payload_name}]"
                )

    assert problems == []
    assert stored_characters() == []
