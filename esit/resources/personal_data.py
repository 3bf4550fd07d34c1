"""What the library holds about people, for the personal-data registry.

A resource names who added it; its title, text and file are what she wrote or chose. The
library is the programme's material, so erasure keeps the resource and forgets who added it
(`uploaded_by` emptied): nothing left points at her. Tags hold no personal data.
"""

from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category, DataSubject

from .models import Resource, Tag


def resources(subject: DataSubject):
    if subject.user is None:
        return Resource.objects.none()
    return Resource.objects.filter(uploaded_by=subject.user)


def register() -> None:
    registry.register(
        Resource,
        fields={
            "title": Category.ACTIVITY,
            "description": Category.ACTIVITY,
            "file": Category.ACTIVITY,
            "file_name": Category.ACTIVITY,
            "created_at": Category.ACTIVITY,
        },
        not_personal=[
            "kind",
            "url",
            "file_type",
            "file_size",
            "audience",
            "status",
            "rejection_reason",
            "reviewed_at",
            "published_at",
            "search_text",
            "hidden_at",
            "hidden_because",
        ],
        rows=resources,
        export=lambda subject: registry.sections_from(
            resources(subject),
            title=lambda row: _("Eklediğiniz kaynak"),
            fields=["title", "description", "file_name", "status", "created_at"],
        ),
        anonymise=lambda subject: resources(subject).update(uploaded_by=None),
    )
    registry.register_no_personal_data(
        Tag, fields=["name", "slug"], reason="Tags name topics of the library, never a person."
    )
