"""The one kind of error a rule of the programme raises when it refuses a change.

Services raise it (or an app's subclass: ApplicationError, VolunteerError,
ActivityError) with a translated message that is safe to show, and optionally
the form field it belongs to; `esit.core.forms.add_refusal` puts it there.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django_stubs_ext import StrOrPromise


class RuleError(Exception):
    def __init__(self, message: StrOrPromise, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def checked(
    rule: Callable[[Any], Any],
    value: Any,
    *,
    field: str | None = None,
    error: type[RuleError] = RuleError,
) -> Any:
    """Run one rule (a function that raises ValidationError, as the forms' fields do) and turn
    its refusal into a RuleError naming `field`; returns the rule's cleaned value, or `value`."""
    try:
        cleaned = rule(value)
    except ValidationError as refusal:
        raise error(refusal.messages[0], field=field) from None
    return value if cleaned is None else cleaned
