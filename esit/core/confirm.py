"""A confirmation step in front of destructive actions, without JavaScript.

A destructive form (cancel a sign-up, give back a task, decline someone) posts
to its view as usual. The view asks `confirmation_page(...)` first: the first
post gets a page that says what will happen, with a danger button that posts
the very same fields again plus `confirmed=yes`, and a way back. Only that
second post changes anything. A browser without JavaScript, a screen reader
and a keyboard all get the same two clear steps, and nothing is lost: every
field the first form sent rides along in the second.
"""

from django.http import HttpResponse
from django.shortcuts import render

CONFIRMED_FIELD = "confirmed"
CONFIRMED_VALUE = "yes"
# Never echoed back into a page: the CSRF token is added afresh, secrets are never repeated.
_NOT_REPEATED = {"csrfmiddlewaretoken", CONFIRMED_FIELD}


def is_confirmed(request) -> bool:
    return request.POST.get(CONFIRMED_FIELD) == CONFIRMED_VALUE


def confirmation_page(
    request,
    *,
    title: str,
    message: str,
    confirm_label: str,
    back_url: str,
    back_label: str | None = None,
    template: str = "core/confirm.html",
) -> HttpResponse | None:
    """None when this post is the confirmed one; otherwise the page that asks first.

    `template` lets a workspace use its own layout (`staff/confirm.html`
    includes the `confirm` partial of `core/confirm.html`); the page posts
    back to the same address.
    """
    if is_confirmed(request):
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in _NOT_REPEATED and "password" not in name
        for value in values
    ]
    return render(
        request,
        template,
        {
            "title": title,
            "message": message,
            "confirm_label": confirm_label,
            "back_url": back_url,
            "back_label": back_label,
            "fields": fields,
            "action": request.get_full_path(),
            "confirmed_field": CONFIRMED_FIELD,
            "confirmed_value": CONFIRMED_VALUE,
        },
    )
