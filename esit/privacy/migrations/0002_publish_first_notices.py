"""Version 1 of the KVKK information notice and the explicit-consent text.

Published texts are never edited: a change is a new version, so every consent
record keeps pointing at exactly the words the person read.
"""

from django.db import migrations
from django.utils import timezone

INFORMATION_TR = """İzmir Büyükşehir Belediyesi (veri sorumlusu), 6698 sayılı Kişisel Verilerin Korunması Kanunu (KVKK) uyarınca, Eşit İzmir gönüllü başvurunuzda verdiğiniz kimlik, iletişim, doğum tarihi, ilçe, dil, uygunluk, deneyim ve isteğe bağlı cinsiyet bilgilerinizi yalnızca gönüllülük başvurunuzu değerlendirmek, sizinle iletişim kurmak, gönüllü faaliyetlerini planlamak ve programın etkisini anonim istatistiklerle raporlamak amacıyla işler.

Verileriniz Kanunun 5. maddesindeki hukuki sebeplere ve açık rızanıza dayanılarak, Kadın ve Aile Hizmetleri Dairesi Başkanlığı personeli tarafından erişilebilen belediye sunucularında saklanır; yurt dışına aktarılmaz, diğer gönüllülerle paylaşılmaz.

Başvurunuz olumsuz sonuçlanır ya da geri çekilirse verileriniz saklama süresi sonunda silinir veya anonim hale getirilir. Kanunun 11. maddesi uyarınca verilerinize erişme, düzeltilmesini, silinmesini isteme ve işlemeye itiraz etme haklarınız vardır; başvurularınız en geç 30 gün içinde yanıtlanır."""

INFORMATION_EN = """İzmir Metropolitan Municipality (the data controller), under Law No. 6698 on the Protection of Personal Data (KVKK), processes the identity, contact, birth date, district, language, availability, experience and optional gender information you give in your Eşit İzmir volunteer application only to assess your application, contact you, plan volunteer activities and report the programme's impact in anonymous statistics.

Your data is processed on the legal grounds of Article 5 of the Law and your explicit consent, and is kept on municipal servers accessible to staff of the Department of Women and Family Services; it is not transferred abroad and is never shared with other volunteers.

If your application is declined or withdrawn, your data is deleted or anonymised at the end of its retention period. Under Article 11 you may ask to access, correct or erase your data and object to its processing; requests are answered within 30 days."""

CONSENT_TR = """Eşit İzmir gönüllü başvurum kapsamında verdiğim kişisel verilerin, isteğe bağlı cinsiyet bilgim dahil, aydınlatma metninde belirtilen amaçlarla işlenmesine açık rıza veriyorum. Bu rızayı dilediğim zaman geri alabileceğimi biliyorum."""

CONSENT_EN = """I give my explicit consent to the processing of the personal data in my Eşit İzmir volunteer application, including my optional gender information, for the purposes stated in the information notice. I know I can withdraw this consent at any time."""


def publish(apps, schema_editor):
    PrivacyNotice = apps.get_model("privacy", "PrivacyNotice")
    now = timezone.now()
    PrivacyNotice.objects.get_or_create(
        kind="information", version="1.0",
        defaults={
            "title_tr": "Gönüllü başvurusu aydınlatma metni",
            "title_en": "Information notice for volunteer applications",
            "body_tr": INFORMATION_TR, "body_en": INFORMATION_EN, "published_at": now,
        },
    )
    PrivacyNotice.objects.get_or_create(
        kind="explicit_consent", version="1.0",
        defaults={
            "title_tr": "Açık rıza metni", "title_en": "Explicit consent",
            "body_tr": CONSENT_TR, "body_en": CONSENT_EN, "published_at": now,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
