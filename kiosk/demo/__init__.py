"""The demo newsroom that ``manage.py load_demo`` loads: content as data, pictures painted locally."""
