"""Demo activities: shifts, sign-ups, tasks, public participants, hours and a certificate."""

import datetime
import decimal
from dataclasses import dataclass

from django.core.management.base import CommandError
from django.utils import timezone

from esit.activities.models import (
    Activity,
    ActivityKind,
    Certificate,
    HoursEntry,
    Participant,
    Shift,
    SignUp,
)
from esit.activities.services import (
    attendance,
    certificates,
    hours,
    participants,
    planning,
    signups,
    work,
)
from esit.activities.services.errors import ActivityError
from esit.demo.accounts import DEMO_IP
from esit.demo.volunteers import demo_volunteers
from esit.privacy.services import record_consent
from esit.reference.models import District, Language, PlanGoal, VolunteerArea
from esit.volunteers.models import Volunteer

# Every activities page needs a living example. Every demo activity is keyed by its Turkish
# title: one that exists is left exactly as it is (with its shifts, sign-ups, tasks and
# hours), so a second run changes nothing. Dates are relative to the day of the first run.

APPROVED, REJECTED, PENDING = "approved", "rejected", "pending"


@dataclass(frozen=True)
class DemoShift:
    day: int  # days from today; negative for a shift that already happened
    start: str  # İzmir's wall clock, "HH:MM"
    end: str
    capacity: int
    newcomer_places: int = 0
    notes: str = ""
    repeat_weeks: int = 0
    required_areas: tuple[str, ...] = ()
    required_languages: tuple[str, ...] = ()
    # Who signs up for each weekly repeat (the later weeks fill more slowly).
    repeat_sign_ups: tuple[str, ...] = ()
    # Upcoming shifts: who signs up, in this order (the last ones may be waitlisted) ...
    sign_ups: tuple[str, ...] = ()
    # ... who then cancels their own sign-up, and whose pending sign-up a coordinator approves.
    cancels: tuple[str, ...] = ()
    approves: tuple[str, ...] = ()
    # Whom a coordinator adds from the roster, and whether the shift's requirements are waived.
    added: tuple[tuple[str, bool], ...] = ()
    # Past shifts: who came and what became of their hours, and who did not come.
    attended: tuple[tuple[str, str], ...] = ()
    no_shows: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoTask:
    title: str
    description: str
    due_in_days: int
    estimated_hours: str | None
    places: int = 1
    areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # (volunteer, where their work ends: claimed, delivered, returned, accepted, approved)
    work: tuple[tuple[str, str], ...] = ()
    # The first volunteer is assigned by a coordinator: with this, although they do not meet
    # the required areas or languages (recorded on the assignment).
    waive_for_first: bool = False


@dataclass(frozen=True)
class DemoParticipant:
    name: str
    email: str
    phone: str = ""
    language: str = "tr"
    cancels: bool = False
    # For an activity that already took place: whether they came (None: not recorded).
    attended: bool | None = None


@dataclass(frozen=True)
class DemoActivity:
    kind: str
    title_tr: str
    description_tr: str
    district: str
    areas: tuple[str, ...]
    starts: tuple[int, str]  # (days from today, "HH:MM")
    ends: tuple[int, str]
    status: str = "published"  # or completed, draft, cancelled
    title_en: str = ""
    description_en: str = ""
    address: str = ""
    online_url: str = ""
    requires_approval: bool = False
    cancellation_deadline_hours: int = 24
    public_capacity: int = 0
    participants: tuple[DemoParticipant, ...] = ()
    shifts: tuple[DemoShift, ...] = ()
    tasks: tuple[DemoTask, ...] = ()


# The equality plan goals each demo activity works towards (slugs of reference.PlanGoal),
# so the reports' "activities by plan area" shows a living picture; one stays untagged.
PLAN_GOALS = {
    "Gündelik Hayatta Eşitlik Atölyesi": ("education-equality-education",),
    "Kadın Kooperatifleri Saha Araştırması": ("economy-employment",),
    "Turuncu Günler: Şiddete Karşı Bilgilendirme Standları": ("violence-prevention",),
    "Toplumsal Cinsiyete Duyarlı Dil Eğitimi": ("culture-non-sexist-communication",),
    "Kız Çocukları İçin Kodlama ve Özgüven Atölyesi": ("education-girls-education",),
    "Kamusal Alanda Güvenlik Anketi": ("safe-city-public-spaces",),
    "Erkekler de Bakım Verir: Ortak Bakım Emeği Atölyesi": ("economy-care-work",),
    "Destek Hatları Broşürünün Çevirisi": ("violence-support-services",),
    "Turuncu Günler Sosyal Medya Takvimi": ("violence-prevention",),
    "Kadın Dayanışma Ağı Afiş Tasarımı": ("culture-non-sexist-communication",),
    "Çeşme Kış Okulu: Kız Çocuklarıyla Eşitlik Oyunları": ("education-girls-education",),
    "Ödemiş Köy Kadınlarıyla Söyleşi": ("governance-decision-making", "health-womens-health"),
}


ACTIVITIES = [
    # Completed, in the past months: attendance, no-shows and hours in every state.
    DemoActivity(
        kind="workshop",
        title_tr="Gündelik Hayatta Eşitlik Atölyesi",
        title_en="Equality in everyday life: a workshop",
        description_tr=(
            "Ev içi emek, bakım yükü ve karar alma üzerine katılımcı bir atölye. "
            "Gönüllüler küçük grupları yönetir, notları derler."
        ),
        description_en=(
            "A participatory workshop on housework, care and decision-making at home. "
            "Volunteers lead small groups and gather the notes."
        ),
        district="karsiyaka",
        address="Karşıyaka Kadın Dayanışma Merkezi, Bostanlı Mah. 1748 Sok. No: 4",
        areas=("workshops", "education-support"),
        starts=(-75, "13:00"),
        ends=(-75, "17:30"),
        status="completed",
        public_capacity=10,
        participants=(
            DemoParticipant("Fadime Yurtsever", "fadime.yurtsever@example.org", attended=True),
            DemoParticipant(
                "Gülten Özkaya", "gulten.ozkaya@example.org", "+905357776655", attended=True
            ),
            DemoParticipant("Şükran Işıkçı", "sukran.isikci@example.org", attended=False),
        ),
        shifts=(
            DemoShift(
                -75,
                "13:00",
                "17:00",
                capacity=6,
                attended=(("elif", APPROVED), ("ipek", APPROVED), ("zozan", APPROVED)),
                no_shows=("mert",),
            ),
        ),
    ),
    DemoActivity(
        kind="field-research",
        title_tr="Kadın Kooperatifleri Saha Araştırması",
        description_tr=(
            "Buca ve çevresindeki kadın kooperatifleriyle yüz yüze görüşmeler: üretim, "
            "pazarlama ve karşılaşılan engeller. Görüşme formları önceden paylaşılır."
        ),
        district="buca",
        address="Buca Belediyesi Kadın Kooperatifleri Birimi, Şirinyer",
        areas=("field-research",),
        starts=(-45, "09:00"),
        ends=(-44, "17:00"),
        status="completed",
        shifts=(
            DemoShift(
                -45,
                "10:00",
                "14:00",
                capacity=4,
                attended=(("elif", APPROVED), ("isil", REJECTED), ("umran", APPROVED)),
                no_shows=("gokce",),
            ),
            DemoShift(-44, "10:00", "14:00", capacity=4, attended=(("isil", APPROVED),)),
        ),
    ),
    DemoActivity(
        kind="training",
        title_tr="Yeni Gönüllüler İçin Oryantasyon Eğitimi",
        title_en="Orientation training for new volunteers",
        description_tr=(
            "Programın ilkeleri, güvenli alan kuralları, KVKK ve şiddete uğrayan bir kadınla "
            "karşılaştığınızda nereye yönlendireceğiniz."
        ),
        district="konak",
        address="İzmir Büyükşehir Belediyesi Kültürpark Kadın Çalışmaları Salonu",
        areas=("education-support", "guidance"),
        starts=(-20, "18:00"),
        ends=(-20, "21:00"),
        status="completed",
        shifts=(
            DemoShift(
                -20,
                "18:00",
                "21:00",
                capacity=12,
                attended=(("elif", PENDING), ("nour", PENDING), ("mert", APPROVED)),
            ),
        ),
    ),
    # Upcoming: every kind, several districts.
    DemoActivity(
        kind="campaign",
        title_tr="Turuncu Günler: Şiddete Karşı Bilgilendirme Standları",
        title_en="Orange Days: information stands against violence",
        description_tr=(
            "25 Kasım'dan 10 Aralık'a uzanan kampanyada Konak Meydanı'ndaki standda broşür "
            "dağıtıyor, ALO 183 ve KADES uygulamasını anlatıyoruz. Her hafta aynı saatte."
        ),
        description_en=(
            "Throughout the campaign we hand out leaflets at the stand on Konak Square and "
            "explain the ALO 183 line and the KADES app. Every week at the same time."
        ),
        district="konak",
        address="Konak Meydanı, Saat Kulesi önü",
        areas=("campaigns",),
        starts=(3, "10:00"),
        ends=(17, "18:00"),
        shifts=(
            DemoShift(
                3,
                "11:00",
                "15:00",
                capacity=3,
                repeat_weeks=2,
                notes="Turuncu yeleklerinizi standdan alabilirsiniz.",
                sign_ups=("elif", "mert", "zozan", "ipek", "umran"),
                cancels=("mert",),
                repeat_sign_ups=("nour", "gokce"),
            ),
        ),
    ),
    DemoActivity(
        kind="meeting",
        title_tr="Aylık Gönüllü Koordinasyon Toplantısı",
        description_tr=(
            "Aralık ayı planı, Turuncu Günler kampanyasının değerlendirmesi ve yeni "
            "gönüllülerle tanışma. Çay ve kurabiye bizden."
        ),
        district="konak",
        address="Eşit İzmir Ofisi, Alsancak, Kıbrıs Şehitleri Cad. No: 12",
        areas=("project-design",),
        starts=(4, "18:00"),
        ends=(4, "19:30"),
        shifts=(
            DemoShift(
                4,
                "18:00",
                "19:30",
                capacity=15,
                sign_ups=("elif", "ipek", "isil", "umran", "zozan"),
            ),
        ),
    ),
    DemoActivity(
        kind="training",
        title_tr="Toplumsal Cinsiyete Duyarlı Dil Eğitimi",
        title_en="Gender-sensitive language training",
        description_tr=(
            "Çevrim içi eğitim: haberlerde, afişlerde ve sosyal medyada ayrımcı olmayan bir "
            "dil nasıl kurulur? Örnek metinler üzerinde birlikte çalışıyoruz."
        ),
        description_en=(
            "Online training: how to write news, posters and posts without discriminating "
            "language, working together on sample texts."
        ),
        district="online",
        online_url="https://toplanti.esitizmir.example/duyarli-dil",
        areas=("education-support", "social-media"),
        starts=(6, "19:00"),
        ends=(6, "21:00"),
        shifts=(DemoShift(6, "19:00", "21:00", capacity=10, sign_ups=("elif", "nour", "ipek")),),
    ),
    DemoActivity(
        kind="workshop",
        title_tr="Kız Çocukları İçin Kodlama ve Özgüven Atölyesi",
        title_en="Coding and confidence workshop for girls",
        description_tr=(
            "11-14 yaş arası kız çocuklarıyla oyunlaştırılmış kodlama ve özgüven çalışması. "
            "Veliler katılımcı olarak kaydolabilir; gönüllüler masaları yönetir."
        ),
        district="bornova",
        address="Bornova Gençlik Merkezi, Kazımdirik Mah. 372 Sok.",
        areas=("workshops", "education-support"),
        starts=(9, "09:00"),
        ends=(9, "16:00"),
        public_capacity=3,
        participants=(
            DemoParticipant("Ayten Karataş", "ayten.karatas@example.org", "+905301112233"),
            DemoParticipant("Gülizar Şeker", "gulizar.seker@example.org"),
            DemoParticipant("Hacer Öğüt", "hacer.ogut@example.org", cancels=True),
            DemoParticipant("Rania Saleh", "rania.saleh@example.org", language="en"),
            DemoParticipant("Çağla Işık", "cagla.isik@example.org"),
        ),
        shifts=(
            DemoShift(
                9,
                "09:00",
                "12:30",
                capacity=2,
                notes="Salonu hazırlama ve sabah grubu.",
                sign_ups=("elif", "ipek", "zozan"),
            ),
            DemoShift(
                9,
                "12:30",
                "16:00",
                capacity=3,
                newcomer_places=1,
                notes="Bir yer ilk kez katılacak bir gönüllüye ayrıldı.",
                sign_ups=("mert", "isil", "umran", "gokce"),
            ),
        ),
    ),
    DemoActivity(
        kind="field-research",
        title_tr="Kamusal Alanda Güvenlik Anketi",
        title_en="Safety in public space survey",
        description_tr=(
            "Çiğli'de kadınların akşam saatlerinde kullandığı yollar, duraklar ve parklar "
            "üzerine anket. Kayıtlar koordinatör onayıyla kesinleşir."
        ),
        district="cigli",
        address="Çiğli Belediyesi Kadın Danışma Merkezi, Ataşehir Mah.",
        areas=("field-research",),
        starts=(12, "10:00"),
        ends=(13, "16:00"),
        requires_approval=True,
        cancellation_deadline_hours=48,
        shifts=(
            DemoShift(
                12,
                "10:00",
                "14:00",
                capacity=4,
                sign_ups=("isil", "umran", "gokce"),
                approves=("isil",),
            ),
        ),
    ),
    DemoActivity(
        kind="workshop",
        title_tr="Erkekler de Bakım Verir: Ortak Bakım Emeği Atölyesi",
        title_en="Men care too: a workshop on shared care work",
        description_tr=(
            "Babalar ve erkek akrabalarla bakım emeğinin paylaşımı üzerine söyleşi ve atölye. "
            "Halka açıktır."
        ),
        description_en="A talk and workshop with fathers on sharing care work. Open to all.",
        district="karabaglar",
        address="Karabağlar Kültür Merkezi, Uzundere",
        areas=("workshops",),
        starts=(16, "18:30"),
        ends=(16, "21:00"),
        public_capacity=20,
        participants=(
            DemoParticipant("Emre Güçlü", "emre.guclu@example.org"),
            DemoParticipant("Oğuz Ünlü", "oguz.unlu@example.org", "+905339998877"),
        ),
        shifts=(
            DemoShift(
                16,
                "18:30",
                "21:00",
                capacity=4,
                required_areas=("workshops",),
                sign_ups=("nour",),
                # Elif is in workshops; Zozan (guidance) leads the Kurmanji-speaking group,
                # so the coordinator adds her although the workshop area is required.
                added=(("elif", False), ("zozan", True)),
            ),
        ),
    ),
    # Deliverable work: tasks in every state.
    DemoActivity(
        kind="translation",
        title_tr="Destek Hatları Broşürünün Çevirisi",
        title_en="Translating the support lines leaflet",
        description_tr=(
            "Şiddete uğrayan kadınların başvurabileceği destek hatlarını anlatan broşürü, "
            "İzmir'de en çok konuşulan dillere çeviriyoruz. Evden çalışılır."
        ),
        description_en="We translate the support lines leaflet into İzmir's most spoken languages.",
        district="online",
        online_url="https://paylasim.esitizmir.example/destek-hatlari",
        areas=("translation",),
        starts=(1, "09:00"),
        ends=(30, "18:00"),
        tasks=(
            DemoTask(
                "Broşürü Arapçaya çevirin",
                "İki sayfalık broşür; terimler sözlüğü ekte.",
                due_in_days=14,
                estimated_hours="6",
                areas=("translation",),
                languages=("ar",),
                work=(("nour", "accepted"),),
            ),
            DemoTask(
                "Broşürü Kurmanciye çevirin",
                "İki sayfalık broşür; yerel ağızdan çok yazı dilini kullanın.",
                due_in_days=14,
                estimated_hours="5",
                areas=("translation",),
                languages=("kmr",),
                work=(("zozan", "returned"),),
            ),
            DemoTask(
                "Broşürü İngilizceye çevirin",
                "Göçmen kadınlara yönelik İngilizce sürüm; iki çevirmen birbirini okur.",
                due_in_days=10,
                estimated_hours="4",
                places=3,
                areas=("translation",),
                languages=("en",),
                # Elif works in workshops, not translation, but writes fluent English: the
                # coordinator gives her the task anyway, and the assignment says so.
                work=(("elif", "approved"), ("ipek", "delivered"), ("nour", "claimed")),
                waive_for_first=True,
            ),
            DemoTask(
                "Broşürü Farsçaya çevirin",
                "Henüz gönüllü bekleyen görev.",
                due_in_days=21,
                estimated_hours="6",
                areas=("translation",),
                languages=("fa",),
            ),
        ),
    ),
    DemoActivity(
        kind="social-media",
        title_tr="Turuncu Günler Sosyal Medya Takvimi",
        title_en="Orange Days social-media calendar",
        description_tr=(
            "Kampanya boyunca her gün bir paylaşım: bilgi kartları, tanıklıklar ve etkinlik "
            "duyuruları. Haftalık takvim gönüllülerce hazırlanır."
        ),
        district="online",
        online_url="https://paylasim.esitizmir.example/sosyal-medya",
        areas=("social-media",),
        starts=(2, "09:00"),
        ends=(21, "18:00"),
        tasks=(
            DemoTask(
                "Bir haftalık paylaşım takvimi hazırlayın",
                "Yedi günlük plan: metin, görsel önerisi ve etiketler.",
                due_in_days=7,
                estimated_hours="8",
                areas=("social-media",),
                work=(("gokce", "accepted"),),
            ),
            DemoTask(
                "Kampanya etiketini izleyip haftalık rapor yazın",
                "Öne çıkan paylaşımlar ve yanıtlanması gereken sorular.",
                due_in_days=12,
                estimated_hours="3",
                places=2,
                areas=("social-media",),
            ),
        ),
    ),
    DemoActivity(
        kind="design",
        title_tr="Kadın Dayanışma Ağı Afiş Tasarımı",
        title_en="Poster design for the women's solidarity network",
        description_tr=(
            "Bayraklı'daki dayanışma ağı buluşmaları için A3 afiş ve Instagram görsel seti. "
            "Kurumsal renkler ve yazı tipi paylaşılır."
        ),
        district="bayrakli",
        address="Bayraklı Kadın Dayanışma Evi, Manavkuyu Mah.",
        areas=("digital-design",),
        starts=(5, "10:00"),
        ends=(26, "17:00"),
        tasks=(
            DemoTask(
                "A3 afiş tasarlayın",
                "Buluşma tarihleri, adres ve QR kod yer almalı; erişilebilir kontrast.",
                due_in_days=9,
                estimated_hours="5",
                areas=("digital-design",),
                work=(("gokce", "delivered"),),
            ),
            DemoTask(
                "Instagram görsel seti hazırlayın",
                "Kare ve hikâye boyutlarında dört görsel.",
                due_in_days=15,
                estimated_hours="4",
                areas=("digital-design", "social-media"),
            ),
        ),
    ),
    # A draft only staff see, and a cancelled activity whose volunteers and public were told.
    DemoActivity(
        kind="workshop",
        title_tr="Çeşme Kış Okulu: Kız Çocuklarıyla Eşitlik Oyunları",
        description_tr="Taslak: tarihler ve okul ile iş birliği henüz kesinleşmedi.",
        district="cesme",
        address="Çeşme Halk Eğitim Merkezi",
        areas=("workshops",),
        starts=(40, "10:00"),
        ends=(40, "15:00"),
        status="draft",
        shifts=(DemoShift(40, "10:00", "15:00", capacity=5),),
    ),
    DemoActivity(
        kind="meeting",
        title_tr="Ödemiş Köy Kadınlarıyla Söyleşi",
        title_en="Talk with village women in Ödemiş",
        description_tr=(
            "Köy kadınlarının tarımsal emeği ve kooperatifleşme üzerine söyleşi. "
            "Ulaşım aksadığı için iptal edildi."
        ),
        district="odemis",
        address="Ödemiş Kent Meydanı Kültür Evi",
        areas=("guidance",),
        starts=(10, "10:00"),
        ends=(10, "13:00"),
        status="cancelled",
        public_capacity=30,
        participants=(DemoParticipant("Saadet Kuzucu", "saadet.kuzucu@example.org"),),
        shifts=(DemoShift(10, "10:00", "13:00", capacity=6, sign_ups=("umran", "isil")),),
    ),
]


@dataclass(frozen=True)
class DemoHours:
    volunteer: str
    days_ago: int
    hours: str
    area: str
    description: str
    status: str
    comment: str = ""


SELF_REPORTED = [
    DemoHours("elif", 10, "3", "workshops", "Atölye materyallerini evde hazırladım.", APPROVED),
    DemoHours("ipek", 5, "2.5", "translation", "Kooperatif bülteninin Arapça çevirisi.", PENDING),
    DemoHours(
        "zozan",
        30,
        "4",
        "translation",
        "Saha görüşmelerinin deşifresi.",
        REJECTED,
        comment="Bu çalışma saha vardiyasının saatlerine zaten dahil; iki kez sayılamaz.",
    ),
    DemoHours("mert", 2, "1.5", "campaigns", "Kampanya için yerel esnafla görüşme.", PENDING),
]
CERTIFICATE_HOLDER = "elif"

# Why a coordinator sent demo hours back; the volunteer sees it on their hours page.
ATTENDANCE_REJECTION = (
    "Yoklama kaydı yanlış vardiyaya düşmüş; o gün yalnızca bir saat kaldınız. "
    "Gerçek sürenizi kendiniz bildirin."
)
DELIVERY_NOTE = "Taslak hazır; terimleri sözlükle karşılaştırdım. Bağlantıdan erişebilirsiniz."
RETURN_COMMENT = "Başlıklar broşürdeki satırlara sığmıyor; lütfen kısaltıp yeniden gönderin."
ACCEPT_COMMENT = "Emeğiniz için çok teşekkürler, baskıya gönderiyoruz."
CANCELLATION_MESSAGE = "Ulaşımdaki aksaklık nedeniyle söyleşi ileri bir tarihe ertelendi."


def local_moment(day: int, clock: str) -> datetime.datetime:
    """`day` days from today at `clock` ("HH:MM") on İzmir's wall clock, as an aware moment."""
    hour, minute = (int(part) for part in clock.split(":"))
    local = timezone.get_default_timezone()
    date = timezone.localdate(timezone=local) + datetime.timedelta(days=day)
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, minute)), local)


def seed_activities(*, coordinator) -> int:
    """Create the demo activities that do not exist yet; the number created."""
    volunteers = demo_volunteers()
    created = 0
    for spec in ACTIVITIES:
        if Activity.objects.filter(title_tr=spec.title_tr).exists():
            continue
        try:
            seed_activity(spec, volunteers=volunteers, coordinator=coordinator)
        except ActivityError as error:
            # A rule refused the demo (say a demo volunteer has left the programme): say which.
            raise CommandError(f"Demo activity “{spec.title_tr}”: {error.message}") from error
        created += 1
    return created


def seed_activity(spec: DemoActivity, *, volunteers, coordinator) -> Activity:
    # An activity to cancel is published first, so it is cancelled the way staff do it:
    # its volunteers and public participants are told.
    status = Activity.Status.PUBLISHED if spec.status == "cancelled" else spec.status
    activity = planning.create_activity(
        by=coordinator,
        areas=VolunteerArea.objects.filter(slug__in=spec.areas),
        plan_goals=PlanGoal.objects.filter(slug__in=PLAN_GOALS.get(spec.title_tr, ())),
        kind=ActivityKind.objects.get(slug=spec.kind),
        title_tr=spec.title_tr,
        title_en=spec.title_en,
        description_tr=spec.description_tr,
        description_en=spec.description_en,
        district=District.objects.get(slug=spec.district),
        address=spec.address,
        online_url=spec.online_url,
        starts_at=local_moment(*spec.starts),
        ends_at=local_moment(*spec.ends),
        status=status,
        requires_approval=spec.requires_approval,
        cancellation_deadline_hours=spec.cancellation_deadline_hours,
        public_registration=spec.public_capacity > 0,
        public_capacity=spec.public_capacity,
    )
    for shift in spec.shifts:
        seed_shift(activity, shift, volunteers=volunteers, coordinator=coordinator)
    for task in spec.tasks:
        seed_task(activity, task, volunteers=volunteers, coordinator=coordinator)
    for person in spec.participants:
        if activity.starts_at <= timezone.now():
            record_past_participant(activity, person, coordinator=coordinator)
            continue
        participant = participants.register_participant(
            activity=activity,
            name=person.name,
            email=person.email,
            phone=person.phone,
            language=person.language,
            ip=DEMO_IP,
        )
        if person.cancels:
            participants.cancel_registration(participant=participant)
    if spec.status == "cancelled":
        planning.cancel_activity(activity=activity, by=coordinator, message=CANCELLATION_MESSAGE)
    return activity


def record_past_participant(activity: Activity, person: DemoParticipant, *, coordinator) -> None:
    """A member of the public who registered for an activity that is over, and whether they came.

    `register_participant` rightly refuses an activity that has started, so the
    registration is written as it would have been a week before (with the
    person's consent); attendance then goes through the staff service.
    """
    registered_at = activity.starts_at - datetime.timedelta(days=7)
    participant = Participant.objects.create(
        activity=activity,
        name=person.name,
        email=person.email,
        phone=person.phone,
        status=Participant.Status.CONFIRMED,
        language=person.language,
        consent=record_consent(email=person.email, ip=DEMO_IP, at=registered_at),
        registered_at=registered_at,
    )
    if person.attended is not None:
        participants.record_participant_attendance(
            participant=participant, attended=person.attended, by=coordinator
        )


def seed_shift(activity: Activity, spec: DemoShift, *, volunteers, coordinator) -> None:
    shift = planning.create_shift(
        activity=activity,
        starts_at=local_moment(spec.day, spec.start),
        ends_at=local_moment(spec.day, spec.end),
        capacity=spec.capacity,
        newcomer_places=spec.newcomer_places,
        notes=spec.notes,
        required_areas=VolunteerArea.objects.filter(slug__in=spec.required_areas),
        required_languages=Language.objects.filter(code__in=spec.required_languages),
    )
    repeats = []
    if spec.repeat_weeks:
        repeats = planning.repeat_shift_weekly(shift=shift, weeks=spec.repeat_weeks)
    if spec.attended or spec.no_shows:
        record_past_attendance(shift, spec, volunteers=volunteers, coordinator=coordinator)
        return
    for key in spec.sign_ups:
        signups.sign_up(volunteer=volunteers[key], shift=shift)
    for key in spec.cancels:
        signups.cancel_sign_up(signup=active_sign_up(shift, volunteers[key]))
    for key in spec.approves:
        signups.approve_sign_up(signup=active_sign_up(shift, volunteers[key]), by=coordinator)
    for key, waive in spec.added:
        signups.sign_up(
            volunteer=volunteers[key], shift=shift, by=coordinator, override_requirements=waive
        )
    for repeat in repeats:
        for key in spec.repeat_sign_ups:
            signups.sign_up(volunteer=volunteers[key], shift=repeat)


def active_sign_up(shift: Shift, volunteer: Volunteer) -> SignUp:
    return SignUp.objects.get(shift=shift, volunteer=volunteer, status__in=SignUp.ACTIVE_STATUSES)


def record_past_attendance(shift: Shift, spec: DemoShift, *, volunteers, coordinator) -> None:
    """Who came to a shift that is over, and what became of their hours.

    `sign_up` rightly refuses a shift that has started, so the sign-ups of a past
    shift are written directly, as `sign_up` would have written them a week
    before (confirmed, reminded the day before; the capacities above leave room
    for all). Check-in and no-shows then go through the attendance services,
    which accept a shift that is over, and the hours through the review services.
    """
    for key in (*(key for key, _decision in spec.attended), *spec.no_shows):
        SignUp.objects.create(
            shift=shift,
            volunteer=volunteers[key],
            status=SignUp.Status.CONFIRMED,
            created_at=shift.starts_at - datetime.timedelta(days=7),
            reminder_sent_at=shift.starts_at - datetime.timedelta(days=1),
        )
    for minutes, (key, decision) in enumerate(spec.attended):
        signup = attendance.check_in(shift=shift, code=volunteers[key].checkin_code, by=coordinator)
        # check_in stamps the moment it runs; at the door it was the shift's first minutes.
        SignUp.objects.filter(pk=signup.pk).update(
            checked_in_at=shift.starts_at + datetime.timedelta(minutes=minutes)
        )
        review(HoursEntry.objects.get(signup=signup), decision, by=coordinator)
    attendance.mark_no_shows(shift=shift, by=coordinator)


def review(entry: HoursEntry, decision: str, *, by, comment: str = "") -> None:
    if decision == PENDING:
        return
    if decision == APPROVED:
        result = hours.approve_hours(entries=[entry], by=by)
    else:
        result = hours.reject_hours(entries=[entry], by=by, comment=comment or ATTENDANCE_REJECTION)
    if result.skipped:
        raise CommandError(f"Demo hours {entry}: {result.skipped[0][1]}")


def seed_task(activity: Activity, spec: DemoTask, *, volunteers, coordinator) -> None:
    task = planning.create_task(
        activity=activity,
        required_areas=VolunteerArea.objects.filter(slug__in=spec.areas),
        required_languages=Language.objects.filter(code__in=spec.languages),
        title=spec.title,
        description=spec.description,
        due_date=timezone.localdate() + datetime.timedelta(days=spec.due_in_days),
        places=spec.places,
        estimated_hours=decimal.Decimal(spec.estimated_hours) if spec.estimated_hours else None,
    )
    for number, (key, outcome) in enumerate(spec.work):
        # Most volunteers claim work themselves; the first of a task is given by a coordinator.
        if number == 0:
            assignment = work.assign_task(
                task=task,
                volunteer=volunteers[key],
                by=coordinator,
                override_requirements=spec.waive_for_first,
            )
        else:
            assignment = work.claim_task(volunteer=volunteers[key], task=task)
        if outcome == "claimed":
            continue
        assignment = work.deliver_task(
            assignment=assignment,
            note=DELIVERY_NOTE,
            link=f"https://paylasim.esitizmir.example/teslim/{task.pk}-{key}",
        )
        if outcome == "returned":
            work.return_task(assignment=assignment, by=coordinator, comment=RETURN_COMMENT)
        elif outcome in ("accepted", "approved"):
            work.accept_task(assignment=assignment, by=coordinator, comment=ACCEPT_COMMENT)
            if outcome == "approved":
                review(HoursEntry.objects.get(task_assignment=assignment), APPROVED, by=coordinator)


def seed_self_reported_hours(*, coordinator) -> int:
    """Work the volunteers reported themselves, found again by its description."""
    volunteers = demo_volunteers()
    created = 0
    for spec in SELF_REPORTED:
        volunteer = volunteers[spec.volunteer]
        if HoursEntry.objects.filter(
            volunteer=volunteer,
            source=HoursEntry.Source.SELF_REPORTED,
            description=spec.description,
        ).exists():
            continue
        entry = hours.log_hours(
            volunteer=volunteer,
            date=timezone.localdate() - datetime.timedelta(days=spec.days_ago),
            hours=decimal.Decimal(spec.hours),
            area=VolunteerArea.objects.get(slug=spec.area),
            description=spec.description,
        )
        review(entry, spec.status, by=coordinator, comment=spec.comment)
        created += 1
    return created


def seed_certificate() -> Certificate | None:
    """A certificate of the demo volunteer's approved hours, for /me/ and its verification."""
    volunteer = demo_volunteers()[CERTIFICATE_HOLDER]
    if volunteer.certificates.exists():
        return None
    return certificates.issue_certificate(volunteer=volunteer)
