"""What every form does with a service's refusal, the characters no typed text may hold, and
the renderer of every form's widgets."""

import re
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .errors import RuleError

# C0 and C1 control characters but tab, line feed and carriage return (NUL is Django's own
# ProhibitNullCharactersValidator's), and the direction embeddings, overrides and isolates
# (U+202A–U+202E, U+2066–U+2069): invisible, they make a name or a file name read
# differently from what is stored ("Ayşe\u202egnp.exe" shows as "Ayşeexe.png"). The marks a
# right-to-left text needs (U+200E, U+200F) stay allowed.
FORBIDDEN_CHARACTERS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_MESSAGE = _(
    "Bu metinde görünmeyen denetim karakterleri ya da yazının yönünü değiştiren karakterler "
    "var. Lütfen onları silip yeniden yazın."
)


def validate_plain_text(value: object) -> None:
    """Refuse typed text holding control or direction-override characters (a field error,
    never a 500 and never stored)."""
    if isinstance(value, str) and FORBIDDEN_CHARACTERS.search(value):
        raise ValidationError(FORBIDDEN_MESSAGE, code="control_characters")


def install_plain_text_rule() -> None:
    """Every `forms.CharField` of the project (ours, allauth's, the admin's, the filters')
    validates with `validate_plain_text`, so no form can forget it; e-mail and URL fields
    too, whose formats let any letter beyond ASCII through, these included. Called once,
    from `CoreConfig.ready()`."""
    for field in (forms.CharField, forms.EmailField, forms.URLField):
        if validate_plain_text not in field.default_validators:
            field.default_validators = [*field.default_validators, validate_plain_text]


def add_refusal(form, error: RuleError) -> None:
    """Show a rule's refusal next to the field it names, or above the form when it names none
    (or a field this form does not have); what the person typed stays in the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


class FormRenderer(DjangoTemplates):
    """Django's own widget templates, with ours in `form_templates` found first.

    Ours is the select only, written so that it renders the same HTML as Django's without
    an included template per option: on a list page the filter form's selects (districts,
    areas, languages) cost more than the rest of the page. An option with a template of
    its own (`option_template_name`) is still rendered by that template.
    """

    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [
                    Path(__file__).parent / "form_templates",
                    Path(forms.__file__).parent / self.backend.app_dirname,
                ],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )
