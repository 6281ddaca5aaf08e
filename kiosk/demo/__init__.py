"""The demo newsroom (``manage.py load_demo``): installed only where the demo is wanted (KIOSK_DEMO).

Nothing in Kiosk imports this app; it writes through the other apps' services
as readers, moderators and editors do.
"""
