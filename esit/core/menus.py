"""The staff workspace's menu, filled by the apps in `AppConfig.ready()`.

Each entry names the page it leads to and the capability its reader needs, so a
coordinator sees exactly the pages they may open; the layout renders what
`staff_menu(request)` returns and knows no app.
"""

from dataclasses import dataclass

from django.urls import reverse
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: StrOrPromise
    url_name: str
    permission: str = ""  # a capability the reader must hold; "" for every staff member
    order: int = 100
    # The URL namespaces (or "namespace:name" pairs) whose pages mark this entry as current.
    current_for: tuple[str, ...] = ()


_ITEMS: dict[str, MenuItem] = {}


def register(item: MenuItem) -> MenuItem:
    _ITEMS[item.key] = item
    return item


@dataclass(frozen=True)
class ShownItem:
    label: StrOrPromise
    url: str
    current: bool


def _is_current(item: MenuItem, match) -> bool:
    if match is None:
        return False
    here = f"{match.namespace}:{match.url_name}"
    return here == item.url_name or any(
        here == marker or match.namespace == marker for marker in item.current_for
    )


def staff_menu(request) -> list[ShownItem]:
    match = getattr(request, "resolver_match", None)
    return [
        ShownItem(label=item.label, url=reverse(item.url_name), current=_is_current(item, match))
        for item in sorted(_ITEMS.values(), key=lambda item: (item.order, item.key))
        if not item.permission or request.user.has_perm(item.permission)
    ]
