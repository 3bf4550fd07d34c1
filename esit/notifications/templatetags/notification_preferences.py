"""`{% optional_choices user as choices %}`: a person's optional kinds and whether each is on.

For summaries on pages whose view belongs to another app (the volunteer's /me/ page), so
they read the same preferences as /me/notifications/ without each view preparing them.
"""

from django import template

from esit.notifications import preferences

register = template.Library()


@register.simple_tag
def optional_choices(user) -> list[preferences.Choice]:
    return preferences.optional_choices(user)
