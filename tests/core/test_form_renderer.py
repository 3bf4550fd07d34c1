"""The form renderer's own select writes exactly the HTML of Django's (esit/core/forms.py)."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from esit.core.forms import FormRenderer

CHOICES = [
    ("", "---------"),
    ("konak", "Konak"),
    ("Kıyı", [("karsiyaka", 'Karşıyaka <kuzey> & "körfez"'), ("cigli", "Çiğli")]),
    ("bornova", "Bornova"),
]


class StarredSelect(forms.Select):
    option_template_name = "django/forms/widgets/checkbox_option.html"


class Everything(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, required=False)
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    flagged = forms.ChoiceField(
        choices=CHOICES,
        widget=forms.Select(attrs={"disabled": True, "data-x": 'a"b', "hidden": False}),
    )
    own_option = forms.ChoiceField(choices=CHOICES, widget=StarredSelect)
    radio = forms.ChoiceField(choices=CHOICES[:2], widget=forms.RadioSelect)


@pytest.mark.parametrize(
    "data",
    [None, {"one": "cigli", "many": ["konak", "karsiyaka"], "flagged": "x"}],
    ids=["unbound", "bound with errors"],
)
def test_our_select_renders_what_djangos_does(data):
    def rendered(renderer) -> str:
        form = Everything(data, renderer=renderer)
        return "".join(str(form[name]) for name in form.fields)

    ours = rendered(FormRenderer())
    assert ours == rendered(DjangoTemplates())
    assert "&lt;kuzey&gt; &amp; &quot;körfez&quot;" in ours
    # An option with a template of its own keeps it (input_option.html: a label per option).
    own = ours.split('<select name="own_option"')[1].split("</select>")[0]
    assert own.count("<label") == 5


def test_the_site_renders_forms_with_it(settings):
    from django.forms.renderers import get_default_renderer

    get_default_renderer.cache_clear()
    try:
        assert isinstance(get_default_renderer(), FormRenderer)
    finally:
        get_default_renderer.cache_clear()
