"""With TRUSTED_PROXY_COUNT set, X-Forwarded-For is believed: only the proxy may reach the app.

The README says so, because the danger is real: a client that reaches the application port
directly chooses its own address with every request.
"""

import re

import pytest

from tests.platform.processes import ROOT


def readme_row(variable: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (row,) = re.findall(rf"^\| `{variable}` \|.*$", readme, flags=re.M)
    return row


def test_the_readme_says_only_the_proxy_may_reach_the_application_port():
    row = readme_row("TRUSTED_PROXY_COUNT")

    assert "must be reachable only from the proxy" in row
    assert "forged `X-Forwarded-For`" in row


@pytest.mark.django_db
def test_a_client_reaching_the_app_directly_could_forge_a_fresh_address(client, settings):
    """Why: every forged X-Forwarded-For starts a new count of the per-address limit."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.APPLY_RATE_LIMIT = "1/h"

    answers = [
        client.post(
            "/apply/", {}, REMOTE_ADDR="85.105.1.2", HTTP_X_FORWARDED_FOR=forged
        ).status_code
        for forged in ("6.6.6.1", "6.6.6.2", "6.6.6.3")
    ]

    assert answers == [200, 200, 200]
