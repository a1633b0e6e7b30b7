"""Words as the follow-up matcher compares them: folded as search folds them (`claims.search.text`),
stemmed per language (Snowball: English, French, Spanish, German, Arabic), function words and
time words set aside, names kept whole.

Pure Python, used by `claims.intake.matching`.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import Stemmer

from claims.search import text as search_text

STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "de": "german", "ar": "arabic"}

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_WORD = re.compile(r"\w+")
# Beyond search's folding: the hamza seats of waw and yaa, which a reported name spells either way.
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})
# Arabic clitics glued to the front of a word: "and", "by", "to", "the" (وال، بال، لل، ال).
_ARABIC_PREFIX = re.compile(r"^(?:و|ف)?(?:بال|كال|لل|ال)(?=\w{2,})")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, reporting verbs and the words of a deadline ("within 60 days", "next year"):
# they say nothing about what a promise is about.
STOPWORDS = {
    "en": _words(
        "a an the and or but nor of to in on at by for from with without within into onto over "
        "under about after before since until till than then this that these those there here "
        "it its it's is are was were be been being am has have had having do does did doing "
        "will would shall should can could may might must not no yes as so if also such only "
        "very more most much many some any all each every other another own same both few "
        "he she they we you i me him her them us our their his my your who whom whose which "
        "what when where why how said says say saying told tell tells according added announced "
        "stated promised pledged vowed expected expects set due reported statement monday tuesday "
        "wednesday thursday friday saturday sunday january february march april may june july "
        "august september october november december day days week weeks month months year years "
        "next last first second third end soon today tomorrow yesterday now still already again "
        "just new mr mrs ms dr minister president prime governor official officials government "
        "one two three four five six seven eight nine ten hundred thousand million billion per "
        "cent percent up out off down while during through between against among via around "
        "near far upon being become became make made take taken go going went come came get got "
        "hold holds held holding"
    ),
    "fr": _words(
        "le la les l un une des du de d et ou mais ni à au aux en dans par pour sur sous avec "
        "sans entre vers chez contre depuis pendant avant après selon d'ici ici ce cet cette ces "
        "ça cela celui celle ceux celles qui que qu quoi dont où il elle ils elles on nous vous "
        "je tu me te se lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos "
        "est sont était étaient sera seront serait ont a avait avaient aura auront été être "
        "avoir fait faire ne pas plus moins très aussi tout tous toute toutes autre autres même "
        "déclaré affirmé annoncé assuré promis indiqué selon engagé engage lundi mardi mercredi "
        "jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août "
        "septembre octobre novembre décembre jour jours semaine semaines mois an ans année "
        "années prochain prochaine prochains prochaines dernier dernière fin début bientôt "
        "aujourd hui demain hier déjà encore m mme président ministre premier gouvernement "
        "un deux trois quatre cinq six sept huit neuf dix cent mille millions milliards tenir "
        "tiendra tiendront tient organiser organisera mettre"
    ),
    "es": _words(
        "el la los las lo un una unos unas de del al a y e o u ni pero en con sin por para "
        "sobre entre hasta desde hacia ante tras durante según este esta estos estas ese esa "
        "esos esas aquel que qué quien quienes cual cuales cuyo donde cuando como se le les "
        "su sus mi mis tu tus nuestro nuestra es son era eran será serán sería fue fueron ha "
        "han había habían haber ser estar está están estaba estará estaría muy más menos "
        "también todo todos toda todas otro otra otros otras mismo dijo afirmó aseguró anunció "
        "prometió señaló indicó explicó lunes martes miércoles jueves viernes sábado domingo "
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
        "diciembre día días semana semanas mes meses año años próximo próxima próximos fin "
        "finales principios pronto hoy mañana ayer ya aún todavía presidente ministro "
        "gobierno uno dos tres cuatro cinco seis siete ocho nueve diez cien mil millones "
        "celebrar celebrará hacer hará realizar"
    ),
    "de": _words(
        "der die das den dem des ein eine einen einem einer eines und oder aber doch in im "
        "an am auf aus bei mit nach von vom zu zum zur für über unter um durch gegen ohne "
        "bis seit vor hinter neben zwischen dieser diese dieses diesem diesen jener welche "
        "welcher wer was wo wann wie warum er sie es wir ihr ich du man sich ihm ihn ihnen "
        "sein seine seinen seinem ihre ihren unser ist sind war waren wird werden wurde "
        "wurden würde hat haben hatte hatten sei soll sollen solle will wollen wolle kann "
        "können muss müssen nicht kein keine auch noch schon nur sehr mehr weniger alle "
        "alles andere anderen sagte sagt erklärte kündigte angekündigt versprach betonte "
        "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz "
        "april mai juni juli august september oktober november dezember tag tage tagen woche "
        "wochen monat monate monaten jahr jahre jahren nächste nächsten ende anfang bald "
        "heute morgen gestern bereits minister ministerin bundesminister präsident regierung "
        "eins zwei drei vier fünf sechs sieben acht neun zehn hundert tausend millionen dass"
    ),
    "ar": _words(
        "في من على الى إلى عن أن ان إن أنه انه أنها انها التي الذي الذين هذا هذه ذلك تلك "
        "هو هي هم نحن كان كانت يكون تكون سيكون ستكون قد لقد لم لن لا ما مع عبر بين حتى "
        "منذ خلال بعد قبل عند كل أي او أو ثم كما حيث وقال قال قالت أكد اكد أكدت أوضح "
        "اوضح أشار اشار أعلن اعلن وأضاف اضاف وأكد تصريحات وفق وفقا يوم أيام ايام أسبوع "
        "اسبوع أسابيع شهر أشهر اشهر شهور سنة عام العام المقبل القادم المقبلة القادمة الجاري "
        "الماضي اليوم غدا أمس امس الحالي الرئيس الوزير وزير رئيس الحكومة واحد اثنين ثلاثة "
        "أربعة خمسة ستة سبعة ثمانية تسعة عشرة مليون مليار"
    ),
}
# Words that name no place or person although written with a capital.
NOT_NAMES = _words(
    "the a an this that mr mrs ms dr sir minister president prime governor ambassador "
    "federal national state republic government ministry union le la les el los las der die das "
    "corporation company corp inc ltd group association council agency authority party "
    "international"
)
# French elision: "l'élection", "d'ici", "s'est", "qu'il" are two words.
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
# Arabic conjunctions glued to a word ("وافتتاحه", "and its opening"): dropped as a second form.
_ARABIC_AND = ("و", "ف")
# A prefix the matcher drops so that "reopen" meets "open", "réouverture" meets "ouverture",
# "reabrir" meets "abrir".
RE_PREFIX = {"en": "re", "fr": "re", "es": "re"}
MIN_LENGTH = {"ar": 2}


def fold(text: str) -> str:
    """The text folded as search folds it (case, accents, Arabic marks and letter forms), with the
    hamza seats folded too and apostrophes inside words removed ("Qa'im" → "qaim")."""
    return search_text.fold(_APOSTROPHES.sub("", text)).translate(_HAMZA_SEATS)


@functools.cache
def _stemmer(language: str):
    name = STEMMERS.get(language)
    return Stemmer.Stemmer(name) if name else None


@functools.cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in STOPWORDS.get(language, STOPWORDS["en"]))


def stem(word: str, language: str) -> str:
    """A folded word's stem in its language (the word itself in a language without a stemmer)."""
    if language == "ar":
        word = _ARABIC_PREFIX.sub("", word)
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word)) if stemmer else word


@dataclass(frozen=True)
class Words:
    """A text's words in the matcher's forms: `stems` of every content word (with the "re-"
    prefix dropped as well), and `names`: the folded words, each adjacent pair also joined
    ("Albu Kamal" and "Albukamal" meet), for names of people and places."""

    stems: frozenset[str]
    names: frozenset[str]


def words_of(text: str, language: str) -> Words:
    """The content words of `text` read in `language`."""
    if language == "fr":
        text = _ELISION.sub(" ", text)
    folded = [word for word in _WORD.findall(fold(text)) if not word.isdigit()]
    stops = _stopwords(language)
    shortest = MIN_LENGTH.get(language, 3)
    stems: set[str] = set()
    prefix = RE_PREFIX.get(language)
    for word in folded:
        if word in stops or len(word) < shortest:
            continue
        root = stem(word, language)
        stems.add(root)
        if prefix and root.startswith(prefix) and len(root) - len(prefix) >= 4:
            stems.add(root[len(prefix) :])
        if language == "ar" and word.startswith(_ARABIC_AND) and len(word) >= 5:
            stems.add(stem(word[1:], language))
    names = set(folded) | {a + b for a, b in itertools.pairwise(folded)}
    if language == "ar":  # "والحكومة" names "حكومة" too
        names |= {_ARABIC_PREFIX.sub("", word) for word in folded}
    return Words(frozenset(stems), frozenset(names))


_CAPITALISED = re.compile(r"(?<![\w'’])([A-ZÀ-ÖØ-Þ][\w'’]*(?:[-–][A-ZÀ-ÖØ-Þa-z][\w'’]*)*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”]\s*)$")


def named_words(text: str, language: str) -> frozenset[str]:
    """The folded words of the capitalised names in `text` (places, organisations, people): not a
    function word, nor a sentence's first word unless it reads as a name. German capitalises
    every noun, so there a name is a capitalised word that no German ending changes ("Berlin",
    not "Eröffnung"). Empty in a script without capitals."""
    found: set[str] = set()
    stops = _stopwords(language)
    for match in _CAPITALISED.finditer(text):
        at_start = bool(_SENTENCE_START.search(text[: match.start()]))
        for word in _WORD.findall(fold(match.group(1))):
            if word in NOT_NAMES or word in stops or len(word) < 3 or word.isdigit():
                continue
            if at_start and word in _stopwords("en"):
                continue
            if language == "de" and stem(word, "de") != word:
                continue
            found.add(word)
    return frozenset(found)
