"""The registry of audit actions: every kind of event the trail can hold, with its label.

Each app registers its own actions in `AppConfig.ready()`; `record()` refuses an
action nobody registered, so a misspelt key fails in the first test that
reaches it instead of writing an event no filter will ever find.
"""

from dataclasses import dataclass
from typing import Any

from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Action:
    key: str  # "<app label>.<verb>", e.g. "applications.approved"
    label: StrOrPromise  # what the audit page shows, translated
    # A capability a reader of the trail must also hold to see these events at all ("" for
    # every reader): the safety channel's events would tell who raised a concern.
    permission: str = ""


_ACTIONS: dict[str, Action] = {}


def register(key: str, label: StrOrPromise, *, permission: str = "") -> Action:
    """Declare an action; registering the same key twice with another label is a mistake.
    With `permission`, only readers holding it see its events (`hidden_from`)."""
    action = Action(key=key, label=label, permission=permission)
    existing = _ACTIONS.get(key)
    if existing is not None and existing.label != label:
        raise ValueError(f"Audit action {key!r} is already registered with another label.")
    _ACTIONS[key] = action
    return action


def get(key: str) -> Action:
    try:
        return _ACTIONS[key]
    except KeyError:
        raise LookupError(
            f"Unknown audit action {key!r}: register it in AppConfig.ready()."
        ) from None


def all_actions() -> list[Action]:
    return sorted(_ACTIONS.values(), key=lambda action: action.key)


def hidden_from(reader: Any) -> list[str]:
    """The actions whose events this reader may not see (all restricted ones for None)."""
    return [
        action.key
        for action in _ACTIONS.values()
        if action.permission and (reader is None or not reader.has_perm(action.permission))
    ]


def shown_to(reader: Any) -> list[Action]:
    hidden = set(hidden_from(reader))
    return [action for action in all_actions() if action.key not in hidden]
