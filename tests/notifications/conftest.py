"""A kind of message that exists only in these tests, with its templates kept in memory."""

import pytest

from esit.notifications import kinds

TEMPLATES = {
    "tests/email/hello_subject.txt": "{% load i18n %}{% get_current_language as lang %}"
    "Merhaba {{ user.first_name }} ({{ lang }})",
    "tests/email/hello.txt": "Merhaba {{ user.first_name }}.{% if note %} {{ note }}{% endif %}"
    "{% if unsubscribe_url %} Abonelikten çık: {{ unsubscribe_url }}{% endif %}",
}


def hello_context(user, delivery):
    """The message is true while the account is active."""
    return {"user": user} if user.is_active else None


HELLO = kinds.register(
    kinds.Kind(
        key="tests.hello",
        label="Hello (tests)",
        template="tests/email/hello",
        context=hello_context,
    )
)
NEWS = kinds.register(
    kinds.Kind(
        key="tests.news",
        label="News (tests)",
        template="tests/email/hello",
        context=hello_context,
        optional=True,
    )
)
RECORDED = kinds.register(
    kinds.Kind(
        key="tests.recorded",
        label="Recorded (tests)",
        template="tests/email/hello",
        context=kinds.never_queued,
        recorded=True,
    )
)


@pytest.fixture(autouse=True)
def in_memory_templates(settings):
    template = dict(settings.TEMPLATES[0])
    options = dict(template["OPTIONS"])
    options["loaders"] = [
        ("django.template.loaders.locmem.Loader", TEMPLATES),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    template["APP_DIRS"] = False
    template["OPTIONS"] = options
    settings.TEMPLATES = [template]
