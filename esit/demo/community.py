"""Demo data for the network's ideas: an idea in every status, supports, discussions with
replies, one declined with its reason, one that became the completed workshop (so
/ideas/done/ shows it), through community's own services.

Only the link to the workshop that already happened is written directly: no service makes
an activity of the past. A second run finds the ideas by title and changes nothing.
"""

from dataclasses import dataclass, field

from esit.activities.models import Activity
from esit.community import services
from esit.community.models import Idea
from esit.demo.volunteers import demo_volunteers
from esit.reference.models import District, VolunteerArea


@dataclass(frozen=True)
class DemoIdea:
    author: str
    title: str
    body: str
    area: str
    district: str | None
    statuses: tuple[str, ...] = ()
    reason: str = ""
    supporters: tuple[str, ...] = ()
    discussion: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = field(default=())
    activity_title: str = ""  # a demo activity that already happened


IDEAS = [
    DemoIdea(
        author="elif",
        title="Mahallede kadın dayanışma kahvaltısı",
        body=(
            "Her ay bir mahallede **kahvaltıda** buluşalım: komşular tanışsın, "
            "destek hatlarını ve danışma merkezlerini anlatalım.\n\n"
            "- Belediyenin kadın danışma merkezleriyle birlikte\n- Çocuklar için oyun köşesi"
        ),
        area="workshops",
        district="bornova",
        supporters=("ipek", "gokce", "isil"),
        discussion=(
            (
                "ipek",
                "Çok güzel bir fikir. Bornova'da bir parkta yapabiliriz.",
                (("elif", "Evet, Aşık Veysel Parkı uygun olabilir."),),
            ),
            ("zozan", "Kürtçe bilen gönüllüler de olsun lütfen.", ()),
        ),
    ),
    DemoIdea(
        author="ipek",
        title="Otobüs duraklarında şiddete karşı destek hattı afişleri",
        body="Kadına yönelik şiddete karşı destek hattının numarası her durakta görünsün.",
        area="social-media",
        district=None,
        statuses=("under_review",),
        supporters=("elif", "mert"),
    ),
    DemoIdea(
        author="gokce",
        title="Kadın kooperatifleri için sosyal medya atölyesi",
        body="Kooperatiflerin ürünlerini tanıtmaları için kısa bir atölye dizisi.",
        area="workshops",
        district="karsiyaka",
        statuses=("accepted",),
        supporters=("elif", "ipek", "isil", "umran"),
        discussion=(("umran", "Fotoğraf çekmeyi de anlatalım.", ()),),
    ),
    DemoIdea(
        author="isil",
        title="Broşürlerin Arapça ve Kürtçe çevirisi",
        body="Danışma merkezlerinin broşürleri Arapça ve Kürtçe de basılsın.",
        area="translation",
        district="konak",
        statuses=("under_review", "accepted", "in_progress"),
        supporters=("nour", "zozan"),
    ),
    DemoIdea(
        author="elif",
        title="Gündelik hayatta eşitlik üzerine atölye",
        body="Ev içi emek ve bakım yükü üzerine katılımcı bir atölye yapalım.",
        area="workshops",
        district="karsiyaka",
        statuses=("under_review", "accepted"),
        supporters=("ipek", "gokce"),
        activity_title="Gündelik Hayatta Eşitlik Atölyesi",
    ),
    DemoIdea(
        author="mert",
        title="Her hafta gece yürüyüşü",
        body="Her hafta gece şehirde kalabalık bir yürüyüş düzenleyelim.",
        area="workshops",
        district="konak",
        statuses=("declined",),
        reason=(
            "Güvenlik planı olmadan haftalık gece etkinliği düzenleyemiyoruz; "
            "Mart ayındaki yürüyüşe katılmanızı öneririz."
        ),
        supporters=("umran",),
    ),
]


def seed_ideas(*, coordinator) -> int:
    """The demo ideas that do not exist yet; returns how many this run created."""
    volunteers = {key: volunteer.user for key, volunteer in demo_volunteers().items()}
    created = 0
    for spec in IDEAS:
        if Idea.objects.filter(title=spec.title).exists():
            continue
        _seed_idea(spec, people=volunteers, coordinator=coordinator)
        created += 1
    return created


def _seed_idea(spec: DemoIdea, *, people, coordinator) -> Idea:
    idea = services.post_idea(
        author=people[spec.author],
        title=spec.title,
        body=spec.body,
        area=VolunteerArea.objects.get(slug=spec.area),
        district=District.objects.get(slug=spec.district) if spec.district else None,
    )
    for key in spec.supporters:
        services.support(idea=idea, person=people[key])
    for author, text, replies in spec.discussion:
        comment = services.post_comment(idea=idea, author=people[author], body=text)
        for reply_author, reply_text in replies:
            services.post_comment(
                idea=idea, author=people[reply_author], body=reply_text, parent=comment
            )
    for status in spec.statuses:
        idea.refresh_from_db()
        services.change_status(
            idea=idea,
            by=coordinator,
            to=status,
            reason=spec.reason if status == Idea.Status.DECLINED else "",
        )
    activity = Activity.objects.filter(title_tr=spec.activity_title).first()
    if spec.activity_title and activity is not None:
        Idea.objects.filter(pk=idea.pk).update(activity=activity)
        idea.refresh_from_db()
        services.change_status(idea=idea, by=coordinator, to=Idea.Status.IN_PROGRESS)
        idea.refresh_from_db()
        services.change_status(idea=idea, by=coordinator, to=Idea.Status.DONE)
    return idea
