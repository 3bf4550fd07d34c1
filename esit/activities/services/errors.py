from django_stubs_ext import StrOrPromise


class ActivityError(Exception):
    """A rule of the activities domain refused the change; the message is safe to show."""

    def __init__(self, message: StrOrPromise, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
