"""Spanish deadline vocabulary and rule templates."""

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
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
)
NUMBERS = {w: i for i, w in enumerate(_WORDS, start=1)}
NUMBERS |= {"un": 1, "una": 1, "dieciseis": 16, "veintidos": 22, "veintitres": 23, "veintiseis": 26}
NUMBERS |= {
    w: 10 * i for i, w in enumerate(["treinta", "cuarenta", "cincuenta", "sesenta"], start=3)
}
NUMBERS |= {"setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100}
NUMBERS |= {"doscientos": 200, "trescientos": 300, "quinientos": 500, "mil": 1000}
NUMBERS |= {"medio": 0.5, "media": 0.5}  # "medio año", "media hora"

UNITS = {
    "día": ("day", 1),
    "días": ("day", 1),
    "dia": ("day", 1),
    "dias": ("day", 1),
    "semana": ("week", 1),
    "semanas": ("week", 1),
    "mes": ("month", 1),
    "meses": ("month", 1),
    "año": ("year", 1),
    "años": ("year", 1),
    "hora": ("hour", 1),
    "horas": ("hour", 1),
    "quincena": ("day", 15),
    "quincenas": ("day", 15),
    "década": ("year", 10),
    "décadas": ("year", 10),
    "día hábil": ("workday", 1),
    "días hábiles": ("workday", 1),
}
SINGULAR = frozenset([*words("día dia semana mes año hora quincena década"), "día hábil"])

_RANGE = r"(?:\s+(?:a|o|y)\s+{NUM2}|\s*[-–]\s*{NUM2})?"
_BY = r"(?:para|hasta|a\s+más\s+tardar(?:\s+(?:el|en|a))?|no\s+más\s+tarde\s+del?)"
_BEFORE = r"(?P<before>antes\s+del?)"
_NEXT = r"(?:próxim[oa]s|siguientes|venider[oa]s)"
_DATEX = (
    r"(?:día\s+)?(?:(?:próximo\s+)?{WEEKDAY}\s+)?(?:{DAY}\s+de\s+{MONTH}(?:\s+(?:de|del)\s+(?:año\s+)?{YEAR})?|"
    r"(?P<day_n>\d{1,2})[/.-](?P<month_n>\d{1,2})[/.-](?P<year_n>\d{4})(?![\d/.-]))"
)
_START = r"(?P<start>desde\s+el|a\s+partir\s+del?|(?:con\s+)?efecto\s+(?:desde|a\s+partir\s+de))"
_TERM = r"(?:gobierno|mandato|administración|sexenio|gestión|legislatura|presidencia)"
_YEAR_TAIL = r"(?:\s+(?:de|del)\s+(?:año\s+)?{YEAR})?(?!\s*\d)"

RULES = (
    (
        RELATIVE,
        r"\b(?:en|dentro\s+de|durante|a\s+lo\s+largo\s+de)\s+(?:l[oa]s\s+)?"
        + _NEXT
        + r"\s+{NUM}"
        + _RANGE
        + r"\s+{UNIT}",
    ),
    (
        RELATIVE,
        r"\b(?:en|dentro\s+de|durante)\s+l[oa]s\s+{NUM}\s+{UNIT}\s+(?:" + _NEXT + r"|que\s+vienen)",
    ),
    (
        RELATIVE,
        r"\b(?:(?P<amb>en)|dentro\s+de|en\s+menos\s+de|en\s+un\s+(?:plazo|periodo|período|lapso)"
        r"\s+(?:máximo\s+)?de|en\s+el\s+plazo\s+de|antes\s+de|a\s+más\s+tardar\s+en|"
        r"en\s+no\s+más\s+de)\s+(?:l[oa]s\s+)?{NUM}"
        + _RANGE
        + r"\s+{UNIT}(?!\s+(?:de|desde|tras|después)\b)",
    ),
    (RELATIVE, r"\b{NUM}\s+{UNIT}\s+(?:a\s+partir\s+de|desde)\s+(?:ahora|hoy)\b"),
    (
        RELATIVE,
        r"\b(?:llevar|tardar|demorar|tomar|requerir)(?:á|án)\s+(?:(?:unos|unas|aproximadamente|"
        r"alrededor\s+de|cerca\s+de|otros|otras|solo|sólo)\s+)?{NUM}" + _RANGE + r"\s+{UNIT}",
    ),
    (
        RELATIVE,
        r"\b(?:en|dentro\s+de|durante)\s+(?:el|la)\s+(?:próxim[oa]|siguiente)\s+{SUNIT}"
        r"(?!\s+(?:de|desde|tras|después)\b)",
    ),
    (
        ULTIMATUM,
        r"\b(?:tiene|tienen|tenía|tenían|tendrá|tendrán|disponen?\s+de|disponía(?:n)?\s+de|"
        r"cuentan?\s+con|(?:se\s+)?(?:le|les)\s+(?:dio|dieron|da|dan|otorgó|otorgaron|concedió|"
        r"concedieron)|recibió|recibieron)\s+(?:(?:solo|sólo|apenas|otros|otras|un\s+plazo\s+de|"
        r"un\s+máximo\s+de)\s+)*{NUM}\s+{UNIT}\s+(?:más\s+)?para\b",
    ),
    (ULTIMATUM, r"\b(?:un\s+|el\s+)?(?:plazo|ultimátum)\s+(?:máximo\s+)?de\s+{NUM}\s+{UNIT}"),
    (
        ULTIMATUM,
        r"\b(?:le\s+|les\s+|nos\s+)?(?:queda|quedan)\s+(?:solo\s+|sólo\s+)?{NUM}\s+{UNIT}\s+para\b",
    ),
    (
        VAGUE,
        r"\b(?P<amb>pronto|próximamente|en\s+breve|dentro\s+de\s+poco|en\s+(?:un|el)\s+futuro\s+"
        r"(?:próximo|cercano)|a\s+corto\s+plazo|en\s+el\s+corto\s+plazo|cuanto\s+antes|"
        r"lo\s+antes\s+posible|en\s+cuestión\s+de\s+(?:horas|días|semanas|meses)|"
        r"a\s+la\s+brevedad(?:\s+posible)?|en\s+su\s+momento|oportunamente|"
        r"lo\s+más\s+pronto\s+posible|en\s+el\s+menor\s+tiempo\s+posible|"
        r"(?:a|con)\s+la\s+(?:mayor\s+)?(?:prontitud|brevedad)(?:\s+(?:posible|que\s+sea\s+"
        r"(?:posible|factible)))?)(?!\w)",
    ),
    (
        VAGUE,
        r"\b(?:en|durante|dentro\s+de)\s+l[oa]s\s+" + _NEXT + r"\s+(?:(?:poc[oa]s)\s+)?"
        r"(?:horas|días|dias|semanas|meses|años)(?!\w)",
    ),
    (
        VAGUE,
        r"\b(?:en|durante)\s+l[oa]s\s+(?:horas|días|semanas|meses|años)\s+(?:venider[oa]s|"
        r"que\s+vienen|por\s+venir)(?!\w)",
    ),
    (
        VAGUE,
        r"\b(?:en|dentro\s+de)\s+un[oa]s\s+(?:(?:poc[oa]s|cuant[oa]s)\s+)?"
        r"(?:horas|días|semanas|meses|años)(?!\w)",
    ),
    (VAGUE, r"\b(?:en|dentro\s+de)\s+{NUM}\s+{UNIT}\s+(?:tras|después\s+de|desde)\b"),
    (
        VAGUE,  # "al final de su gobierno", "antes de que termine su mandato": a term's end
        r"\b(?P<amb>al|hacia\s+el|antes\s+del|para\s+el)\s+(?:final|fin|término|cierre)\s+de\s+"
        r"(?:su|mi|nuestro|este|esta|la|el)\s+" + _TERM + r"(?!\w)(?P<event>)",
    ),
    (
        VAGUE,
        r"\bantes\s+(?:de\s+)?que\s+(?:termine|concluya|acabe|finalice)\s+(?:su|mi|nuestro|este|"
        r"esta|la|el)\s+" + _TERM + r"(?!\w)(?P<event>)",
    ),
    (
        VAGUE,
        r"\b(?P<amb>antes\s+(?:de|del)|después\s+(?:de|del)|tras)\s+(?:l[oa]s?\s+|el\s+)?"
        r"(?:próxim[oa]s?\s+)?(?:elecciones|comicios|votación|cumbre|vacaciones|verano|invierno|"
        r"navidad|referéndum|referendo|ramadán|mundial|juegos\s+olímpicos|temporada|apertura|otoño|"
        r"primavera|"
        r"inauguración|sesión|sesiones|reunión|visita|debate|cierre|receso|asunción)(?!\w)"
        r"(?P<event>)",
    ),
    (
        DATE,
        r"\b(?:" + _BEFORE + r"|" + _BY + r"(?:\s+el)?|(?P<amb>el|este|esta)|" + _START + r")"
        r"\s+" + _DATEX,
    ),
    (
        MONTH,
        r"\b(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|(?P<amb>en|durante|este|el\s+próximo)|"
        + _START
        + r")\s+"
        r"(?:el\s+(?:próximo\s+)?mes\s+de\s+|(?:a\s+)?{PART}\s+(?:de\s+)?)?{MONTH}"
        r"(?:\s+[oy]\s+{MONTH})?" + _YEAR_TAIL,
    ),
    (MONTH, r"(?P<amb>)\b(?:a\s+)?{PART}\s+de\s+{MONTH}" + _YEAR_TAIL),
    (
        YEAR,
        r"\b(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>en|durante))\s+(?:(?:a\s+)?{PART}\s+"
        r"(?:de|del)\s+)?(?:(?:el\s+)?año\s+)?{YEARX}(?!\w|[-/]\d)",
    ),
    (
        YEAR,
        r"(?P<amb>)\b(?:a\s+)?{PART}\s+(?:de|del)\s+(?:(?:el\s+)?año\s+)?{YEARX}(?!\w|[-/]\d)",
    ),
    (
        QUARTER,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>en|durante))\s+)?(?:(?:a\s+)?{PART}\s+"
        r"del\s+)?(?:el\s+)?{ORD}\s+trimestre(?:\s+(?:de|del)\s+(?:(?:el\s+)?año\s+)?{YEARX})?"
        r"(?!\w)",
    ),
    (
        HALF,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>en|durante))\s+)?(?:el\s+|la\s+)?"
        r"{ORD}\s+(?:semestre|mitad)(?:\s+(?:de|del)\s+(?:(?:el\s+)?año\s+)?{YEARX})?(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:en|durante)\s+|))(?:a\s+)?"
        r"{PART}\s+(?:de|del)\s+(?:(?:el|la)\s+)?(?:{REL}\s+)?{PERIOD}(?:\s+{REL})?(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:en|durante)\s+|))(?:(?:el|la)\s+)?"
        r"{REL}\s+{PERIOD}(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:en|durante)\s+|))(?:el|la)\s+"
        r"{PERIOD}\s+{REL}(?!\w)",
    ),
    (
        PERIOD,
        r"\bantes\s+de\s+que\s+(?:termine|acabe|finalice|concluya)\s+(?:el|la|este|esta)\s+"
        r"{PERIOD}(?!\w)",
    ),
    (
        WEEKDAY,
        r"\b(?:" + _BEFORE + r"|(?:para|hasta)\s+el|el\s+próximo|este|(?P<on>el))\s+"
        r"{WEEKDAY}(?!\w)",
    ),
    (WEEKDAY, r"\b(?:el\s+)?{WEEKDAY}\s+(?:próximo|que\s+viene)(?!\w)"),
    (WEEKDAY, r"\b(?:a\s+más\s+tardar\s+)(?:el\s+)?{WEEKDAY}(?!\w)"),
    (WEEKDAY, r"\b(?:el\s+)?{WEEKDAY},?\s+a\s+más\s+tardar(?!\w)"),
    (TOMORROW, r"\b(?:para|hasta)\s+mañana\b"),
    (
        TODAY,
        r"\b(?:hasta|para|antes\s+de)\s+(?:(?:las\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:horas|hs\.?|h|"
        r"[ap]\.?\s*m\.?)?\s+(?:del?\s+)?)?(?:(?:el\s+)?día\s+de\s+)?(?:hoy|esta\s+(?:noche|tarde|"
        r"medianoche))(?!\w)",
    ),
    (
        PAST,
        r"\bhace\s+(?:(?:un[oa]s|vari[oa]s|poc[oa]s|much[oa]s)\s+)?(?:{NUM}\s+)?{UNIT}",
    ),
    (
        PAST,
        r"\bdesde\s+(?:(?:el|la)\s+)?(?:(?:a\s+)?{PART}\s+(?:de|del)\s+)?(?:(?:el\s+)?{DAY}\s+de\s+)?"
        r"(?:{MONTH}\s+(?:de|del)\s+)?(?:(?:el\s+)?año\s+)?{YEAR}",
    ),
    (PAST, r"\bdesde\s+(?:(?:a\s+)?{PART}\s+de\s+)?(?:(?:el\s+)?{DAY}\s+de\s+)?{MONTH}"),
    (
        PAST,
        r"\b(?:(?:el|la)\s+)?(?:{PERIOD}|{WEEKDAY}|{MONTH})\s+(?:pasad[oa]|anterior)(?!\w)",
    ),
    (PAST, r"\b(?:el|la)\s+(?:pasad[oa]|anterior)\s+{PERIOD}(?!\w)"),
    (
        PAST,
        r"\b(?:en|durante)\s+(?:l[oa]s\s+)?(?:últim[oa]s|pasad[oa]s)\s+(?:{NUM}\s+)?{UNIT}",
    ),
)

LANGUAGE = Language(
    code="es",
    numbers=NUMBERS,
    number_joiner=r"\s+(?:y\s+)?",
    units=UNITS,
    singular_units=SINGULAR,
    periods={"semana": "week", "mes": "month", "año": "year"},
    rel={
        "próximo": 1,
        "próxima": 1,
        "que viene": 1,
        "entrante": 1,
        "este": 0,
        "esta": 0,
        "en curso": 0,
        "corriente": 0,
    },
    year_rel={
        "este año": 0,
        "el próximo año": 1,
        "próximo año": 1,
        "el año próximo": 1,
        "año próximo": 1,
        "el año que viene": 1,
        "año que viene": 1,
        "el año entrante": 1,
        "el año en curso": 0,
        "año en curso": 0,
    },
    parts={
        "principios": "early",
        "comienzos": "early",
        "inicios": "early",
        "principio": "early",
        "comienzo": "early",
        "inicio": "early",
        "mediados": "mid",
        "finales": "end",
        "fines": "end",
        "final": "end",
        "el final": "end",
        "fin": "end",
        "el fin": "end",
    },
    ordinals={
        "primer": 1,
        "primero": 1,
        "primera": 1,
        "segundo": 2,
        "segunda": 2,
        "tercer": 3,
        "tercero": 3,
        "tercera": 3,
        "cuarto": 4,
        "cuarta": 4,
    },
    rules=RULES,
    day_suffix=r"(?:º|°|o)?",
    past_markers=(
        r"fue|fueron|era|eran|había|habían|hubo|estuvo|estaba|dijo|ayer|ya|\w{3,}ó|"
        r"\w{2,}(?:aron|ieron|yeron|jeron)|\w{3,}(?:aba|aban)"
    ),
    auxiliaries=frozenset(words("ha han he hemos había habían")),
    weak_future=frozenset(words("es está están son para tiene tienen")),
    past_participle=r"\w{3,}(?:ado|ada|ados|adas|ido|ida|idos|idas)|hecho|dicho|puesto|abierto|escrito",
    future_markers=(
        r"será|serán|sería|serían|va|van|irá|debe|deben|debería|deberían|puede|pueden|podría|"
        r"podrían|tiene|tienen|para|prevé|prevén|previst[oa]s?|espera|esperan|planea|planean|"
        r"pretende|pretenden|es|está|están|son|sea|sean|esté|estén|\w{2,}(?:rá|rán|ría|rían|remos)"
    ),
    boundary_words=frozenset(
        words(
            "que y pero cuando quien donde mientras aunque porque cual cuales dijo "
            "aseguró afirmó anunció según"
        )
    ),
    stopwords=frozenset(
        words(
            "el los las del y se por para según una con su sus al es más será dijo lo como año años"
        )
    ),
    keywords=tuple(
        words(
            "pronto próximamente final fin término gobierno mandato sexenio breve poco futuro "
            "plazo antes posible cuestión mañana "
            "ultimátum trimestre semestre mitad desde hace elecciones comicios votación "
            "cumbre vacaciones verano invierno navidad referéndum referendo ramadán mundial "
            "olímpicos temporada hoy noche tardar brevedad prontitud queda quedan momento "
            "oportunamente apertura inauguración sesión sesiones reunión visita debate cierre "
            "receso asunción llevará llevarán tardará tardarán demorará demorarán"
        )
    ),
    reporting_verbs=r"dijo|afirmó|anunció|declaró|aseguró|informó|explicó|señaló|indicó",
    half_after=r"\s+y\s+medi[oa]",
    present_is_future=True,
    start_verbs=r"(?:comenz|comienz|empez|empiez|inici|arranc)\w*",
    end_verbs=r"(?:termin|conclu|finaliz|complet|culmin|entreg)\w*|list[oa]s?",
    negations=r"no|nunca|jamás|tampoco",
    bound_words=r"antes|hasta",
    earliest_before=r"no\s+antes\s+del?|como\s+(?:muy\s+)?pronto",
    earliest_after=r"como\s+(?:muy\s+)?pronto|como\s+mínimo",
    past_plan=(
        r"\b(?:estaba|estaban)\s+(?:previst[oa]s?|programad[oa]s?|planead[oa]s?|pautad[oa]s?)\b|"
        r"\b(?:debía|debían|iba\s+a|iban\s+a)\b|\bhabía(?:n)?\s+(?:previsto|prometido|anunciado|llamado|convocado|fijado|programado)\b|"
        r"\boriginalmente\b"
    ),
    forward=(
        r"\b(?:orden|pidi|exig|inst|solicit|reclam|intim|emplaz|conmin)\w*\b(?:\s+\S+){0,8}?\s+"
        r"(?:a|que)\s+\w+|\b(?:comprometid[oa]s?|prometido)\s+a\b"
    ),
    expired=r"\b(?:venció|vencido|expiró|caducó|se\s+cumplió|se\s+agotó)\b",
    routine=(
        r"\bcada\s+(?:\d+\s+)?(?:día|semana|mes|año|hora)s?\b|"
        r"\b(?:normalmente|generalmente|habitualmente|usualmente|regularmente|suele|suelen)\b|"
        r"\bde\s+(?:antelación|anticipación)\b"
    ),
)
