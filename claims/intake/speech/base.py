"""The shape of one language's words for attribution and check-worthiness (data only).

Regexes are matched case-insensitively unless said otherwise; word sets are lower-case.
"""

from dataclasses import dataclass, field


def words(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Speech:
    """How one language says who said what: the verbs, the "according to" phrases, the titles
    and words that are no names, and the words that make a sentence a promise or an opinion."""

    code: str
    # a finite speech verb ("said", "dijo", "a déclaré", "sagte", "قال"); group "verb"
    verbs: str
    # an outlet that relayed it ("reported", "quoted")
    report_verbs: str
    # a verb of promising: its subject is the claimant even when a spokesman relays it
    promise_verbs: str
    # "according to X", "selon X", "laut X", "بحسب X": group "who"
    according: str
    # the word that opens the reported content ("that", "que", "dass", "أن")
    that: str
    # a generic subject in the language's own words; resolved to the person the article names
    titles: frozenset[str]
    org_words: frozenset[str]
    outlet_words: frozenset[str]
    # capitalised words that never start a name (articles, weekdays, months, sentence openers)
    stop_caps: frozenset[str]
    pronouns: frozenset[str]
    # a pronoun that follows its verb ("a-t-il déclaré", "sagte er", "dijo él")
    particles: str = r"al|el|bin|ibn|abu|de|del|da|di|van|von|der|le|la|du|dos|bint"
    # a sentence about the future, a promise, an obligation or a plan
    future: str = ""
    opinion: str = ""
    hedge: str = ""
    # plural generic subjects ("officials", "los dirigentes"): the organisation named before
    generic_plural: frozenset[str] = field(default_factory=frozenset)
    # an impersonal subject ("on", "se", "man") and the meeting that speaks for it
    impersonal: frozenset[str] = field(default_factory=frozenset)
    meeting: str = ""
    # words that may follow a name before its verb: "X on Thursday said", "X lundi a annoncé"
    time_words: str = ""
    # speech verbs that come with a separable particle at the clause end ("kündigte … an")
    right_to_left: bool = False
    # a word that makes a capitalised run no person's name (one word, matched whole)
    not_name: str = ""
    # "according to a statement": a document is a source, not a claimant
    documents: frozenset[str] = field(default_factory=frozenset)
    # an unnamed source that relays what someone else said or did ("a source said the minister
    # stressed …", "أوضح المصدر أن الوزير شدد"): the one in the content is the claimant
    sources: frozenset[str] = field(default_factory=frozenset)
