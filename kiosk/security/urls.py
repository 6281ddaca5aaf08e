from django.urls import path

from . import views

urlpatterns = [
    # The Content-Security-Policy's report-uri and report-to (settings.KIOSK_CSP_REPORT_URL).
    path("csp-report/", views.csp_report, name="csp-report"),
]
