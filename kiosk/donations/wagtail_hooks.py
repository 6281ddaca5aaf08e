"""Donations in the Wagtail admin: one «Donations» menu for whoever may see donations."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from kiosk.newsroom.admin_menu import PermissionMenuItem

from . import admin_views

# Who sees the donations at all; marking a transfer received or importing a bank file needs change_donation.
VIEW = "donations.view_donation"
CHANGE = "donations.change_donation"

admin_urls = (
    [
        # Reports and the list of donations.
        path("", admin_views.report, name="report"),
        path("list/", admin_views.donation_list, name="list"),
        path("export.csv", admin_views.export, name="export"),
        path("events/", admin_views.provider_events, name="provider_events"),
        # Bank transfers: the bank's camt.054 files, credits to look at, transfers marked received.
        path("bank/", admin_views.bank_import, name="bank_import"),
        path("bank/credits/<id:pk>/looked-at/", admin_views.bank_credit_resolve, name="bank_credit_resolve"),
        path("bank/received/", admin_views.bank_received, name="bank_received"),
    ],
    "donations_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("donations/", include(admin_urls))]


def _menu() -> Menu:
    # Built when the admin first draws its menu, once every URL is known.
    return Menu(
        items=[
            # Reports and the list of donations.
            PermissionMenuItem(
                _("Overview"),
                reverse("donations_admin:report"),
                icon_name="table",
                permission=VIEW,
                order=100,
            ),
            PermissionMenuItem(
                _("All donations"),
                reverse("donations_admin:list"),
                icon_name="list-ul",
                permission=VIEW,
                order=110,
            ),
            PermissionMenuItem(
                _("Payment events"),
                reverse("donations_admin:provider_events"),
                icon_name="warning",
                permission=VIEW,
                order=120,
            ),
            # Bank transfers.
            PermissionMenuItem(
                _("Bank files"),
                reverse("donations_admin:bank_import"),
                icon_name="doc-full",
                permission=CHANGE,
                order=200,
            ),
            PermissionMenuItem(
                _("Mark a transfer received"),
                reverse("donations_admin:bank_received"),
                icon_name="tick",
                permission=CHANGE,
                order=210,
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def register_donations_menu():
    return SubmenuMenuItem(_("Donations"), _menu(), icon_name="pick", name="donations", order=260)
