from django import template

from esit.core import open_graph

register = template.Library()


@register.inclusion_tag("core/open_graph.html", takes_context=True)
def open_graph_tags(context):
    return {"og": open_graph.of_page(context)}
