"""Date and time input in the admin, the Swiss way in every admin language (FORMAT_MODULE_PATH).

Wagtail's date pickers write WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT (13.09.2023 10:36);
Django must read that back in English and French too, where its own formats are American or
use slashes. ISO dates (2023-09-13) are still accepted, as Django adds them to every list.
"""
