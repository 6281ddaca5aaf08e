# Swiss first, then French (day-first as well: 02/12/2026 is 2 December).
from django.conf.locale.fr import formats as french

from config.formats import swiss

DATE_INPUT_FORMATS = [*swiss.DATE_INPUT_FORMATS, *french.DATE_INPUT_FORMATS]
TIME_INPUT_FORMATS = swiss.TIME_INPUT_FORMATS
DATETIME_INPUT_FORMATS = [*swiss.DATETIME_INPUT_FORMATS, *french.DATETIME_INPUT_FORMATS]
