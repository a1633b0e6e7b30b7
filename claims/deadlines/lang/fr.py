"""French deadline vocabulary and rule templates."""

from claims.deadlines.lang.base import (
    DATE,
    HALF,
    MONTH,
    PAST,
    PERIOD,
    QUARTER,
    RELATIVE,
    TOMORROW,
    ULTIMATUM,
    VAGUE,
    WEEKDAY,
    YEAR,
    Language,
    words,
)

_WORDS = words(
    "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf vingt"
)
NUMBERS = {w: i for i, w in enumerate(_WORDS, start=1)}
NUMBERS |= {"une": 1, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
NUMBERS |= {"soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90}
NUMBERS |= {"cent": 100, "cents": 100, "mille": 1000}
NUMBERS |= {"un demi": 0.5, "une demi": 0.5}  # "un demi siècle"

UNITS = {
    "jour": ("day", 1),
    "jours": ("day", 1),
    "semaine": ("week", 1),
    "semaines": ("week", 1),
    "mois": ("month", 1),
    "an": ("year", 1),
    "ans": ("year", 1),
    "année": ("year", 1),
    "années": ("year", 1),
    "heure": ("hour", 1),
    "heures": ("hour", 1),
    "quinzaine": ("day", 15),
    "quinzaine de jours": ("day", 15),
    "décennie": ("year", 10),
    "décennies": ("year", 10),
    "jour ouvrable": ("workday", 1),
    "jours ouvrables": ("workday", 1),
    "jours ouvrés": ("workday", 1),
}
SINGULAR = frozenset(
    ["jour", "semaine", "mois", "an", "année", "heure", "quinzaine", "quinzaine de jours"]
)

_RANGE = r"(?:\s+(?:à|ou)\s+{NUM2}|\s*[-–]\s*{NUM2})?"
_BY = r"(?:d['’]ici(?:\s+à(?!\s+la\b))?|jusqu['’]\s*(?:au|à|en)|au\s+plus\s+tard|pour)"
_BEFORE = r"(?P<before>avant)"
_NEXT = r"(?:prochaine?s|suivante?s)"
_ART = r"(?:la\s+|le\s+|l['’]|à\s+la\s+|au\s+)"
_PART_SEP = r"[-\s]*(?:de\s+|d['’])?"
_YEAR_END = r"(?!\w|[-/]\d)"

RULES = (
    (
        RELATIVE,
        r"\b(?:dans\s+un\s+délai\s+(?:maximum\s+|maximal\s+)?de|en\s+moins\s+de|dans|"
        r"en\s+l['’]espace\s+de|"
        r"au\s+cours\s+des|durant\s+les|pendant\s+les|lors\s+des|d['’]ici|sous|(?P<amb>en))\s+"
        r"(?:les\s+)?{NUM}"
        + _RANGE
        + r"\s+(?:"
        + _NEXT
        + r"\s+)?{UNIT}(?:\s+(?:"
        + _NEXT
        + r"|à\s+venir|"
        r"qui\s+viennent))?(?!\s+(?:après|suivant)\b)",
    ),
    (RELATIVE, r"\b{NUM}\s+{UNIT}\s+à\s+partir\s+d['’](?:aujourd['’]hui|maintenant)"),
    (
        ULTIMATUM,
        r"\b(?:a|ont|avait|avaient|aura|auront|disposent?\s+de|disposai(?:t|ent)\s+de|"
        r"disposer(?:a|ont)\s+de|(?:a|ont)\s+reçu|reçoi(?:t|vent))\s+(?:(?:désormais|encore|"
        r"seulement|maintenant|plus\s+que|que|jusqu['’]à)\s+)*{NUM}\s+{UNIT}\s+(?:de\s+plus\s+)?pour\b",
    ),
    (
        ULTIMATUM,
        r"\b(?:donné|accordé|laissé|donne|accorde|laisse|donnent|accordent|laissent)\s+"
        r"(?:\w+\s+){0,2}?{NUM}\s+{UNIT}\s+(?:de\s+plus\s+)?pour\b",
    ),
    (
        ULTIMATUM,
        r"\b(?:un\s+|le\s+|d['’]un\s+)?(?:délai|ultimatum)\s+(?:maximum\s+|maximal\s+)?de\s+"
        r"{NUM}\s+{UNIT}",
    ),
    (
        VAGUE,
        r"\b(?P<amb>bientôt|prochainement|sous\s+peu|d['’]ici\s+peu|sans\s+tarder|incessamment|"
        r"dans\s+un\s+(?:proche\s+avenir|avenir\s+proche|futur\s+proche)|"
        r"à\s+(?:court|brève)\s+(?:terme|échéance)|dès\s+que\s+possible|"
        r"le\s+plus\s+tôt\s+possible)(?!\w)",
    ),
    (
        VAGUE,
        r"\b(?:dans\s+les|au\s+cours\s+des|durant\s+les|pendant\s+les|lors\s+des)\s+(?:(?:tout\s+)?"
        + _NEXT
        + r"\s+(?:jours|semaines|mois|années|heures)|(?:jours|semaines|mois|années|heures)"
        r"\s+(?:à\s+venir|qui\s+viennent|" + _NEXT + r"))(?!\w)",
    ),
    (
        VAGUE,
        r"\b(?:dans|d['’]ici|en)\s+(?:quelques|plusieurs)\s+(?:jours|semaines|mois|heures|années)"
        r"(?!\w)",
    ),
    (VAGUE, r"\b(?:dans\s+les|d['’]ici)\s+{NUM}\s+{UNIT}\s+(?:suivant|après|qui\s+suivent)"),
    (
        VAGUE,
        r"\b(?P<amb>avant|après|d['’]ici)\s+(?:les\s+|le\s+|la\s+|l['’])(?:prochaine?s?\s+)?"
        r"(?:élections?|scrutins?|vote|sommet|référendum|vacances|été|hiver|printemps|automne|"
        r"ramadan|noël|jeux\s+olympiques|coupe\s+du\s+monde|rentrée|présidentielle|législatives|"
        r"municipales)(?!\w)",
    ),
    (
        DATE,
        r"\b(?:"
        + _BEFORE
        + r"\s+le|"
        + _BY
        + r"\s*(?:le|au)?|(?P<amb>le|dès\s+le|à\s+partir\s+du))"
        r"\s+(?:{WEEKDAY}\s+)?{DAY}\s+{MONTH}(?:\s+{YEAR})?",
    ),
    (
        MONTH,
        r"\b(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>en|au\s+mois\s+d['’]|au\s+mois\s+de|courant|"
        r"dès))\s*(?:" + _ART + r"?{PART}" + _PART_SEP + r")?{MONTH}(?:\s+{YEAR})?(?!\s*\d)",
    ),
    (
        MONTH,
        r"(?P<amb>)\b" + _ART + r"?{PART}" + _PART_SEP + r"{MONTH}(?:\s+{YEAR})?(?!\s*\d)",
    ),
    (
        YEAR,
        r"\b(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|(?P<amb>en|dès|courant))\s*(?:"
        + _ART
        + r"?{PART}"
        + _PART_SEP
        + r")?(?:l['’]an(?:née)?\s+)?{YEARX}"
        + _YEAR_END,
    ),
    (
        YEAR,
        r"(?P<amb>)\b"
        + _ART
        + r"?{PART}"
        + _PART_SEP
        + r"(?:l['’]an(?:née)?\s+)?{YEARX}"
        + _YEAR_END,
    ),
    (
        QUARTER,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>au|en))\s*)?"
        r"(?:(?:la\s+|le\s+)?{PART}\s+du\s+)?"
        r"(?:le\s+|du\s+|au\s+)?{ORD}\s+trimestre(?:\s+(?:de\s+|d['’])?(?:l['’]année\s+)?{YEARX})?"
        r"(?!\w)",
    ),
    (
        HALF,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>au|en))\s*)?"
        r"(?:(?:la\s+|le\s+)?{PART}\s+du\s+)?"
        r"(?:le\s+|du\s+|au\s+)?{ORD}\s+semestre(?:\s+(?:de\s+|d['’])?(?:l['’]année\s+)?{YEARX})?"
        r"(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s*|(?P<amb>(?:à|vers)\s+|))(?:la\s+|le\s+)?"
        r"{PART}\s*(?:de\s+|du\s+|d['’])?(?:la\s+|le\s+|l['’]|cette\s+|ce\s+)?{PERIOD}"
        r"(?:\s+{REL})?(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s*|(?P<amb>(?:dans|durant|pendant|au\s+cours\s+de)"
        r"\s+|))(?:la\s+|le\s+|l['’])?{PERIOD}\s+{REL}(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s*|(?P<amb>(?:dans|durant|pendant|au\s+cours\s+de)"
        r"\s+|))(?:cette|ce)\s+{PERIOD}(?:-ci)?(?!\w)",
    ),
    (
        WEEKDAY,
        r"\b(?:" + _BEFORE + r"|" + _BY + r"|(?P<on>ce))\s+{WEEKDAY}(?:\s+prochain)?(?!\w)",
    ),
    (WEEKDAY, r"\b{WEEKDAY}\s+prochain(?!\w)"),
    (TOMORROW, r"\b(?:d['’]ici|pour|jusqu['’]à)\s+demain\b"),
    (
        PAST,
        r"\bil\s+y\s+(?:a|avait)\s+(?:(?:quelques|plusieurs)\s+)?(?:{NUM}\s+)?{UNIT}",
    ),
    (
        PAST,
        r"\bdepuis\s+" + _ART + r"?(?:{PART}" + _PART_SEP + r")?(?:{DAY}\s+)?(?:{MONTH}\s+)?"
        r"(?:l['’]an(?:née)?\s+)?{YEAR}",
    ),
    (PAST, r"\bdepuis\s+" + _ART + r"?(?:{PART}" + _PART_SEP + r")?(?:{DAY}\s+)?{MONTH}"),
    (
        PAST,
        r"\b(?:la\s+|le\s+|l['’]|en\s+)?(?:{PERIOD}|{WEEKDAY}|{MONTH})\s+(?:derni(?:er|ère)|"
        r"passée?|précédente?)(?!\w)",
    ),
    (
        PAST,
        r"\b(?:ces|les|au\s+cours\s+des|durant\s+les|pendant\s+les)\s+(?:{NUM}\s+)?"
        r"(?:derni(?:er|ère)s|précédente?s)\s+{UNIT}",
    ),
)

LANGUAGE = Language(
    code="fr",
    numbers=NUMBERS,
    number_joiner=r"(?:\s*-\s*et\s*-\s*|\s*-\s*|\s+(?:et\s+)?)",
    units=UNITS,
    singular_units=SINGULAR,
    periods={"semaine": "week", "mois": "month", "année": "year", "an": "year"},
    rel={
        "prochain": 1,
        "prochaine": 1,
        "qui vient": 1,
        "en cours": 0,
    },
    year_rel={
        "cette année": 0,
        "l'année prochaine": 1,
        "l'an prochain": 1,
        "l'année en cours": 0,
    },
    parts={
        "début": "early",
        "debut": "early",
        "commencement": "early",
        "mi": "mid",
        "milieu": "mid",
        "fin": "end",
    },
    ordinals={
        "premier": 1,
        "1er": 1,
        "deuxième": 2,
        "second": 2,
        "2e": 2,
        "troisième": 3,
        "3e": 3,
        "quatrième": 4,
        "4e": 4,
        "dernier": 4,
    },
    rules=RULES,
    day_suffix=r"(?:er|e)?",
    past_markers=r"été|avait|avaient|était|étaient|fut|furent|eut|hier|déjà",
    future_markers=(
        r"sera|seront|serait|seraient|va|vont|doit|doivent|devrait|devraient|pourrait|pourraient|"
        r"peut|peuvent|prévu|prévue|prévus|prévues|compte|comptent|entend|entendent|veut|veulent|"
        r"est|sont|pour|afin|\w{2,}(?:ra|ront|rait|raient)"
    ),
    boundary_words=frozenset(words("que qu et mais quand qui lorsque où dont car si tandis")),
    stopwords=frozenset(
        words(
            "le les des du et est une dans sera au aux ce cette pour sur qui il d l ici ont pas ne"
        )
    ),
    keywords=(
        "bientôt",
        "prochainement",
        "peu",
        "tarder",
        "incessamment",
        "avenir",
        "futur",
        "terme",
        "échéance",
        "possible",
        "délai",
        "ultimatum",
        "demain",
        "trimestre",
        "semestre",
        "depuis",
        "élections",
        "élection",
        "scrutin",
        "scrutins",
        "vote",
        "sommet",
        "référendum",
        "vacances",
        "été",
        "hiver",
        "printemps",
        "automne",
        "ramadan",
        "noël",
        "olympiques",
        "coupe",
        "rentrée",
        "présidentielle",
        "législatives",
        "municipales",
    ),
    past_participle=(
        r"\w{3,}(?:é|ée|és|ées)|(?:(?:r|re|ré)?ouvert|(?:dé|re)?couvert|offert|(?:re|pro|ad|per)?mis|"
        r"(?:re|com|sur)?pris|fait|écrit|atteint|(?:re)?construit|conclu|obtenu|(?:re)?tenu|venu|"
        r"perdu|vendu|rendu|reçu|eu|dû|pu|voulu|su)e?s?"
    ),
    reporting_verbs=r"dit|déclaré|annoncé|affirmé|indiqué|expliqué|assuré|précisé",
    half_after=r"\s+et\s+demie?",
)
