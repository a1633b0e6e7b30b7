"""French words for attribution and check-worthiness."""

from claims.intake.speech.base import Speech, words

SPEECH = Speech(
    code="fr",
    verbs=(
        r"(?:a|ont|avait|avaient)(?:-t)?(?:-(?:il|elle|ils|elles|on))?\s+(?:\w+\s+)?(?:déclaré|dit|"
        r"affirmé|annoncé|indiqué|expliqué|"
        r"assuré|précisé|promis|souligné|ajouté|estimé|confirmé|rappelé|averti|prévenu|"
        r"martelé|insisté|reconnu|détaillé)|déclare|dit|affirme|annonce|indique|explique|"
        r"assure|précise|promet|souligne|ajoute|estime|confirme|rappelle|détaille|explique|"
        r"selon\s+lui|selon\s+elle|poursuit|conclut|insiste|martèle|prévient"
    ),
    report_verbs=r"rapporte|rapporté|cité",
    promise_verbs=(
        r"s['’]est\s+engagée?|s['’]engage|(?:a|ont)\s+promis|promet|(?:a|ont)\s+assuré|"
        r"garanti|(?:a|ont)\s+juré|(?:a|ont)\s+lancé\s+un\s+ultimatum"
    ),
    according=r"\bselon\s+(?P<who>[^,.;:]{2,80})",
    that=r"que|qu['’]",
    titles=words(
        "le la les l' du de des président présidente ministre premier première secrétaire "
        "directeur directrice général générale porte-parole maire préfet député députée "
        "sénateur sénatrice chef dirigeant dirigeante responsable m mme dr pr gouverneur "
        "ambassadeur commissaire patron pdg leader autoproclamé autoproclamée l’"
    ),
    org_words=words(
        "gouvernement ministère conseil commission comité société groupe entreprise banque "
        "association fédération syndicat parti assemblée sénat agence police armée tribunal "
        "cour union équipementier constructeur mairie préfecture"
    ),
    outlet_words=words("afp reuters agence journal radio télévision presse communiqué"),
    stop_caps=words(
        "le la les un une des en dans pour par avec de du et ou mais que qui si selon aussi "
        "lundi mardi mercredi jeudi vendredi samedi dimanche aujourd hier janvier février mars "
        "avril mai juin juillet août septembre octobre novembre décembre ce cette ces lors au "
        "aux il elle ils elles on nous je cet après avant depuis"
    ),
    pronouns=words("il elle ils elles lui"),
    particles=r"de|du|des|la|le|d['’]",
    future=(
        r"\b(?:\w+(?:ra|ront|rai|rons)|va|vont|doit|doivent|devra|devront|devrait|devraient|"
        r"prévu|prévue|prévus|prévues|programmée?s?|fixée?s?|compte|comptent|entend|entendent|s['’]est\s+engagée?|"
        r"s['’]engage|promet|promis|d['’]ici|ultimatum|délai|objectif|futur|future|reste|restent)\b"
    ),
    opinion=(
        r"\b(?:important|importante|crois|croit|pense|pensons|excellent|excellente|formidable|"
        r"magnifique|honte|honteux|scandaleux|très|fier|fière|historique|évidemment)\b"
    ),
    hedge=r"\b(?:peut-être|éventuellement|pourrait|pourraient|probablement)\b",
    generic_plural=words("dirigeants responsables représentants porte-parole autorités"),
    impersonal=words("on"),
    meeting=(
        r"\blors\s+d['’]\s*(?:un|une|du|de\s+la)\s+(?P<who>(?:sommet|réunion|conférence|conseil|"
        r"congrès|assemblée|session)(?:\s+\w+){0,1})\b"
    ),
    time_words=r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui",
    sources=words("source sources"),
)
