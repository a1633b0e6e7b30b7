"""Who said a sentence, who reported it, and which words are the claim itself (English).

Pure Python, used by `claims.intake.extraction`. The rules are general: a speech verb and the name
on its left ("Ahmad Jadayan, … told"), on its right ("…, said Jadayan"), "according to X", "X
reported", with a pronoun or a surname resolved to the person last named in full earlier in the
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    "said|says|told|tells|stated|states|announced|announces|promised|promises|pledged|vowed|"
    "claimed|claims|warned|predicted|insisted|added|explained|noted|argued|declared|assured|"
    "confirmed|estimated|stressed|revealed|affirmed|asserted|maintained|wrote|tweeted|"
    "forecast|projected|admitted|acknowledged|disclosed"
)
REPORT_VERBS = "reported|reports|quoted|cited"
_VERB = re.compile(
    rf"\b(?:has |had |have )?(?P<verb>{SPEECH_VERBS}|{REPORT_VERBS})\b(?P<after>.*)", re.S
)
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,80})", re.I)
_INTERVIEW = re.compile(r"\binterview with (?P<who>[^,;]{2,120})", re.I)
# "told the Russian news site that …", "said on Monday that …" — not "said there is … that".
_THAT = re.compile(
    r"^\s*(?:(?!(?:is|are|was|were|has|have|had|will|would|can|needs?|not)\b)[^\s\"“”]+\s+){0,8}?"
    r"that\s+",
    re.I,
)
_WORD = r"[A-Z][\w’'\-]*(?:\.[A-Z]\.?)?"
_PARTICLE = r"(?:al|el|bin|ibn|abu|de|del|da|di|van|von|der|le|la|du|dos|bint)"
NAME = re.compile(rf"{_WORD}(?:\s+(?:{_PARTICLE}[\s-]+)?{_WORD}){{0,4}}")
PRONOUNS = {"he", "she", "they", "we", "i"}
TITLES = {
    "president", "prime", "minister", "mr", "mrs", "ms", "dr", "prof", "general", "gen",
    "colonel", "col", "commander", "adviser", "advisor", "secretary", "senator", "sen", "governor",
    "gov", "mayor", "chancellor", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "sheikh", "king", "queen", "prince", "judge", "chief", "director", "chairman", "ceo",
    "deputy", "national", "security", "foreign", "defence", "defense", "interior", "finance",
    "rep", "representative", "lieutenant", "major", "captain", "officer", "mp", "councillor",
    "health", "education", "economy", "transport", "energy", "justice", "trade", "labour",
    "agriculture", "environment", "culture", "opposition", "leader", "vice", "former", "acting",
    "head", "senior", "military", "commissioner", "premier", "state", "house", "speaker",
}  # fmt: skip
ORG_WORDS = {
    "agency", "ministry", "government", "forces", "army", "party", "council", "office", "news",
    "times", "post", "press", "tv", "radio", "network", "reuters", "afp", "ap", "bbc", "cnn",
    "journal", "gazette", "herald", "tribune", "daily", "magazine", "channel", "institute",
    "bank", "company", "department", "authority", "commission", "committee", "union", "group",
    "coalition", "association", "federation", "organization", "organisation", "service",
    "police", "court", "parliament", "congress", "senate", "sputnik", "al-akhbar", "al-jazeera",
}  # fmt: skip
STOP_CAPS = {
    "the", "a", "an", "in", "on", "at", "for", "last", "next", "this", "that", "but", "and", "or",
    "while", "when", "after", "before", "as", "if", "however", "meanwhile", "also", "since",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "it", "there", "his", "her", "their", "its", "our", "my", "according", "speaking",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
_FOLLOWS_NAME = {
    "on", "in", "at", "that", "about", "during", "last", "this", "after", "before", "and", "by",
    "when", "while", "via", "for", "from", "with", "of", "to", "who", "which", "as", "earlier",
}  # fmt: skip
_QUOTE_BEFORE = re.compile(r"[,.!?]?\s*[\"”]\s*$")


@dataclass(frozen=True)
class Attribution:
    """Who said it (`claimant`), who relayed it (`reported_by`), and the claim's own words as an
    offset range inside the sentence."""

    claimant: str
    reported_by: str
    content_start: int
    content_end: int
    has_speech_verb: bool


def attribute(sentence: str, people: list[str], speakers: list[str] | None = None) -> Attribution:
    """Attribute one sentence. `people` are full names met earlier and `speakers` the claimants
    found so far, most recent last: a pronoun refers to the last speaker."""
    who, reporter, span = "", "", (0, len(sentence))
    according = _ACCORDING.search(sentence)
    verb = _first_verb(sentence)
    if according:
        # "according to the city's transport office": a description stands for the claimant.
        phrase = according.group("who").strip()
        who = _clean_name(phrase) or (phrase if len(phrase.split()) <= 6 else "")
        span = _around(sentence, according.start(), according.end())
    elif verb:
        verb_word = verb.group("verb")
        left = sentence[: verb.start()]
        who = "" if _QUOTE_BEFORE.search(left) else _subject(left)
        if not who:
            who = _leading_name(verb.group("after"))
        span = _content(sentence, verb, inverted=bool(who) and not _subject(left))
        if verb_word in REPORT_VERBS.split("|") and who:
            who, reporter = "", who
        elif verb_word in ("told", "tells"):
            listener = _leading_name(verb.group("after"))
            reporter = "" if resolve(listener, people) in people else listener
    if who and _is_org(who) and not _is_person_like(who, people):
        reporter, who = (who, "") if _is_outlet(who) else (reporter, who)
    if not reporter:
        interview = _INTERVIEW.search(sentence)
        if interview:
            runs = [m.group(0) for m in NAME.finditer(interview.group("who"))]
            reporter = _strip_possessive(runs[-1]) if runs else ""
    return Attribution(
        claimant=resolve(who, people, speakers),
        reported_by=reporter,
        content_start=span[0],
        content_end=span[1],
        has_speech_verb=bool(verb or according),
    )


def resolve(who: str, people: list[str], speakers: list[str] | None = None) -> str:
    """A pronoun → the last speaker (else the person named last); a surname or short form → the
    full name it belongs to."""
    if not who:
        return ""
    if who.lower() in PRONOUNS:
        antecedents = speakers or people
        return antecedents[-1] if antecedents and who.lower() in ("he", "she") else ""
    parts = who.split()
    for person in reversed(people):
        full = person.split()
        if len(parts) < len(full) and full[-len(parts) :] == parts:
            return person
    return who


def names_in(text: str) -> list[str]:
    """Full personal names (two or more words, titles stripped) in order of appearance."""
    found = []
    for match in NAME.finditer(text):
        name = _strip_titles(_strip_possessive(match.group(0)))
        if len(name.split()) >= 2 and not _is_org(name):
            found.append(name)
    return found


def _first_verb(sentence: str) -> re.Match | None:
    # The attribution verb is usually the first; a quoted "said" inside the claim is not.
    for match in _VERB.finditer(sentence):
        if not _inside_quotes(sentence, match.start()):
            return match
    return None


def _inside_quotes(sentence: str, at: int) -> bool:
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _subject(left: str) -> str:
    """The name (or pronoun) just before a speech verb, skipping one appositive clause."""
    stripped = left.rstrip(" ,")
    if not stripped:
        return ""
    segments = [s.strip(" “”\"'") for s in re.split(r",|\s[–—]\s", stripped)]
    for segment in reversed(segments[-2:]):
        words = segment.split()
        if words and words[-1].lower() in PRONOUNS and len(words) <= 2:
            return words[-1].capitalize() if words[-1] != "I" else ""
        runs = list(NAME.finditer(segment))
        if runs and runs[-1].end() == len(segment):
            name = _clean_name(runs[-1].group(0))
            if name:
                return name
        if segment and not segment[0].islower():
            continue
    return ""


def _leading_name(text: str) -> str:
    """The name that opens `text` ("… said Anna Kowalska, …", "… told the Warsaw Courier"), not
    an adjective ("… told the Russian news site")."""
    rest = re.sub(r"^[\s,]*(?:the\s+)?", "", text)
    match = NAME.match(rest)
    if not match:
        return ""
    following = re.match(r"\s+([a-z]+)", rest[match.end() :])
    if following and following.group(1) not in _FOLLOWS_NAME:
        return ""
    return _clean_name(match.group(0))


def _content(sentence: str, verb: re.Match, *, inverted: bool) -> tuple[int, int]:
    """The claim's words: the clause after 'that', the words after 'said', or the quoted part."""
    after_start = verb.start("after")
    after = sentence[after_start:]
    that = _THAT.match(after)
    if that and not inverted:
        return after_start + that.end(), len(sentence)
    if verb.group("verb") not in ("told", "tells") and not inverted:
        words = after.strip(" ,.").split()
        if len(words) >= 4:
            offset = len(after) - len(after.lstrip(" ,"))
            return after_start + offset, len(sentence)
    before = sentence[: verb.start()]
    cut = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
    return (0, cut) if cut > 0 else (0, len(sentence))


def _around(sentence: str, start: int, end: int) -> tuple[int, int]:
    if start <= 2:  # "According to X, the claim…"
        comma = sentence.find(",", end - 1)
        return (comma + 1, len(sentence)) if comma != -1 else (end, len(sentence))
    return 0, start  # "The claim…, according to X."


def _clean_name(raw: str) -> str:
    words = raw.strip(" ,.“”\"'").split()
    while words and words[0].lower() in STOP_CAPS:
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return ""
    return _strip_titles(_strip_possessive(" ".join(words)))


def _strip_possessive(name: str) -> str:
    words = name.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith(("'s", "’s")) and index < len(words) - 1:
            return " ".join(words[index + 1 :])
    return name


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _is_org(name: str) -> bool:
    return any(word.lower().strip(".") in ORG_WORDS for word in name.split())


def _is_outlet(name: str) -> bool:
    outlets = {"news", "times", "post", "press", "tv", "radio", "reuters", "afp", "ap", "bbc"}
    outlets |= {"cnn", "journal", "gazette", "herald", "tribune", "daily", "magazine", "channel"}
    outlets |= {"sputnik", "agency", "al-akhbar", "al-jazeera"}
    return any(word.lower().strip(".") in outlets for word in name.split())


def _is_person_like(name: str, people: list[str]) -> bool:
    return any(person.endswith(name) for person in people)
