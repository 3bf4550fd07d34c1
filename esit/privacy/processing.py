"""The processing register: for every personal-data field the platform stores, why it is
held (purpose), on which legal basis of KVKK (articles 5 and 6), for how long, and who
receives it.

The rows live in `processing_register.csv` beside this module, one per field, so the data
protection officer reads and reviews them as a table; the words they use are the keys
defined here. `tests/privacy/test_processing_register.py` fails when a field of the
personal-data registry has no row, or a row names a field that does not exist. The
information notice at /privacy/ and the VERBİS inventory (`manage.py verbis_inventory`) are
generated from it, so neither can drift from what the code stores.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esit.core import personal_data_registry as registry
from esit.core.personal_data_registry import Category

REGISTER_FILE = Path(__file__).with_name("processing_register.csv")


class Group(models.TextChoices):
    """The people the platform holds data about (the notice speaks to each)."""

    APPLICANTS = "applicants", _("Gönüllü başvurusu yapanlar")
    VOLUNTEERS = "volunteers", _("Gönüllüler ve gönüllülük kayıtları")
    PARTICIPANTS = "participants", _("Etkinliklere kayıt olan katılımcılar")
    STAFF = "staff", _("Belediye personeli (koordinatörler ve yöneticiler)")
    VISITORS = "visitors", _("Siteyi kullanan herkes")


class Purpose(models.TextChoices):
    APPLICATION = (
        "application",
        _("Gönüllü başvurusunu almak, değerlendirmek ve sonucunu bildirmek"),
    )
    VOLUNTEERING = (
        "volunteering",
        _("Gönüllü çalışmalarını planlamak: vardiyalar, görevler, yoklama ve gönüllü saatleri"),
    )
    CERTIFICATES = "certificates", _("Gönüllülük belgesi düzenlemek ve doğrulanmasını sağlamak")
    PARTICIPATION = "participation", _("Etkinlik kayıtlarını almak ve katılımı izlemek")
    COMMUNICATION = "communication", _("Kişiye bildirim, hatırlatma ve duyuru göndermek")
    NETWORK = (
        "network",
        _("Gönüllülerin fikir önermesi, desteklemesi ve tartışması (dayanışma ağı)"),
    )
    SAFETY = (
        "safety",
        _("Taciz ve güvenlik bildirimlerini gizlilik içinde almak ve ele almak"),
    )
    EQUALITY_STATISTICS = (
        "equality_statistics",
        _("Programın eşitlik etkisini anonim istatistiklerle ölçmek"),
    )
    CONSENT_PROOF = "consent_proof", _("Açık rızanın ve aydınlatmanın ispatı")
    SECURITY = "security", _("Hesapların ve verilerin güvenliği, denetim izi")
    STAFF_WORK = "staff_work", _("Personelin yetkilerini ve çalışma alanını yönetmek")
    RIGHTS = "rights", _("Kişisel veri başvurularını kaydetmek ve yanıtlamak (KVKK m.11, m.13)")
    RETENTION = (
        "retention",
        _("Saklama sürelerini uygulamak ve süresi dolan verileri anonim hale getirmek"),
    )


class LegalBasis(models.TextChoices):
    LAW = (
        "5/2-a",
        _(
            "Kanunlarda açıkça öngörülmesi (KVKK m.5/2-a; 5393 sayılı Belediye Kanunu m.77, "
            "belediye hizmetlerine gönüllü katılım)"
        ),
    )
    CONTRACT = (
        "5/2-c",
        _(
            "Gönüllülük ilişkisinin kurulması ve yürütülmesiyle doğrudan ilgili olması "
            "(KVKK m.5/2-c)"
        ),
    )
    LEGAL_OBLIGATION = (
        "5/2-ç",
        _("Veri sorumlusunun hukuki yükümlülüğü: veri güvenliği ve ispat (KVKK m.5/2-ç, m.12)"),
    )
    LEGITIMATE_INTEREST = "5/2-f", _("Veri sorumlusunun meşru menfaati (KVKK m.5/2-f)")
    EXPLICIT_CONSENT = "5/1", _("Açık rıza (KVKK m.5/1)")
    SPECIAL_CONSENT = "6/2", _("Özel nitelikli veri için açık rıza (KVKK m.6/2)")


class Retention(models.TextChoices):
    """How long each kind of record is kept. The numbers come from `settings.RETENTION`,
    the same dictionary the retention rules (esit/kvkk/retention.py) apply every day, so the
    notice says what the rules do: read a row's `text`, not its bare label."""

    APPLICATION = (
        "application",
        _(
            "Başvuru değerlendirilirken saklanır; onaylanan başvuru gönüllülük kaydıyla birlikte "
            "tutulur; reddedilen ya da geri çekilen başvuru karardan %(application_months)d ay "
            "sonra, silme talebinde ise hemen anonim hale getirilir"
        ),
    )
    VOLUNTEER = (
        "volunteer",
        _(
            "Gönüllülük boyunca ve ayrıldıktan sonra, saatlerin ve belgelerin doğrulanabilmesi "
            "için saklanır; %(inactive_months)d ay boyunca hiçbir hareketi olmayan gönüllüye "
            "haber verilir ve kalmayı seçmezse %(grace_days)d gün sonra anonim hale getirilir; "
            "silme talebinde hemen anonim hale getirilir"
        ),
    )
    PARTICIPANT = (
        "participant",
        _(
            "Etkinlik kaydı ve yoklama için saklanır; son etkinliğin bitiminden "
            "%(participant_months)d ay sonra, silme talebinde ise hemen anonim hale getirilir"
        ),
    )
    CERTIFICATE = (
        "certificate",
        _(
            "Belgenin doğrulanabilmesi için saklanır; silme talebinde belge sahibinin adı "
            "kaldırılır"
        ),
    )
    MESSAGE = (
        "message",
        _(
            "Bildirimin ait olduğu kayıtla birlikte; kişi anonim hale getirilince alıcı bilgisi "
            "silinir"
        ),
    )
    CONSENT = (
        "consent",
        _(
            "Rızanın ispatı için ilgili kayıtla birlikte; anonim hale getirilince kişiyle bağı "
            "kalmaz"
        ),
    )
    AUDIT = (
        "audit",
        _(
            "Denetim kayıtları değiştirilemez; %(audit_months)d ay sonra silinir; kişiyi "
            "yalnızca kayıt numarasıyla anar, kişi anonim hale getirilince kimliğini göstermez"
        ),
    )
    SESSION = (
        "session",
        _("Oturum süresince: personel için 8 saat hareketsizlik, diğerleri için en çok 2 hafta"),
    )
    SAFETY = (
        "safety",
        _(
            "Bildirim ele alınırken ve kapandıktan sonra, nasıl ele alındığının ispatı için "
            "saklanır; silme talebinde metinler kaldırılır, ele alınış kaydı kalır"
        ),
    )
    ACCOUNT = "account", _("Hesap açık kaldıkça; silme talebinde anonim hale getirilir")
    STAFF = "staff", _("Görev süresince; görev bitince hesap kapatılır")
    REQUEST = (
        "request",
        _(
            "Başvurunun süresinde yanıtlandığının ispatı için saklanır; başvuranın silme talebinde "
            "adı ve iletişim bilgileri kaldırılır"
        ),
    )

    @property
    def text(self) -> str:
        """The label with the deployment's numbers in it."""
        rules = settings.RETENTION
        return str(self.label) % {
            "application_months": rules["APPLICATION_MONTHS"],
            "participant_months": rules["PARTICIPANT_MONTHS"],
            "inactive_months": rules["INACTIVE_VOLUNTEER_MONTHS"],
            "grace_days": rules["INACTIVE_VOLUNTEER_GRACE_DAYS"],
            "audit_months": rules["AUDIT_MONTHS"],
        }


class Recipient(models.TextChoices):
    PROGRAMME_STAFF = (
        "programme_staff",
        _(
            "Kadın ve Aile Hizmetleri Dairesi Başkanlığı'nın yetkili personeli "
            "(kapsamlarıyla sınırlı)"
        ),
    )
    EMAIL_SERVICE = "email_service", _("Belediyenin e-posta sunucusu (iletinin gönderilmesi için)")
    CERTIFICATE_VERIFIERS = (
        "certificate_verifiers",
        _("Belge kodunu bilen kişiler (belgeyi doğrulamak için: ad, saat ve alanlar)"),
    )
    NETWORK_MEMBERS = (
        "network_members",
        _("Ağdaki gönüllüler ve personel (görünen ad ve yazılan metin; iletişim bilgisi asla)"),
    )
    SAFETY_HANDLERS = (
        "safety_handlers",
        _("Güvenlik bildirimlerini ele almakla görevlendirilmiş personel (yalnızca onlar)"),
    )
    NOBODY = "nobody", _("Kimseyle paylaşılmaz")


@dataclass(frozen=True)
class Row:
    model: str  # "applications.application"
    field: str
    group: Group
    purpose: Purpose
    legal_basis: LegalBasis
    retention: Retention
    recipients: tuple[Recipient, ...]


@cache
def rows() -> tuple[Row, ...]:
    with REGISTER_FILE.open(encoding="utf-8", newline="") as register:
        return tuple(
            Row(
                model=line["model"],
                field=line["field"],
                group=Group(line["group"]),
                purpose=Purpose(line["purpose"]),
                legal_basis=LegalBasis(line["legal_basis"]),
                retention=Retention(line["retention"]),
                recipients=tuple(Recipient(key) for key in line["recipients"].split("|")),
            )
            for line in csv.DictReader(register)
        )


@dataclass(frozen=True)
class GroupNotice:
    """What the information notice says to one group of people."""

    group: Group
    categories: list[Category]
    purposes: list[tuple[Purpose, list[LegalBasis]]]
    retention: list[Retention]
    recipients: list[Recipient]


def _in_order(values, choices) -> list:
    return sorted(set(values), key=list(choices).index)


def notice_by_group(categories_of: dict[tuple[str, str], Category]) -> list[GroupNotice]:
    """The register summed up per group: which kinds of data, for which purposes on which
    bases, kept how long, given to whom. `categories_of` maps (model, field) to its category
    in the personal-data registry."""
    grouped: dict[Group, list[Row]] = defaultdict(list)
    for row in rows():
        grouped[row.group].append(row)
    notices = []
    for group in Group:
        group_rows = grouped.get(group, [])
        if not group_rows:
            continue
        bases: dict[Purpose, list[LegalBasis]] = defaultdict(list)
        for row in group_rows:
            bases[row.purpose].append(row.legal_basis)
        notices.append(
            GroupNotice(
                group=group,
                categories=_in_order(
                    [
                        categories_of[(r.model, r.field)]
                        for r in group_rows
                        if (r.model, r.field) in categories_of
                    ],
                    Category,
                ),
                purposes=[
                    (purpose, _in_order(bases[purpose], LegalBasis))
                    for purpose in _in_order(bases, Purpose)
                ],
                retention=_in_order([r.retention for r in group_rows], Retention),
                recipients=_in_order([rc for r in group_rows for rc in r.recipients], Recipient),
            )
        )
    return notices


# How each group's data reaches us (KVKK article 10: the method of collection).
COLLECTION = {
    Group.APPLICANTS: _(
        "Elektronik ortamda, sizin doldurduğunuz gönüllü başvuru formuyla (/apply/)."
    ),
    Group.VOLUNTEERS: _(
        "Başvurunuzdan, profilinizde yaptığınız değişikliklerden ve gönüllü çalışmalarınız "
        "sırasında koordinatörlerin tuttuğu kayıtlardan (vardiya, yoklama, saat, görev)."
    ),
    Group.PARTICIPANTS: _("Elektronik ortamda, etkinlik kayıt formuyla."),
    Group.STAFF: _(
        "Yöneticilerin açtığı personel hesabından ve personelin sitedeki işlemlerinden."
    ),
    Group.VISITORS: _(
        "Siteyi kullanırken, tarayıcınızın gönderdiği teknik bilgilerden otomatik olarak."
    ),
}


def categories_of_fields() -> dict[tuple[str, str], Category]:
    return {
        (declaration.label, name): category
        for declaration in registry.declarations()
        for name, category in declaration.fields.items()
    }


def information_notice() -> list[GroupNotice]:
    return notice_by_group(categories_of_fields())
