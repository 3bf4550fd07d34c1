"""The content version of the ideas list (esit/core/versions.py), and what changes it.

`IDEAS_VERSION` changes with anything a card of /ideas/ shows: an idea saved or deleted (its
title, status, area, district, hiding), a support given or taken back (the count), a comment
written, hidden or deleted (the count of those shown), and the name the network knows its
author by (her nickname, her volunteer record's names, an account's names). Saves and deletes
reach the receivers below through Django's model signals (connected in
`CommunityConfig.ready()`); the services' `QuerySet.update()`s of counts and the erasure's
updates call `bump_ideas()` themselves (a support taken back is a delete, which signals).
"""

from esit.core import versions

IDEAS_VERSION = "community.ideas"


def bump_ideas() -> None:
    versions.bump(IDEAS_VERSION)


# What a card shows of a volunteer record or an account: the names (community.display_name).
NAMES = ("first_name", "last_name")


def content_changed(sender, **kwargs) -> None:
    bump_ideas()
