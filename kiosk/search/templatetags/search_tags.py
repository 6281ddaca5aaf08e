from django import template

register = template.Library()


@register.filter
def input_date(field) -> str:
    """A date field's value as <input type="date"> wants it (ISO), whichever way the reader wrote it."""
    day = getattr(field.form, "cleaned_data", {}).get(field.name)
    if day is not None and not field.errors:
        return day.isoformat()
    value = field.value()
    return "" if value is None else str(value)
