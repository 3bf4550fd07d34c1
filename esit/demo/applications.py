"""Demo applications in every status, submitted and decided through the real services."""

import datetime
import uuid
from dataclasses import dataclass, field

from esit.applications import services
from esit.applications.models import Application
from esit.demo.accounts import DEMO_IP, DEMO_VOLUNTEER_EMAIL
from esit.reference.availability import to_mask
from esit.reference.models import District, Language, VolunteerArea


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
    # Approved, then paused and ended by a coordinator (esit/demo/volunteers.py).
    DemoApplicant(
        "Sevgi",
        "Karaca",
        "sevgi.karaca@example.org",
        "+905321110026",
        D(1979, 2, 14),
        "buca",
        ["field-research"],
        [("tr", "native")],
        WEEKDAYS,
        S.APPROVED,
        gender="woman",
    ),
    DemoApplicant(
        "Aslı",
        "Tunç",
        "asli.tunc@example.org",
        "+905321110027",
        D(1999, 9, 1),
        "bayrakli",
        ["social-media"],
        [("tr", "native"), ("en", "basic")],
        EVENINGS,
        S.APPROVED,
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
        consent=True,
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
