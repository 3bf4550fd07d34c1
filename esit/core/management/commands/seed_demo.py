"""A living demo: staff with two factors, applications in every status, volunteers.

Everything goes through the same services a visitor and a coordinator use
(`submit_application`, `approve_application`, …), so the demo obeys every rule
of the product. Running it again changes nothing: people are found by e-mail,
applications by a submission key derived from the e-mail (the same one-time
key that makes a double-clicked form create one record), and decisions are
only taken on applications this run created.
"""

import contextlib
import datetime
import logging
import time
import uuid
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from esit.accounts.models import Role
from esit.applications import services
from esit.applications.models import Application
from esit.reference.availability import to_mask
from esit.reference.models import District, Language, VolunteerArea

# Demo credentials are printed on purpose; the command refuses to run in production.
DEMO_PASSWORD = "esit-izmir-demo"  # noqa: S105
DEMO_VOLUNTEER_EMAIL = "gonullu@esitizmir.example"
DEMO_IP = "127.0.0.1"


@dataclass(frozen=True)
class StaffMember:
    email: str
    first_name: str
    last_name: str
    role: str
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


@dataclass(frozen=True)
class DemoApplicant:
    first_name: str
    last_name: str
    email: str
    phone: str
    birth_date: datetime.date
    district: str
    areas: list[str]
    languages: list[tuple[str, str]]
    availability: list[str]
    status: str
    reason: str = ""
    language: str = "tr"
    heard_from: str = "social_media"
    gender: str = ""
    experience: str = ""
    motivation: str = "Kadınların ve kız çocuklarının güçlenmesine katkı sunmak istiyorum."
    extra: dict = field(default_factory=dict)


S = Application.Status
D = datetime.date
WEEKEND = ["sat_morning", "sat_afternoon", "sun_morning"]
EVENINGS = ["mon_evening", "wed_evening", "thu_evening"]
WEEKDAYS = ["tue_morning", "tue_afternoon", "fri_morning", "fri_afternoon"]

APPLICANTS = [
    # Approved: they become volunteers with accounts. The first is the demo volunteer.
    DemoApplicant(
        "Elif",
        "Çelik",
        DEMO_VOLUNTEER_EMAIL,
        "+905321110001",
        D(1994, 3, 8),
        "karsiyaka",
        ["workshops", "education-support"],
        [("tr", "native"), ("en", "fluent")],
        WEEKEND + EVENINGS,
        S.APPROVED,
        gender="woman",
        experience="Üniversitede toplumsal cinsiyet kulübünde atölyeler düzenledim.",
    ),
    DemoApplicant(
        "İpek",
        "Şahin",
        "ipek.sahin@example.org",
        "+905321110002",
        D(1989, 11, 2),
        "bornova",
        ["translation"],
        [("tr", "native"), ("ar", "fluent"), ("en", "intermediate")],
        WEEKDAYS,
        S.APPROVED,
        gender="woman",
    ),
    DemoApplicant(
        "Gökçe",
        "Öztürk",
        "gokce.ozturk@example.org",
        "+905321110003",
        D(1999, 6, 21),
        "konak",
        ["social-media", "digital-design"],
        [("tr", "native"), ("en", "fluent")],
        EVENINGS,
        S.APPROVED,
        heard_from="university",
        gender="non_binary",
    ),
    DemoApplicant(
        "Işıl",
        "Doğan",
        "isil.dogan@example.org",
        "+905321110004",
        D(1985, 1, 30),
        "buca",
        ["field-research", "project-design"],
        [("tr", "native"), ("de", "intermediate")],
        WEEKDAYS + WEEKEND,
        S.APPROVED,
        heard_from="ngo",
    ),
    DemoApplicant(
        "Zozan",
        "Aslan",
        "zozan.aslan@example.org",
        "+905321110005",
        D(1992, 9, 14),
        "karabaglar",
        ["translation", "guidance"],
        [("tr", "native"), ("kmr", "native")],
        WEEKEND,
        S.APPROVED,
        gender="woman",
    ),
    DemoApplicant(
        "Ümran",
        "Güler",
        "umran.guler@example.org",
        "+905321110006",
        D(1971, 4, 23),
        "cigli",
        ["guidance", "education-support"],
        [("tr", "native")],
        WEEKDAYS,
        S.APPROVED,
        heard_from="municipality",
        gender="woman",
    ),
    DemoApplicant(
        "Mert",
        "Yıldırım",
        "mert.yildirim@example.org",
        "+905321110007",
        D(1996, 12, 5),
        "bayrakli",
        ["campaigns", "social-media"],
        [("tr", "native"), ("en", "fluent")],
        EVENINGS,
        S.APPROVED,
        gender="man",
    ),
    DemoApplicant(
        "Nour",
        "Haddad",
        "nour.haddad@example.org",
        "+905321110008",
        D(1993, 7, 19),
        "konak",
        ["translation", "workshops"],
        [("ar", "native"), ("tr", "intermediate"), ("en", "fluent")],
        WEEKEND + WEEKDAYS,
        S.APPROVED,
        language="en",
        heard_from="friend",
    ),
    # Submitted: waiting in the review queue.
    DemoApplicant(
        "Çiğdem",
        "Erdoğan",
        "cigdem.erdogan@example.org",
        "+905321110009",
        D(1990, 2, 11),
        "cesme",
        ["workshops"],
        [("tr", "native"), ("fr", "basic")],
        WEEKEND,
        S.SUBMITTED,
        gender="woman",
    ),
    DemoApplicant(
        "Şule",
        "Kılıç",
        "sule.kilic@example.org",
        "+905321110010",
        D(2001, 8, 27),
        "menemen",
        ["education-support"],
        [("tr", "native")],
        WEEKDAYS,
        S.SUBMITTED,
        heard_from="university",
    ),
    DemoApplicant(
        "Özge",
        "Akgün",
        "ozge.akgun@example.org",
        "+905321110011",
        D(1987, 5, 3),
        "urla",
        ["project-design", "campaigns"],
        [("tr", "native"), ("en", "fluent")],
        EVENINGS,
        S.SUBMITTED,
        gender="prefer_not_to_say",
    ),
    DemoApplicant(
        "Hülya",
        "Ünal",
        "hulya.unal@example.org",
        "+905321110012",
        D(1968, 10, 9),
        "odemis",
        ["field-research"],
        [("tr", "native")],
        WEEKDAYS,
        S.SUBMITTED,
        heard_from="event",
        gender="woman",
    ),
    DemoApplicant(
        "Berfin",
        "Demir",
        "berfin.demir@example.org",
        "+905321110013",
        D(1998, 3, 17),
        "torbali",
        ["translation"],
        [("tr", "native"), ("zza", "fluent"), ("kmr", "intermediate")],
        WEEKEND,
        S.SUBMITTED,
    ),
    DemoApplicant(
        "Anastasia",
        "Petrova",
        "anastasia.petrova@example.org",
        "+905321110014",
        D(1991, 1, 12),
        "gaziemir",
        ["translation", "digital-design"],
        [("ru", "native"), ("uk", "fluent"), ("tr", "intermediate"), ("en", "fluent")],
        EVENINGS,
        S.SUBMITTED,
        language="en",
        heard_from="social_media",
    ),
    DemoApplicant(
        "Ayşegül",
        "Çakır",
        "aysegul.cakir@example.org",
        "+905321110015",
        D(1983, 6, 6),
        "online",
        ["social-media"],
        [("tr", "native"), ("tid", "fluent")],
        EVENINGS + WEEKEND,
        S.SUBMITTED,
        gender="woman",
        experience="İşitme engelli kadınlarla çalışan bir derneğin gönüllüsüyüm.",
    ),
    DemoApplicant(
        "Derya",
        "İnce",
        "derya.ince@example.org",
        "+905321110016",
        D(1979, 9, 29),
        "seferihisar",
        ["guidance"],
        [("tr", "native"), ("en", "basic")],
        WEEKDAYS,
        S.SUBMITTED,
        heard_from="press",
    ),
    # Waitlisted: good applications for areas that are full for now.
    DemoApplicant(
        "Gülay",
        "Özdemir",
        "gulay.ozdemir@example.org",
        "+905321110017",
        D(1986, 4, 4),
        "kemalpasa",
        ["workshops"],
        [("tr", "native")],
        WEEKEND,
        S.WAITLISTED,
        reason="Kemalpaşa'daki atölyelerimiz şu an dolu.",
    ),
    DemoApplicant(
        "Ilgın",
        "Korkmaz",
        "ilgin.korkmaz@example.org",
        "+905321110018",
        D(2000, 11, 21),
        "bergama",
        ["field-research"],
        [("tr", "native"), ("en", "intermediate")],
        WEEKDAYS,
        S.WAITLISTED,
        heard_from="university",
    ),
    DemoApplicant(
        "Sevgül",
        "Arıkan",
        "sevgul.arikan@example.org",
        "+905321110019",
        D(1975, 8, 15),
        "tire",
        ["education-support", "guidance"],
        [("tr", "native")],
        WEEKDAYS + EVENINGS,
        S.WAITLISTED,
        gender="woman",
    ),
    DemoApplicant(
        "Can",
        "Öncü",
        "can.oncu@example.org",
        "+905321110020",
        D(1995, 2, 28),
        "narlidere",
        ["digital-design"],
        [("tr", "native"), ("de", "fluent")],
        EVENINGS,
        S.WAITLISTED,
        gender="man",
    ),
    # Rejected, always with a reason the applicant sees.
    DemoApplicant(
        "Büşra",
        "Yücel",
        "busra.yucel@example.org",
        "+905321110021",
        D(1997, 7, 7),
        "outside-izmir",
        ["campaigns"],
        [("tr", "native")],
        WEEKEND,
        S.REJECTED,
        reason="Kampanya çalışmalarımız yüz yüze ve İzmir içinde; yakında çevrim içi "
        "görevler açıldığında yeniden başvurmanızı bekleriz.",
    ),
    DemoApplicant(
        "Sıla",
        "Türkmen",
        "sila.turkmen@example.org",
        "+905321110022",
        D(1988, 12, 1),
        "dikili",
        ["project-design"],
        [("tr", "native"), ("en", "basic")],
        WEEKDAYS,
        S.REJECTED,
        reason="Proje ekibimiz bu dönem için tamamlandı; başka bir alanda başvurabilirsiniz.",
    ),
    DemoApplicant(
        "Ömer",
        "Çağlar",
        "omer.caglar@example.org",
        "+905321110023",
        D(1982, 3, 25),
        "foca",
        ["field-research"],
        [("tr", "native")],
        WEEKEND,
        S.REJECTED,
        reason="Başvurunuzda motivasyonunuzu ve uygunluğunuzu netleştirmenizi rica ederiz.",
    ),
    # Withdrawn by the applicants themselves.
    DemoApplicant(
        "Nilüfer",
        "Şimşek",
        "nilufer.simsek@example.org",
        "+905321110024",
        D(1990, 10, 10),
        "balcova",
        ["workshops", "guidance"],
        [("tr", "native"), ("en", "intermediate")],
        EVENINGS,
        S.WITHDRAWN,
        gender="woman",
    ),
    DemoApplicant(
        "Göksu",
        "Bulut",
        "goksu.bulut@example.org",
        "+905321110025",
        D(2003, 5, 19),
        "selcuk",
        ["social-media"],
        [("tr", "native"), ("es", "basic")],
        WEEKEND,
        S.WITHDRAWN,
        heard_from="friend",
    ),
]


LOCAL_HOSTS = {"127.0.0.1", "localhost", "testserver", "::1", "[::1]"}


class Command(BaseCommand):
    help = "Fill the database with demo staff, applications and volunteers (safe to run again)."

    def handle(self, *args, **options):
        public_hosts = set(settings.ALLOWED_HOSTS) - LOCAL_HOSTS
        if settings.PRODUCTION or public_hosts:
            # The demo logins (and their second factors) are in this repository: a server
            # that anyone can reach must never have them.
            raise CommandError(
                "seed_demo creates accounts whose passwords are public: only on a local "
                f"development machine (not in production, not for {sorted(public_hosts)})."
            )
        # Decisions e-mail applicants through django.tasks. Here the tasks run at once and
        # the mail goes nowhere: 25 demo e-mails would bury the logins in the console, and
        # with the database task backend they would wait for a worker to send them later.
        with (
            quiet_task_log(),
            override_settings(
                TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
                MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}},
            ),
            transaction.atomic(),
        ):
            staff = [ensure_staff_member(member) for member in STAFF]
            created = [seed_application(applicant, decided_by=staff[1]) for applicant in APPLICANTS]
            ensure_password(get_user_model().objects.get(email=DEMO_VOLUNTEER_EMAIL))
        self.report(staff, created=sum(created))

    def report(self, staff, *, created: int) -> None:
        write = self.stdout.write
        counts = ", ".join(
            f"{status.label}: {Application.objects.filter(status=status).count()}"
            for status in Application.Status
        )
        write(f"Demo data ready ({created} new applications). Applications: {counts}.")
        write(self.style.SUCCESS(f"Demo logins ({settings.SITE_URL}/accounts/login/):"))
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        for member, user in zip(STAFF, staff, strict=True):
            code = format_hotp_value(hotp_value(member.totp_secret, counter))
            write(
                f"  {member.role.label:<12} {user.email}  password: {DEMO_PASSWORD}\n"
                f"  {'':<12} TOTP secret {member.totp_secret} (code now: {code}), for your app:\n"
                f"  {'':<12} {get_mfa_adapter().build_totp_url(user, member.totp_secret)}"
            )
        write(f"  {Role.VOLUNTEER.label:<12} {DEMO_VOLUNTEER_EMAIL}  password: {DEMO_PASSWORD}")


@contextlib.contextmanager
def quiet_task_log():
    """The immediate backend logs every task's start and end: 100 lines nobody needs here."""
    logger = logging.getLogger("django.tasks")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


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


def seed_application(applicant: DemoApplicant, *, decided_by) -> bool:
    """Submit one demo application and take its decision; False when it already existed."""
    submission = services.submit_application(
        fields={
            "first_name": applicant.first_name,
            "last_name": applicant.last_name,
            "email": applicant.email,
            "phone": applicant.phone,
            "birth_date": applicant.birth_date,
            "district": District.objects.get(slug=applicant.district),
            "availability": to_mask(applicant.availability),
            "experience": applicant.experience,
            "motivation": applicant.motivation,
            "heard_from": applicant.heard_from,
            "gender": applicant.gender,
            "gender_self_description": "",
        },
        areas=VolunteerArea.objects.filter(slug__in=applicant.areas),
        languages=[(Language.objects.get(code=code), level) for code, level in applicant.languages],
        submission_key=uuid.uuid5(uuid.NAMESPACE_URL, f"esit-izmir-demo:{applicant.email}"),
        language=applicant.language,
        ip=DEMO_IP,
    )
    if not submission.created:
        return False
    application = submission.application
    match applicant.status:
        case S.APPROVED:
            services.approve_application(application=application, by=decided_by)
        case S.WAITLISTED:
            services.waitlist_application(
                application=application, by=decided_by, reason=applicant.reason
            )
        case S.REJECTED:
            services.reject_application(
                application=application, by=decided_by, reason=applicant.reason
            )
        case S.WITHDRAWN:
            services.withdraw_application(application=application)
    return True
