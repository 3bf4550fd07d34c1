"""Behind a load balancer, limits and consent records use the client's address, not the proxy's."""

import pytest
from django.test import RequestFactory

from esit.core.network import client_ip


def test_without_trusted_proxies_the_connection_address_counts(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "10.0.0.5"


def test_with_one_trusted_proxy_the_address_it_appended_counts(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 85.105.1.2"
    )
    assert client_ip(request) == "85.105.1.2"


@pytest.mark.django_db
def test_rate_limit_counts_each_client_behind_the_proxy_apart(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.APPLY_RATE_LIMIT = "1/h"
    first = client.post("/apply/", {}, HTTP_X_FORWARDED_FOR="85.105.1.2", REMOTE_ADDR="10.0.0.5")
    again = client.post("/apply/", {}, HTTP_X_FORWARDED_FOR="85.105.1.2", REMOTE_ADDR="10.0.0.5")
    other = client.post("/apply/", {}, HTTP_X_FORWARDED_FOR="85.105.9.9", REMOTE_ADDR="10.0.0.5")
    assert (first.status_code, again.status_code, other.status_code) == (200, 429, 200)


def test_addresses_are_hashed_with_their_own_key(settings):
    """ADDRESS_HASH_KEY, not SECRET_KEY: rotating the secret key keeps the hashes comparable."""
    from esit.core.network import hash_ip

    settings.ADDRESS_HASH_KEY = "address-key-one"
    first = hash_ip("85.105.1.2")
    settings.SECRET_KEY = "another-secret-key-entirely-0123456789-0123456789-0123"
    assert hash_ip("85.105.1.2") == first
    settings.ADDRESS_HASH_KEY = "address-key-two"
    assert hash_ip("85.105.1.2") != first
    assert "85.105.1.2" not in first


def test_no_model_has_a_column_for_a_raw_address():
    """Client addresses are stored only as keyed hashes: no IP address column anywhere."""
    from django.apps import apps
    from django.db import models

    columns = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.GenericIPAddressField)
    ]
    assert columns == []
