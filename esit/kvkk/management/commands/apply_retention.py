from django.core.management.base import BaseCommand

from esit.kvkk import retention
from esit.kvkk.tasks import apply_retention_task


class Command(BaseCommand):
    help = (
        "Apply the KVKK retention rules (settings.RETENTION) once a day. Safe to run twice: a "
        "second run the same day finds nobody and writes no record. --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who would be affected; change nothing."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the task for the worker instead of running it here.",
        )

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if dry_run:
            for outcome in retention.preview():
                self.stdout.write(
                    f"{outcome.rule}: {outcome.people} people, {outcome.rows} rows"
                    + (
                        f", {outcome.warned} to warn"
                        if outcome.rule == "inactive_volunteers"
                        else ""
                    )
                    + " (dry run)"
                )
            return
        if enqueue:
            result = apply_retention_task.enqueue()
            self.stdout.write(f"Retention task queued ({result.id}).")
            return
        for outcome in retention.apply_rules():
            self.stdout.write(
                f"{outcome.rule}: {outcome.people} people, {outcome.rows} rows"
                + (f", {outcome.warned} warned" if outcome.rule == "inactive_volunteers" else "")
            )
