"""In development e-mails are printed in the terminal, readable and with links whole (README)."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.mail import EmailMultiAlternatives

ROOT = Path(__file__).resolve().parents[2]
LINK = "http://127.0.0.1:8000/apply/status/" + "a1b2c3d4e5" * 11 + "f6g7h"
SUBJECT = "Eşit İzmir · Başvurunuzu aldık, teşekkür ederiz: ğüşıöç İĞÜŞÖÇ"
BODY = (
    "Merhaba Ayşe Çağlayan,\n\n"
    "Başvurunuz için teşekkür ederiz. Başvurunuzun durumunu bu bağlantıdan izleyebilirsiniz:\n"
    f"{LINK}\n\n" + "Eşit İzmir gönüllü ağı, İzmir Büyükşehir Belediyesi. " * 12
)
SEND = f"""
from django.core.mail import EmailMessage
EmailMessage(subject={SUBJECT!r}, body={BODY!r}, to=["ayse@example.org"]).send()
"""


def test_development_prints_a_long_turkish_email_with_its_link_whole():
    assert len(LINK) == 150
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ENV", "EMAIL_BACKEND", "DEBUG"}
    }
    environment["DJANGO_SETTINGS_MODULE"] = "esit.settings"

    result = subprocess.run(  # noqa: S603 - our own manage.py with a fixed script
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SEND],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert LINK in lines
    assert f"Subject: {SUBJECT}" in lines
    assert "To: ayse@example.org" in lines
    assert "From: Eşit İzmir <gonullu@esitizmir.example>" in lines
    assert "Merhaba Ayşe Çağlayan," in lines


def test_the_console_shows_the_text_part_and_only_names_the_html_part(settings, capsys):
    settings.MAILERS = {"default": {"BACKEND": "esit.core.mail_console.EmailBackend"}}
    message = EmailMultiAlternatives(subject=SUBJECT, body=BODY, to=["ayse@example.org"])
    message.attach_alternative(f'<p><a href="{LINK}">Durum</a></p>', "text/html")

    message.send()

    printed = capsys.readouterr().out
    assert LINK in printed.splitlines()
    assert "<a href" not in printed
    assert "Also in this message: text/html" in printed
