"""Demo staff: an administrator and a coordinator, each with a known password and TOTP secret."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from esit.accounts.models import Role

# Demo credentials are printed on purpose; the command refuses to run in production.
DEMO_PASSWORD = "esit-izmir-demo"  # noqa: S105
DEMO_VOLUNTEER_EMAIL = "gonullu@esitizmir.example"
DEMO_IP = "127.0.0.1"


@dataclass(frozen=True)
class StaffMember:
    email: str
    first_name: str
    last_name: str
    role: Role
    # A fixed TOTP secret (base32), so a person who added it to an app keeps working codes.
    totp_secret: str


STAFF = [
    StaffMember(
        "yonetici@esitizmir.example",
        "Gülşen",
        "Aydınoğlu",
        Role.ADMINISTRATOR,
        "ESITIZMIRYONETICIDEMOSECRETAAAAA",
    ),
    StaffMember(
        "koordinator@esitizmir.example",
        "Şebnem",
        "Karaçöl",
        Role.COORDINATOR,
        "ESITIZMIRKOORDINATORDEMOAAAAAAAA",
    ),
]


def ensure_password(user) -> None:
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])


def ensure_staff_member(member: StaffMember):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        email=member.email,
        defaults={"first_name": member.first_name, "last_name": member.last_name, "is_staff": True},
    )
    ensure_password(user)
    user.groups.add(Group.objects.get(name=member.role))
    EmailAddress.objects.update_or_create(
        user=user, email=member.email, defaults={"verified": True, "primary": True}
    )
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None or decrypt(totp.data["secret"]) != member.totp_secret:
        if totp is not None:
            totp.delete()
        TOTP.activate(user, member.totp_secret)
    return user
