"""`manage.py create_staff`: a staff account with a password and two factors, from the server's
console (docs/operations.md, "The first administrator")."""

import getpass
import os

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.totp.internal.auth import generate_totp_secret
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from esit.accounts.models import STAFF_ROLES
from esit.team import services

PASSWORD_VARIABLE = "ESIT_STAFF_PASSWORD"  # noqa: S105 (the variable's name, not a password)


class Command(BaseCommand):
    help = (
        "Create a coordinator or administrator with a password and a TOTP second factor. "
        f"The password is asked for, or read from ${PASSWORD_VARIABLE}; the TOTP secret is "
        "made up unless --totp-secret gives one, and printed for an authenticator app."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)
        parser.add_argument("--role", choices=[str(r) for r in STAFF_ROLES], required=True)
        parser.add_argument("--totp-secret", help="base32; made up when not given")
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, email, first_name, last_name, role, totp_secret, language, **opts):
        password = os.environ.get(PASSWORD_VARIABLE) or self.ask_password()
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        secret = totp_secret or generate_totp_secret()
        try:
            member = services.create_staff_member(
                email=email,
                first_name=first_name,
                last_name=last_name,
                role=role,
                password=password,
                totp_secret=secret,
                language=language,
            )
        except services.TeamError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(self.style.SUCCESS(f"{member.email} can sign in as {role}."))
        self.stdout.write(f"TOTP secret: {secret}")
        self.stdout.write(get_mfa_adapter().build_totp_url(member, secret))

    def ask_password(self) -> str:
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return first
