"""Who an article names, with their roles, and what a pronoun, a surname or a title stands for.

Pure Python, used by `claims.intake.attribution`. "The minister said" is resolved to the person
the article names with that role ("Minister Nitin Gadkari", "El ministro de Infraestructura,
Fernando Perea", "المهندس عاطف عبد الحميد، محافظ القاهرة"); a claimant is never a fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.intake.speech.base import Speech

_ARTICLE = re.compile(r"^(?:ال|l['’])")  # the Arabic and French article glued to a word


@dataclass
class Person:
    """A name met in the article and the roles said of it."""

    name: str
    roles: set[str] = field(default_factory=set)


def role_words(words: list[str], sp: Speech) -> set[str]:
    """The title words among `words`, lower-cased, the article dropped (المحافظ → محافظ)."""
    found = set()
    for word in words:
        key = _ARTICLE.sub("", word.lower().strip(".,:;()“”\"'«»،"))
        titled = word.lower() in sp.titles or key in sp.titles or ("ال" + key) in sp.titles
        if titled and len(key) > 2 and key not in sp.stop_caps:
            found.add(key)
    return found


def _roles_meet(wanted: set[str], roles: set[str]) -> bool:
    """ "minister" meets "bundesgesundheitsminister": compound titles end with their head."""
    return any(r.endswith(w) or w.endswith(r) for w in wanted for r in roles)


@dataclass
class Cast:
    """The people, speakers and organisations an article has named so far, in order."""

    sp: Speech
    people: list[Person] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    # every person the whole article names, for a title met before its name ("le président …
    # a indiqué …", and the name in the next paragraph)
    everyone: list[Person] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)

    def meet(self, name: str, roles: set[str] | None = None) -> None:
        """Remember a person (again), with any roles said of them."""
        if not name:
            return
        for person in self.people:
            if person.name == name:
                person.roles |= roles or set()
                self.people.remove(person)
                self.people.append(person)
                return
        self.people.append(Person(name, set(roles or ())))

    def names(self) -> list[str]:
        return [person.name for person in self.people]

    def spoke(self, claimant: str) -> None:
        if claimant:
            self.speakers.append(claimant)

    def last_speaker(self) -> str:
        return self.speakers[-1] if self.speakers else ""

    def full_name(self, who: str) -> str:
        """A surname or short form → the full name it belongs to ("Lopez" → "Ana Lopez")."""
        parts = who.split()
        for person in reversed(self.people):
            full = person.name.split()
            if len(parts) < len(full) and full[-len(parts) :] == parts:
                return person.name
        return who

    def with_role(self, wanted: set[str]) -> str:
        """The person most recently named with one of these roles, else one named anywhere in
        the article with it, else the one it names most ("" when it names none)."""
        for people in (reversed(self.people), self.everyone):
            for person in people:
                if _roles_meet(wanted, person.roles):
                    return person.name
        return self.main_person

    @property
    def main_person(self) -> str:
        """The person the article names most often (the first of equals), or ""."""
        if not self.everyone:
            return ""
        counts = {p.name: self.mentions.get(p.name, 1) for p in self.everyone}
        return max(self.everyone, key=lambda p: counts[p.name]).name

    def pronoun(self, word: str) -> str:
        """ "he", "elle", "er", "هو": the last speaker, else the last person named."""
        if word.lower() not in self.sp.pronouns:
            return ""
        return self.last_speaker() or (self.people[-1].name if self.people else "")

    def last_org(self) -> str:
        return self.orgs[-1] if self.orgs else ""

    def org_like(self, word: str) -> str:
        """The body most recently named with this word in its name ("ministry")."""
        for org in reversed(self.orgs):
            if word in (w.lower() for w in org.split()):
                return org
        return ""
