"""Cover images: only PNG, JPEG or WebP, within a size limit, re-encoded without metadata.

What a person uploads is never stored as it came. Pillow opens it, refusing a
decompression bomb (more pixels than `ANNOUNCEMENT_COVER_MAX_PIXELS`, read from the
header before any pixel is decoded, behind Pillow's own `Image.MAX_IMAGE_PIXELS` guard),
checks it is one of the three formats whatever its name says, applies the camera's
orientation, and writes a new file from the pixels alone, so EXIF (location, camera,
owner), XMP, colour profiles and PNG text never reach the site.
"""

import io
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
TOO_MANY_PIXELS = _("Görselin çözünürlüğü çok büyük; lütfen küçültüp yeniden yükleyin.")


class CoverError(ValueError):
    """The upload cannot be a cover; the message is safe to show next to the field."""


def max_bytes() -> int:
    return settings.ANNOUNCEMENT_COVER_MAX_BYTES


def clean_cover(upload) -> ContentFile:
    """A new, metadata-free file from the upload; raises CoverError with the reason."""
    if upload.size > max_bytes():
        raise CoverError(
            _("Görsel en fazla %(mb)s MB olabilir.") % {"mb": max_bytes() // (1024 * 1024)}
        )
    data = upload.read()
    try:
        with warnings.catch_warnings():
            # Pillow's own guard (Image.MAX_IMAGE_PIXELS) only warns below twice its limit:
            # a warning is a refusal here too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:  # reads the header, not the pixels
                image_format = image.format
                if image_format not in ALLOWED_FORMATS:
                    raise CoverError(_("Yalnızca PNG, JPEG ya da WebP görsel yükleyebilirsiniz."))
                width, height = image.size
                if width * height > settings.ANNOUNCEMENT_COVER_MAX_PIXELS:
                    raise CoverError(TOO_MANY_PIXELS)
                image.load()
                pixels = ImageOps.exif_transpose(image)
    except CoverError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise CoverError(TOO_MANY_PIXELS) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise CoverError(_("Bu dosya bir görsel değil ya da bozuk.")) from None
    return ContentFile(_encode(pixels, image_format), name=f"cover.{ALLOWED_FORMATS[image_format]}")


def _pixels_only(image: Image.Image, mode: str) -> Image.Image:
    """A new image from the pixels alone: nothing of the upload's `info` (EXIF, XMP, ICC
    profile, PNG text) rides along, which Pillow would otherwise write back on save."""
    converted = image.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def _encode(image: Image.Image, image_format: str) -> bytes:
    out = io.BytesIO()
    if image_format == "JPEG":
        _pixels_only(image, "RGB").save(out, "JPEG", quality=88, optimize=True)
    elif image_format == "PNG":
        keep = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        _pixels_only(image, keep).save(out, "PNG", optimize=True)
    else:
        keep = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        _pixels_only(image, keep).save(out, "WEBP", quality=88)
    return out.getvalue()
