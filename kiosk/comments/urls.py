from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("artikel/<id:article_id>/", views.post_comment, name="post"),
    path("artikel/<id:article_id>/gesehen/", views.decisions_seen, name="decisions-seen"),
    path("<id:pk>/", views.permalink, name="permalink"),
    path("<id:pk>/bearbeiten/", views.edit_comment, name="edit"),
    path("<id:pk>/loeschen/", views.delete_comment, name="delete"),
    path("<id:pk>/gefaellt-mir/", views.like_comment, name="like"),
    path("<id:pk>/melden/", views.report_comment, name="report"),
]
