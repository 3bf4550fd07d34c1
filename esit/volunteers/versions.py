"""The content version of the staff directory of volunteers (esit/core/versions.py), and
what changes it.

`VOLUNTEERS_VERSION` changes with anything a row of the directory shows or is filtered and
ordered by that volunteers keeps: a volunteer record saved or deleted, her areas set, her
languages written, an account's e-mail. Her work (first-timer, hours, last active) is
recorded by activities, whose versions the work measures name
(`directory.WorkMeasures.versions`); the reference lists have their own. Saves and deletes
reach the receiver through Django's model signals (connected in `VolunteersConfig.ready()`).
"""

from esit.core import versions

VOLUNTEERS_VERSION = "volunteers.directory"
# What the directory shows of an account.
ACCOUNT_IN_DIRECTORY = ("email",)


def directory_changed(sender, **kwargs) -> None:
    versions.bump(VOLUNTEERS_VERSION)
