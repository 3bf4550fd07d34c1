"""The link that lets a new account choose its password (a volunteer just approved, a staff
member just invited), on allauth's own password-reset tokens."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.urls import reverse


def invitation_url(user) -> str:
    """A one-time link to set a password; it stops working once the password is set."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path
