"""Cover images: PNG, JPEG or WebP only, a size limit, re-encoded, metadata stripped,
decompression bombs refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from esit.announcements import images


def picture(image_format="JPEG", size=(64, 48), exif=None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 40, 90))
    if exif is not None:
        image.save(out, image_format, exif=exif)
    else:
        image.save(out, image_format)
    return out.getvalue()


def upload(data: bytes, name="kapak.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def exif_with_location() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Kamera Üreticisi"  # Make
    exif[0x8825] = {1: "N", 2: (38.0, 25.0, 0.0), 3: "E", 4: (27.0, 8.0, 0.0)}  # GPS: İzmir
    return exif


@pytest.mark.parametrize(
    ("image_format", "extension"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")]
)
def test_the_three_formats_are_accepted_and_re_encoded(image_format, extension):
    cleaned = images.clean_cover(upload(picture(image_format)))
    assert cleaned.name == f"cover.{extension}"
    with Image.open(io.BytesIO(cleaned.read())) as image:
        assert image.format == image_format
        assert image.size == (64, 48)


def test_location_and_camera_metadata_are_stripped():
    original = picture("JPEG", exif=exif_with_location())
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif()  # the upload carried it
    cleaned = images.clean_cover(upload(original)).read()
    with Image.open(io.BytesIO(cleaned)) as image:
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_gif_is_refused_whatever_its_name_says():
    with pytest.raises(images.CoverError, match="PNG, JPEG ya da WebP"):
        images.clean_cover(upload(picture("GIF"), name="kapak.png"))


def test_a_file_that_is_not_an_image_is_refused():
    with pytest.raises(images.CoverError, match="görsel değil"):
        images.clean_cover(upload(b"%PDF-1.7 not an image", name="kapak.jpg"))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.ANNOUNCEMENT_COVER_MAX_BYTES = 1024 * 1024
    with pytest.raises(images.CoverError, match="en fazla 1 MB"):
        images.clean_cover(upload(b"\xff" * (1024 * 1024 + 1)))


def test_a_decompression_bomb_is_refused_before_decoding(settings):
    settings.ANNOUNCEMENT_COVER_MAX_PIXELS = 10_000
    with pytest.raises(images.CoverError, match="çözünürlüğü çok büyük"):
        images.clean_cover(upload(picture("PNG", size=(200, 200))))


def test_pillows_own_bomb_guard_is_a_refusal_too(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # a PNG of 40 000 pixels is > 2×
    with pytest.raises(images.CoverError, match="çözünürlüğü çok büyük"):
        images.clean_cover(upload(picture("PNG", size=(200, 200))))


def test_png_text_and_colour_profile_are_not_kept():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Ayşe Yılmaz, Bornova")
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (1, 2, 3)).save(out, "PNG", pnginfo=text, icc_profile=b"x" * 200)
    cleaned = images.clean_cover(upload(out.getvalue(), name="kapak.png")).read()
    with Image.open(io.BytesIO(cleaned)) as image:
        assert "Author" not in image.info
        assert "icc_profile" not in image.info
