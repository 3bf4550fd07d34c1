"""The staff workspace's menu for its layout (esit/core/menus.py)."""

from django import template

from esit.core.menus import staff_menu as menu_for

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_menu(context):
    return menu_for(context["request"])
