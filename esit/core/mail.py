"""E-mail in the recipient's language, rendered from templates beside each app.

Every message has `<prefix>_subject.txt` and `<prefix>.txt` (plain text, so it
reads well in any client and cannot carry injected markup).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(*, template_prefix: str, to: str, language: str, context: dict) -> None:
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"SITE_URL": settings.SITE_URL, **context}
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    EmailMessage(subject=subject, body=body, to=[to]).send()
