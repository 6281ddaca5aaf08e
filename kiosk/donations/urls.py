from django.urls import path

from . import views

app_name = "donations"
urlpatterns = [
    path("", views.support, name="support"),
    path("danke/<uuid:public_id>/", views.thanks, name="thanks"),
    path("monatlich/<str:token>/", views.monthly, name="monthly"),
    # Bank transfer
]
