"""The content version of the staff application queue (esit/core/versions.py), and what
changes it.

`APPLICATIONS_VERSION` changes with anything a row of the queue shows: an application saved
or deleted (its names, e-mail, district, birth date, status: a decision, a withdrawal, an
erasure), its areas set and its languages written, and whether it is "rejoining": a
volunteer record's status (she left, or came back) and an account's e-mail. Names of
districts, areas and languages are in the reference lists' version, which the queue's key
holds too. Saves and deletes reach the receiver through Django's model signals (connected
in `ApplicationsConfig.ready()`).
"""

from esit.core import versions

APPLICATIONS_VERSION = "applications.queue"
# What "rejoining" reads of a volunteer record and of an account (selectors.with_rejoining).
VOLUNTEER_IN_QUEUE = ("status",)
ACCOUNT_IN_QUEUE = ("email",)


def bump_applications() -> None:
    versions.bump(APPLICATIONS_VERSION)


def queue_changed(sender, **kwargs) -> None:
    bump_applications()
