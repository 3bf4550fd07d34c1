"""factory_boy factories for the domain; reference rows come from the data migration."""

import datetime
import uuid

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone

from esit.accounts.models import User
from esit.applications.models import Application, ApplicationLanguage
from esit.core.turkish import fold
from esit.privacy.services import record_consent
from esit.reference.models import District, Language, VolunteerArea
from esit.volunteers.models import Volunteer, name_key

PASSWORD = "esit-test-password-2026"


def district(slug="konak"):
    return District.objects.get(slug=slug)


def area(slug="translation"):
    return VolunteerArea.objects.get(slug=slug)


def language(code="en"):
    return Language.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"kisi{n}@example.org")
    first_name = "Ayşe"
    last_name = "Yılmaz"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
            obj.save()


class StaffFactory(UserFactory):
    """A coordinator or administrator; with a TOTP authenticator unless two_factor=False."""

    first_name = "Zeynep"
    last_name = "Koordinatör"
    is_staff = True
    # Not model fields: _create takes them off before the User is built.
    role = "coordinator"
    two_factor = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        role = kwargs.pop("role")
        two_factor = kwargs.pop("two_factor")
        user = super()._create(model_class, *args, **kwargs)
        user.groups.add(Group.objects.get(name=role))
        user.totp_secret = None
        if two_factor:
            user.totp_secret = generate_totp_secret()
            TOTP.activate(user, user.totp_secret)
        return user


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application
        skip_postgeneration_save = True

    first_name = "Işıl"
    last_name = "Güneş"
    email = factory.Sequence(lambda n: f"basvuru{n}@example.org")
    phone = factory.Sequence(lambda n: f"+90532{n:07d}")
    birth_date = datetime.date(1990, 5, 17)
    district = factory.LazyFunction(district)
    availability = 0b111
    motivation = "Eşitlik için çalışmak istiyorum."
    submitted_at = factory.LazyFunction(timezone.now)
    submission_key = factory.LazyFunction(uuid.uuid4)
    consent = factory.LazyAttribute(
        lambda o: record_consent(email=o.email, ip="127.0.0.1", at=timezone.now())
    )
    search_text = factory.LazyAttribute(lambda o: fold(f"{o.first_name} {o.last_name} {o.email}"))

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        if create:
            obj.areas.set(extracted if extracted is not None else [area()])

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create:
            for lang, level in extracted if extracted is not None else [(language(), "fluent")]:
                ApplicationLanguage.objects.create(application=obj, language=lang, level=level)


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    first_name = factory.SelfAttribute("user.first_name")
    last_name = factory.SelfAttribute("user.last_name")
    phone = factory.Sequence(lambda n: f"+90542{n:07d}")
    birth_date = datetime.date(1988, 3, 8)
    district = factory.LazyFunction(district)
    availability = 0b101
    joined_at = factory.LazyFunction(timezone.now)
    search_text = factory.LazyAttribute(
        lambda o: fold(f"{o.first_name} {o.last_name} {o.user.email}")
    )
    name_key = factory.LazyAttribute(lambda o: name_key(o.first_name, o.last_name))

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        if create:
            obj.user.groups.add(Group.objects.get(name="volunteer"))

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        if create:
            obj.areas.set(extracted if extracted is not None else [area()])


# Activities ------------------------------------------------------------


def activity_kind(slug="workshop"):
    from esit.activities.models import ActivityKind

    return ActivityKind.objects.get(slug=slug)


def in_days(days: float, hour: int = 14) -> datetime.datetime:
    """An aware moment `days` from today at `hour` o'clock in İzmir."""
    day = timezone.localdate() + datetime.timedelta(days=int(days))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Activity"
        skip_postgeneration_save = True

    kind = factory.LazyFunction(activity_kind)
    title_tr = factory.Sequence(lambda n: f"Toplumsal cinsiyet eşitliği atölyesi {n}")
    title_en = factory.Sequence(lambda n: f"Gender equality workshop {n}")
    description_tr = "Kadın dayanışması üzerine söyleşi ve atölye."
    district = factory.LazyFunction(district)
    address = "Konak Meydanı, İzmir"
    starts_at = factory.LazyFunction(lambda: in_days(7, 10))
    ends_at = factory.LazyFunction(lambda: in_days(7, 18))
    status = "published"

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        if create:
            obj.areas.set(extracted if extracted is not None else [area("workshops")])


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Shift"
        skip_postgeneration_save = True

    activity = factory.SubFactory(ActivityFactory)
    starts_at = factory.LazyAttribute(lambda o: o.activity.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.activity.starts_at + datetime.timedelta(hours=3))
    capacity = 5


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.SignUp"

    shift = factory.SubFactory(ShiftFactory)
    volunteer = factory.SubFactory(VolunteerFactory)
    status = "confirmed"
    created_at = factory.LazyFunction(timezone.now)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Task"
        skip_postgeneration_save = True

    activity = factory.SubFactory(
        ActivityFactory, kind=factory.LazyFunction(lambda: activity_kind("translation"))
    )
    title = factory.Sequence(lambda n: f"Broşür çevirisi {n}")
    description = "Şiddete karşı destek hatları broşürünü Arapçaya çevirin."
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    places = 2
    estimated_hours = 4


class HoursEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.HoursEntry"

    volunteer = factory.SubFactory(VolunteerFactory)
    source = "self_reported"
    area = factory.LazyFunction(area)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    hours = 3
    description = "Evde çeviri"
    status = "pending"


# The resource library ---------------------------------------------------------------------

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name: str = "rehber.pdf", content: bytes = PDF_BYTES):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def resource(*, by=None, title="Toplumsal cinsiyet eşitliği rehberi", audience="public", **kwargs):
    """A published resource (a link unless `file=` is given), added by staff."""
    from esit.resources import services as resources

    kind = "file" if kwargs.get("file") is not None else "link"
    kwargs.setdefault("url", "https://example.org/rehber" if kind == "link" else "")
    return resources.add_resource(
        by=by or StaffFactory(role="coordinator"),
        title=title,
        kind=kind,
        audience=audience,
        **kwargs,
    )
