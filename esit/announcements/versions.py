"""The content version of public announcements (esit/core/versions.py), and what changes it.

`ANNOUNCEMENTS_VERSION` changes with any announcement saved or deleted (written, scheduled,
published by the clock, pinned, archived): the public list and the Atom feed are kept under
it. The one `QuerySet.update()` of the app marks deliveries queued, which neither shows.
Connected in `AnnouncementsConfig.ready()`.
"""

from esit.core import versions

ANNOUNCEMENTS_VERSION = "announcements"


def announcement_changed(sender, **kwargs) -> None:
    versions.bump(ANNOUNCEMENTS_VERSION)
