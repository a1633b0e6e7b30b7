"""Arabic deadline vocabulary and rule templates (Modern Standard Arabic, with Levantine and
Maghrebi month names)."""

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


def _with_bare_alef(table: dict) -> dict:
    """Add each key spelt without hamza on its alef (أسبوع → اسبوع) and with a final ي for ى, as
    the reader folds the text it matches."""
    bare = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})
    return table | {key.translate(bare): value for key, value in table.items()}


NUMBERS = _with_bare_alef(
    {
        **dict.fromkeys(["واحد", "واحدة"], 1),
        **dict.fromkeys(["اثنين", "اثنان", "اثنتين", "اثني", "اثنا"], 2),
        **dict.fromkeys(["ثلاثة", "ثلاث"], 3),
        **dict.fromkeys(["أربعة", "أربع"], 4),
        **dict.fromkeys(["خمسة", "خمس"], 5),
        **dict.fromkeys(["ستة", "ست"], 6),
        **dict.fromkeys(["سبعة", "سبع"], 7),
        **dict.fromkeys(["ثمانية", "ثماني", "ثمان"], 8),
        **dict.fromkeys(["تسعة", "تسع"], 9),
        **dict.fromkeys(["عشرة", "عشر"], 10),
        **dict.fromkeys(["عشرين", "عشرون"], 20),
        **dict.fromkeys(["ثلاثين", "ثلاثون"], 30),
        **dict.fromkeys(["أربعين", "أربعون"], 40),
        **dict.fromkeys(["خمسين", "خمسون"], 50),
        **dict.fromkeys(["ستين", "ستون"], 60),
        **dict.fromkeys(["سبعين", "سبعون"], 70),
        **dict.fromkeys(["ثمانين", "ثمانون"], 80),
        **dict.fromkeys(["تسعين", "تسعون"], 90),
        **dict.fromkeys(["مئة", "مائة"], 100),
        **dict.fromkeys(["مئتي", "مائتي", "مئتين", "مائتين"], 200),
        "ألف": 1000,
        "نصف": 0.5,  # "نصف عام": half a year
    }
)

UNITS = _with_bare_alef(
    {
        **dict.fromkeys(["يوم", "يوما", "أيام", "الأيام"], ("day", 1)),
        **dict.fromkeys(["يومين", "اليومين"], ("day", 2)),
        **dict.fromkeys(["أسبوع", "أسبوعا", "أسابيع", "الأسابيع"], ("week", 1)),
        **dict.fromkeys(["أسبوعين", "الأسبوعين"], ("week", 2)),
        **dict.fromkeys(["شهر", "شهرا", "أشهر", "شهور", "الأشهر", "الشهور"], ("month", 1)),
        **dict.fromkeys(["شهرين", "الشهرين"], ("month", 2)),
        **dict.fromkeys(words("عام عاما أعوام سنة سنوات الأعوام السنوات"), ("year", 1)),
        **dict.fromkeys(["عامين", "سنتين", "العامين"], ("year", 2)),
        **dict.fromkeys(["ساعة", "ساعات", "الساعات"], ("hour", 1)),
        **dict.fromkeys(["ساعتين"], ("hour", 2)),
        **dict.fromkeys(["يوم عمل", "أيام عمل"], ("workday", 1)),
    }
)
SINGULAR = frozenset(
    _with_bare_alef(
        dict.fromkeys(
            words(
                "يوم يوما يومين اليومين أسبوع أسبوعا أسبوعين الأسبوعين شهر شهرا شهرين "
                "الشهرين عام عاما سنة عامين سنتين العامين ساعة ساعتين"
            )
        )
    )
)

MONTHS = _with_bare_alef(
    {
        "كانون الثاني": 1,
        "شباط": 2,
        "آذار": 3,
        "نيسان": 4,
        "أيار": 5,
        "حزيران": 6,
        "تموز": 7,
        "آب": 8,
        "أيلول": 9,
        "تشرين الأول": 10,
        "تشرين الثاني": 11,
        "كانون الأول": 12,
        "جانفي": 1,
        "فيفري": 2,
        "أفريل": 4,
        "ماي": 5,
        "جوان": 6,
        "جويلية": 7,
        "أوت": 8,
        "إبريل": 4,
        "أبريل": 4,
        "أغسطس": 8,
        "أكتوبر": 10,
    }
)

_P = r"\b[وف]?"  # conjunction prefixes glued to the next word
_D = "[\u064b-\u0652]*"
_BY = r"(?:بحلول|حتى|في\s+موعد\s+أقصاه|موعد\s+أقصاه|في\s+موعد\s+لا\s+يتجاوز)"
_BEFORE = r"(?P<before>قبل)"
_NEXT = r"(?:المقبلة|القادمة|المقبل|القادم|التالية|القليلة\s+المقبلة)"
_YEAR_WORD = r"(?:(?:عام|العام|سنة)\s+)"
_MONTHX = r"(?:شهر\s+)?{MONTH}(?:\s*/\s*{MONTH})?"
_YEAR_TAIL = r"(?:\s+(?:من\s+)?" + _YEAR_WORD + r"?{YEAR})?"

RULES = (
    (
        RELATIVE,
        _P + r"(?:خلال|في\s+غضون|في\s+خلال|في\s+مدة|في\s+فترة|في\s+أقل\s+من|بعد|(?P<amb>في))\s+"
        r"(?:مدة\s+|فترة\s+)?(?:لا\s+تتجاوز\s+|أقصاها\s+)?(?:الـ?\s*)?{NUM}\s+{UNIT}"
        r"(?:\s+" + _NEXT + r")?(?!\s+(?:من|على)\s)",
    ),
    (
        RELATIVE,
        _P + r"(?:خلال|في\s+غضون|في\s+خلال|في\s+أقل\s+من|بعد)\s+{SUNIT}(?:\s+واحد" + _D + r")?"
        r"(?:\s+" + _NEXT + r")?(?!\s+(?:من|على)\s)",
    ),
    (
        RELATIVE,
        _P + r"(?:خلال|في\s+غضون|في\s+خلال)\s+{UNIT}\s+(?:الـ?\s*)?{NUM}\s+" + _NEXT,
    ),
    (
        ULTIMATUM,
        _P + r"(?:مهلة|مهلته|مهلتها|مهلتهم)" + _D + r"\s+(?:مدتها\s+|قدرها\s+|أقصاها\s+|"
        r"لا\s+تتجاوز\s+)?(?:(?:الـ?\s*)?{NUM}\s+)?{UNIT}",
    ),
    (
        ULTIMATUM,
        _P + r"(?:أمام\w*|لدي\w*|لدى\w*)(?:\s+\w+){0,2}?\s+(?:الـ?\s*)?{NUM}\s+{UNIT}"
        r"(?=\s+(?:فقط\s+)?ل)",
    ),
    (
        VAGUE,
        r"(?P<amb>)" + _P + r"(?:قريبا|عما\s+قريب|في\s+القريب\s+العاجل|في\s+وقت\s+قريب|"
        r"في\s+المستقبل\s+القريب|في\s+أقرب\s+وقت(?:\s+ممكن)?|على\s+المدى\s+القريب|"
        r"بأسرع\s+وقت(?:\s+ممكن)?|في\s+وقت\s+لاحق)" + _D + r"(?!\w)",
    ),
    (
        VAGUE,
        _P + r"(?:في|خلال|في\s+غضون)\s+(?:الأيام|الأسابيع|الأشهر|الشهور|السنوات|الأعوام|"
        r"الساعات)\s+(?:القليلة\s+)?(?:المقبلة|القادمة)",
    ),
    (
        VAGUE,
        _P + r"(?:خلال|في\s+غضون)\s+(?:أيام|أسابيع|أشهر|شهور|ساعات|سنوات)(?:\s+قليلة)?(?!\w)",
    ),
    (
        VAGUE,
        _P + r"(?:خلال|في\s+غضون)\s+(?:الـ?\s*)?{NUM}\s+{UNIT}\s+(?:من|على|بعد)\s",
    ),
    (
        VAGUE,
        _P + r"(?P<amb>قبل|بعد)\s+(?:إجراء\s+)?(?:الانتخابات|الانتخاب|الاستفتاء|القمة|العطلة|"
        r"الصيف|الشتاء|رمضان|عيد\s+\w+|نهاية\s+ولاي\w*)",
    ),
    (
        DATE,
        _P + r"(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>في|يوم))\s+(?:(?:يوم\s+)?{WEEKDAY}\s+)?"
        r"(?:الـ?\s*)?{DAY}\s+(?:من\s+)?" + _MONTHX + _YEAR_TAIL,
    ),
    (
        MONTH,
        _P
        + r"(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|(?P<amb>في|خلال))\s+(?:{PART}\s+)?"
        + _MONTHX
        + _YEAR_TAIL
        + r"(?!\s*\d)",
    ),
    (MONTH, r"(?P<amb>)" + _P + r"{PART}\s+" + _MONTHX + _YEAR_TAIL + r"(?!\s*\d)"),
    (
        YEAR,
        _P
        + r"(?:"
        + _BEFORE
        + r"|"
        + _BY
        + r"|(?P<amb>في|خلال))\s+(?:{PART}\s+)?"
        + _YEAR_WORD
        + r"?{YEARX}(?!\w|[-/]\d)",
    ),
    (YEAR, r"(?P<amb>)" + _P + r"{PART}\s+" + _YEAR_WORD + r"?{YEARX}(?!\w|[-/]\d)"),
    (
        QUARTER,
        _P + r"(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>في|خلال))\s+)?(?:{PART}\s+)?الربع\s+"
        r"{ORD}(?:\s+(?:من\s+)?" + _YEAR_WORD + r"?{YEARX})?",
    ),
    (
        HALF,
        _P + r"(?:(?:" + _BEFORE + r"|" + _BY + r"|(?P<amb>في|خلال))\s+)?(?:{PART}\s+)?النصف\s+"
        r"{ORD}(?:\s+(?:من\s+)?" + _YEAR_WORD + r"?{YEARX})?",
    ),
    (
        PERIOD,
        _P + r"(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:في|مع)\s+|))(?:{PART})\s+"
        r"(?:هذا\s+|هذه\s+)?{PERIOD}(?:\s+{REL})?(?!\w)",
    ),
    (
        PERIOD,
        _P + r"(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:في|خلال)\s+|))"
        r"{PERIOD}\s+{REL}(?!\w)",
    ),
    (
        PERIOD,
        _P + r"(?:(?:" + _BEFORE + r"|" + _BY + r")\s+|(?P<amb>(?:في|خلال)\s+|))(?:هذا|هذه)\s+"
        r"{PERIOD}(?!\w)",
    ),
    (
        WEEKDAY,
        _P + r"(?:" + _BEFORE + r"|" + _BY + r"|(?P<on>يوم|في))\s+(?:يوم\s+)?{WEEKDAY}"
        r"(?:\s+(?:المقبل|القادم))?(?!\w)",
    ),
    (WEEKDAY, _P + r"(?:يوم\s+)?{WEEKDAY}\s+(?:المقبل|القادم)(?!\w)"),
    (TOMORROW, _P + r"(?:بحلول\s+|حتى\s+)?غدا" + _D + r"(?!\w)"),
    (
        PAST,
        _P + r"(?:قبل|منذ)\s+(?:(?:نحو|حوالي|زهاء)\s+)?(?:(?:الـ?\s*)?{NUM}\s+)?{UNIT}(?!\w)",
    ),
    (
        PAST,
        _P + r"منذ\s+(?:{PART}\s+)?(?:" + _MONTHX + r"\s+)?(?:من\s+)?" + _YEAR_WORD + r"?{YEAR}",
    ),
    (PAST, _P + r"منذ\s+(?:{PART}\s+)?" + _MONTHX),
    (
        PAST,
        _P + r"(?:{PERIOD}|{WEEKDAY}|(?:شهر\s+)?{MONTH})\s+(?:الماضي|الماضية|المنصرم|المنصرمة|"
        r"الفائت|الفائتة|السابق|السابقة)(?!\w)",
    ),
    (
        PAST,
        _P + r"(?:خلال|في)\s+(?:(?:الـ?\s*)?{NUM}\s+)?{UNIT}\s+(?:الماضية|الأخيرة|المنصرمة|"
        r"الفائتة|السابقة)",
    ),
)

LANGUAGE = Language(
    code="ar",
    numbers=NUMBERS,
    number_joiner=r"(?:\s+و\s*|\s+)",
    units=UNITS,
    singular_units=SINGULAR,
    periods=_with_bare_alef(
        {"الأسبوع": "week", "الشهر": "month", "العام": "year", "السنة": "year"}
    ),
    rel={
        **dict.fromkeys(["المقبل", "المقبلة", "القادم", "القادمة"], 1),
        **dict.fromkeys(["الجاري", "الجارية", "الحالي", "الحالية"], 0),
    },
    year_rel=_with_bare_alef(
        {
            **dict.fromkeys(["العام المقبل", "العام القادم", "السنة المقبلة", "السنة القادمة"], 1),
            **dict.fromkeys(["العام الجاري", "العام الحالي", "هذا العام", "هذه السنة"], 0),
            **dict.fromkeys(["السنة الحالية", "السنة الجارية"], 0),
        }
    ),
    parts=_with_bare_alef(
        {
            **dict.fromkeys(["نهاية", "بنهاية", "آخر", "أواخر", "نهايات"], "end"),
            **dict.fromkeys(["منتصف", "أواسط"], "mid"),
            **dict.fromkeys(["بداية", "مطلع", "أوائل", "بدايات", "أول"], "early"),
        }
    ),
    ordinals=_with_bare_alef({"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 4}),
    rules=RULES,
    months_extra=MONTHS,
    past_markers=r"تم|كان|كانت|كانوا|جرى|أعلن|أعلنت|قال|قالت|أكد|أكدت|أمس|سبق|وقع|وقعت",
    future_markers=r"سوف|سيتم|ستتم|المقرر|المتوقع|المنتظر|يجب|ينبغي|يتوقع|تعتزم|يعتزم|س[يتن]\w{2,}",
    boundary_words=frozenset(words("أن إن الذي التي لكن بينما عندما حيث لأن")),
    stopwords=frozenset(["في", "من", "على", "إلى", "أن"]),
    keywords=tuple(
        words(
            "قريبا قريب العاجل المستقبل أقرب بأسرع المدى مهلة مهلته مهلتها مهلتهم غدا "
            "الربع النصف منذ الانتخابات الانتخاب الاستفتاء القمة العطلة الصيف الشتاء "
            "رمضان عيد ولاية لاحق"
        )
    ),
    reporting_verbs=r"قال|أعلن|صرح|أكد|أفاد|وقال|وأعلن|وأكد",
    half_after=r"\s*و\s*نصف",
)
