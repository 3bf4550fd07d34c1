"""Encrypt the phone, the exact birth date and the free texts of applications at rest;
find phones by a keyed hash (also for the one-open-application rule) and band ages by the
clear birth year (esit/core/encryption.py). Existing rows are converted in place."""
import esit.core.encryption
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0007_search_text_trigram_index'),
        ('privacy', '0004_notice_versions_and_consent_method'),
        ('reference', '0005_grant_equality_plan_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='application',
            name='application_one_open_per_phone',
        ),
        migrations.RemoveIndex(
            model_name='application',
            name='application_birth_idx',
        ),
        migrations.AddField(
            model_name='application',
            name='birth_year',
            field=esit.core.encryption.BirthYearField(db_index=True, source='birth_date'),
        ),
        migrations.AddField(
            model_name='application',
            name='phone_hash',
            field=esit.core.encryption.LookupHashField(db_index=True, source='phone'),
        ),
        migrations.AlterField(
            model_name='application',
            name='birth_date',
            field=esit.core.encryption.EncryptedDateField(verbose_name='doğum tarihi'),
        ),
        migrations.AlterField(
            model_name='application',
            name='experience',
            field=esit.core.encryption.EncryptedTextField(blank=True, max_length=2000, verbose_name='deneyim'),
        ),
        migrations.AlterField(
            model_name='application',
            name='gender_self_description',
            field=esit.core.encryption.EncryptedCharField(blank=True, max_length=60, verbose_name='cinsiyet (kendi ifadeniz)'),
        ),
        migrations.AlterField(
            model_name='application',
            name='motivation',
            field=esit.core.encryption.EncryptedTextField(max_length=2000, verbose_name='motivasyon'),
        ),
        migrations.AlterField(
            model_name='application',
            name='phone',
            field=esit.core.encryption.EncryptedCharField(help_text='E.164 biçiminde', max_length=16, verbose_name='cep telefonu'),
        ),
    ]
