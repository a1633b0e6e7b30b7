"""French deadline vocabulary and rule templates."""

from claims.deadlines.lang.base import (
    DATE,
    HALF,
    MONTH,
    PAST,
    PERIOD,
    QUARTER,
    RELATIVE,
    TODAY,
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
_START = r"(?P<start>dès|à\s+partir\s+d[eu]|à\s+compter\s+d[eu])"
_NUMERIC = r"(?P<day_n>\d{1,2})[/.-](?P<month_n>\d{1,2})[/.-](?P<year_n>\d{4})(?![\d/.-])"
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
        # "18 mois après le scrutin" counts from an event; "après avoir annoncé" is a clause
        r"qui\s+viennent))?(?!\s+(?:après|suivant)\b(?!\s+(?:avoir|être)\b))",
    ),
    (RELATIVE, r"\b{NUM}\s+{UNIT}\s+à\s+partir\s+d['’](?:aujourd['’]hui|maintenant)"),
    (
        RELATIVE,
        r"\b(?:faudra|prendra|prendront|nécessitera|nécessiteront|demandera|demanderont)\s+"
        r"(?:(?:environ|encore|près\s+de|quelque|seulement|au\s+moins)\s+)?{NUM}"
        + _RANGE
        + r"\s+{UNIT}",
    ),
    (
        ULTIMATUM,
        r"\b(?:a|ont|avait|avaient|aura|auront|disposent?\s+de|disposai(?:t|ent)\s+de|"
        r"disposer(?:a|ont)\s+de|(?:a|ont)\s+reçu|reçoi(?:t|vent))\s+(?:(?:désormais|encore|"
        r"seulement|maintenant|plus\s+que|que|jusqu['’]à)\s+)*{NUM}\s+{UNIT}\s+(?:de\s+plus\s+)?pour\b",
    ),
    (
        ULTIMATUM,
        r"\b(?:donné|accordé|laissé|octroyé|donne|accorde|laisse|octroie|donnent|accordent|"
        r"laissent)\s+(?:\w+\s+){0,3}?{NUM}\s+{UNIT}\s+(?:de\s+plus\s+)?(?:pour|à|aux?)\b",
    ),
    (
        ULTIMATUM,
        r"\bil\s+(?:ne\s+)?(?:nous\s+|leur\s+|lui\s+)?reste\s+(?:plus\s+)?(?:que\s+)?{NUM}\s+{UNIT}\s+pour\b",
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
        r"le\s+plus\s+tôt\s+possible|en\s+temps\s+(?:voulu|utile)|ultérieurement|"
        r"dans\s+les\s+(?:meilleurs|plus\s+brefs)\s+délais|au\s+plus\s+vite)(?!\w)",
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
    (
        VAGUE,
        r"\b(?:dans\s+les|d['’]ici)\s+{NUM}\s+{UNIT}\s+(?:suivant|après|qui\s+suivent)"
        r"(?!\s+(?:avoir|être)\b)",
    ),
    (
        VAGUE,
        r"\b(?P<amb>avant|après|d['’]ici)\s+(?:les\s+|le\s+|la\s+|l['’])(?:prochaine?s?\s+)?"
        r"(?:élections?|scrutins?|vote|sommet|référendum|vacances|été|hiver|printemps|automne|"
        r"ramadan|noël|jeux\s+olympiques|coupe\s+du\s+monde|rentrée|présidentielle|législatives|"
        r"municipales|ouverture|inauguration|session|réunion|visite|débat|trêve|conseil|congrès)"
        r"(?!\w)(?P<event>)",
    ),
    (
        VAGUE,  # "d'ici la fin de son mandat", "rapidement après la déclaration": events
        r"\b(?P<amb>d['’]ici|avant|à)\s+la\s+fin\s+(?:de\s+(?:son|mon|notre|leur|ce)|du)\s+"
        r"(?:mandat|quinquennat|septennat|législature)(?!\w)(?P<event>)",
    ),
    (
        VAGUE,
        r"\b(?:(?:assez|très|plus|peu|juste)\s+)?(?:rapidement|vite|tôt|peu)[\"”»]?\s+"
        r"(?P<amb>après|avant)\s+(?:la|le|les|l['’])\s*\w+(?P<event>)",
    ),
    (
        DATE,
        r"\b(?:"
        + _BEFORE
        + r"\s+le|"
        + _BY
        + r"\s*(?:le|au)?|(?P<amb>le|ce)|"
        + _START
        + r"(?:\s+le)?)"
        r"\s+(?:{WEEKDAY}\s+)?(?:{DAY}\s+{MONTH}(?:\s+{YEAR})?|" + _NUMERIC + ")",
    ),
    (
        DATE,  # "au Conseil des ministres du 28 mars, suivra …": a meeting's date, read by tense
        r"(?P<amb>)\b(?:[Cc]onseil\s+des\s+ministres|réunion|séance|session|sommet|conférence|"
        r"audience|rendez-vous|scrutin)\s+du\s+(?:{WEEKDAY}\s+)?{DAY}\s+{MONTH}(?:\s+{YEAR})?",
    ),
    (
        MONTH,  # "reporté à octobre 2024": the new date
        r"\b(?:report|repouss|décal|ajourn)\w*\s+(?:à|en|au\s+mois\s+d['’]|au\s+mois\s+de)\s*"
        r"(?:" + _ART + r"?{PART}" + _PART_SEP + r")?{MONTH}(?:\s+{YEAR})?(?!\s*\d)",
    ),
    (
        MONTH,
        r"\b(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|(?P<amb>en|au\s+mois\s+d['’]|au\s+mois\s+de|courant)|"
        + _START
        + r")\s*(?:"
        + _ART
        + r"?{PART}"
        + _PART_SEP
        + r")?{MONTH}(?:\s+(?:ou|et)\s+{MONTH})?(?:\s+{YEAR})?(?!\s*\d)",
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
        + r"|(?P<amb>en|courant)|"
        + _START
        + r")\s*(?:"
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
    (
        WEEKDAY,  # "est programmé mercredi en Conseil des ministres"
        r"\b(?:programmée?s?|prévue?s?|fixée?s?|inscrite?s?|attendue?s?)\s+(?:pour\s+)?(?:ce\s+)?"
        r"{WEEKDAY}(?!\w)",
    ),
    (WEEKDAY, r"\b{WEEKDAY}(?:\s+(?:matin|midi|après-midi|soir))?,?\s+au\s+plus\s+tard(?!\w)"),
    (
        PERIOD,
        r"\b(?:(?:d['’]ici|avant|pour)\s+|(?P<amb>dans\s+|durant\s+|pendant\s+|au\s+cours\s+du\s+|"
        r"ce\s+))(?:le\s+)?(?P<period>week[-\s]?end)(?!\w)",
    ),
    (TOMORROW, r"\b(?:d['’]ici|pour|jusqu['’]à)\s+demain\b"),
    (
        TODAY,
        r"\b(?:jusqu['’]\s*(?:à|au)|d['’]ici|avant|pour)\s+(?:(?:\d{1,2}\s*h(?:eures?)?(?:\s*\d\d)?|midi|"
        r"minuit)\s+)?(?:aujourd['’]hui|ce\s+soir|cette\s+nuit)(?!\w)",
    ),
    (TODAY, r"\b(?:dans\s+la\s+journée|d['’]ici\s+(?:la\s+)?fin\s+de\s+(?:la\s+)?journée)(?!\w)"),
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
    periods={
        "semaine": "week",
        "mois": "month",
        "année": "year",
        "an": "year",
        "week-end": "week",
        "weekend": "week",
        "week end": "week",
    },
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
    past_markers=r"été|avait|avaient|était|étaient|fut|furent|eut|hier|déjà|\w{3,}(?:ait|aient)",
    auxiliaries=frozenset(words("a ont ai as avons avez avait avaient est sont")),
    weak_future=frozenset(words("est sont pour afin")),
    future_markers=(
        r"sera|seront|serait|seraient|va|vont|doit|doivent|devrait|devraient|pourrait|pourraient|"
        r"peut|peuvent|prévu|prévue|prévus|prévues|compte|comptent|entend|entendent|veut|veulent|"
        r"est|sont|pour|afin|\w{2,}(?:ra|ront)|aurai(?:t|ent)|\w*(?:e|i|d|v|rr)rai(?:t|ent)"
    ),
    boundary_words=frozenset(words("que qu et mais quand qui lorsque où dont car si tandis")),
    stopwords=frozenset(
        words(
            "le les des du et est une dans sera au aux ce cette pour sur qui il d l ici ont pas ne"
        )
    ),
    keywords=tuple(
        words(
            "bientôt prochainement rapidement vite mandat quinquennat programmé programmée prévu "
            "prévue peu tarder incessamment avenir futur terme échéance "
            "possible délai ultimatum demain trimestre semestre depuis élections élection "
            "scrutin scrutins vote sommet référendum vacances été hiver printemps automne "
            "ramadan noël olympiques coupe rentrée présidentielle législatives municipales "
            "aujourd soir nuit journée tard tôt faudra reste prendra week weekend voulu utile "
            "ultérieurement délais vite ouverture inauguration session réunion visite débat "
            "trêve conseil congrès"
        )
    ),
    past_participle=(
        r"\w{3,}(?:é|ée|és|ées)|(?:(?:r|re|ré)?ouvert|(?:dé|re)?couvert|offert|(?:re|pro|ad|per)?mis|"
        r"(?:re|com|sur)?pris|fait|écrit|atteint|(?:re)?construit|conclu|obtenu|(?:re)?tenu|venu|"
        r"perdu|vendu|rendu|reçu|eu|dû|pu|voulu|su)e?s?"
    ),
    reporting_verbs=r"dit|déclaré|annoncé|affirmé|indiqué|expliqué|assuré|précisé",
    half_after=r"\s+et\s+demie?",
    present_is_future=True,
    start_verbs=r"débute\w*|débuter\w*|commenc\w*|démarr\w*",
    end_verbs=r"termin\w*|achev\w*|fini\w*|livr\w*|prête?s?|inaugur\w*",
    negations=r"pas|jamais|plus|guère",
    bound_words=r"avant|jusqu",
    earliest_before=r"pas\s+avant|au\s+plus\s+tôt",
    earliest_after=r"au\s+plus\s+tôt|au\s+mieux",
    past_plan=(
        r"\b(?:devait|devaient|aurait\s+dû|auraient\s+dû|(?:était|étaient|avait\s+été|"
        r"avaient\s+été)\s+(?:initialement\s+)?prévue?s?|initialement\s+prévue?s?|"
        r"avai(?:t|ent)\s+promis)\b"
    ),
    forward=(
        r"\b(?:exhort|somm|ordonn|demand|enjoin|intim|appel)\w*\b(?:\s+\S+){0,8}?\s+(?:à|de|d['’])"
        r"\s*\w+|\b(?:objectif|ambition|échéance|cible)\b|\b(?:engagée?s?|promis|juré)\s+(?:à|de|d['’])"
    ),
    expired=r"\b(?:expiré|expire|échu|a\s+pris\s+fin|est\s+arrivé\s+à\s+(?:terme|échéance))\b",
    routine=(
        r"\bchaque\s+(?:jour|semaine|mois|année|an)\b|\btou(?:s|tes)\s+les\s+(?:\d+\s+)?(?:jours|"
        r"semaines|mois|ans|années)\b|\b(?:habituellement|généralement|normalement|"
        r"d['’]ordinaire|en\s+règle\s+générale)\b|\bà\s+l['’]avance\b"
    ),
)
