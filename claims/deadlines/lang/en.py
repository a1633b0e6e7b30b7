"""English deadline vocabulary and rule templates."""

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

_ONES = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_TEENS = "sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBERS = {w: i for i, w in enumerate((_ONES + " " + _TEENS).split(), start=1)}
NUMBERS |= {w: 10 * i for i, w in enumerate(_TENS.split(), start=2)}
NUMBERS |= {"a": 1, "an": 1, "a couple of": 2, "a dozen": 12, "dozen": 12}
NUMBERS |= {"hundred": 100, "thousand": 1000}
NUMBERS |= {"a half": 0.5, "half a": 0.5, "half an": 0.5}  # "two and a half", "half a year"

UNITS = {
    "day": ("day", 1),
    "days": ("day", 1),
    "week": ("week", 1),
    "weeks": ("week", 1),
    "month": ("month", 1),
    "months": ("month", 1),
    "year": ("year", 1),
    "years": ("year", 1),
    "hour": ("hour", 1),
    "hours": ("hour", 1),
    "fortnight": ("week", 2),
    "fortnights": ("week", 2),
    "decade": ("year", 10),
    "decades": ("year", 10),
    "business day": ("workday", 1),
    "business days": ("workday", 1),
    "working day": ("workday", 1),
    "working days": ("workday", 1),
    "workday": ("workday", 1),
    "workdays": ("workday", 1),
}
SINGULAR = frozenset(w for w in UNITS if not w.endswith("s"))

_RANGE = r"(?:\s*(?:-|–|to|or)\s*{NUM2})?"
_BY = r"(?:by|until|till|(?:no|not)\s+later\s+than|on\s+or\s+before|in\s+time\s+for)"
_BEFORE = r"(?P<before>before|prior\s+to|ahead\s+of)"
_START = r"(?P<start>from|as\s+of|starting|effective(?:\s+from)?|beginning)"
_DATEX = r"(?:{DAY}(?:\s+of)?\s+{MONTH}|{MONTH}\s+(?:the\s+)?{DAY})(?:,?\s+{YEAR})?"
_NOT_EVENT = r"(?!\w)(?!\s+(?:of|after|from|since|following)\b)"
# "within 7 days of (the entry of) this order": counted from the document, so from publication
_OF_THIS = (
    r"\s+of\s+(?:(?:the\s+)?(?:entry|date|issuance|issue|service|receipt|publication|signing)\s+"
    r"of\s+)?(?:this|the\s+present)\s+(?:order|notice|letter|decision|judg(?:e)?ment|ruling|"
    r"announcement|statement|circular|directive|notification)|\s+of\s+(?:today|now)"
)
_DOCUMENT_DATE = r"(?:deadline|(?:completion|target|due|opening|delivery|handover|launch)\s+date)"
_EVENTS = (
    r"(?:elections?|polls?|vote|ballot|referendum|summit|holidays?|recess|winter|summer|spring|"
    r"autumn|ramadan|eid|christmas|easter|olympics|world\s+cup|inauguration|conference|harvest|"
    r"season|break|talks|deadline|opening|launch|sessions?|meeting|visit|debate|hearing|congress|"
    r"recess|handover)"
)
_EVENT_ADJ = (
    r"(?:next|upcoming|coming|forthcoming|general|presidential|parliamentary|legislative|local|"
    r"municipal|midterm|national|regional|federal|state|summer|winter|christmas|holiday|"
    r"\w+['’]s)"
)

RULES = (
    (
        RELATIVE,
        r"\b(?:within|in|over|during|inside)\s+(?:the\s+)?(?:next|coming|following|upcoming)\s+"
        r"(?:the\s+)?{NUM}" + _RANGE + r"\s+{UNIT}" + _NOT_EVENT,
    ),
    (
        RELATIVE,
        r"\b(?:(?P<amb>within|in|inside|in\s+less\s+than|in\s+under|in\s+no\s+more\s+than|"
        r"within\s+the\s+space\s+of)|(?:no|not)\s+later\s+than|at\s+the\s+latest\s+in)\s+"
        r"(?:the\s+|another\s+|a\s+further\s+)?{NUM}" + _RANGE + r"\s+{UNIT}"
        r"(?:['’]s?\s+time|\s+time|\s+from\s+(?:now|today)|" + _OF_THIS + r")?" + _NOT_EVENT,
    ),
    (RELATIVE, r"\b{NUM}\s+{UNIT}\s+from\s+(?:now|today)\b"),
    (
        RELATIVE,
        r"\b(?:will|would|should|could|(?:is|are)\s+(?:expected|likely|set)\s+to)\s+take\s+"
        r"(?:(?:about|around|some|roughly|approximately|another|up\s+to|only|just)\s+)?{NUM}"
        + _RANGE
        + r"\s+{UNIT}",
    ),
    (
        RELATIVE,
        r"\b(?:within|in|over|during)\s+the\s+(?:next|coming|following)\s+{SUNIT}" + _NOT_EVENT,
    ),
    (
        ULTIMATUM,
        r"\b(?:has|have|had|having|gets?|got|(?:is|are|was|were|been|be)\s+given|given|granted|"
        r"allowed|(?:gave|giving|grant(?:s|ed)?|allow(?:s|ed)?)(?:\s+\w+){1,3}?)\s+"
        r"(?:only\s+|just\s+|another\s+|a\s+further\s+|an\s+additional\s+)*{NUM}\s+"
        r"(?:more\s+|additional\s+|further\s+)?{UNIT}\s+(?:left\s+)?(?:to|in\s+which\s+to)\b",
    ),
    (
        ULTIMATUM,
        r"\b(?:a|an|the|its|their)\s+{NUM}[-\s]{UNIT}\s+"
        r"(?:deadline|ultimatum|window|grace\s+period)\b",
    ),
    (ULTIMATUM, r"\b(?:deadline|ultimatum)\s+of\s+{NUM}\s+{UNIT}\b"),
    (
        VAGUE,
        r"\b(?P<amb>soon(?!\s+after)|shortly(?!\s+(?:after|before))|imminently|before\s+long|"
        r"any\s+(?:day|time)\s+now|in\s+(?:the\s+)?(?:near|foreseeable|not\s+too\s+distant)\s+"
        r"future|in\s+due\s+course|at\s+a\s+later\s+date|sooner\s+or\s+later|"
        r"as\s+soon\s+as\s+(?:possible|practicable|feasible|(?:I|we|he|she|they|it)\s+can)|"
        r"at\s+the\s+earliest\s+(?:possible\s+)?(?:moment|opportunity|date|time)|"
        r"in\s+the\s+short\s+term|in\s+short\s+order)\b",
    ),
    (
        VAGUE,
        r"\b(?:in|over|during|within|in\s+the\s+course\s+of)\s+(?:the\s+)?"
        r"(?:next|coming|following|upcoming)\s+"
        r"(?:few\s+|several\s+|couple\s+(?:of\s+)?)?(?:hours|days|weeks|months|years)\b",
    ),
    (VAGUE, r"\b(?:in|over|during)\s+the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)\b"),
    (
        VAGUE,
        r"\b(?:within\s+(?:a\s+(?:few|couple\s+of)\s+)?|in\s+(?:a\s+(?:few|couple\s+of)\s+|"
        r"(?:a\s+)?matter\s+of\s+))(?:hours|days|weeks|months|years)\b",
    ),
    (VAGUE, r"\bwithin\s+(?:the\s+)?{NUM}\s+{UNIT}\s+(?:of|after|following)\b"),
    (
        VAGUE,
        r"\b(?P<amb>before|ahead\s+of|after|by|in\s+time\s+for|prior\s+to)\s+"
        r"(?:the\s+|this\s+|next\s+)?(?:" + _EVENT_ADJ + r"\s+)?" + _EVENTS + r"\b(?P<event>)",
    ),
    (
        VAGUE,
        r"\b(?:by|before)\s+the\s+end\s+of\s+(?:his|her|their|its|the)\s+"
        r"(?:term|mandate|tenure|presidency)\b",
    ),
    (
        DATE,
        r"\b(?:"
        + _BEFORE
        + "|"
        + _BY
        + r"|(?P<amb>on|due|for)|"
        + _START
        + r"|"
        + _DOCUMENT_DATE
        + r"\s+(?:of|is|was\s+set\s+for|set\s+for|:))\s+(?:now\s+)?(?:the\s+)?(?:{WEEKDAY},?\s+)?"
        + _DATEX,
    ),
    (
        DATE,
        # "the planned 10 October completion date": the adjectives belong to it, not the verb
        r"(?P<amb>)\b(?:(?:new|revised|planned|scheduled|target|expected|original|agreed|official)"
        r"\s+)*(?:{DAY}(?:\s+of)?\s+{MONTH}|{MONTH}\s+(?:the\s+)?{DAY})(?:,?\s+{YEAR})?\s+"
        + _DOCUMENT_DATE.replace("deadline|", "")
        + r"\b",
    ),
    (
        MONTH,
        r"\b(?:"
        + _BEFORE
        + "|"
        + _BY
        + r"|(?P<amb>in|during|for|within)|"
        + _START
        + r"(?:\s+in)?|"
        + _DOCUMENT_DATE
        + r"\s+(?:of|is|was\s+set\s+for|set\s+for|:))\s+(?:now\s+|the\s+(?=\w+(?!\s+of\b)))?"
        r"(?:(?:the\s+)?{PART}[-\s]+(?:of\s+)?)?{MONTH}(?:\s+(?:or|and)\s+{MONTH})?"
        r"(?:,?\s+(?:of\s+)?{YEAR})?(?!\s*\d)",
    ),
    (MONTH, r"\b{MONTH}\s+{YEAR}\s+" + _DOCUMENT_DATE.replace("deadline|", "") + r"\b"),
    # "this June", "next April", "by this coming June": a month named with a demonstrative
    (
        MONTH,
        r"\b(?:(?:" + _BEFORE + "|" + _BY + r"|in|during)\s+)?(?:this|next|coming|this\s+coming)\s+"
        r"{MONTH}(?:\s+{YEAR})?(?!\s*\d)",
    ),
    (
        MONTH,
        r"(?P<amb>)\b(?:the\s+)?{PART}[-\s]+(?:of\s+)?{MONTH}(?:,?\s+(?:of\s+)?{YEAR})?(?!\s*\d)",
    ),
    (
        YEAR,
        r"\b(?:" + _BEFORE + "|" + _BY + r"|(?P<amb>in|during|for)|" + _START + r")\s+"
        r"(?:(?:the\s+)?{PART}[-\s]+(?:of\s+)?)?(?:(?:the\s+)?(?:fiscal\s+|financial\s+)?year\s+)?"
        r"{YEARX}(?!\w|[-/]\d)",
    ),
    (
        YEAR,
        r"(?P<amb>)\b(?:the\s+)?{PART}[-\s]+(?:of\s+)?(?:(?:the\s+)?year\s+)?{YEARX}(?!\w|[-/]\d)",
    ),
    (
        QUARTER,
        r"\b(?:(?:" + _BEFORE + "|" + _BY + r"|(?P<amb>in|during|for))\s+)?"
        # "the second and third quarters of 2022": the later one
        r"(?:(?:the\s+)?{PART}\s+(?:of\s+)?)?(?:the\s+)?(?:\w+\s+(?:and|or|to)\s+(?:the\s+)?)?"
        r"{ORD}\s+quarters?(?:\s+of)?"
        r"(?:\s+(?:the\s+)?(?:fiscal\s+|financial\s+)?{YEARX})?(?!\w)",
    ),
    (
        QUARTER,  # "next year between the second quarter and third quarter": the later one
        r"\b(?:{YEARX}\s+)?between\s+(?:the\s+)?\w+\s+(?:quarter\s+)?and\s+(?:the\s+)?{ORD}\s+"
        r"quarters?(?:\s+of\s+(?:the\s+)?{YEARX})?(?!\w)",
    ),
    (
        QUARTER,
        r"\b(?:(?:" + _BEFORE + "|" + _BY + r"|(?P<amb>in|during|for))\s+)?(?:the\s+)?"
        r"(?:end\s+of\s+)?Q(?P<ord>[1-4])(?:\s+(?:of\s+)?{YEARX})?(?!\w)",
    ),
    (
        HALF,
        r"\b(?:(?:" + _BEFORE + "|" + _BY + r"|(?P<amb>in|during))\s+)?(?:the\s+)?{ORD}\s+half\s+"
        r"of\s+(?:the\s+)?(?:year\s+)?{YEARX}(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + "|" + _BY + r")\s+|(?P<amb>(?:at|in|towards?|around)\s+|))"
        r"(?:the\s+)?{PART}\s+(?:of\s+)?(?:(?:the|this)\s+)?(?:{REL}\s+)?{PERIOD}(?!\w)",
    ),
    (
        PERIOD,
        r"\b(?:(?:" + _BEFORE + "|" + _BY + r")\s+|(?P<amb>(?:in|during|for)\s+|))(?:the\s+)?"
        r"{REL}\s+{PERIOD}(?!\w)",
    ),
    (PERIOD, r"\b(?:" + _BEFORE + "|" + _BY + r")\s+the\s+{PERIOD}(?<=weekend)\b"),
    (
        PERIOD,
        r"\b(?:"
        + _BEFORE
        + "|"
        + _BY
        + r"|(?P<amb>at|around))\s+(?:the\s+)?{PERIOD}[-\s](?P<part>end)\b",
    ),
    (
        WEEKDAY,
        r"\b(?:" + _BEFORE + "|" + _BY + r"|next|this(?:\s+coming)?|coming|(?P<on>on))\s+"
        r"{WEEKDAY}(?!\w)",
    ),
    (
        WEEKDAY,
        r"\b{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?,?\s+at\s+the\s+latest\b",
    ),
    (WEEKDAY, r"\b(?:scheduled|set|slated|due|planned|expected)\s+for\s+{WEEKDAY}(?!\w)"),
    (TOMORROW, r"\b(?:(?:by|until|till)\s+)?tomorrow\b"),
    (
        TODAY,
        r"\b(?:by|until|till|before|no\s+later\s+than)\s+(?:(?:midnight|noon|\d{1,2}(?:[:.]\d\d)?\s*"
        r"(?:[ap]\.?m\.?|hrs|hours|GMT|local\s+time)?)\s+)?(?:today|tonight|this\s+(?:evening|"
        r"afternoon|morning))\b",
    ),
    (TODAY, r"\b(?:by|before)\s+(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:day|business)\b"),
    (
        PAST,
        r"\b(?:(?:a\s+)?few|several|many|some|couple\s+of|{NUM})\s+{UNIT}\s+"
        r"(?:ago|earlier|previously|back)\b",
    ),
    (
        PAST,
        r"\bsince\s+(?:the\s+)?(?:{PART}[-\s]+(?:of\s+)?)?(?:(?:{DAY}\s+(?:of\s+)?)?{MONTH}"
        r"(?:\s+(?:the\s+)?{DAY})?,?\s*)?{YEAR}",
    ),
    (
        PAST,
        r"\bsince\s+(?:the\s+)?(?:{PART}[-\s]+(?:of\s+)?)?(?:{DAY}\s+(?:of\s+)?)?{MONTH}"
        r"(?:\s+(?:the\s+)?{DAY})?",
    ),
    (
        PAST,
        r"\b(?:since\s+)?(?:last|past|previous|earlier\s+this|earlier\s+in\s+the|earlier\s+that|"
        r"(?:early|late)\s+last)\s+(?:{PERIOD}|{WEEKDAY}|{MONTH}|decade|century)\b",
    ),
    (
        PAST,
        r"\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|preceding)\s+"
        r"(?:(?:few|several|couple\s+of)\s+)?(?:{NUM}\s+)?{UNIT}\b",
    ),
    (PAST, r"\bsince\s+(?:{WEEKDAY}|then|yesterday)\b"),
)

LANGUAGE = Language(
    code="en",
    numbers=NUMBERS,
    number_joiner=r"(?:\s*-\s*|\s+(?:and\s+)?)",
    units=UNITS,
    singular_units=SINGULAR,
    periods={"week": "week", "month": "month", "year": "year", "weekend": "week"},
    rel={"this": 0, "current": 0, "next": 1, "coming": 1, "this coming": 1, "upcoming": 1},
    year_rel={"this year": 0, "next year": 1, "the current year": 0, "the coming year": 1},
    parts={
        "early": "early",
        "beginning of": "early",
        "start of": "early",
        "mid": "mid",
        "middle of": "mid",
        "late": "late",
        "later": "late",
        "end of": "end",
        "end": "end",
        "close of": "end",
    },
    ordinals={
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "final": 4,
    },
    rules=RULES,
    day_suffix=r"(?:st|nd|rd|th)?",
    months_extra={"sept": 9},
    past_markers=(
        r"was|were|had|did|wasn|weren|hadn|didn|went|took|gave|came|began|saw|rose|fell|grew|"
        r"spoke|wrote|became|ran|ago|yesterday|previously|already"
    ),
    future_markers=(
        r"will|would|shall|should|could|can|may|might|must|'ll|going|is|are|be|being|expected|"
        r"expects?|plans|planned|planning|aims|aiming|hopes|hoping|intends?|scheduled|slated|"
        r"set|due|wants|needs|deadline|ultimatum|until|tomorrow|upcoming"
    ),
    boundary_words=frozenset(
        words(
            "that which and but while whereas when who because although though where if "
            "unless so said says told announced stated added according promised pledged "
            "vowed promises pledges vows warned predicted insisted"
        )
    ),
    stopwords=frozenset(
        words(
            "the and of to will would said is was by that with for have has are were this "
            "it be from within on at which next"
        )
    ),
    keywords=tuple(
        words(
            "soon shortly imminently long future course later sooner possible term order "
            "tomorrow deadline ultimatum quarter half weekend since ago elections election "
            "vote polls poll ballot referendum summit holidays holiday recess winter summer "
            "spring autumn ramadan eid christmas easter olympics cup inauguration conference "
            "harvest season break talks mandate tenure presidency today tonight latest "
            "earliest opening launch session sessions meeting visit debate hearing congress "
            "handover"
        )
    ),
    auxiliaries=frozenset(words("has have had")),
    weak_future=frozenset(words("is are be being set due")),
    past_participle=(
        r"\w{3,}ed|made|held|left|sent|won|lost|built|paid|sold|struck|led|brought|met|put"
    ),
    reporting_verbs=r"said|told|announced|stated|added|declared|reported|confirmed|wrote|tweeted|explained",
    half_after=r"\s+and\s+a\s+half",
    start_verbs=r"begin|begins|began|beginning|start|starts|started|commence[sd]?|commencing",
    end_verbs=r"finish\w*|complet\w*|end|ends|ended|conclude[sd]?|done|ready|deliver\w*",
    negations=r"not|never|t|no",
    bound_words=r"until|till|before|prior\s+to",
    earliest_before=r"no\s+earlier\s+than|not\s+before",
    earliest_after=r"at\s+the\s+earliest",
    past_plan=(
        r"\b(?:had\s+been|was|were)\s+(?:originally\s+|initially\s+|first\s+|once\s+)?"
        r"(?:due|supposed|meant|scheduled|slated|planned|intended|proposed)\s+to\b|"
        r"\bhad\s+(?:been\s+)?(?:expected|hoped|planned|promised|pledged|aimed|intended)\b"
    ),
    forward=(
        r"\b(?:ask|order|direct|instruct|requir|urg|request|command|summon|demand|oblig|compel)\w*"
        r"\b(?:\s+\S+){0,8}?\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that)\b)[a-z]+|"
        r"\b(?:promised|pledged|vowed|committed|undertaken|agreed|sworn)\s+to\b"
    ),
    expired=r"\b(?:expired|lapsed|ran\s+out|had\s+passed|has\s+passed)\b",
    routine=(
        r"\b(?:every|each)\s+(?:\d+\s+|few\s+|other\s+)?(?:day|week|month|year|hour|quarter)s?\b|"
        r"\b(?:usually|normally|generally|typically|routinely|regularly|customarily)\b|"
        r"\b(?:is|are)\s+(?!(?:expected|due|scheduled|set|slated|planned|going|being|likely|about|"
        r"supposed)\b)\w+(?:ed|en)\s*$"
    ),
)
