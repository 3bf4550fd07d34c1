from django.core.management.base import BaseCommand

from esit.announcements import services


class Command(BaseCommand):
    help = (
        "Publish the scheduled announcements whose time has come, and finish any fan-out of "
        "e-mails a crashed worker left half done. Run it every few minutes, on the timer of "
        "send_queued_notifications; running it twice is harmless."
    )

    def handle(self, *args, **options):
        published = services.publish_due()
        resumed = services.resume_fan_outs()
        self.stdout.write(
            f"{published} announcement(s) published, {resumed} delivery fan-out(s) resumed."
        )
