"""The one task of the notifications app: send a batch of deliveries, each claimed on its own."""

from django.tasks import task

from . import services


@task
def send_deliveries(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        services.send_one(delivery_id)
