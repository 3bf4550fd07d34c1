"""Background work of announcements; each task takes ids and calls one service."""

from django.tasks import task

from . import services, social


@task
def deliver_announcement_task(announcement_id: int) -> None:
    services.deliver_announcement(announcement_id)


@task
def render_cards_task(kind: str, pk: int) -> None:
    """Draw and store the kit's cards ahead of their download (each only if it changed)."""
    social.render_all(kind, pk)
