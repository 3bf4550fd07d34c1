from django import template

from esit.reference.models import sorted_by_name

register = template.Library()


@register.filter
def in_name_order(rows, by=""):
    """`{% for area in application.areas.all|in_name_order %}`: the order every list uses
    (reference.models.sorted_by_name); `|in_name_order:"language"` for rows pointing at one."""
    return sorted_by_name(rows, by=by or None)
