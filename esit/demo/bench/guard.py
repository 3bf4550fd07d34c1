"""What seed_bench may write into: a database holding nothing but bench data.

A bench run adds a hundred thousand made-up people; in a database with real ones they would
receive e-mails, count in reports and be impossible to tell apart later. So every account,
application, activity, idea and announcement must already carry the bench's marker (its
e-mail domain, or an author or creator that is a bench account), which an empty database
trivially does.
"""

from django.contrib.auth import get_user_model

from esit.activities.models import Activity
from esit.announcements.models import Announcement
from esit.applications.models import Application
from esit.community.models import Idea

from .sizes import BENCH_DOMAIN


def foreign_rows() -> dict[str, int]:
    """The rows that are not the bench's, by kind; empty when seed_bench may run."""
    suffix = f"@{BENCH_DOMAIN}"
    counts = {
        "accounts": get_user_model().objects.exclude(email__endswith=suffix).count(),
        "applications": Application.objects.exclude(email__endswith=suffix).count(),
        "activities": Activity.objects.exclude(created_by__email__endswith=suffix).count(),
        "ideas": Idea.objects.exclude(author__email__endswith=suffix).count(),
        "announcements": Announcement.objects.exclude(created_by__email__endswith=suffix).count(),
    }
    return {kind: count for kind, count in counts.items() if count}


def has_bench_data() -> bool:
    return get_user_model().objects.filter(email__endswith=f"@{BENCH_DOMAIN}").exists()
