from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from esit.core.email_address import normalise_email


class Role(models.TextChoices):
    """The groups every account belongs to; docs/product.md, "Roles"."""

    VOLUNTEER = "volunteer", _("Gönüllü")
    COORDINATOR = "coordinator", _("Koordinatör")
    ADMINISTRATOR = "administrator", _("Yönetici")


STAFF_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """The project's one form of an address (esit/core/email_address.py), for the whole
        address and not only its domain, so `İDİL@…` and `idil@…` are one account.
        `AbstractUser.clean()` (the admin's forms) calls this too."""
        return normalise_email(email or "")

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(**{self.model.USERNAME_FIELD: self.normalize_email(username)})

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account: volunteers and staff sign in with their e-mail address."""

    # No username: the e-mail address is the name an account signs in with.
    username = None  # type: ignore[assignment]  # AbstractUser declares a username column
    email = models.EmailField(_("e-posta"), unique=True)
    preferred_language = models.CharField(_("tercih edilen dil"), max_length=8, default="tr")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # AbstractUser's manager creates users by username; this one by e-mail, on purpose.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("kullanıcı")
        verbose_name_plural = _("kullanıcılar")
        permissions = [
            ("manage_staff", _("Personel hesaplarını, rollerini ve kapsamlarını yönetebilir"))
        ]

    def __str__(self):
        return self.email

    def has_role(self, *roles: str) -> bool:
        if not self.is_authenticated:
            return False
        from .standing import standing_of  # standing reads this module's models

        return bool(standing_of(self).roles.intersection(roles))

    @property
    def is_staff_member(self) -> bool:
        """Coordinators and administrators: the people who may open /staff/."""
        return self.is_superuser or self.has_role(*STAFF_ROLES)


class DefaultGrant(models.Model):
    """A capability whose default roles have been given it once (esit/accounts/capabilities.py).

    Administrators may take a capability away from a role later; remembering that the
    default was applied keeps the next `migrate` from handing it back.
    """

    permission = models.CharField(max_length=150, unique=True)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.permission


class StaffScope(models.Model):
    """The volunteer areas and districts a coordinator works in (esit/accounts/scope.py).

    No row, or a row with neither areas nor districts, means the whole programme.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, primary_key=True, related_name="staff_scope"
    )
    areas = models.ManyToManyField(
        "reference.VolunteerArea", blank=True, related_name="+", verbose_name=_("alanlar")
    )
    districts = models.ManyToManyField(
        "reference.District", blank=True, related_name="+", verbose_name=_("ilçeler")
    )

    class Meta:
        verbose_name = _("personel kapsamı")
        verbose_name_plural = _("personel kapsamları")

    def __str__(self):
        return f"scope of {self.user_id}"


class KnownSignInAddress(models.Model):
    """An address (as a keyed hash, never the address) an account completed a sign-in from.

    The sign-in lockout (esit/accounts/sign_in.py) lets the owner in from an address she has
    used before even while guesses from elsewhere have reached the account's global limit.
    Only the last few are kept per account.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="known_sign_in_addresses")
    address_hash = models.CharField(_("adres özeti"), max_length=64)
    last_seen = models.DateTimeField(_("son oturum açma"))

    class Meta:
        verbose_name = _("bilinen oturum açma adresi")
        verbose_name_plural = _("bilinen oturum açma adresleri")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["user", "address_hash"], name="known_sign_in_address_once"
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.address_hash[:8]}…"
