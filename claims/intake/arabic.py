"""Attribution in Arabic: the verb comes first ("قال الوزير …", "أكدت وزارة المالية أنها …"),
and a name has no capitals, so it is read as the words after a title ("المهندس عاطف عبد
الحميد، محافظ القاهرة") up to a word that cannot be part of one.

Pure Python, used by `claims.intake.attribution`.
"""

from __future__ import annotations

import re

from claims.intake.attribution import Attribution, is_source, resolve
from claims.intake.people import Cast, role_words
from claims.intake.speech.base import Speech

_LETTER = "\u0621-\u064a"
_TOKEN = re.compile(rf"[{_LETTER}\u064b-\u0652]+|[،,:؛.!?\"«»“”()-]")
_MARKS = re.compile("[\u064b-\u0652\u0640]")
# words that end a name or a subject: prepositions, "that", time words, relative pronouns
_STOP = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "أن",
        "إن",
        "أنه",
        "أنها",
        "إنه",
        "إنها",
        "بأن",
        "أنهم",
        "خلال",
        "اليوم",
        "أمس",
        "مساء",
        "صباح",
        "يوم",
        "الذي",
        "التي",
        "الذين",
        "قد",
        "كما",
        "ثم",
        "حيث",
        "وذلك",
        "لدى",
        "بعد",
        "قبل",
        "منذ",
        "حتى",
        "مع",
        "عبر",
        "إنّ",
        "أنّ",
        "ل",
    ]
)
_JOINERS = frozenset({"عبد", "أبو", "ابو", "بن", "بنت", "ابن"})  # "عبد الحميد": one name


def _plain(word: str) -> str:
    return _MARKS.sub("", word)


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _is_title(word: str, sp: Speech) -> bool:
    return word in sp.titles or word.removeprefix("ال") in sp.titles


def _split_title(words: list[str], sp: Speech) -> tuple[list[str], list[str]]:
    """(title words with their complements, name words): "رئيس الجمهورية قيس سعيد"."""
    index = 0
    while index < len(words) and (
        _is_title(words[index], sp)
        or (index and words[index].startswith("ال") and words[index - 1] not in _JOINERS)
    ):
        index += 1
    return words[:index], words[index:]


def _name_words(tokens: list[str], sp: Speech) -> list[str]:
    """The words of a name at the start of `tokens`, at most four."""
    name: list[str] = []
    for index, word in enumerate(tokens):
        if not re.fullmatch(f"[{_LETTER}]+", word) or word in _STOP or _is_title(word, sp):
            break
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if word.startswith("ال") and not (name and name[-1] in _JOINERS):
            # a family name with the article ends a name ("عبدالفتاح السيسي"، "صلاح الزواري،"),
            # where a noun's complement runs on ("وزير الصناعة والنقل")
            if name and len(name) < 3 and not following.startswith(("ال", "لل", "وال")):
                name.append(word)
            break
        if len(name) >= 2 and word not in _JOINERS and following.startswith("ال"):
            break  # "خالد حسن موقع المشروع": a noun before its complement is no name
        name.append(word)
        if len(name) == 4:
            break
    return name


def arabic_names(text: str, sp: Speech) -> list[tuple[str, set[str]]]:
    """Names that follow a title ("اللواء …", "رئيس الجمهورية قيس سعيد"), with those titles."""
    words = [_plain(m.group(0)) for m in _tokens(text)]
    found = []
    index = 0
    while index < len(words):
        if not _is_title(words[index], sp):
            index += 1
            continue
        title, rest = _split_title(words[index:], sp)
        name = _name_words(rest, sp)
        if len(name) >= 2:
            after = rest[len(name) :]
            roles = role_words(title, sp)
            if after[:1] == ["،"]:  # "X، محافظ القاهرة،": the role in apposition
                apposition, _ = _split_title(after[1:], sp)
                roles |= role_words(apposition, sp)
            found.append((" ".join(name), roles))
        index += max(len(title), 1) + len(name)
    return found


def arabic_organisations(text: str, sp: Speech) -> list[str]:
    """Bodies named in full: an organisation's word and its complements ("وزارة الصحة")."""
    words = [_plain(m.group(0)) for m in _tokens(text)]
    found = []
    for index, word in enumerate(words):
        if word in sp.org_words and not word.startswith("ال"):
            complement = []
            for following in words[index + 1 : index + 4]:
                if not following.startswith(("ال", "لل")):
                    break
                complement.append(following)
            if complement:
                found.append(" ".join([word, *complement]))
    return found


def attribute_arabic(sentence: str, cast: Cast) -> Attribution:
    """Who said an Arabic sentence: the subject after its speech verb, a title resolved to the
    person named with it, or (no subject: "وقالت: …") the last speaker."""
    sp = cast.sp
    offsets = [i for i, char in enumerate(sentence) if not _MARKS.fullmatch(char)]
    offsets.append(len(sentence))
    plain = _plain(sentence)
    verb = re.search(rf"(?<![{_LETTER}])(?:{sp.verbs})(?![{_LETTER}])", plain)
    according = re.search(sp.according, plain)
    if verb is None and according is None:
        return Attribution("", "", 0, len(sentence), False)
    if verb is None or (according and according.start() < verb.start()):
        phrase = according.group("who").split()
        end = offsets[according.start()] if according.start() else len(sentence)
        if phrase[:1] and phrase[0] in sp.documents:  # "وفق بلاغ لرئاسة الجمهورية": a source
            return Attribution("", " ".join(phrase), 0, len(sentence), False)
        return Attribution(resolve(_subject_of(phrase, cast), cast), "", 0, end, True, True)
    tokens = [_plain(m.group(0)) for m in _tokens(plain[verb.end() :])]
    subject = _subject_words(tokens, sp)
    who = _subject_of(subject, cast, tokens[len(subject) :]) if subject else cast.last_speaker()
    content = _content_start(plain, verb.end(), sp)
    start = offsets[content]
    claimant, reporter = (resolve(who, cast) if subject else who), ""
    if subject and is_source(" ".join(subject), sp):
        relayed = _relayed_subject_ar(plain[content:], cast)
        if relayed:
            claimant, reporter = relayed, " ".join(subject)
    return Attribution(
        claimant=claimant,
        reported_by=reporter,
        content_start=start,
        content_end=len(sentence),
        has_speech_verb=True,
        named=bool(subject),
    )


def _relayed_subject_ar(content: str, cast: Cast) -> str:
    """ "أن الوزير شدد على …": a title or name right before a speech or promise verb."""
    sp = cast.sp
    tokens = [_plain(m.group(0)) for m in _tokens(content)][:8]
    verbs = re.compile(rf"(?:{sp.verbs}|{sp.promise_verbs})")
    for index, word in enumerate(tokens[1:6], start=1):
        if verbs.fullmatch(word):
            subject = [w for w in tokens[:index] if re.fullmatch(f"[{_LETTER}]+", w)]
            return resolve(_subject_of(subject, cast), cast) if subject else ""
    return ""


def _subject_words(tokens: list[str], sp: Speech) -> list[str]:
    """The subject after a verb: titles, a name, and roles (a title with its complements: "رئيس
    الهيئة الهندسية للقوات المسلحة"), up to "أن", a comma, a preposition or the object."""
    subject: list[str] = []
    for index, word in enumerate(tokens):
        if word in _STOP or not re.fullmatch(f"[{_LETTER}]+", word) or re.fullmatch(sp.that, word):
            break
        if subject and not (_is_title(word, sp) or word.startswith(("ال", "لل"))):
            previous = subject[-1]
            # after a role's complement ("… المسلحة") comes the object ("انتهاء …"), not a name
            if previous.startswith(("ال", "لل")) and any(_is_title(w, sp) for w in subject[1:]):
                break
            if index >= 6:
                break
        subject.append(word)
    return subject


def _subject_of(subject: list[str], cast: Cast, after: list[str] | None = None) -> str:
    """The claimant a subject names: a person (titles stripped, roles remembered), a body, or a
    title alone, which `resolve` turns into the person named with it."""
    sp = cast.sp
    title, rest = _split_title(subject, sp)
    name = _name_words(rest, sp)
    after = after or []
    if not name and after[:1] == ["،"]:  # "مدير المشروع، سلام يعقوب، …": the name in apposition
        name = _name_words(after[1:], sp)
    if len(name) >= 2:
        roles = role_words(title, sp)
        if after[:1] == ["،"]:
            roles |= role_words(_split_title(after[1:], sp)[0], sp)
        cast.meet(" ".join(name), roles)
        return " ".join(name)
    words = [w for w in subject if not _is_title(w, sp)]
    if words and not all(w.startswith(("ال", "لل")) for w in words):
        # a name the rules cannot tell from its title ("اللواء كامل الوزير رئيس …"): the whole
        # subject, remembered with its roles so that "رئيس الهيئة" finds it again
        cast.meet(" ".join(subject), role_words(subject, sp))
    return " ".join(subject)


def _content_start(plain: str, after_verb: int, sp: Speech) -> int:
    """Where the claim's words start: after "أن/إن" or a colon following the verb."""
    match = re.search(rf"(?:^|\s)(?:{sp.that})(?=\s)|:", plain[after_verb : after_verb + 200])
    return after_verb + match.end() if match else 0
