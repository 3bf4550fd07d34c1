"""The bench's network and news: ideas with their supports, comments and status history, the
nicknames some authors chose, and the programme's announcements.

An idea's supporters and comments come from a random generator seeded by the idea, so each
table is written in one pass over the same choices, and the counts stored on the idea
(`support_count`, `comment_count`) are the rows written for it, as the services keep them.
"""

import datetime
import random

from esit.announcements.models import Announcement
from esit.community import nicknames
from esit.community.models import Comment, Idea, Member, StatusChange, Support
from esit.core.turkish import search_key
from esit.volunteers.models import Volunteer

from .names import IDEA_TOPICS

SUPPORTS_MEAN = 10  # supports per idea, exponentially spread: most few, some hundreds
SUPPORTS_MAX = 400
COMMENTS_MEAN = 4
REPLY_SHARE = 0.3  # of the comments after an idea's first, replies to an earlier one
HIDDEN_SHARE = 0.01  # ideas and comments hidden by moderators
NICKNAME_SHARE = 0.05  # of the active volunteers
DAYS = 900  # ideas are spread over the network's last 900 days
DECIDED_AFTER = datetime.timedelta(days=1)  # between two moves of an idea's status
STATUS_SHARES = [
    (Idea.Status.NEW, 50),
    (Idea.Status.UNDER_REVIEW, 20),
    (Idea.Status.ACCEPTED, 8),
    (Idea.Status.IN_PROGRESS, 7),
    (Idea.Status.DONE, 8),
    (Idea.Status.DECLINED, 7),
]
# The moves that lead from "new" to each status, as services.NEXT_STATUSES allows them.
PATHS = {
    Idea.Status.NEW: (),
    Idea.Status.UNDER_REVIEW: (Idea.Status.UNDER_REVIEW,),
    Idea.Status.ACCEPTED: (Idea.Status.ACCEPTED,),
    Idea.Status.IN_PROGRESS: (Idea.Status.ACCEPTED, Idea.Status.IN_PROGRESS),
    Idea.Status.DONE: (Idea.Status.ACCEPTED, Idea.Status.IN_PROGRESS, Idea.Status.DONE),
    Idea.Status.DECLINED: (Idea.Status.DECLINED,),
}
IDEA_BODY = (
    "Mahallemizdeki kadınlarla konuştuk: çoğu, akşam saatlerinde güvenle ulaşabileceği bir "
    "buluşma yeri istiyor. Çocuk bakımı olan, işaret dili çevirisi sunan ve ücretsiz bir "
    "atölye dizisi öneriyoruz; gönüllüler duyuruyu, çeviriyi ve karşılamayı üstlenebilir. "
)
COMMENT_BODY = "Çok güzel bir öneri, ben de çeviride yardımcı olabilirim. İpek de katılır."
DECLINED_REASON = "Bu yıl ilçede benzer bir program yürütülüyor; oraya katılmanızı öneririz."
ANNOUNCEMENT_BODY = (
    "## Eşit İzmir'den haberler\n\n"
    "Gönüllülerimizle birlikte **Buca**, **Karşıyaka** ve **Ödemiş**'te yeni atölyeler "
    "açıyoruz. Başvurular ücretsizdir; çocuk bakımı ve işaret dili çevirisi sağlanır.\n\n"
    "- Tarih ve saatler etkinlik sayfasında\n- Erişilebilir salonlar\n"
) * 3
VOLUNTEERS_ANNOUNCEMENT_SHARE = 0.3
PINNED = 2


def seed_community(writer, sizes, ref, *, seed: int, staff, first_volunteer: int, active: int):
    rng = random.Random(f"{seed}-ideas")
    first_user = Volunteer.objects.values_list("user_id", flat=True).get(pk=first_volunteer)
    # Authors, supporters and commenters are the volunteers who have not left.
    users = range(first_user, first_user + active)
    first_idea = writer.first_id(Idea)
    first_comment = writer.first_id(Comment)
    statuses = [status for status, _share in STATUS_SHARES]
    weights = [share for _status, share in STATUS_SHARES]
    start = writer.now - datetime.timedelta(days=DAYS)

    ideas = []
    for index in range(sizes.ideas):
        created = start + datetime.timedelta(seconds=index * DAYS * 86400 // sizes.ideas)
        # Anyone but the author may support it.
        supports = min(len(users) - 1, SUPPORTS_MAX, int(rng.expovariate(1 / SUPPORTS_MEAN)))
        comments = int(rng.expovariate(1 / COMMENTS_MEAN))
        ideas.append(
            (
                created,
                rng.choice(users),
                supports,
                comments,
                rng.choices(statuses, weights)[0],
                rng.random() < HIDDEN_SHARE,
            )
        )

    # Every moment of an idea's life is after it was written and never after the run.
    def at(created, after: datetime.timedelta) -> datetime.datetime:
        return min(writer.now, created + after)

    def comment_time(created, number):
        return at(created, datetime.timedelta(hours=5 * (number + 1)))

    def support_time(created, number):
        return at(created, datetime.timedelta(minutes=number + 1))

    def move_time(created, number):
        return at(created, DECIDED_AFTER * (number + 1))

    def last_activity(created, supports, comments, status):
        """As the services keep it: the latest comment, support or move of its status."""
        moments = [created]
        if comments:
            moments.append(comment_time(created, comments - 1))
        if supports:
            moments.append(support_time(created, supports - 1))
        if PATHS[status]:
            moments.append(move_time(created, len(PATHS[status]) - 1))
        return max(moments)

    def idea_rows():
        for index, (created, author, supports, comments, status, hidden) in enumerate(ideas):
            title = f"{rng.choice(IDEA_TOPICS)} #{index + 1}"
            last = last_activity(created, supports, comments, status)
            yield (
                first_idea + index,
                author,
                title,
                IDEA_BODY,
                rng.choice(ref.areas),
                rng.choice(ref.districts) if rng.random() < 0.8 else None,
                status,
                DECLINED_REASON if status == Idea.Status.DECLINED else "",
                supports,
                comments,
                last,
                search_key(title, IDEA_BODY),
                created,
                max(created, writer.now - datetime.timedelta(days=1)) if hidden else None,
                Idea.HiddenBecause.MODERATOR if hidden else "",
            )

    writer.write(
        Idea,
        (
            "id",
            "author_id",
            "title",
            "body",
            "area_id",
            "district_id",
            "status",
            "status_reason",
            "support_count",
            "comment_count",
            "last_activity_at",
            "search_text",
            "created_at",
            "hidden_at",
            "hidden_because",
        ),
        idea_rows(),
        total=len(ideas),
        label="ideas",
    )

    def support_rows():
        for index, (created, author, supports, _comments, _status, _hidden) in enumerate(ideas):
            chooser = random.Random(f"{seed}-supports-{index}")
            # Nobody supports her own idea (services.support refuses it).
            others = [a for a in chooser.sample(users, supports + 1) if a != author]
            for number, account in enumerate(others[:supports]):
                yield (first_idea + index, account, support_time(created, number))

    writer.write(
        Support,
        ("idea_id", "account_id", "created_at"),
        support_rows(),
        total=sum(idea[2] for idea in ideas),
        label="ideas' supports",
    )

    def comment_rows():
        next_id = first_comment
        for index, (created, _author, _supports, comments, _status, _hidden) in enumerate(ideas):
            chooser = random.Random(f"{seed}-comments-{index}")
            top_level = []
            for number in range(comments):
                parent = None
                if top_level and chooser.random() < REPLY_SHARE:
                    parent = chooser.choice(top_level)
                else:
                    top_level.append(next_id)
                hidden = chooser.random() < HIDDEN_SHARE
                written = comment_time(created, number)
                yield (
                    next_id,
                    first_idea + index,
                    chooser.choice(users),
                    parent,
                    COMMENT_BODY,
                    written,
                    max(written, writer.now - datetime.timedelta(hours=2)) if hidden else None,
                    Comment.HiddenBecause.REPORTS if hidden else "",
                )
                next_id += 1

    writer.write(
        Comment,
        (
            "id",
            "idea_id",
            "author_id",
            "parent_id",
            "body",
            "created_at",
            "hidden_at",
            "hidden_because",
        ),
        comment_rows(),
        total=sum(idea[3] for idea in ideas),
        label="ideas' comments",
    )

    def moves():
        for index, (created, _a, _s, _c, status, _h) in enumerate(ideas):
            before = Idea.Status.NEW
            for number, after in enumerate(PATHS[status]):
                reason = DECLINED_REASON if after == Idea.Status.DECLINED else ""
                yield (
                    first_idea + index,
                    before,
                    after,
                    reason,
                    staff.pk,
                    move_time(created, number),
                )
                before = after

    writer.write(
        StatusChange,
        ("idea_id", "from_status", "to_status", "reason", "changed_by_id", "changed_at"),
        moves(),
        total=sum(len(PATHS[idea[4]]) for idea in ideas),
        label="ideas' status changes",
    )

    named = random.Random(f"{seed}-nicknames").sample(users, int(len(users) * NICKNAME_SHARE))
    chosen = (f"Dayanışmacı Gönül {number + 1}" for number in range(len(named)))
    writer.write(
        Member,
        ("account_id", "nickname", "nickname_key"),
        (
            (account, name, nicknames.fold(name))
            for account, name in zip(named, chosen, strict=True)
        ),
        total=len(named),
        label="nicknames",
    )
    _announcements(writer, sizes, rng, staff=staff)


def _announcements(writer, sizes, rng, *, staff):
    """One announcement every day or so, newest last; most for the public, some for every
    volunteer (their deliveries already queued, so no sweep sends them), two pinned."""
    count = sizes.announcements
    audiences = {True: Announcement.Audience.VOLUNTEERS, False: Announcement.Audience.PUBLIC}
    start = writer.now - datetime.timedelta(days=DAYS)

    def rows():
        for index in range(count):
            published = start + datetime.timedelta(seconds=index * DAYS * 86400 // count)
            title = f"{rng.choice(IDEA_TOPICS)}: duyuru #{index + 1}"
            english = f"Announcement #{index + 1}"
            for_volunteers = rng.random() < VOLUNTEERS_ANNOUNCEMENT_SHARE
            yield (
                title,
                english,
                ANNOUNCEMENT_BODY,
                audiences[for_volunteers],
                Announcement.Status.PUBLISHED,
                published,
                published,
                index >= count - PINNED,
                published if for_volunteers else None,
                search_key(title, english),
                staff.pk,
                published,
                "",  # no cover image
            )

    writer.write(
        Announcement,
        (
            "title_tr",
            "title_en",
            "body_tr",
            "audience",
            "status",
            "publish_at",
            "published_at",
            "pinned",
            "deliveries_queued_at",
            "search_text",
            "created_by_id",
            "created_at",
            "cover",
        ),
        rows(),
        total=count,
        label="announcements",
    )
