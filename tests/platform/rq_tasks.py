"""A task for the RQ backend's test: its effect (a file) is visible across processes."""

from pathlib import Path

from django.tasks import task


@task
def write_marker(path: str, text: str) -> str:
    Path(path).write_text(text, encoding="utf-8")
    return text
