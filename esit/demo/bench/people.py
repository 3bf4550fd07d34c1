"""The bench's people: its administrator, volunteers with accounts, areas and languages, and
the applications waiting for a decision with their consent records."""

import datetime
import hashlib
import random
import uuid

from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from esit.accounts.models import Role
from esit.applications.models import Application, ApplicationLanguage, HeardFrom
from esit.core.turkish import search_key
from esit.privacy.models import ConsentRecord, PrivacyNotice
from esit.reference.availability import ALL as WHOLE_WEEK
from esit.reference.models import District, Language, LanguageLevel, VolunteerArea
from esit.volunteers.models import Gender, Volunteer, VolunteerLanguage

from .names import FIRST_NAMES, LAST_NAMES, ascii_slug
from .sizes import BENCH_DOMAIN, BUSY_VOLUNTEER_EMAIL, STAFF_EMAIL

# Made up for the bench; a bench database is never a real one (seed_bench refuses those).
STAFF_TOTP_SECRET = "ESITIZMIRBENCHYONETICIAAAAAAAAAA"  # noqa: S105
UNUSABLE_PASSWORD = "!bench"  # noqa: S105 (a "!" password never matches: Django's convention)
WITHDRAWN_SHARE = 0.03
MOTIVATION = (
    "Kadınların ve kız çocuklarının güçlenmesine, İzmir'in her mahallesinde eşitliğe katkı "
    "sunmak istiyorum. Üniversitede gönüllü çalıştım; atölyelerde çocuklarla ilgilendim."
)


class Reference:
    """The reference rows every module picks from, read once."""

    def __init__(self):
        self.districts = list(
            District.objects.filter(kind=District.Kind.DISTRICT).values_list("pk", flat=True)
        )
        self.areas = list(VolunteerArea.objects.values_list("pk", flat=True))
        self.languages = dict(Language.objects.values_list("code", "pk"))
        self.other_languages = [pk for code, pk in self.languages.items() if code != "tr"]


def seed_staff():
    """The administrator the bench signs in as (all capabilities, the whole programme)."""
    User = get_user_model()
    user = User.objects.create_user(
        email=STAFF_EMAIL, first_name="Gülşen", last_name="Işıkoğlu", is_staff=True
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=Role.ADMINISTRATOR))
    TOTP.activate(user, STAFF_TOTP_SECRET)
    return user


def _name(rng):
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def _birth_date(rng, today):
    return today - datetime.timedelta(days=rng.randint(18 * 366, 70 * 365))


def seed_volunteers(writer, sizes, ref: Reference, *, seed: int) -> tuple[int, int]:
    """Volunteers with their accounts, areas and languages; returns (first id, active count).

    The first volunteer is the busy one whose /me/ is measured; the last few percent have
    left the programme, so no sign-up picks them."""
    rng = random.Random(f"{seed}-volunteers")
    User = get_user_model()
    first_user = writer.first_id(User)
    first = writer.first_id(Volunteer)
    count = sizes.volunteers
    active = max(1, count - int(count * WITHDRAWN_SHARE))
    joined = writer.now - datetime.timedelta(days=900)
    today = writer.now.date()
    people = []
    for index in range(count):
        first_name, last_name = _name(rng)
        if index == 0:
            email = BUSY_VOLUNTEER_EMAIL
        else:
            email = f"{ascii_slug(first_name)}.{ascii_slug(last_name)}.{index}@{BENCH_DOMAIN}"
        people.append((first_name, last_name, email))

    writer.write(
        User,
        ("id", "email", "first_name", "last_name", "password", "date_joined", "is_active"),
        (
            (first_user + i, email, fn, ln, UNUSABLE_PASSWORD, joined, True)
            for i, (fn, ln, email) in enumerate(people)
        ),
        total=count,
        label="accounts",
    )
    volunteer_group = Group.objects.get(name=Role.VOLUNTEER).pk
    writer.write(
        User.groups.through,
        ("user_id", "group_id"),
        ((first_user + i, volunteer_group) for i in range(count)),
        total=count,
        label="accounts in the volunteer role",
    )
    genders = [g.value for g in Gender] + ["", "", "woman", "woman"]

    def volunteers():
        for i, (fn, ln, email) in enumerate(people):
            left = i >= active
            yield (
                first + i,
                first_user + i,
                fn,
                ln,
                f"+90532{i:07d}",
                _birth_date(rng, today),
                rng.choice(ref.districts),
                rng.randint(1, WHOLE_WEEK),
                rng.choice(genders),
                Volunteer.Status.WITHDRAWN if left else Volunteer.Status.ACTIVE,
                joined,
                writer.now - datetime.timedelta(days=30) if left else None,
                search_key(fn, ln, email),
                f"B{i:09X}",
                f"bench-{rng.getrandbits(128):032x}",
            )

    writer.write(
        Volunteer,
        (
            "id",
            "user_id",
            "first_name",
            "last_name",
            "phone",
            "birth_date",
            "district_id",
            "availability",
            "gender",
            "status",
            "joined_at",
            "left_at",
            "search_text",
            "checkin_code",
            "calendar_token",
        ),
        volunteers(),
        total=count,
        label="volunteers",
    )
    _write_areas_and_languages(
        writer, rng, ref, owner=Volunteer, first=first, count=count, label="volunteers'"
    )
    return first, active


def _write_areas_and_languages(writer, rng, ref, *, owner, first, count, label):
    through = owner.areas.through
    owner_column = f"{owner._meta.model_name}_id"
    picks = [rng.sample(ref.areas, rng.randint(1, 3)) for _ in range(count)]
    writer.write(
        through,
        (owner_column, "volunteerarea_id"),
        ((first + i, area) for i, areas in enumerate(picks) for area in areas),
        total=sum(len(p) for p in picks),
        label=f"{label} areas",
    )
    language_model = VolunteerLanguage if owner is Volunteer else ApplicationLanguage
    turkish = ref.languages["tr"]
    second = [rng.random() < 0.4 for _ in range(count)]
    levels = [LanguageLevel.INTERMEDIATE.value, "fluent", LanguageLevel.BASIC.value]

    def languages():
        for i in range(count):
            yield (first + i, turkish, "native")
            if second[i]:
                yield (first + i, rng.choice(ref.other_languages), rng.choice(levels))

    writer.write(
        language_model,
        (owner_column, "language_id", "level"),
        languages(),
        total=count + sum(second),
        label=f"{label} languages",
    )


def seed_applications(writer, sizes, ref: Reference, *, seed: int) -> None:
    """Applications waiting for a decision (submitted, some waitlisted), each with its consent."""
    rng = random.Random(f"{seed}-applications")
    count = sizes.applications
    first = writer.first_id(Application)
    first_consent = writer.first_id(ConsentRecord)
    consent_notice = PrivacyNotice.objects.filter(kind=PrivacyNotice.Kind.EXPLICIT_CONSENT).latest()
    information_notice = PrivacyNotice.objects.filter(kind=PrivacyNotice.Kind.INFORMATION).latest()
    ip_hash = hashlib.sha256(b"bench").hexdigest()
    today = writer.now.date()
    people = []
    for index in range(count):
        first_name, last_name = _name(rng)
        email = f"{ascii_slug(first_name)}.{ascii_slug(last_name)}.b{index}@{BENCH_DOMAIN}"
        submitted = writer.now - datetime.timedelta(minutes=rng.randint(10, 60 * 24 * 120))
        people.append((first_name, last_name, email, submitted))

    writer.write(
        ConsentRecord,
        ("id", "notice_id", "information_notice_id", "email", "given_at", "ip_hash"),
        (
            (first_consent + i, consent_notice.pk, information_notice.pk, email, at, ip_hash)
            for i, (_fn, _ln, email, at) in enumerate(people)
        ),
        total=count,
        label="consent records",
    )
    heard = [h.value for h in HeardFrom]
    genders = [g.value for g in Gender] + ["", "woman", "woman"]

    def applications():
        for i, (fn, ln, email, submitted) in enumerate(people):
            waitlisted = rng.random() < 0.15
            yield (
                first + i,
                fn,
                ln,
                email,
                f"+90533{i:07d}",
                _birth_date(rng, today),
                rng.choice(ref.districts),
                rng.randint(1, WHOLE_WEEK),
                MOTIVATION,
                rng.choice(heard),
                rng.choice(genders),
                "en" if rng.random() < 0.05 else "tr",
                Application.Status.WAITLISTED if waitlisted else Application.Status.SUBMITTED,
                submitted,
                f"bench-{rng.getrandbits(128):032x}",
                uuid.UUID(int=rng.getrandbits(128), version=4),
                first_consent + i,
                search_key(fn, ln, email),
            )

    writer.write(
        Application,
        (
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "birth_date",
            "district_id",
            "availability",
            "motivation",
            "heard_from",
            "gender",
            "language",
            "status",
            "submitted_at",
            "status_token",
            "submission_key",
            "consent_id",
            "search_text",
        ),
        applications(),
        total=count,
        label="applications",
    )
    _write_areas_and_languages(
        writer, rng, ref, owner=Application, first=first, count=count, label="applications'"
    )
