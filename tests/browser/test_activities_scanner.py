"""The check-in page reads the volunteer's QR code with a phone's camera, in a real Chromium whose
fake camera plays a video of that QR code, under the site's own strict CSP (docs/activities.md).

Chromium's fake capture device plays a Y4M file (YUV4MPEG2, 4:2:0), so the test draws the
volunteer's QR code with qrcode and Pillow and writes a few frames of it.
"""

import os
import re

import pytest
import qrcode
from django.test import Client
from PIL import Image
from playwright.sync_api import expect

from esit.activities.models import SignUp
from tests import factories
from tests.activities.signups.conftest import make_shift
from tests.browser.conftest import choose_language
from tests.conftest import CHROMIUM_ARGS

WIDTH, HEIGHT = 640, 480


def write_qr_video(text: str, path, *, frames: int = 10) -> None:
    """`text` as a QR code, black on white in the middle of a 640×480 Y4M video."""
    code = qrcode.make(text, border=4, box_size=10).convert("L")
    side = min(WIDTH, HEIGHT) - 40
    code = code.resize((side, side), Image.NEAREST)
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(code, ((WIDTH - side) // 2, (HEIGHT - side) // 2))
    y, cb, cr = frame.convert("YCbCr").split()
    planes = y.tobytes() + cb.resize((WIDTH // 2, HEIGHT // 2)).tobytes()
    planes += cr.resize((WIDTH // 2, HEIGHT // 2)).tobytes()
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420\n".encode())
        for _ in range(frames):
            video.write(b"FRAME\n" + planes)


def sign_in_as(context, site, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )


@pytest.fixture
def confirmed(live_db):
    volunteer = factories.VolunteerFactory(
        user=factories.UserFactory(first_name="Gülşah", last_name="Işıkoğlu")
    )
    shift = make_shift(starts_in_hours=-0.5, length_hours=3)
    return factories.SignUpFactory(volunteer=volunteer, shift=shift)


@pytest.fixture
def camera_browser(browser_type, tmp_path, confirmed):
    """A Chromium of its own whose camera shows the confirmed volunteer's QR code."""
    video = tmp_path / "volunteer-qr.y4m"
    write_qr_video(confirmed.volunteer.checkin_code, video)
    browser = browser_type.launch(
        executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    yield browser
    browser.close()


def test_the_camera_reads_the_qr_code_and_checks_the_volunteer_in(camera_browser, site, confirmed):
    # The site's own CSP stays on: the scanner must work under script-src 'self'.
    context = camera_browser.new_context(locale="tr-TR")
    choose_language(context, site, "tr")
    sign_in_as(context, site, factories.StaffFactory(role="coordinator"))
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{site}/staff/shifts/{confirmed.shift_id}/check-in/")

    page.get_by_role("button", name="Kamerayla okut").click()

    expect(page.get_by_text("Gülşah Işıkoğlu geldi olarak işaretlendi.")).to_be_visible(
        timeout=30_000
    )
    confirmed.refresh_from_db()
    assert confirmed.attendance == SignUp.Attendance.ATTENDED
    assert refused == []
    # The next page opens the camera again for the next person in the queue, and does not
    # send the code still in front of it a second time.
    expect(page.locator("[data-scanner-status]")).to_have_text(
        "Gönüllünün QR kodunu kameraya gösterin.", timeout=15_000
    )
    expect(page.locator("[data-scanner]")).to_have_attribute(
        "data-reader", re.compile(r"^(barcode-detector|jsqr)$")
    )
    context.close()


def test_without_javascript_there_is_no_camera_button_and_typing_works(browser, site, confirmed):
    context = browser.new_context(java_script_enabled=False)
    choose_language(context, site, "tr")
    sign_in_as(context, site, factories.StaffFactory(role="coordinator"))
    page = context.new_page()
    page.goto(f"{site}/staff/shifts/{confirmed.shift_id}/check-in/")

    expect(page.get_by_role("button", name="Kamerayla okut")).to_be_hidden()
    page.locator("#id_code").fill(confirmed.volunteer.checkin_code)
    with page.expect_navigation():
        page.get_by_role("button", name="Geldi olarak işaretle").click()

    expect(page.get_by_text("Gülşah Işıkoğlu geldi olarak işaretlendi.")).to_be_visible()
    context.close()


def test_without_a_camera_api_there_is_no_camera_button(browser, site, confirmed):
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'mediaDevices', {get: () => undefined});"
    )
    choose_language(context, site, "tr")
    sign_in_as(context, site, factories.StaffFactory(role="coordinator"))
    page = context.new_page()
    page.goto(f"{site}/staff/shifts/{confirmed.shift_id}/check-in/")

    expect(page.locator("#id_code")).to_be_visible()
    expect(page.get_by_role("button", name="Kamerayla okut")).to_be_hidden()
    context.close()


def test_with_a_camera_api_the_button_appears(browser, site, confirmed):
    context = browser.new_context()
    choose_language(context, site, "tr")
    sign_in_as(context, site, factories.StaffFactory(role="coordinator"))
    page = context.new_page()
    page.goto(f"{site}/staff/shifts/{confirmed.shift_id}/check-in/")

    expect(page.get_by_role("button", name="Kamerayla okut")).to_be_visible()
    context.close()
