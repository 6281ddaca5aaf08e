"""The moderation desk's demo: a week of decisions for the dashboard, and a queue of varied risk to work.

Written for Kiosk; every text is the demo's own.
"""

from __future__ import annotations

# A second moderator, so the dashboard's decisions per moderator compare two people.
NIGHT_MODERATOR_USERNAME = "moderation-abend"
NIGHT_MODERATOR_EMAIL = "moderation-abend@kiosk.example"

# What readers wrote during the week; combined with the article's title so no two are alike.
HISTORY_OPENINGS = (
    "Danke für die Übersicht",
    "Spannend zu lesen",
    "Mir fehlt hier eine Zahl",
    "Das sehe ich etwas anders",
    "Gute Recherche",
    "Eine Frage an die Redaktion",
    "Bei uns im Dorf ist das ähnlich",
    "Endlich schreibt jemand darüber",
)
HISTORY_ENDINGS = (
    "Ich bin gespannt, wie es weitergeht.",
    "Wer hat das am Ende zu bezahlen?",
    "Ein Nachtrag in ein paar Wochen wäre schön.",
    "Die Grafik hat mir geholfen.",
    "Hoffentlich hört man auch die Gegenseite.",
    "So etwas bräuchten wir öfter.",
)
# Rejected in the history under these house rules, in turn.
HISTORY_REJECTED_RULES = ("off_topic", "insult", "spam")
HISTORY_PER_ARTICLE = 14

# Waiting now: (author key, text, readers reporting it as (reason, how many)); the reader keys
# are demo.debate's. Suspect words from demo.debate.SUSPECT_WORDS are highlighted in the queue.
QUEUE = (
    ("marco", "Typisch Systemmedien, über die wirklichen Kosten schreibt wieder niemand.", ()),
    ("jonas", "Wer so etwas plant, ist ein Schwachkopf, ein richtiger Idiot.", ()),
    (
        "claire",
        "Super Angebote hier: https://angebot.example/1 https://angebot.example/2 "
        "https://angebot.example/3 https://angebot.example/4",
        (),
    ),
    ("yasmin", "Ich hätte gern gewusst, ob die Daten auch Schulen zur Verfügung stehen.", ()),
    ("peter", "Die Kosten wären in der Pflege besser aufgehoben gewesen.", ()),
)
# Published comments readers reported: (index into the showcase debate, reasons as (reason, how many)).
REPORTED = ((1, (("off_topic", 2),)), (5, (("insult", 3), ("misinformation", 1))))

# The staffed hours: every day around the clock (so the demo takes comments whenever it is
# tried, and the browser tests post at any hour), and one exception a newsroom would make.
HOURS_EXCEPTION_NOTE = "Demo: Bundesfeier, Moderation nur bis 18 Uhr"
HOURS_EXCEPTION_DAY = (8, 1)  # month, day: the next 1 August at least a month ahead
HOURS_EXCEPTION_SPAN = ((6, 0), (18, 0))
