from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("artikel/<int:article_id>/", views.post_comment, name="post"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/bearbeiten/", views.edit_comment, name="edit"),
    path("<int:pk>/loeschen/", views.delete_comment, name="delete"),
    path("<int:pk>/gefaellt-mir/", views.like_comment, name="like"),
    path("<int:pk>/melden/", views.report_comment, name="report"),
]
