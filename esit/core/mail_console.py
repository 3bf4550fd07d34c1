"""The development e-mail backend: each message printed as a person would read it.

Django's console backend prints the raw MIME message. A Turkish text is not
ASCII, so Django encodes a long body as quoted-printable or base64: links come
out split with `=` at the end of lines, or not readable at all, and cannot be
followed from the terminal. This backend prints the headers a developer needs
and the decoded plain-text part instead, so a status link or an invitation can
be copied whole. The HTML part (allauth can send one) and attachments are only
named.
"""

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

RULE = "-" * 79


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        mime = message.message()
        lines = [f"{header}: {mime[header]}" for header in ("From", "To", "Cc", "Subject")]
        lines = [line for line in lines if not line.endswith(": None")]
        if message.reply_to:
            lines.append(f"Reply-To: {', '.join(message.reply_to)}")
        text = mime.get_body(preferencelist=("plain",))
        lines += ["", text.get_content().rstrip("\n") if text is not None else "(no text part)"]
        others = [
            part.get_filename() or part.get_content_type()
            for part in mime.walk()
            if not part.is_multipart() and part is not text
        ]
        if others:
            lines += ["", "Also in this message: " + ", ".join(others)]
        self.stream.write("\n".join(lines) + "\n" + RULE + "\n")
