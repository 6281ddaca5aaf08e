"""On PostgreSQL, the combined headline and body vector as a function the planner knows to be dear.

PostgreSQL prices ``(title || body) @@ query`` per row as two cheap operators:
it does not count reading and unpacking the two toasted vectors, nearly all
of the real cost. For a word in most articles it then reads the whole table
instead of the GIN index («Schweiz», in 6,300 of 10,000 articles: 110 ms to
count the matches, 2 ms through the index). ``kiosk_search_vector`` computes
the same vector but is declared at its true price (``COST``); its ``SET``
clause keeps PostgreSQL from inlining it back into the cheap operators. The
GIN index of 0001 moves onto the function.
"""

from django.db import migrations

FUNCTION = "kiosk_search_vector"
OLD_INDEX = "kiosk_search_title_body_gin"
INDEX = "kiosk_search_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100 SET search_path = pg_catalog "
        "AS $$ SELECT title || body $$"
    )
    # fastupdate off, as in 0001: no pending list for the planner to overprice after bulk inserts.
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{table}" USING gin ({FUNCTION}("title", "body")) '
        "WITH (fastupdate = off)"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON "{table}" USING gin (("title" || "body")) WITH (fastupdate = off)'
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(tsvector, tsvector)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_title_body_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
