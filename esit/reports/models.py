"""Reports keep no data of their own: every figure is counted from the other apps' tables.

`Report` exists only to carry the capability (Django permissions need a model); it has no
table (`managed = False`) and nothing reads or writes it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", _("Raporları görebilir"))]
        verbose_name = _("rapor")
        verbose_name_plural = _("raporlar")

    def __str__(self):
        return str(self._meta.verbose_name)
