"""German deadline vocabulary and rule templates."""

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

_ONES = words("ein zwei drei vier fünf sechs sieben acht neun")
_TENS = words("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig")
NUMBERS = {w: i for i, w in enumerate(_ONES, start=1)}
NUMBERS |= {w: i for i, w in enumerate(["zehn", "elf", "zwölf"], start=10)}
NUMBERS |= {w: i for i, w in enumerate(words("dreizehn vierzehn fünfzehn sechzehn siebzehn"), 13)}
NUMBERS |= {"achtzehn": 18, "neunzehn": 19, "dreissig": 30, "hundert": 100, "tausend": 1000}
NUMBERS |= {w: 10 * i for i, w in enumerate(_TENS, start=2)}
NUMBERS |= {
    f"{one}und{ten}": i + 10 * j for i, one in enumerate(_ONES, 1) for j, ten in enumerate(_TENS, 2)
}
NUMBERS |= {w: 1 for w in ["eine", "einen", "einem", "einer", "eines"]}
NUMBERS |= {"einhundert": 100, "ein paar": 2, "zwei dutzend": 24}
# Halves: "zweieinhalb", "anderthalb" (1.5), "ein halbes Jahr", "eines halben Jahres"
NUMBERS |= {f"{one}einhalb": i + 0.5 for i, one in enumerate(_ONES[1:], start=2)}
NUMBERS |= {"anderthalb": 1.5, "eineinhalb": 1.5}
NUMBERS |= {
    f"{article} {half}": 0.5
    for article in ["ein", "eine", "einem", "einen", "eines", "einer"]
    for half in ["halb", "halbe", "halben", "halbes", "halber"]
}

UNITS = {
    **dict.fromkeys(["tag", "tage", "tagen", "tages"], ("day", 1)),
    **dict.fromkeys(["woche", "wochen"], ("week", 1)),
    **dict.fromkeys(["monat", "monate", "monaten", "monats"], ("month", 1)),
    **dict.fromkeys(["jahr", "jahre", "jahren", "jahres"], ("year", 1)),
    **dict.fromkeys(["stunde", "stunden"], ("hour", 1)),
    **dict.fromkeys(["jahrzehnt", "jahrzehnte", "jahrzehnten", "jahrzehnts"], ("year", 10)),
    **dict.fromkeys(["werktag", "werktage", "werktagen"], ("workday", 1)),
    "tägig": ("day", 1),
    "wöchig": ("week", 1),
    "monatig": ("month", 1),
    "stündig": ("hour", 1),
}
SINGULAR = frozenset(
    words("tag tages woche monat monats jahr jahres stunde jahrzehnt jahrzehnts werktag")
)

_RANGE = r"(?:\s*(?:bis|oder|[-–])\s*{NUM2})?"
_BY = r"(?:bis(?:\s+spätestens)?(?:\s+(?:zum|zur))?|spätestens(?:\s+(?:bis(?:\s+zum)?|zum))?)"
_BEFORE = r"(?P<before>vor|noch\s+vor)"
_EVENTS = (
    r"(?:Wahl|Wahlen|Bundestagswahl|Landtagswahl|Abstimmung|Referendum|Gipfel|Sommerpause|"
    r"Sommer|Winter|Weihnachten|Ostern|Ferien|Sommerferien|Olympischen\s+Spielen|"
    r"Weltmeisterschaft|Ramadan|Eröffnung|Sitzung|Sitzungswoche|Treffen|Besuch|Debatte|"
    r"Parlamentsferien|Weihnachtspause|Jahreswechsel|Herbst|Frühjahr|Frühling)"
)
_YEAR_END = r"(?!\w|[-/]\d)"
_START = r"(?P<start>ab\s+dem|ab|vom|seit\s+dem|mit\s+Wirkung\s+(?:vom|zum|ab))"
_NIGHT = r"in\s+der\s+Nacht\s+(?:zum|auf\s+den|auf)"

RULES = (
    (
        RELATIVE,
        r"\b(?:in|innerhalb|binnen|während|im\s+Laufe)\s+(?:von\s+)?(?:der|den)\s+"
        r"(?:nächsten|kommenden|folgenden)\s+{NUM}" + _RANGE + r"\s+{UNIT}",
    ),
    (
        RELATIVE,
        r"\b(?:(?P<amb>in|innerhalb(?:\s+von)?|binnen)|spätestens\s+in|in\s+weniger\s+als|"
        r"in\s+spätestens)\s+{NUM}" + _RANGE + r"\s+{UNIT}(?!\s+(?:nach|ab|seit)\b)",
    ),
    (RELATIVE, r"\b{NUM}\s+{UNIT}\s+(?:ab\s+(?:jetzt|heute)|von\s+(?:jetzt|heute)\s+an)\b"),
    (
        RELATIVE,
        r"\b(?:wird|werden|soll|sollen|dürfte|dürften|könnte|könnten)\s+(?:\S+\s+){0,5}?"
        r"(?:(?:noch|etwa|rund|ungefähr|bis\s+zu|weitere)\s+)*{NUM}"
        + _RANGE
        + r"\s+{UNIT}\s+dauern\b",
    ),
    (
        ULTIMATUM,
        r"\b(?:hat|haben|hatte|hatten|bekommt|bekommen|bekam|bekamen|erhält|erhalten|erhielt|"
        r"erhielten|bleiben|bleibt|blieben)\s+(?:(?:nur|noch|nun|jetzt|weitere)\s+)*{NUM}\s+"
        r"{UNIT}(?:\s+Zeit)?\s*,?\s+(?:um|bis|für|zu)\b",
    ),
    (ULTIMATUM, r"\b{NUM}\s+{UNIT}\s+Zeit\b"),
    (
        ULTIMATUM,
        r"\b(?:(?:eine|einer|die|der)\s+)?(?:Frist|Ultimatum|Galgenfrist)\s+von\s+{NUM}\s+{UNIT}",
    ),
    (
        ULTIMATUM,
        r"\b{NUM}[-\s]?(?P<unit>tägig|wöchig|monatig|stündig)\w*\s+(?:Frist|Ultimatum)\b",
    ),
    (
        VAGUE,
        r"\b(?P<amb>bald|demnächst|in\s+Kürze|in\s+naher\s+Zukunft|in\s+absehbarer\s+Zeit|zeitnah|"
        r"baldmöglichst|schnellstmöglich|so\s+(?:bald|schnell|rasch)\s+wie\s+möglich|"
        r"möglichst\s+(?:bald|schnell|rasch)|in\s+nächster\s+Zeit|zu\s+gegebener\s+Zeit|"
        r"in\s+absehbarer\s+Zukunft)\b",
    ),
    (
        VAGUE,
        r"\b(?:in|innerhalb|während|im\s+Laufe)\s+(?:der|den)\s+(?:nächsten|kommenden|folgenden)"
        r"\s+(?:paar\s+|wenigen\s+)?(?:Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden)\b",
    ),
    (
        VAGUE,
        r"\b(?:in|innerhalb)\s+(?:von\s+)?(?:wenigen|einigen|ein\s+paar)\s+"
        r"(?:Tagen|Wochen|Monaten|Jahren|Stunden)\b",
    ),
    (VAGUE, r"\b(?:innerhalb|binnen)\s+(?:von\s+)?{NUM}\s+{UNIT}\s+nach\b"),
    (
        VAGUE,
        r"\b(?P<amb>vor|nach|bis\s+zu|bis(?:\s+zum)?|spätestens\s+im)\s+(?:(?:der|den|dem)\s+)?"
        r"(?:nächsten\s+|kommenden\s+)?"
        r"(?:\w+(?:en|er|e)\s+)?" + _EVENTS + r"\b(?P<event>)",
    ),
    (
        DATE,
        r"\b(?:" + _BEFORE + r"\s+dem|" + _BY + r"|bis\s+am|(?P<amb>am|zum)|" + _START + r")\s+"
        r"(?:{WEEKDAY},?\s+(?:dem\s+|den\s+)?)?{DAY}\.?\s+{MONTH}(?:\s+{YEAR})?",
    ),
    (
        DATE,
        r"\b(?:" + _BEFORE + r"\s+dem|" + _BY + r"|(?P<amb>am|zum)|" + _START + r")\s+"
        r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.{YEAR}",
    ),
    (
        MONTH,
        r"\b(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|(?P<amb>im|in|diesen|kommenden|nächsten)|"
        + _START
        + r")\s+(?:kommenden\s+|nächsten\s+)?(?:{PART}\s+)?"
        r"(?:Monat\s+)?"
        r"{MONTH}(?:\s+(?:oder|und)\s+{MONTH})?(?:\s+{YEAR})?(?!\s*\d)",
    ),
    (MONTH, r"(?P<amb>)\b{PART}\s+{MONTH}(?:\s+{YEAR})?(?!\s*\d)"),
    # "von April 2022 auf Oktober 2024 verschieben": the new date (the old one is no deadline)
    (MONTH, r"\bauf\s+(?:{PART}\s+)?{MONTH}\s+{YEAR}(?!\s*\d)"),
    (
        YEAR,
        # "noch 2024", "noch im Jahr 2024": before that year is out
        r"\b(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|noch(?:\s+im\s+Jahre?)?|(?P<amb>im\s+Jahre?|in)|"
        + _START
        + r")\s+"
        r"(?:{PART}\s+)?"
        r"(?:(?:des\s+|dem\s+)?Jahr(?:es)?\s+)?{YEARX}" + _YEAR_END,
    ),
    (YEAR, r"(?P<amb>)\b{PART}\s+(?:des\s+Jahres\s+)?{YEARX}" + _YEAR_END),
    (
        QUARTER,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>im|in))\s+)?(?:{PART}\s+)?"
        r"(?:des\s+|dem\s+)?{ORD}\s+Quartals?(?:\s+(?:des\s+Jahres\s+)?{YEARX})?(?!\w)",
    ),
    (
        HALF,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>im|in))\s+)?(?:{PART}\s+)?"
        r"(?:des\s+|dem\s+|der\s+)?{ORD}\s+(?:Halbjahr(?:es|s)?|Jahreshälfte)"
        r"(?:\s+(?:des\s+Jahres\s+)?{YEARX})?(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:am|gegen|zum)\s+|))"
        r"{PART}\s+(?:(?:des|der|dieses|dieser|diesen)\s+)?(?:{REL}\s+)?{PERIOD}(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s+(?:zum\s+)?|(?P<amb>(?:zum|am)\s+|))"
        r"(?P<period>Jahres|Monats|Woche)n?(?P<part>ende)\b",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:im|in\s+der|in\s+dieser)\s+|))"
        r"{REL}\s+{PERIOD}(?!\w)",
    ),
    (
        WEEKDAY,
        r"\b(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"(?:\s+am)?|(?:am\s+)?(?:kommenden|nächsten)|(?P<on>am))\s+"
        r"{WEEKDAY}",
    ),
    (WEEKDAY, r"\b(?:" + _BY + r"\s+" + _NIGHT + r"|(?P<on>" + _NIGHT + r"))\s+{WEEKDAY}"),
    (WEEKDAY, r"\b(?:ab\s+|seit\s+)(?P<start>){WEEKDAY}"),
    (
        TODAY,
        r"\b(?:bis|spätestens)\s+(?:(?:zum|am)\s+)?(?:heute(?:\s+(?:Abend|Nacht|Mittag|Nachmittag|"
        r"Vormittag|um\s+(?:Mitternacht|\d{1,2}(?:[.:]\d\d)?\s*Uhr)))?|(?:zum\s+)?Tagesende|"
        r"Mitternacht)\b",
    ),
    (TODAY, r"\bim\s+(?:Laufe|Lauf)\s+des\s+(?:heutigen\s+)?Tages\b"),
    (TOMORROW, r"\b(?:bis\s+)?(?-i:morgen)\b"),
    (
        PAST,
        r"\bvor\s+(?:(?:wenigen|einigen|ein\s+paar|mehreren)\s+)?(?:{NUM}\s+)?{UNIT}(?!\w)",
    ),
    (
        PAST,
        r"\bseit\s+(?:(?:dem|der)\s+)?(?:{PART}\s+)?(?:{DAY}\.?\s+)?(?:{MONTH}\s+)?"
        r"(?:(?:dem\s+)?Jahr\s+)?{YEAR}",
    ),
    (PAST, r"\bseit\s+(?:{PART}\s+)?(?:{DAY}\.?\s+)?{MONTH}"),
    (
        PAST,
        r"\b(?:letzte[nrs]?|vergangene[nrs]?|vorige[nmrs]?)\s+(?:{PERIOD}|{WEEKDAY}|{MONTH})(?!\w)",
    ),
    (PAST, r"\b(?:in\s+den\s+)?(?:letzten|vergangenen)\s+(?:{NUM}\s+)?{UNIT}(?!\w)"),
)

LANGUAGE = Language(
    code="de",
    numbers=NUMBERS,
    number_joiner=r"\s+",
    units=UNITS,
    singular_units=SINGULAR,
    periods={
        "woche": "week",
        "monat": "month",
        "monats": "month",
        "jahr": "year",
        "jahres": "year",
        "wochenende": "week",
    },
    rel={
        **dict.fromkeys(["nächste", "nächsten", "nächster", "nächstes"], 1),
        **dict.fromkeys(["kommende", "kommenden", "kommender", "kommendes"], 1),
        **dict.fromkeys(words("diese diesen dieser dieses laufenden laufende"), 0),
        **dict.fromkeys(["neue", "neuen", "neuer", "neues"], 1),
    },
    year_rel={
        **dict.fromkeys(["nächstes jahr", "nächsten jahres", "kommendes jahr"], 1),
        **dict.fromkeys(["kommenden jahres", "des nächsten jahres", "des kommenden jahres"], 1),
        **dict.fromkeys(["dieses jahr", "dieses jahres", "diesen jahres"], 0),
        "des laufenden jahres": 0,
    },
    parts={"anfang": "early", "beginn": "early", "mitte": "mid", "ende": "end"},
    ordinals={
        **dict.fromkeys(["ersten", "erste", "erstes", "1."], 1),
        **dict.fromkeys(["zweiten", "zweite", "zweites", "2."], 2),
        **dict.fromkeys(["dritten", "dritte", "drittes", "3."], 3),
        **dict.fromkeys(["vierten", "vierte", "viertes", "4.", "letzten"], 4),
    },
    rules=RULES,
    past_markers=(
        r"wurde|wurden|war|waren|hatte|hatten|gestern|bereits|sagte|erklärte|teilte|kündigte|"
        r"vergangenen|letzten|"
        # Preterites of the verbs news reports use most ("stiegen im März", "eröffnete …")
        r"stiegen?|sanken?|fielen?|traten?|kamen?|gingen?|gaben?|nahmen?|begann(?:en)?|lagen?|"
        r"schlossen?|schloss|fanden?|hielten?|blieben?|wuchsen?|gewann(?:en)?|verlor(?:en)?|"
        r"\w*(?:öffnete|schloss|stellte|legte|führte|setzte|kaufte|zahlte)n?"
    ),
    future_markers=(
        r"wird|werden|soll|sollen|will|wollen|muss|müssen|würde|würden|könnte|könnten|kann|"
        r"können|dürfte|dürften|ist|sind|plant|planen|geplant|voraussichtlich|morgen|zu|um|"
        # the subjunctive of reported speech: "die Brücke werde im März fertig"
        r"werde|werden|solle|wolle|müsse|könne"
    ),
    boundary_words=frozenset(words("dass und aber als wenn weil während obwohl sondern ob wo")),
    auxiliaries=frozenset(words("hat haben hatte hatten ist sind war waren")),
    weak_future=frozenset(words("ist sind zu um")),
    stopwords=frozenset(
        words(
            "der die das und den dem ist nicht wird werden bis im mit von zu ein eine "
            "sich auf des für dass sagte"
        )
    ),
    keywords=tuple(
        words(
            "bald demnächst kürze zukunft zeit zeitnah baldmöglichst schnellstmöglich morgen "
            "frist ultimatum galgenfrist quartal quartals halbjahr jahreshälfte jahresende "
            "monatsende seit wahl wahlen bundestagswahl landtagswahl abstimmung referendum "
            "gipfel sommerpause sommer winter weihnachten ostern ferien sommerferien "
            "olympischen weltmeisterschaft ramadan heute tagesende mitternacht laufe nacht "
            "möglich gegebener dauern eröffnung sitzung treffen besuch debatte "
            "parlamentsferien jahreswechsel frühestens spätestens"
        )
    ),
    reporting_verbs=r"sagte|erklärte|kündigte|teilte|betonte|berichtete|gesagt|erklärt|angekündigt",
    weekdays_extra={"sonnabend": 5},
    weekday_suffix=r"morgen|vormittag|mittag|nachmittag|abend|nacht",
    present_is_future=True,
    start_verbs=r"beginn\w*|begann\w*|begonnen|start\w*|anlaufen|läuft",
    end_verbs=r"fertig\w*|abgeschlossen|abschließ\w*|abzuschließen|beend\w*|vollendet",
    negations=r"nicht|nie|niemals|kein|keine|keinen",
    bound_words=r"vor|bis",
    earliest_before=r"frühestens|nicht\s+vor",
    earliest_after=r"frühestens",
    past_plan=(
        r"\b(?:sollte|sollten)\s+(?:\S+\s+){0,3}?(?:eigentlich|ursprünglich|schon)\b|"
        r"\b(?:ursprünglich|eigentlich)\b(?:\s+\S+){0,4}?\s+(?:geplant|vorgesehen|angepeilt|"
        r"anvisiert)\b|\bhätten?\b|\bwar(?:en)?\s+(?:\S+\s+){0,3}?(?:geplant|vorgesehen)\b"
    ),
    forward=(
        r"\b(?:erwartet|vorgesehen|angestrebt|aufgefordert|aufforderte|fordert\w*|verlangt\w*|"
        r"Ziel|versprochen|zugesagt)\b"
    ),
    expired=r"\b(?:abgelaufen|verstrich|verstrichen|endete)\b|\blief\b(?:\s+\S+){0,4}?\s+ab\b",
    routine=(
        r"\bjede[nmrs]?\s+(?:Tag|Woche|Monat|Jahr)\b|\balle\s+(?:\d+\s+|zwei\s+|drei\s+|paar\s+)?"
        r"(?:Tage|Wochen|Monate|Jahre)\b|\b(?:normalerweise|üblicherweise|in\s+der\s+Regel|"
        r"grundsätzlich|regelmäßig|im\s+Voraus)\b"
    ),
)
