"""The content version of the ideas list (esit/core/versions.py), and what changes it.

`IDEAS_VERSION` changes with anything a card of /ideas/ shows: an idea saved or deleted (its
title, status, area, district, hiding), a support given or taken back (the count), a comment
written, hidden or deleted (the count of those shown), and the name the network knows its
author by (her nickname, her volunteer record's names, an account's names). Saves and deletes
reach `content_changed` through Django's model signals (connected in
`CommunityConfig.ready()`); the changes made with `QuerySet.update()` call `bump_ideas()`
themselves. An account's sign-in saves its last sign-in time only, which no card shows.
"""

from esit.core import versions

IDEAS_VERSION = "community.ideas"


def bump_ideas() -> None:
    versions.bump(IDEAS_VERSION)


def content_changed(sender, **kwargs) -> None:
    bump_ideas()


def account_changed(sender, *, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
        return
    bump_ideas()
