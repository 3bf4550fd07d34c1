from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.stages import LoginStage

from esit.core.email_address import normalise_email


class NormalisedEmailStage(LoginStage):
    """First step of every sign-in: the address it carries takes its stored form.

    allauth's sign-in form only lower-cases the address, which turns a Turkish `İ` into
    `i̇`; the later steps (is this address verified?) must compare the stored `idil@…`.
    """

    key = "esit_normalised_email"

    def handle(self):
        if self.login.email:
            self.login.email = normalise_email(self.login.email)
        return None, True


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Nobody signs up on their own: accounts come from approved applications."""
        return False

    def clean_email(self, email):
        """Addresses typed into allauth's forms (password reset) take the stored form."""
        return normalise_email(super().clean_email(email))

    def authenticate(self, request, **credentials):
        """Sign-in looks the account up by the address in its stored form (`İDİL@…` finds
        `idil@…`; esit/core/email_address.py)."""
        if credentials.get("email"):
            credentials["email"] = normalise_email(credentials["email"])
        return super().authenticate(request, **credentials)

    def send_password_reset_mail(self, user, email, context):
        """The reset link goes to the address as stored, never to its mistyped capitals."""
        super().send_password_reset_mail(user, normalise_email(email), context)

    def get_login_stages(self):
        return ["esit.accounts.adapter.NormalisedEmailStage", *super().get_login_stages()]
