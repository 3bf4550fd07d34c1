from django.shortcuts import render

from .models import PrivacyNotice
from .services import current_notice


def notice(request):
    return render(
        request,
        "privacy/notice.html",
        {
            "information": current_notice(PrivacyNotice.Kind.INFORMATION),
            "consent": current_notice(PrivacyNotice.Kind.EXPLICIT_CONSENT),
        },
    )
