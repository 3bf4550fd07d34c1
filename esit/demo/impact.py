"""The network's year: enough volunteers and past work for the reports and open data to show
a living picture (issue 12: "seed_demo makes the reports show a living picture").

The rest of the demo has about ten volunteers, so nearly every cell of /staff/reports/ and
of /api/v1/statistics/ would be hidden as "<5". This module adds forty volunteers (Turkish
names, six districts, several areas, genders as given and birth years across the age
groups, joined over the last twelve months) and, for each of the last twelve months, one
completed neighbourhood meeting with one shift that thirteen of them attended, with their
4 approved hours each; three of the meetings came from an idea of the network (so
/ideas/done/ and /api/v1/ideas-done/ have more than one line).

Rows are written in bulk, like seed_bench, not through the services: the past cannot go
through them (`sign_up` rightly refuses a shift that is over), and a few hundred calls would
make `make run` slow. The services' rules hold by construction: the volunteers are active,
each sign-up is confirmed a week before its shift within its capacity and attended, and
each attended sign-up has its one approved hours entry. The activities, their shifts and
the ideas do go through the planning and community services. Running it again changes
nothing: volunteers are found by e-mail, meetings by their Turkish title, ideas by title.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from esit.accounts.models import Role, User
from esit.activities.models import Activity, ActivityKind, HoursEntry, Participant, SignUp
from esit.activities.services import planning
from esit.community import services as community
from esit.community.models import Idea
from esit.core.turkish import search_key
from esit.demo.accounts import DEMO_IP
from esit.demo.bench.names import ascii_slug
from esit.privacy.services import record_consent
from esit.reference.models import District, Language, PlanGoal, VolunteerArea
from esit.volunteers.models import Volunteer, VolunteerLanguage, name_key

DOMAIN = "ag.esitizmir.example"
UNUSABLE_PASSWORD = "!demo"  # noqa: S105 (a "!" password never matches: Django's convention)
MONTHS = 12
ATTENDEES = 13  # per meeting: more than 5 in every main cell
SHIFT_HOURS = 4
PUBLIC = ["Sevim Ak", "Leyla Çınar", "Gönül Erdem", "Nurcan Öz", "Hande Şen", "Aynur Işıklı"]

# (first name, last name, gender): mostly women, as in the programme; men, a non-binary
# person and people who did not say, so the "by gender" columns are not all one group.
PEOPLE = [
    ("Ayşe", "Yıldırım", "woman"),
    ("Fatma", "Korkmaz", "woman"),
    ("Zeynep", "Arslan", "woman"),
    ("Şebnem", "Aydın", "woman"),
    ("Gülşen", "Öztürk", "woman"),
    ("İrem", "Koç", "woman"),
    ("Işıl", "Kılıç", "woman"),
    ("Özlem", "Çetin", "woman"),
    ("Çiğdem", "Güneş", "woman"),
    ("Büşra", "Erdoğan", "woman"),
    ("Dilek", "Polat", "woman"),
    ("Nihal", "Özdemir", "woman"),
    ("Ebru", "Kurt", "woman"),
    ("Merve", "Şimşek", "woman"),
    ("Derya", "Aksoy", "woman"),
    ("Şükran", "Tekin", "woman"),
    ("Gülay", "Uçar", "woman"),
    ("Yıldız", "Bulut", "woman"),
    ("Nazlı", "Ünal", "woman"),
    ("Öykü", "Başaran", "woman"),
    ("Ilgın", "Karataş", "woman"),
    ("Ceren", "Eren", "woman"),
    ("Hülya", "Doğru", "woman"),
    ("Pınar", "Sarı", "woman"),
    ("Songül", "Akın", "woman"),
    ("Tuğba", "Çakır", "woman"),
    ("Ülkü", "Yavuz", "woman"),
    ("Çağla", "Işık", "woman"),
    ("Defne", "Gür", "woman"),
    ("Begüm", "Özkan", "woman"),
    ("Eylül", "Türkmen", "woman"),
    ("Hatice", "Kocaman", "woman"),
    ("Barış", "Aydoğan", "man"),
    ("Uğur", "Çelikkol", "man"),
    ("Oğuz", "Ergün", "man"),
    ("Mehmet", "Sönmez", "man"),
    ("Çağrı", "Yücel", "man"),
    ("Deniz", "Güler", "non_binary"),
    ("Ezgi", "Tan", ""),
    ("Selin", "Acar", ""),
]
DISTRICTS = ["konak", "karsiyaka", "bornova", "buca", "bayrakli", "cigli"]
AREAS = ["workshops", "education-support", "campaigns", "field-research", "social-media"]
# Thirteen ages in the two bands most of the programme's volunteers are in (seven 25–34, six
# 35–44, none near a band's edge), so any thirteen consecutive volunteers (a meeting) put more
# than five people in each: one or two people of a third band would be small cells, and hiding
# them takes the meeting's other cells with them (docs/reports.md, "small cells").
AGES = [27, 38, 29, 40, 31, 37, 28, 41, 30, 39, 26, 42, 32]
OTHER_LANGUAGES = ["en", "en", "de", "ar", "fr"]


@dataclass(frozen=True)
class Meeting:
    title_tr: str
    title_en: str
    district: str
    area: str
    goal: str
    idea: str = ""  # the network's idea the meeting came from
    month: int = 0  # months ago (1: last month); 0: its place in MEETINGS
    people: int = ATTENDEES


# One a month, the most recent first (month 1 is about a month ago); the last three months
# have a second, smaller meeting elsewhere: the rest of the demo worked in those months in
# small groups, and a lone large cell beside a hidden small one would be hidden too (the
# secondary suppression), so a second cell of 5 or more keeps the month readable.
MEETINGS = [
    Meeting(
        "Mahalle Buluşması: Kadın Dayanışma Kahvaltısı",
        "Neighbourhood meeting: women's solidarity breakfast",
        "konak",
        "workshops",
        "violence-prevention",
        idea="Komşu kadınlarla aylık dayanışma kahvaltısı",
    ),
    Meeting(
        "Parkta Eşitlik Oyunları",
        "Equality games in the park",
        "karsiyaka",
        "education-support",
        "education-girls-education",
    ),
    Meeting(
        "Kadın Emeği Pazarı Gönüllüleri",
        "Volunteers of the women's work market",
        "bornova",
        "campaigns",
        "economy-employment",
        idea="Kadın kooperatiflerine pazar günü tezgâh",
    ),
    Meeting(
        "Güvenli Sokaklar Yürüyüşü",
        "Safe streets walk",
        "buca",
        "field-research",
        "safe-city-public-spaces",
    ),
    Meeting(
        "Bakım Emeği Sohbetleri",
        "Conversations about care work",
        "konak",
        "workshops",
        "economy-care-work",
    ),
    Meeting(
        "Kız Çocuklarıyla Bilim Günü",
        "Science day with girls",
        "karsiyaka",
        "education-support",
        "education-girls-education",
        idea="Kız çocuklarıyla mahalle bilim günü",
    ),
    Meeting(
        "Destek Hatları Bilgilendirme Standı",
        "Support lines information stand",
        "bornova",
        "campaigns",
        "violence-support-services",
    ),
    Meeting(
        "Kadın Sağlığı Söyleşisi",
        "Talk on women's health",
        "buca",
        "workshops",
        "health-womens-health",
    ),
    Meeting(
        "Cinsiyetçi Olmayan Dil Atölyesi",
        "Non-sexist language workshop",
        "konak",
        "social-media",
        "culture-non-sexist-communication",
    ),
    Meeting(
        "Mahalle Meclisinde Kadınlar",
        "Women in the neighbourhood assembly",
        "karsiyaka",
        "field-research",
        "governance-decision-making",
    ),
    Meeting(
        "Eşitlik Okuma Grubu",
        "Equality reading group",
        "bornova",
        "education-support",
        "education-equality-education",
    ),
    Meeting(
        "Turuncu Gün Sokak Buluşması",
        "Orange Day street meeting",
        "buca",
        "campaigns",
        "violence-prevention",
    ),
    Meeting(
        "Bayraklı Kadın Danışma Merkezi Tanıtımı",
        "Introducing Bayraklı's women's counselling centre",
        "bayrakli",
        "social-media",
        "violence-support-services",
        month=1,
        people=7,
    ),
    Meeting(
        "Çiğli Mahalle Kütüphanesinde Masal Saati",
        "Story hour at Çiğli's neighbourhood library",
        "cigli",
        "education-support",
        "education-equality-education",
        month=2,
        people=7,
    ),
    Meeting(
        "Bayraklı Sahilde Güvenli Kent Anketi",
        "Safe city survey on Bayraklı's seafront",
        "bayrakli",
        "field-research",
        "safe-city-public-spaces",
        month=3,
        people=7,
    ),
]

IDEA_BODY = (
    "Gönüllülerle birlikte her ay bir buluşma düzenleyelim; komşular tanışsın, "
    "belediyenin **kadın danışma merkezlerini** ve destek hatlarını anlatalım."
)


def email_of(index: int) -> str:
    first, last, _gender = PEOPLE[index]
    return f"{ascii_slug(first)}.{ascii_slug(last)}@{DOMAIN}"


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour)), timezone.get_default_timezone()
    )


def seed_network_year(*, coordinator: User) -> int:
    """The forty volunteers and the twelve monthly meetings that do not exist yet; returns how
    many meetings this run created."""
    volunteers = _seed_volunteers()
    created = 0
    today = timezone.localdate()
    for place, spec in enumerate(MEETINGS, start=1):
        if Activity.objects.filter(title_tr=spec.title_tr).exists():
            continue
        month = spec.month or place
        second = bool(spec.month)  # the smaller meeting of the month: other people, later
        day = today - datetime.timedelta(days=30 * month - 3 - (7 if second else 0))
        first = month * 5 + (20 if second else 0)
        attendees = [
            volunteers[(first + offset) % len(volunteers)] for offset in range(spec.people)
        ]
        _seed_meeting(spec, day=day, attendees=attendees, coordinator=coordinator)
        created += 1
    return created


def _seed_volunteers() -> list[Volunteer]:
    """The forty volunteers (accounts without a usable password: the demo logs in as the
    demo volunteer), in the order of PEOPLE."""
    emails = [email_of(index) for index in range(len(PEOPLE))]
    found = Volunteer.objects.filter(user__email__in=emails)
    existing = set(found.values_list("user__email", flat=True))
    missing = [index for index, email in enumerate(emails) if email not in existing]
    if missing:
        _create_volunteers(missing)
    by_email = {
        volunteer.user.email: volunteer
        for volunteer in Volunteer.objects.select_related("user").filter(user__email__in=emails)
    }
    return [by_email[email] for email in emails]


def _create_volunteers(indexes: list[int]) -> None:
    now = timezone.now()
    today = timezone.localdate()
    get_user_model().objects.bulk_create(
        get_user_model()(
            email=email_of(index),
            first_name=PEOPLE[index][0],
            last_name=PEOPLE[index][1],
            password=UNUSABLE_PASSWORD,
            date_joined=now - datetime.timedelta(days=365 - index * 9),
        )
        for index in indexes
    )
    users = list(get_user_model().objects.filter(email__in=[email_of(index) for index in indexes]))
    user_of = {user.email: user for user in users}
    group = Group.objects.get(name=Role.VOLUNTEER)
    group.user_set.add(*users)
    districts = {d.slug: d for d in District.objects.filter(slug__in=DISTRICTS)}
    Volunteer.objects.bulk_create(
        Volunteer(
            user=user_of[email_of(index)],
            first_name=first,
            last_name=last,
            phone=f"+90533{index:07d}",
            birth_date=today - datetime.timedelta(days=365 * AGES[index % len(AGES)] + 100),
            district=districts[DISTRICTS[index % len(DISTRICTS)]],
            availability=0b1111111,
            gender=gender,
            joined_at=now - datetime.timedelta(days=365 - index * 9),
            search_text=search_key(first, last, email_of(index)),
            name_key=name_key(first, last),
        )
        for index in indexes
        for first, last, gender in [PEOPLE[index]]
    )
    volunteers = list(Volunteer.objects.filter(user__in=users).select_related("user"))
    areas = {a.slug: a for a in VolunteerArea.objects.filter(slug__in=AREAS)}
    languages = {lang.code: lang for lang in Language.objects.all()}
    through = Volunteer.areas.through
    rows, spoken = [], []
    for volunteer in volunteers:
        index = PEOPLE.index((volunteer.first_name, volunteer.last_name, volunteer.gender))
        for slug in {AREAS[index % len(AREAS)], AREAS[(index + 2) % len(AREAS)]}:
            rows.append(through(volunteer_id=volunteer.pk, volunteerarea_id=areas[slug].pk))
        spoken.append(
            VolunteerLanguage(volunteer=volunteer, language=languages["tr"], level="native")
        )
        other = OTHER_LANGUAGES[index % len(OTHER_LANGUAGES)]
        if index % 2 and other in languages:
            spoken.append(
                VolunteerLanguage(volunteer=volunteer, language=languages[other], level="fluent")
            )
    through.objects.bulk_create(rows)
    VolunteerLanguage.objects.bulk_create(spoken)


def _seed_meeting(
    spec: Meeting, *, day: datetime.date, attendees: list[Volunteer], coordinator: User
) -> None:
    starts, ends = _moment(day, 10), _moment(day, 10 + SHIFT_HOURS)
    activity = planning.create_activity(
        by=coordinator,
        areas=VolunteerArea.objects.filter(slug=spec.area),
        plan_goals=PlanGoal.objects.filter(slug=spec.goal),
        kind=ActivityKind.objects.get(slug="meeting"),
        title_tr=spec.title_tr,
        title_en=spec.title_en,
        description_tr="Gönüllülerin mahallede düzenlediği aylık eşitlik buluşması.",
        description_en="The volunteers' monthly equality meeting in the neighbourhood.",
        district=District.objects.get(slug=spec.district),
        address="Mahalle parkı, İzmir",
        starts_at=starts,
        ends_at=ends,
        status=Activity.Status.COMPLETED,
    )
    shift = planning.create_shift(activity=activity, starts_at=starts, ends_at=ends, capacity=15)
    SignUp.objects.bulk_create(
        SignUp(
            shift=shift,
            volunteer=volunteer,
            status=SignUp.Status.CONFIRMED,
            created_at=starts - datetime.timedelta(days=7),
            reminder_sent_at=starts - datetime.timedelta(days=1),
            attendance=SignUp.Attendance.ATTENDED,
            checked_in_at=starts + datetime.timedelta(minutes=minute),
            checked_in_by=coordinator,
        )
        for minute, volunteer in enumerate(attendees)
    )
    signups = list(SignUp.objects.filter(shift=shift))
    area = VolunteerArea.objects.get(slug=spec.area)
    HoursEntry.objects.bulk_create(
        HoursEntry(
            volunteer_id=signup.volunteer_id,
            source=HoursEntry.Source.ATTENDANCE,
            signup=signup,
            activity=activity,
            area=area,
            date=day,
            hours=SHIFT_HOURS,
            status=HoursEntry.Status.APPROVED,
            reviewed_by=coordinator,
            reviewed_at=ends + datetime.timedelta(days=1),
        )
        for signup in signups
    )
    # Six neighbours registered a week before (with their consent) and came.
    registered = starts - datetime.timedelta(days=7)
    people = []
    for number, name in enumerate(PUBLIC):
        email = f"komsu.{activity.pk}.{number}@{DOMAIN}"
        people.append(
            Participant(
                activity=activity,
                name=name,
                email=email,
                status=Participant.Status.CONFIRMED,
                consent=record_consent(email=email, ip=DEMO_IP, at=registered),
                registered_at=registered,
                attendance=Participant.Attendance.ATTENDED,
                attendance_recorded_at=ends,
                attendance_recorded_by=coordinator,
            )
        )
    Participant.objects.bulk_create(people)
    if spec.idea:
        _seed_idea(spec, activity=activity, author=attendees[0].user, coordinator=coordinator)


def _seed_idea(spec: Meeting, *, activity: Activity, author: User, coordinator: User) -> None:
    """The idea the meeting came from, through community's services; only the link to the
    meeting that already happened is written directly (no service makes a past activity)."""
    if Idea.objects.filter(title=spec.idea).exists():
        return
    idea = community.post_idea(
        author=author,
        title=spec.idea,
        body=IDEA_BODY,
        area=VolunteerArea.objects.get(slug=spec.area),
        district=District.objects.get(slug=spec.district),
        plan_goals=PlanGoal.objects.filter(slug=spec.goal),
    )
    for status in (Idea.Status.UNDER_REVIEW, Idea.Status.ACCEPTED):
        idea.refresh_from_db()
        community.change_status(idea=idea, by=coordinator, to=status)
    Idea.objects.filter(pk=idea.pk).update(activity=activity)
    for status in (Idea.Status.IN_PROGRESS, Idea.Status.DONE):
        idea.refresh_from_db()
        community.change_status(idea=idea, by=coordinator, to=status)
