"""Announcements hold no personal data: staff write them for many people at once.

Who received one is in notifications' deliveries (declared there); who wrote or changed
one is in the audit trail and the `created_by` link, an account declared by accounts.
"""

from esit.core import personal_data_registry as registry

from .models import Announcement


def register() -> None:
    registry.register_no_personal_data(
        Announcement,
        fields={
            "title_tr",
            "title_en",
            "body_tr",
            "body_en",
            "cover",
            "cover_alt_tr",
            "cover_alt_en",
            "audience",
            "status",
            "publish_at",
            "published_at",
            "pinned",
            "deliveries_queued_at",
            "search_text",
            "created_at",
            "updated_at",
        },
        reason="Messages staff write for the public or for groups of volunteers, not about "
        "a person; their recipients are recorded as deliveries by notifications.",
    )
