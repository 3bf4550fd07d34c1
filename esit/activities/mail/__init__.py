"""The e-mails of activities, part by part, as notification kinds (esit/notifications/kinds.py).

Each module defines the kinds of its part and the context builders that read the row
afresh when the message leaves, and `register()`s them; `ActivitiesConfig.ready()` calls
every `register()`. Services queue messages by their key (`notify("signups.confirmed",
...)`) and never import this package; these modules may import services and selectors
(the reminder's signed link comes from `services.signups.coming_token`).
"""

from . import participants, planning, signups, work


def register() -> None:
    for part in (signups, work, participants, planning):
        part.register()
