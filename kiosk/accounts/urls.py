from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("einstellungen/", views.account_settings, name="settings"),
    path("<id:pk>/", views.profile, name="profile"),
]
