from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("einstellungen/", views.account_settings, name="settings"),
    path("einstellungen/konto-loeschen/", views.account_delete, name="delete"),
    path("einstellungen/meine-daten.json", views.data_export, name="data-export"),
    path("einstellungen/mein-bild/", views.avatar_download, name="avatar-download"),
    path("<id:pk>/", views.profile, name="profile"),
]
