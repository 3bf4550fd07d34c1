from django.utils import translation


def test_allauths_cancel_button_is_spelled_with_a_dotted_capital_i():
    with translation.override("tr"):
        assert translation.gettext("Cancel") == "İptal"
