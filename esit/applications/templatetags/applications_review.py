from django import template

from esit.applications.selectors import age_today

register = template.Library()


@register.filter
def age(birth_date):
    """Age in whole years today in İzmir, for showing next to a birth date."""
    return age_today(birth_date) if birth_date else ""
