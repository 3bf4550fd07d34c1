"""Dashboard panels: how several apps share one page without the page importing them.

The home page (`home`), the staff workspace's front page (`staff`), a
volunteer's `/me/` (`me`), a volunteer's staff page (`staff_volunteer`: the
sections that higher apps add about her, given `volunteer=`) and an activity's staff
page (`staff_activity`: sections higher apps add about it, given `activity=`, e.g. the
invitations of its shifts and tasks) are built from
panels that the apps register in their `AppConfig.ready()`. A panel is a
template and a function that gives its context for this request, or None when
it has nothing to show; a staff panel may also name the capability its reader
needs. The page that shows them only renders `panels_for(place, request, ...)`
in order: it knows no app.

Panel functions run on every view of their page, so each must read what it
shows in a fixed number of queries, whatever the amount of data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

PLACES = ("home", "staff", "me", "staff_volunteer", "staff_activity")


@dataclass(frozen=True)
class Panel:
    key: str  # "<app label>.<name>", unique on its page
    template: str
    context: Callable[..., dict[str, Any] | None]  # (request, **page) -> context, or None
    order: int = 100  # smaller first
    permission: str = ""  # a capability the reader must hold (staff panels)


_PANELS: dict[str, dict[str, Panel]] = {place: {} for place in PLACES}


def register(place: str, panel: Panel) -> Panel:
    if place not in _PANELS:
        raise ValueError(f"No page {place!r} shows panels; the pages are {', '.join(PLACES)}.")
    _PANELS[place][panel.key] = panel
    return panel


def registered(place: str) -> list[Panel]:
    return sorted(_PANELS[place].values(), key=lambda panel: (panel.order, panel.key))


def panels_for(place: str, request, **page: Any) -> list[SafeString]:
    """The rendered panels of `place` this reader may see and that have something to show."""
    rendered = []
    for panel in registered(place):
        if panel.permission and not request.user.has_perm(panel.permission):
            continue
        context = panel.context(request, **page)
        if context is None:
            continue
        rendered.append(render_to_string(panel.template, context, request=request))
    return rendered
