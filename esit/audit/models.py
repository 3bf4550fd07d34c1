"""The audit trail: who did what to whose data, and when. Append-only.

Services and views write an event explicitly (`esit.audit.services.record`),
never a model signal: what is recorded is a decision of the code that acts,
in words it chooses. An event names the record acted on (`object_*`) and the
person the data is about (`person_*`) by type and id only, so the trail keeps
no copy of anyone's name or address: erasing a person leaves their trail
readable as "anonymised" without rewriting it.

Nothing changes or deletes an event: the model and its queryset refuse, and
database triggers (migration 0002) refuse raw SQL too. The only way out is
`services.purge_before()`, which the retention rules call and which first
writes a `PurgePermit` row that the delete trigger looks for.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """An attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs):
        raise AppendOnly("Audit events are never changed.")

    def delete(self):
        raise AppendOnly("Audit events are deleted only by the retention purge.")

    def about(self, *people: models.Model) -> "AuditEventQuerySet":
        """Events whose person concerned is any of `people` (model instances)."""
        condition = models.Q(pk__in=[])
        for person in people:
            condition |= models.Q(person_type=label_of(person), person_id=str(person.pk))
        return self.filter(condition)


def label_of(instance_or_model: models.Model | type[models.Model]) -> str:
    """`app_label.model_name`, the way events name a kind of record."""
    return instance_or_model._meta.label_lower


class AuditEvent(models.Model):
    at = models.DateTimeField(_("zaman"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("işlemi yapan"),
    )
    action = models.CharField(_("işlem"), max_length=64)
    object_type = models.CharField(_("kayıt türü"), max_length=64, blank=True)
    object_id = models.CharField(_("kayıt no"), max_length=40, blank=True)
    person_type = models.CharField(_("ilgili kişi türü"), max_length=64, blank=True)
    person_id = models.CharField(_("ilgili kişi no"), max_length=40, blank=True)
    summary = models.CharField(_("özet"), max_length=300)
    # The client's address as AUDIT_CLIENT_ADDRESS says: a keyed hash by default.
    client_address = models.CharField(_("istemci adresi"), max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("denetim kaydı")
        verbose_name_plural = _("denetim kayıtları")
        ordering = ["-id"]
        # Append-only: no add/change/delete permissions exist, only reading.
        default_permissions = ()
        permissions = [("read_audit_log", _("Denetim kaydını okuyabilir"))]
        indexes = [
            models.Index(fields=["person_type", "person_id", "-id"], name="audit_person_idx"),
            models.Index(fields=["actor", "-id"], name="audit_actor_idx"),
            models.Index(fields=["action", "-id"], name="audit_action_idx"),
            models.Index(fields=["at"], name="audit_at_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} · {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise AppendOnly("Audit events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit events are deleted only by the retention purge.")


class PurgePermit(models.Model):
    """Present only inside the retention purge's transaction; the delete trigger needs it."""

    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"purge permit {self.pk}"
