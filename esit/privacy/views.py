from django.conf import settings
from django.shortcuts import render

from . import processing
from .models import PrivacyNotice
from .services import current_notice


def notice(request):
    """The information notice of KVKK article 10, generated from the processing register, so
    that what it promises is what the code stores; the published texts (the versions people
    agree to) follow it."""
    return render(
        request,
        "privacy/notice.html",
        {
            "groups": [
                (group, processing.COLLECTION[group.group])
                for group in processing.information_notice()
            ],
            "controller": {
                "name": settings.DATA_CONTROLLER_NAME,
                "unit": settings.DATA_CONTROLLER_UNIT,
                "address": settings.DATA_CONTROLLER_ADDRESS,
                "email": settings.DATA_CONTROLLER_EMAIL,
                "kep": settings.DATA_CONTROLLER_KEP,
            },
            "information": current_notice(PrivacyNotice.Kind.INFORMATION),
            "consent": current_notice(PrivacyNotice.Kind.EXPLICIT_CONSENT),
        },
    )
