from django.urls import path

from . import views

app_name = "donations"
urlpatterns = [
    path("", views.support, name="support"),
    path("danke/<uuid:public_id>/", views.thanks, name="thanks"),
    path("monatlich/<str:token>/", views.monthly, name="monthly"),
    # Bank transfer
    path("ueberweisung/<uuid:public_id>/", views.bank_slip, name="bank_slip"),
    path("ueberweisung/<uuid:public_id>/qr-rechnung.svg", views.bank_slip_svg, name="bank_slip_svg"),
    path("ueberweisung/<uuid:public_id>/qr-rechnung.pdf", views.bank_slip_pdf, name="bank_slip_pdf"),
]
