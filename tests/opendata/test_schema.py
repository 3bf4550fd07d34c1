"""schemathesis runs every operation of /api/v1/openapi.json against the WSGI application:
no server error, and every answer matches the schema it is documented with, on the small
city of conftest.py (so the tables have cells, hidden and shown, to write out)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from esit.opendata.api import api
from esit.wsgi import application
from tests.opendata.conftest import build_city

# The document /api/v1/openapi.json serves (tests/opendata/test_api.py reads it there), taken
# without a request at collection time, then called through the WSGI application itself.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application


@pytest.fixture
def city_of_cells(db, settings):
    """The city, and the WSGI application kept from closing the test's database connection
    at the end of each request (Django's own test client does the same)."""
    settings.OPEN_DATA_RATE_LIMIT = "100000/h"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield build_city()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("city_of_cells")
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_keeps_its_schema(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
