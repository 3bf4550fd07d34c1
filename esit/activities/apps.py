from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "esit.activities"
    label = "activities"
    verbose_name = _("Etkinlikler")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from esit.accounts import capabilities
        from esit.core.versions import bump_on_change
        from esit.volunteers.models import Volunteer
        from esit.volunteers.signals import volunteer_left

        from . import mail, personal_data, receivers, versions, volunteer_sections, workspace
        from .models import Activity, HoursEntry, Participant, Shift, SignUp, Task
        from .services import records, trail

        personal_data.register()
        workspace.register()
        volunteer_sections.register()
        trail.register()
        mail.register()
        volunteer_left.connect(
            receivers.release_shifts_of_volunteer_who_left,
            dispatch_uid="esit.activities.release_shifts_of_volunteer_who_left",
        )
        volunteer_left.connect(
            receivers.release_tasks_of_volunteer_who_left,
            dispatch_uid="esit.activities.release_tasks_of_volunteer_who_left",
        )
        bump_on_change(versions.activity_or_shift_changed, Activity, Shift, Task)
        bump_on_change(versions.signup_changed, SignUp)
        bump_on_change(versions.participant_changed, Participant)
        bump_on_change(versions.people_changed, get_user_model(), fields=versions.PEOPLE_IN_ROSTER)
        bump_on_change(versions.hours_changed, HoursEntry)
        bump_on_change(versions.hours_changed, Volunteer, fields=versions.VOLUNTEER_IN_HOURS)
        post_delete.connect(
            versions.hours_changed, sender=SignUp, dispatch_uid="esit.version.hours.SignUp"
        )
        for model, saved, deleted in [
            (SignUp, records.signup_saved, records.signup_deleted),
            (HoursEntry, records.hours_saved, records.hours_deleted),
        ]:
            post_save.connect(saved, sender=model, dispatch_uid=f"esit.activities.record.{model}")
            post_delete.connect(
                deleted, sender=model, dispatch_uid=f"esit.activities.record.{model}.deleted"
            )
        # The areas of an activity, and those its shifts and tasks require, place it in
        # coordinators' scopes (selectors/scope.py) and show on its pages.
        for model, relation in [
            (Activity, Activity.areas),
            (Shift, Shift.required_areas),
            (Task, Task.required_areas),
        ]:
            m2m_changed.connect(
                versions.activity_or_shift_changed,
                sender=relation.through,
                dispatch_uid=f"esit.activities.version.{model.__name__}.{relation.field.name}",
            )
        capabilities.register(
            "activities.run_activities",
            _("Etkinlikleri, vardiyaları ve görevleri yürütmek"),
            roles=("coordinator", "administrator"),
        )
        capabilities.register(
            "activities.approve_hours",
            _("Gönüllülük saatlerini onaylamak"),
            roles=("coordinator", "administrator"),
        )
