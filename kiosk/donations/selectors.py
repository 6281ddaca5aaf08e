"""Reads across the donation models: for the reader's data export, the thank-you page and the admin."""

from __future__ import annotations

from .models import Donation, MonthlyDonation


def reader_data(user) -> dict:
    """What Kiosk holds about one reader's donations, for their data export."""

    def when(value):
        return value.isoformat() if value else None

    donations = Donation.objects.filter(reader=user).order_by("created_at", "pk")
    monthly = MonthlyDonation.objects.filter(reader=user).order_by("created_at", "pk")
    return {
        "donations": [
            {
                "amount": str(d.amount) if d.amount is not None else None,
                "currency": d.currency,
                "method": d.method,
                "status": d.status,
                "monthly": d.monthly_id is not None,
                "name": d.name,
                "email": d.email,
                "created_at": when(d.created_at),
                "paid_at": when(d.paid_at),
                "reference": d.reference,
            }
            for d in donations
        ],
        "monthly_donations": [
            {
                "amount": str(m.amount),
                "currency": m.currency,
                "started_at": when(m.started_at),
                "cancelled_at": when(m.canceled_at),
            }
            for m in monthly
        ],
    }
