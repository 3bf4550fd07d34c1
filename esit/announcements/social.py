"""The social-media kit and link previews, for announcements and activities.

Posts: text sized for Instagram (2,200 characters) and X (280), in Turkish and, when the
record has it, English, ending with the programme's accounts and hashtags (settings).
Cards: a 1080×1080 post and a 1080×1920 story, drawn with Pillow in DejaVu Sans (shipped
in `fonts/`, Bitstream Vera licence beside it, which covers every Turkish letter). The
title wraps at spaces only, never inside a word, and its size shrinks until every line
fits the text box, which lies inside the card's margins: the text never leaves the card.
A card is rendered by a task and stored under a name made from its content, so it is
drawn again only when something on it changes.
"""

import datetime
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import formats, timezone, translation
from PIL import Image, ImageColor, ImageDraw, ImageFont

from esit.activities.models import Activity
from esit.core import markdown as rendering
from esit.core.open_graph import OpenGraph

from .models import Announcement

INSTAGRAM_LIMIT = 2200
X_LIMIT = 280
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
FORMATS = {"square": (1080, 1080), "story": (1080, 1920)}
MARGIN = 80
CARD_VERSION = "1"  # change when the drawing changes, so stored cards are drawn again


# What a kit is about ------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """An announcement or an activity, as the kit and the previews need it, in one language."""

    kind: str  # "announcement" | "activity"
    pk: int
    title: str
    text: str
    when: datetime.datetime | None
    place: str
    path: str
    image_path: str = ""
    image_alt: str = ""

    @property
    def url(self) -> str:
        return settings.SITE_URL + self.path


def of_announcement(announcement: Announcement) -> Subject:
    activity = announcement.activity
    return Subject(
        kind="announcement",
        pk=announcement.pk,
        title=announcement.title,
        text=rendering.plain_text(announcement.body),
        when=announcement.published_at or announcement.publish_at,
        place=activity.district.name if activity is not None else "İzmir",
        path=reverse("announcements:detail", args=[announcement.pk]),
        image_path=reverse("announcements:cover", args=[announcement.pk])
        if announcement.cover
        else "",
        image_alt=announcement.cover_alt,
    )


def of_activity(activity: Activity) -> Subject:
    return Subject(
        kind="activity",
        pk=activity.pk,
        title=activity.title,
        text=" ".join(activity.description.split()),
        when=activity.starts_at,
        place=activity.district.name,
        path=reverse("activities:detail", args=[activity.pk]),
    )


def languages_of(record) -> list[str]:
    return ["tr", "en"] if record.title_en else ["tr"]


def subject_in(record, language: str) -> Subject:
    with translation.override(language):
        if isinstance(record, Announcement):
            return of_announcement(record)
        return of_activity(record)


# Link previews -----------------------------------------------------------------


def open_graph_of(context) -> OpenGraph | None:
    """Registered with core.open_graph: the preview of an announcement or activity page."""
    record = context.get("announcement") or context.get("activity")
    if isinstance(record, Announcement) and record.audience == Announcement.Audience.PUBLIC:
        subject = of_announcement(record)
    elif isinstance(record, Activity) and record.status != Activity.Status.DRAFT:
        subject = of_activity(record)
    else:
        return None
    image = subject.image_path or reverse(
        "announcements:card", args=[subject.kind, subject.pk, translation.get_language(), "square"]
    )
    return OpenGraph(
        title=subject.title,
        description=shorten(subject.text, 200),
        url=subject.url,
        image=settings.SITE_URL + image,
        image_alt=subject.image_alt or subject.title,
    )


# Posts ---------------------------------------------------------------------------


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space (never inside a word), with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


def _date_line(subject: Subject) -> str:
    if subject.when is None:
        return subject.place
    day = formats.date_format(timezone.localtime(subject.when), "j F Y")
    return f"{day} · {subject.place}"


def _signature() -> str:
    accounts = " ".join(f"@{account['handle']}" for account in settings.SOCIAL_ACCOUNTS)
    return " ".join(part for part in (accounts, " ".join(settings.SOCIAL_HASHTAGS)) if part)


@dataclass(frozen=True)
class Post:
    language: str
    instagram: str
    x: str


def post_of(subject: Subject, language: str) -> Post:
    signature = _signature()
    head = f"{subject.title}\n\n"
    tail = f"\n\n{_date_line(subject)}\n{subject.url}\n\n{signature}"
    room = INSTAGRAM_LIMIT - len(head) - len(tail)
    instagram = head + shorten(subject.text, max(room, 0)) + tail
    x_tail = f"\n{subject.url}\n{signature}"
    x = shorten(subject.title, X_LIMIT - len(x_tail)) + x_tail
    if len(x) > X_LIMIT:  # very long settings: the link matters more than the hashtags
        x = shorten(subject.title, X_LIMIT - len(subject.url) - 1) + "\n" + subject.url
    return Post(language=language, instagram=instagram[:INSTAGRAM_LIMIT], x=x[:X_LIMIT])


def posts_of(record) -> list[Post]:
    return [post_of(subject_in(record, language), language) for language in languages_of(record)]


# Cards -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardLayout:
    size: tuple[int, int]
    text_box: tuple[int, int, int, int]  # where the title may go (x0, y0, x1, y1)
    title_bounds: tuple[int, int, int, int]  # where its ink is
    lines: list[str]
    font_size: int


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _wrap(draw: ImageDraw.ImageDraw, words: list[str], font, width: int) -> list[str] | None:
    """Lines of whole words within `width`; None when a single word is wider."""
    lines: list[str] = []
    line = ""
    for word in words:
        if draw.textlength(word, font=font) > width:
            return None
        candidate = f"{line} {word}" if line else word
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def fit_title(draw, title: str, box: tuple[int, int, int, int], *, largest: int = 96):
    """The largest size (down to 8 px) at which the title, wrapped at spaces, fits the box."""
    words = title.split() or [""]
    width, height = box[2] - box[0], box[3] - box[1]
    for size in range(largest, 7, -2):
        font = _font(BOLD, size)
        lines = _wrap(draw, words, font, width)
        if lines is None:
            continue
        line_height = round(size * 1.25)
        if line_height * len(lines) <= height:
            return font, lines, line_height
    font = _font(BOLD, 8)
    return font, _wrap(draw, words, font, width) or words, 10


def draw_card(subject: Subject, card_format: str) -> tuple[bytes, CardLayout]:
    width, height = FORMATS[card_format]
    background, ink, accent = (ImageColor.getrgb(c) for c in settings.SOCIAL_CARD_COLOURS[:3])
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 24), fill=accent)
    logo = _font(BOLD, 44)
    draw.text((MARGIN, MARGIN), settings.SOCIAL_CARD_LOGO_TEXT, font=logo, fill=accent)
    details = _font(REGULAR, 40)
    details_line = _date_line(subject)
    details_lines = _wrap(draw, details_line.split(), details, width - 2 * MARGIN) or [details_line]
    details_height = 52 * len(details_lines)
    text_box = (MARGIN, MARGIN + 120, width - MARGIN, height - MARGIN - details_height - 60)
    font, lines, line_height = fit_title(draw, subject.title, text_box)
    y = text_box[1]
    ink_box = [float(width), float(height), 0.0, 0.0]
    for line in lines:
        draw.text((text_box[0], y), line, font=font, fill=ink)
        left, top, right, bottom = draw.textbbox((text_box[0], y), line, font=font)
        ink_box = [
            min(ink_box[0], left),
            min(ink_box[1], top),
            max(ink_box[2], right),
            max(ink_box[3], bottom),
        ]
        y += line_height
    y = height - MARGIN - details_height
    for line in details_lines:
        draw.text((MARGIN, y), line, font=details, fill=ink)
        y += 52
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    layout = CardLayout(
        size=(width, height),
        text_box=text_box,
        title_bounds=(
            round(ink_box[0]),
            round(ink_box[1]),
            round(ink_box[2]),
            round(ink_box[3]),
        ),
        lines=lines,
        font_size=font.size,
    )
    return out.getvalue(), layout


def card_name(subject: Subject, card_format: str, language: str) -> str:
    """A stored card's name, from everything drawn on it: new content, new name."""
    drawn = "|".join(
        [
            CARD_VERSION,
            subject.title,
            _date_line(subject),
            ",".join(settings.SOCIAL_CARD_COLOURS),
            settings.SOCIAL_CARD_LOGO_TEXT,
        ]
    )
    digest = hashlib.sha256(drawn.encode()).hexdigest()[:16]
    return f"announcements/cards/{subject.kind}-{subject.pk}-{language}-{card_format}-{digest}.png"


def stored_card(subject: Subject, card_format: str, language: str) -> str:
    """The stored card's name, drawing and storing it first when its content changed."""
    name = card_name(subject, card_format, language)
    if not default_storage.exists(name):
        png, _layout = draw_card(subject, card_format)
        default_storage.save(name, ContentFile(png))
    return name


def record_of(kind: str, pk: int):
    """The announcement or activity a kit is about, or None."""
    if kind == "announcement":
        return Announcement.objects.select_related("activity__district").filter(pk=pk).first()
    if kind == "activity":
        return Activity.objects.select_related("district").filter(pk=pk).first()
    return None


def render_all(kind: str, pk: int) -> list[str]:
    record = record_of(kind, pk)
    if record is None:
        return []
    return [
        stored_card(subject_in(record, language), card_format, language)
        for language in languages_of(record)
        for card_format in FORMATS
    ]
