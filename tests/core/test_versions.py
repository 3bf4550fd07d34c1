"""Content versions: a token that changes whenever its content does (esit/core/versions.py)."""

import pytest
from django.core.cache import cache

from esit.core import versions

pytestmark = pytest.mark.django_db


def test_a_version_stays_the_same_until_it_is_bumped():
    first = versions.version("esimerkki")
    assert versions.version("esimerkki") == first
    versions.bump("esimerkki")
    assert versions.version("esimerkki") != first


def test_a_bump_changes_only_the_named_version():
    one, other = versions.version("bir"), versions.version("iki")
    versions.bump("bir")
    assert versions.version("bir") != one
    assert versions.version("iki") == other


def test_a_bump_in_a_transaction_changes_the_version_again_when_it_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump("bir")
        during = versions.version("bir")
    assert versions.version("bir") != during


def test_a_flushed_cache_gives_a_new_version():
    first = versions.versions("bir", "iki")
    cache.clear()
    assert versions.versions("bir", "iki") != first


def test_a_page_request_keeps_only_the_named_parameters_in_a_fixed_order(rf):
    request = rf.get("/list/", {"b": ["2", "1"], "junk": "x", "a": "3"})
    read = versions.page_request(request, ["a", "b", "missing"])
    assert list(read.GET.lists()) == [("a", ["3"]), ("b", ["2", "1"])]
    assert request.GET["junk"] == "x"  # the request itself is left as it came
    other_order = versions.page_request(rf.get("/list/", {"a": "3", "b": ["2", "1"]}), ["b", "a"])
    assert versions.query_digest(read) == versions.query_digest(other_order)
    assert versions.query_digest(read) != versions.query_digest(request)
