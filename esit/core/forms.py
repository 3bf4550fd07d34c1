"""What every form does with a service's refusal."""

from .errors import RuleError


def add_refusal(form, error: RuleError) -> None:
    """Show a rule's refusal next to the field it names, or above the form when it names none
    (or a field this form does not have); what the person typed stays in the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
