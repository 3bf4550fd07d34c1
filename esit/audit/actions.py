"""The registry of audit actions: every kind of event the trail can hold, with its label.

Each app registers its own actions in `AppConfig.ready()`; `record()` refuses an
action nobody registered, so a misspelt key fails in the first test that
reaches it instead of writing an event no filter will ever find.
"""

from dataclasses import dataclass

from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Action:
    key: str  # "<app label>.<verb>", e.g. "applications.approved"
    label: StrOrPromise  # what the audit page shows, translated


_ACTIONS: dict[str, Action] = {}


def register(key: str, label: StrOrPromise) -> Action:
    """Declare an action; registering the same key twice with another label is a mistake."""
    action = Action(key=key, label=label)
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
