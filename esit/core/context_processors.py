from django.conf import settings


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "LANGUAGES": settings.LANGUAGES,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "SOCIAL_ACCOUNTS": settings.SOCIAL_ACCOUNTS,
    }
