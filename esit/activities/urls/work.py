"""Routes owned by the work part of activities; full paths, mounted at the site root."""

from django.urls import path

from esit.activities.views import certificates, hours, work
from esit.audit.exports import export_paths

app_name = "work"

urlpatterns = [
    # Volunteers
    path("activities/tasks/<int:pk>/claim/", work.claim_task, name="claim_task"),
    path("me/tasks/", work.my_tasks, name="my_tasks"),
    path("me/tasks/<int:pk>/deliver/", work.deliver, name="deliver"),
    path("me/tasks/<int:pk>/release/", work.release, name="release"),
    # The delivered file: never from a public media URL; its volunteer here, staff below.
    path("me/tasks/<int:pk>/file/", work.my_delivery_file, name="my_delivery_file"),
    path("me/hours/", hours.my_hours, name="my_hours"),
    path("me/certificate/", certificates.certificate, name="certificate"),
    path("me/certificate.pdf", certificates.certificate_pdf, name="certificate_pdf"),
    # Anyone: checking a printed certificate.
    path("certificates/<token:code>/", certificates.verify_certificate, name="verify_certificate"),
    # Staff (the two-factor gate covers everything under /staff/)
    path("staff/hours/", hours.hours_queue, name="hours_queue"),
    *export_paths("staff/hours/export", hours.hours_export, name="hours_export"),
    path("staff/hours/review/", hours.review_hours, name="review_hours"),
    path("staff/tasks/", work.task_review, name="task_review"),
    path("staff/tasks/<int:pk>/accept/", work.accept, name="accept"),
    path("staff/tasks/<int:pk>/return/", work.send_back, name="send_back"),
    path("staff/tasks/<int:pk>/file/", work.delivery_file, name="delivery_file"),
]
