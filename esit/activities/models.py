"""Activities and the work inside them (docs/activities.md).

An Activity holds time-bound Shifts (a workshop from 14:00 to 17:00) and
deliverable-based Tasks (translate a leaflet by Friday). Volunteers take
part through SignUps and TaskAssignments; the public through Participants.
Work done becomes HoursEntries, which a coordinator approves and which
Certificates summarise.

Capacity is enforced by services that lock rows in one fixed order
(the volunteer's row, then the shift's), never by Python checks alone.
"""

import decimal
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from esit.core.encryption import DerivedFieldsModel, EncryptedCharField, LookupHashField
from esit.reference.models import BilingualName, District, Language, PlanGoal, VolunteerArea


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_certificate_code() -> str:
    # Short enough to type from paper, long enough (~60 bits) not to be guessed.
    return secrets.token_hex(8).upper()


class ActivityKind(BilingualName):
    """Workshop, campaign, field research…: a list staff can extend."""

    slug = models.SlugField(unique=True)

    class Meta(BilingualName.Meta):
        verbose_name = _("etkinlik türü")
        verbose_name_plural = _("etkinlik türleri")


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Activity.Status.PUBLISHED)

    def visible_to_public(self):
        return self.filter(status__in=[Activity.Status.PUBLISHED, Activity.Status.COMPLETED])


class Activity(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        PUBLISHED = "published", _("Yayında")
        CANCELLED = "cancelled", _("İptal edildi")
        COMPLETED = "completed", _("Tamamlandı")

    kind = models.ForeignKey(
        ActivityKind, on_delete=models.PROTECT, related_name="activities", verbose_name=_("tür")
    )
    title_tr = models.CharField(_("başlık (Türkçe)"), max_length=200)
    title_en = models.CharField(_("başlık (İngilizce)"), max_length=200, blank=True)
    description_tr = models.TextField(_("açıklama (Türkçe)"), max_length=10000)
    description_en = models.TextField(_("açıklama (İngilizce)"), max_length=10000, blank=True)
    areas = models.ManyToManyField(
        VolunteerArea, related_name="activities", blank=True, verbose_name=_("gönüllülük alanları")
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="activities", verbose_name=_("ilçe")
    )
    # The equality plan goals the activity works towards (reports count activities by them).
    plan_goals = models.ManyToManyField(
        PlanGoal, related_name="activities", blank=True, verbose_name=_("eşitlik planı hedefleri")
    )
    address = models.CharField(_("adres"), max_length=300, blank=True)
    online_url = models.URLField(_("çevrim içi bağlantı"), max_length=500, blank=True)
    starts_at = models.DateTimeField(_("başlangıç"))
    ends_at = models.DateTimeField(_("bitiş"))
    status = models.CharField(
        _("durum"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    requires_approval = models.BooleanField(
        _("kayıtlar koordinatör onayı gerektirir"), default=False
    )
    cancellation_deadline_hours = models.PositiveSmallIntegerField(
        _("en geç kaç saat önce iptal edilebilir"), default=24
    )
    public_registration = models.BooleanField(
        _("halk katılımcı olarak kayıt olabilir"), default=False
    )
    public_capacity = models.PositiveIntegerField(_("katılımcı kontenjanı"), default=0)
    # Both titles folded the Turkish way (esit.core.turkish.fold), kept by the planning
    # services, so staff search finds "IŞIL" for "ışıl" and "İzmir" for "izmir".
    search_text = models.CharField(max_length=420, db_index=True, editable=False, blank=True)
    # Stable across edits, so calendar apps update the event instead of duplicating it.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("etkinlik")
        verbose_name_plural = _("etkinlikler")
        permissions = [("run_activities", _("Etkinlikleri, vardiyaları ve görevleri yürütebilir"))]
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="activity_status_start"),
            # The public list and the feeds order by start time across several statuses.
            models.Index(fields=["starts_at"], name="activity_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="activity_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" and self.title_en else self.title_tr

    @property
    def description(self) -> str:
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description_tr

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.address


class Shift(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="shifts")
    starts_at = models.DateTimeField(_("başlangıç"))
    ends_at = models.DateTimeField(_("bitiş"))
    capacity = models.PositiveIntegerField(_("kontenjan"))
    newcomer_places = models.PositiveIntegerField(
        _("ilk kez katılacaklara ayrılan yer"),
        default=0,
        help_text=_("Bu kadar yer, daha önce hiç vardiyaya katılmamış gönüllüler için tutulur."),
    )
    required_areas = models.ManyToManyField(
        VolunteerArea, related_name="+", blank=True, verbose_name=_("gereken alanlar")
    )
    required_languages = models.ManyToManyField(
        Language, related_name="+", blank=True, verbose_name=_("gereken diller")
    )
    notes = models.TextField(_("notlar"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("vardiya")
        verbose_name_plural = _("vardiyalar")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["activity", "starts_at"], name="shift_activity_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(newcomer_places__lte=models.F("capacity")),
                name="shift_newcomer_places_within_capacity",
            ),
        ]

    def __str__(self):
        return f"{self.activity} · {self.starts_at:%Y-%m-%d %H:%M}"


class SignUp(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("shift sign-up status", "Onaylandı")
        PENDING = "pending", _("Onay bekliyor")
        WAITLISTED = "waitlisted", _("Bekleme listesinde")
        CANCELLED = "cancelled", _("İptal edildi")

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Henüz belli değil")
        ATTENDED = "attended", _("Katıldı")
        NO_SHOW = "no_show", _("Gelmedi")

    ACTIVE_STATUSES = (Status.CONFIRMED, Status.PENDING, Status.WAITLISTED)
    # A place is held by a confirmed sign-up and by one awaiting a coordinator's approval.
    PLACE_HOLDING_STATUSES = (Status.CONFIRMED, Status.PENDING)

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="signups")
    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="signups"
    )
    status = models.CharField(_("durum"), max_length=10, choices=Status, db_index=True)
    created_at = models.DateTimeField(_("kayıt zamanı"), db_index=True)
    cancelled_at = models.DateTimeField(_("iptal zamanı"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    coming_confirmed_at = models.DateTimeField(_("geleceğini onayladı"), null=True, blank=True)
    attendance = models.CharField(
        _("katılım"), max_length=10, choices=Attendance, default=Attendance.UNKNOWN
    )
    checked_in_at = models.DateTimeField(_("yoklama zamanı"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who approved or declined a sign-up that waited for a coordinator, and when.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("karar zamanı"), null=True, blank=True)
    # A coordinator who added the volunteer from the roster (None: the volunteer signed up).
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who let a volunteer in although the shift's required areas or languages were not met,
    # and when (services/requirements.py).
    requirements_waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requirements_waived_at = models.DateTimeField(
        _("gereksinimlerin aranmadığı zaman"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("vardiya kaydı")
        verbose_name_plural = _("vardiya kayıtları")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=Q(status__in=["confirmed", "pending", "waitlisted"]),
                name="signup_one_active_per_shift",
            )
        ]
        indexes = [
            models.Index(fields=["shift", "status", "created_at"], name="signup_shift_queue"),
            models.Index(fields=["volunteer", "status"], name="signup_volunteer_status"),
            # Matching's attendance record and first-timer test (esit/matching/selectors.py),
            # read for every candidate: an index-only scan over the decided sign-ups alone.
            models.Index(
                fields=["volunteer", "attendance"],
                condition=Q(attendance__in=["attended", "no_show"]),
                name="signup_volunteer_decided",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer} · {self.shift}"

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        # The attendance as stored, so that saving tells whether her record changed
        # (services/records.py); absent when the field was not loaded.
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_attendance = instance.__dict__.get("attendance")
        return instance


class Task(models.Model):
    """Deliverable-based work: translate a leaflet, design a poster, plan a week of posts."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("başlık"), max_length=200)
    description = models.TextField(_("açıklama"), max_length=5000)
    required_areas = models.ManyToManyField(
        VolunteerArea, related_name="+", blank=True, verbose_name=_("gereken alanlar")
    )
    required_languages = models.ManyToManyField(
        Language, related_name="+", blank=True, verbose_name=_("gereken diller")
    )
    due_date = models.DateField(_("teslim tarihi"))
    places = models.PositiveIntegerField(_("kaç gönüllü"), default=1)
    estimated_hours = models.DecimalField(
        _("tahmini saat"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("görev")
        verbose_name_plural = _("görevler")
        ordering = ["due_date", "id"]

    def __str__(self):
        return self.title


class TaskAssignment(models.Model):
    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Üstlenildi")
        DELIVERED = "delivered", _("Teslim edildi")
        RETURNED = "returned", _("Düzeltme istendi")
        ACCEPTED = "accepted", _("Kabul edildi")
        CANCELLED = "cancelled", _("Bırakıldı")

    ACTIVE_STATUSES = (Status.CLAIMED, Status.DELIVERED, Status.RETURNED, Status.ACCEPTED)

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="task_assignments"
    )
    status = models.CharField(_("durum"), max_length=10, choices=Status, db_index=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(_("üstlenme zamanı"))
    delivery_note = models.TextField(_("teslim notu"), max_length=5000, blank=True)
    delivery_link = models.URLField(_("teslim bağlantısı"), max_length=500, blank=True)
    delivery_file = models.FileField(_("teslim dosyası"), upload_to="deliveries/%Y/%m/", blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("koordinatör yorumu"), max_length=5000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Who assigned the task although its required areas or languages were not met, and when.
    requirements_waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requirements_waived_at = models.DateTimeField(
        _("gereksinimlerin aranmadığı zaman"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("görev ataması")
        verbose_name_plural = _("görev atamaları")
        ordering = ["claimed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "volunteer"],
                condition=Q(status__in=["claimed", "delivered", "returned", "accepted"]),
                name="task_assignment_one_active_per_task",
            )
        ]

    def __str__(self):
        return f"{self.volunteer} · {self.task}"


class Participant(DerivedFieldsModel):
    """A member of the public registered for a workshop open to them."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Kaydı onaylandı")
        WAITLISTED = "waitlisted", _("Bekleme listesinde")
        CANCELLED = "cancelled", _("İptal edildi")

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Henüz belli değil")
        ATTENDED = "attended", _("Katıldı")
        NO_SHOW = "no_show", _("Gelmedi")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("ad soyad"), max_length=160)
    email = models.EmailField(_("e-posta"))
    phone = EncryptedCharField(_("telefon"), max_length=16, blank=True)
    phone_hash = LookupHashField(source="phone", db_index=True)
    status = models.CharField(_("durum"), max_length=10, choices=Status, db_index=True)
    language = models.CharField(max_length=8, default="tr")
    cancel_token = models.CharField(max_length=64, unique=True, default=new_token)
    consent = models.ForeignKey(
        "privacy.ConsentRecord", on_delete=models.PROTECT, related_name="participants"
    )
    registered_at = models.DateTimeField(_("kayıt zamanı"))
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Recorded by staff once the activity has started (services/participants.py).
    attendance = models.CharField(
        _("katılım"), max_length=10, choices=Attendance, default=Attendance.UNKNOWN
    )
    attendance_recorded_at = models.DateTimeField(
        _("katılımın kaydedildiği zaman"), null=True, blank=True
    )
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("katılımcı")
        verbose_name_plural = _("katılımcılar")
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=Q(status__in=["confirmed", "waitlisted"]),
                name="participant_one_active_per_email",
            )
        ]

    def __str__(self):
        return self.name


class HoursEntry(models.Model):
    """Hours of volunteer work; only approved hours count in totals and certificates."""

    # One entry is at most one day's work (the check constraint below says the same).
    MAX_HOURS = decimal.Decimal(24)

    class Status(models.TextChoices):
        PENDING = "pending", _("Onay bekliyor")
        APPROVED = "approved", _("Onaylandı")
        REJECTED = "rejected", _("Reddedildi")

    class Source(models.TextChoices):
        ATTENDANCE = "attendance", _("Vardiya katılımı")
        TASK = "task", _("Kabul edilen görev")
        SELF_REPORTED = "self_reported", _("Gönüllünün bildirdiği çalışma")

    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="hours"
    )
    source = models.CharField(_("kaynak"), max_length=14, choices=Source)
    signup = models.OneToOneField(
        SignUp, null=True, blank=True, on_delete=models.SET_NULL, related_name="hours_entry"
    )
    task_assignment = models.OneToOneField(
        TaskAssignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="hours_entry"
    )
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="hours"
    )
    area = models.ForeignKey(
        VolunteerArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("alan"),
    )
    date = models.DateField(_("tarih"))
    hours = models.DecimalField(_("saat"), max_digits=5, decimal_places=2)
    description = models.CharField(_("açıklama"), max_length=500, blank=True)
    status = models.CharField(
        _("durum"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.CharField(_("gerekçe"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saat kaydı")
        verbose_name_plural = _("saat kayıtları")
        permissions = [("approve_hours", _("Gönüllülük saatlerini onaylayabilir"))]
        ordering = ["-date", "-id"]
        indexes = [
            # `hours` last in the key: matching's fair share sums a volunteer's recent approved
            # hours for every candidate with an index-only scan (a key column rather than
            # INCLUDE, which SQLite does not support).
            models.Index(
                fields=["volunteer", "status", "date", "hours"],
                name="hours_volunteer_status_hours",
            ),
            models.Index(fields=["status", "date"], name="hours_status_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="hours_between_0_and_24"
            )
        ]

    def __str__(self):
        return f"{self.volunteer} · {self.date} · {self.hours}"

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        # What the recent approved hours of her record were counted from (records.py).
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_counted = instance.counted()
        return instance

    def counted(self) -> tuple | None:
        """What her record's recent hours read of this entry: None unless approved."""
        fields = self.__dict__
        if fields.get("status") != self.Status.APPROVED:
            return None
        return (fields.get("volunteer_id"), fields.get("date"), fields.get("hours"))


class VolunteerRecord(models.Model):
    """What a volunteer's sign-ups and hours add up to, kept beside them: matching ranks
    100,000 volunteers by reading one row each instead of counting everybody's sign-ups
    and summing their hours (docs/performance.md).

    Derived, never the truth: services/records.py rebuilds a row from the sign-ups and
    hours whenever one of hers changes in a way it counts, and every row again daily.
    Whoever reads it treats a missing row, or recent hours past `recent_until`, as
    "count them", so what it says is always what counting would say."""

    volunteer = models.OneToOneField(
        "volunteers.Volunteer", primary_key=True, on_delete=models.CASCADE, related_name="record"
    )
    attended = models.PositiveIntegerField(_("katıldığı vardiyalar"), default=0)
    # Attended or no-show.
    decided = models.PositiveIntegerField(_("katılımı belli vardiyalar"), default=0)
    # Approved hours dated within `recent_days` days (MATCHING_FAIR_SHARE_DAYS) of a day up
    # to `recent_until`, the last day the sum holds: its oldest entry leaves the window after it.
    recent_hours = models.DecimalField(
        _("son dönemdeki onaylı saatler"),
        max_digits=10,
        decimal_places=2,
        default=decimal.Decimal(0),
    )
    recent_days = models.PositiveIntegerField(_("son dönemin gün sayısı"), default=0)
    recent_until = models.DateField(_("son dönem toplamının geçerli olduğu son gün"))
    refreshed_at = models.DateTimeField(_("yenilendiği zaman"))

    class Meta:
        verbose_name = _("katılım özeti")
        verbose_name_plural = _("katılım özetleri")

    def __str__(self):
        return f"{self.volunteer_id}: {self.attended}/{self.decided}, {self.recent_hours}"


class Certificate(models.Model):
    """A service certificate: a frozen summary anyone can verify at /certificates/<code>/."""

    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="certificates"
    )
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(_("düzenlenme tarihi"))
    holder_name = models.CharField(_("ad soyad"), max_length=170)
    total_hours = models.DecimalField(_("toplam saat"), max_digits=8, decimal_places=2)
    first_date = models.DateField(null=True, blank=True)
    last_date = models.DateField(null=True, blank=True)
    # [{"area_tr": "...", "area_en": "...", "hours": "12.50"}]: what was true when issued.
    areas = models.JSONField(default=list)

    class Meta:
        verbose_name = _("gönüllülük belgesi")
        verbose_name_plural = _("gönüllülük belgeleri")
        ordering = ["-issued_at"]

    def __str__(self):
        return self.code
