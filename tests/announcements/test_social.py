"""The social-media kit: posts sized for Instagram and X, and PNG cards whose text never
leaves the card, with Turkish letters and titles wrapped at word boundaries."""

import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from PIL import Image

from esit.announcements import social
from esit.announcements.tasks import render_cards_task
from tests import factories

from .conftest import write, write_published

LONG_TURKISH_TITLE = (
    "Çiğli, Karşıyaka ve Bayraklı'da kadın dayanışması: Iğdır'dan İzmir'e göç eden "
    "kadınlarla şiddetsiz iletişim, eşit işe eşit ücret ve güvenli şehir üzerine bir "
    "atölye dizisi başlıyor; sizleri bekliyoruz"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def subject(title: str) -> social.Subject:
    return social.Subject(
        kind="announcement",
        pk=1,
        title=title,
        text="Metin",
        when=None,
        place="Karşıyaka",
        path="/announcements/1/",
    )


def test_the_long_title_is_200_turkish_characters():
    assert len(LONG_TURKISH_TITLE) == 200


@pytest.mark.parametrize(
    ("card_format", "size"), [("square", (1080, 1080)), ("story", (1080, 1920))]
)
def test_cards_have_their_size(card_format, size):
    png, layout = social.draw_card(subject("Eşitlik şenliği"), card_format)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == size
    assert layout.size == size


@pytest.mark.parametrize("card_format", ["square", "story"])
def test_a_200_character_turkish_title_stays_inside_the_card_in_whole_words(card_format):
    _png, layout = social.draw_card(subject(LONG_TURKISH_TITLE), card_format)
    width, height = layout.size
    x0, y0, x1, y1 = layout.title_bounds
    bx0, by0, bx1, by1 = layout.text_box
    assert 0 <= bx0 <= x0
    assert x1 <= bx1 <= width
    assert 0 <= by0 <= y0
    assert y1 <= by1 <= height
    assert " ".join(layout.lines) == LONG_TURKISH_TITLE  # nothing lost, nothing cut
    words = set(LONG_TURKISH_TITLE.split())
    assert all(word in words for line in layout.lines for word in line.split())
    assert len(layout.lines) > 1


def test_a_long_title_is_drawn_smaller_than_a_short_one():
    _png, short = social.draw_card(subject("Şenlik"), "square")
    _png, long = social.draw_card(subject(LONG_TURKISH_TITLE), "square")
    assert long.font_size < short.font_size


def test_there_is_ink_where_the_title_goes():
    png, layout = social.draw_card(subject("Işıl ile Ğ, Ü, Ş, İ, Ö, Ç"), "square")
    with Image.open(io.BytesIO(png)) as image:
        area = image.crop(layout.title_bounds).convert("RGB")
        background = image.getpixel((5, 500))
        colours = {colour for _count, colour in area.getcolors(maxcolors=1_000_000)}
    assert colours - {background}, "no text drawn where the title should be"


def test_turkish_letters_have_glyphs_in_the_shipped_font():
    font = social._font(social.BOLD, 40)
    missing = [letter for letter in "çÇğĞıİöÖşŞüÜ" if font.getmask(letter).getbbox() is None]
    assert missing == []
    assert (social.FONTS / "LICENSE-DejaVu.txt").exists()


def test_posts_fit_instagram_and_x_with_the_accounts_and_hashtags(coordinator, settings):
    settings.SOCIAL_HASHTAGS = ["#Eşitİzmir"]
    announcement = write_published(
        coordinator,
        title_tr=LONG_TURKISH_TITLE,
        body_tr="Uzun metin. " * 400,
        title_en="In English",
    )
    tr, en = social.posts_of(announcement)
    assert tr.language == "tr"
    assert en.language == "en"
    assert len(tr.instagram) <= social.INSTAGRAM_LIMIT
    assert len(tr.x) <= social.X_LIMIT
    assert "@izbbkadin" in tr.instagram
    assert "#Eşitİzmir" in tr.x
    assert f"/announcements/{announcement.pk}/" in tr.x
    assert "In English" in en.instagram


def test_a_turkish_only_announcement_gets_a_turkish_post_only(coordinator):
    assert [post.language for post in social.posts_of(write(coordinator))] == ["tr"]


def test_shortening_never_cuts_a_word():
    text = social.shorten("Kadın dayanışması şehrin her yerinde", 20)
    assert text == "Kadın dayanışması…"


def test_a_card_is_drawn_once_and_again_only_when_its_content_changes(coordinator, monkeypatch):
    announcement = write_published(coordinator, title_tr="İlk başlık")
    drawn = []
    real = social.draw_card
    monkeypatch.setattr(social, "draw_card", lambda *a: drawn.append(1) or real(*a))
    render_cards_task.enqueue("announcement", announcement.pk)
    assert len(drawn) == 2  # square and story, Turkish
    render_cards_task.enqueue("announcement", announcement.pk)
    assert len(drawn) == 2  # cached
    announcement.title_tr = "Yeni başlık"
    announcement.save(update_fields=["title_tr"])
    names = social.render_all("announcement", announcement.pk)
    assert len(drawn) == 4
    assert all(default_storage.exists(name) for name in names)


def test_the_kit_page_offers_posts_and_cards(coordinator_client, coordinator):
    announcement = write(coordinator, title_tr="Kit duyurusu")
    page = coordinator_client.get(reverse("announcements:kit", args=[announcement.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Kit duyurusu" in body
    assert (
        reverse("announcements:card", args=["announcement", announcement.pk, "tr", "story"]) in body
    )


def test_a_draft_card_is_for_staff_only(coordinator_client, coordinator):
    announcement = write(coordinator)
    url = reverse("announcements:card", args=["announcement", announcement.pk, "tr", "square"])
    assert Client().get(url).status_code == 404
    response = coordinator_client.get(url + "?download=1")
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]


def test_an_activity_kit_for_staff_and_its_card_for_everyone(client, coordinator_client):
    activity = factories.ActivityFactory(title_tr="Atölye: eşit ücret")
    assert (
        coordinator_client.get(
            reverse("announcements:activity_kit", args=[activity.pk])
        ).status_code
        == 200
    )
    card = client.get(reverse("announcements:card", args=["activity", activity.pk, "tr", "square"]))
    assert card.status_code == 200
    with Image.open(io.BytesIO(b"".join(card.streaming_content))) as image:
        assert image.size == (1080, 1080)


def test_the_activity_kits_page_lists_activities_of_the_scope(client, translation_coordinator):
    factories.ActivityFactory(title_tr="Çeviri atölyesi", areas=[factories.area("translation")])
    factories.ActivityFactory(title_tr="Kampanya günü", areas=[factories.area("campaigns")])
    client.force_login(translation_coordinator)
    page = client.get(reverse("announcements:activity_kits")).content.decode()
    assert "Çeviri atölyesi" in page
    assert "Kampanya günü" not in page
