"""The production smoke test's journey over HTTP (scripts/smoke starts the stack and calls this).

A person applies; the worker e-mails the confirmation; a coordinator signs in with a password
and a TOTP code and approves; the approved volunteer sets a password from the e-mailed link
and signs in. Each step prints one line and the first failure stops the run (exit 1).

The stack runs with DJANGO_ENV=production behind no proxy: this client stands in for the TLS
proxy (X-Forwarded-Proto: https, TRUSTED_PROXY_COUNT=1) and sends the cookies production
marks Secure over loopback's plain HTTP itself.
"""

import argparse
import base64
import email
import hashlib
import hmac
import re
import struct
import sys
import time
import uuid
from email import policy
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import requests

APPLICANT_PASSWORD = "gönüllü-olarak-yeni-parolam-2026"  # noqa: S105 (a throwaway test account)


class Failure(Exception):
    pass


def totp(secret: str, *, at: float | None = None) -> str:
    """RFC 6238's six digits every 30 seconds (what an authenticator app shows)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


class Browser:
    def __init__(self, base: str, *, address: str = "127.0.0.1"):
        self.base = base.rstrip("/")
        self.address = address  # the client address the proxy would report
        self.https_origin = "https://" + urlsplit(self.base).netloc
        self.session = requests.Session()

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Referer": self.https_origin + path,
            "Accept-Language": "tr",
        }
        for cookie in self.session.cookies:
            cookie.secure = False  # see the module's docstring
        response = self.session.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        return response

    def get(self, path: str, *, expect=200) -> requests.Response:
        response = self.request("GET", path)
        _expect(response, expect, f"GET {path}")
        return response

    def post(self, path: str, data: dict, *, expect=302) -> requests.Response:
        data = {**data, "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        response = self.request("POST", path, data=data)
        _expect(response, expect, f"POST {path}")
        return response


def _expect(response, expect, what):
    if expect is not None and response.status_code != expect:
        raise Failure(f"{what} answered {response.status_code}, not {expect}")


def _location(response) -> str:
    return urlsplit(response.headers["Location"]).path


def _values(html: str, name: str) -> list[str]:
    """The values of the inputs (or options of the select) called `name`."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, flags=re.S)
    options = re.findall(r'<option value="(\d+)"', select.group(0)) if select else []
    return [unescape(v) for v in inputs or options]


class Mailbox:
    """The file e-mail backend's output: one file per connection, messages between rules."""

    def __init__(self, path: Path):
        self.path = path

    def messages(self) -> list:
        found = []
        for file in sorted(self.path.glob("*.log")):
            for chunk in file.read_text(encoding="utf-8").split("-" * 79):
                if chunk.strip():
                    found.append(email.message_from_string(chunk.strip(), policy=policy.default))
        return found

    def wait_for(self, to: str, containing: str, *, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.messages():
                if to in str(message["To"]):
                    body = message.get_body(preferencelist=("plain",)).get_content()
                    if containing in body:
                        return body
            time.sleep(0.5)
        raise Failure(f"no e-mail to {to} containing {containing!r} within {timeout:.0f} s")


def application(form: str, applicant: str, *, phone: str = "0532 765 43 21") -> dict:
    """A complete, valid application for `applicant`, from the form page's HTML (each applicant
    needs a phone of their own: the form refuses one already applying)."""
    return {
        "first_name": "Gülşen",
        "last_name": "Işıkçı",
        "email": applicant,
        "phone": phone,
        "birth_date": "1991-04-23",
        "district": _values(form, "district")[0],
        "areas": _values(form, "areas")[:1],
        "language_tr": "native",
        "availability": ["sat_morning"],
        "motivation": "Eşitlik için gönüllü olmak istiyorum.",
        "heard_from": "friend",
        "consent": "on",
        "website": "",
        "submission_key": _values(form, "submission_key")[0],
    }


def apply(visitor: "Browser", applicant: str, *, phone=None, expect=302) -> requests.Response:
    """Open the application form and send it, as a person does."""
    form = visitor.get("/apply/").text
    details = {"phone": phone} if phone else {}
    return visitor.post("/apply/", application(form, applicant, **details), expect=expect)


def journey(base: str, mailbox: Mailbox, *, coordinator: str, password: str, secret: str):
    applicant = f"smoke.{uuid.uuid4().hex[:8]}@esitizmir.example"

    visitor = Browser(base)
    response = apply(visitor, applicant)
    if _location(response) != "/apply/thanks/":
        raise Failure(f"the application went to {_location(response)}, not the thank-you page")
    visitor.get("/apply/thanks/")
    print("  applied")
    mailbox.wait_for(applicant, "Gülşen")
    print("  the worker sent the confirmation")

    staff = Browser(base)
    staff.get("/accounts/login/")
    response = staff.post("/accounts/login/", {"login": coordinator, "password": password})
    if _location(response) != "/accounts/2fa/authenticate/":
        raise Failure(f"the coordinator's sign-in went to {_location(response)}")
    staff.get("/accounts/2fa/authenticate/")
    staff.post("/accounts/2fa/authenticate/", {"code": totp(secret)})
    queue = staff.get("/staff/applications/?q=I%C5%9F%C4%B1k%C3%A7%C4%B1").text  # "Işıkçı"
    found = re.findall(r'href="/staff/applications/(\d+)/"', queue)
    if not found:
        raise Failure("the application is not in the coordinator's queue")
    pk = found[0]
    staff.get(f"/staff/applications/{pk}/")
    staff.post(f"/staff/applications/{pk}/decide/", {"decision": "approve", "reason": ""})
    print("  a coordinator signed in with two factors and approved")

    body = mailbox.wait_for(applicant, "/accounts/password/reset/key/")
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", body)
    if link is None:
        raise Failure("the approval e-mail has no set-password link")
    volunteer = Browser(base)
    response = volunteer.get(urlsplit(link.group(0)).path, expect=302)
    set_password = _location(response)
    volunteer.get(set_password)
    volunteer.post(set_password, {"password1": APPLICANT_PASSWORD, "password2": APPLICANT_PASSWORD})
    print("  the volunteer set a password from the e-mailed link")

    volunteer = Browser(base)
    volunteer.get("/accounts/login/")
    volunteer.post("/accounts/login/", {"login": applicant, "password": APPLICANT_PASSWORD})
    me = volunteer.get("/me/").text
    if "Gülşen" not in me:
        raise Failure("/me/ does not greet the new volunteer")
    print("  the volunteer signed in and sees /me/")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--mail", required=True, type=Path)
    parser.add_argument("--coordinator", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--totp-secret", required=True)
    args = parser.parse_args()
    try:
        journey(
            args.base,
            Mailbox(args.mail),
            coordinator=args.coordinator,
            password=args.password,
            secret=args.totp_secret,
        )
    except (Failure, requests.RequestException) as error:
        print(f"smoke test failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
