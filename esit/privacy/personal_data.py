"""What the privacy app itself holds about people: the proof of their consent."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject

from .models import ConsentRecord, PrivacyNotice

ANONYMOUS_EMAIL = "anonim@anonim.invalid"


def consents(subject: DataSubject):
    condition = Q(email__in=subject.emails)
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return ConsentRecord.objects.filter(condition)


def _export(subject):
    return registry.sections_from(
        consents(subject).select_related("notice", "information_notice"),
        title=lambda record: _("Açık rıza kaydı"),
        fields=[
            "notice",
            "information_notice",
            "purpose",
            "email",
            "given_at",
            "method",
            "withdrawn_at",
        ],
    )


def _anonymise(subject) -> int:
    """The record keeps proving that consent was given to that text on that day (KVKK asks
    the controller to prove it), but no longer says by whom."""
    return consents(subject).update(email=ANONYMOUS_EMAIL, user=None, ip_hash="")


def register() -> None:
    registry.register(
        ConsentRecord,
        fields={
            "email": Category.CONTACT,
            "given_at": Category.ACTIVITY,
            "ip_hash": Category.TECHNICAL,
            "withdrawn_at": Category.ACTIVITY,
            "method": Category.ACTIVITY,
            "purpose": Category.ACTIVITY,
        },
        rows=consents,
        export=_export,
        anonymise=_anonymise,
    )
    registry.register_no_personal_data(
        PrivacyNotice,
        fields={
            "kind",
            "version",
            "title_tr",
            "title_en",
            "body_tr",
            "body_en",
            "published_at",
            "material_change",
        },
        reason="The published texts of the information notice and the consent.",
    )


def register_platform_models() -> None:
    """Models of the frameworks underneath that no app of ours owns."""
    from django_tasks_db.models import DBTaskResult

    registry.register_no_personal_data(
        DBTaskResult,
        fields={
            "status",
            "enqueued_at",
            "started_at",
            "finished_at",
            "args_kwargs",
            "priority",
            "task_path",
            "worker_ids",
            "queue_name",
            "backend_name",
            "run_after",
            "return_value",
            "exception_class_path",
            "traceback",
        },
        reason="Background tasks take record ids only, never names or addresses.",
    )
