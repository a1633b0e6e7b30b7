"""English words for attribution and check-worthiness."""

from claims.intake.speech.base import Speech, words

SPEECH = Speech(
    code="en",
    verbs=(
        r"said|says|told|tells|stated|states|announced|announces|promised|promises|pledged|"
        r"vowed|claimed|claims|warned|predicted|insisted|added|explained|noted|argued|declared|"
        r"assured|confirmed|estimated|stressed|revealed|affirmed|asserted|maintained|wrote|"
        r"tweeted|forecast|projected|admitted|acknowledged|disclosed|posted|urged|demanded|"
        r"reaffirmed|reiterated|reassured|indicated|observed|remarked|emphasi[sz]ed|underscored|"
        r"highlighted|pointed\s+out|contended|suggested|expressed|unveiled|guaranteed|assures"
    ),
    report_verbs=r"reported|reports|quoted|cited",
    promise_verbs=(
        r"promised|promises|pledged|pledges|vowed|vows|committed|commits|assured|assures|"
        r"undertook|guaranteed|issued\s+an\s+ultimatum|gave\s+an\s+ultimatum"
    ),
    according=r"\baccording\s+to\s+(?P<who>[^,.;:]{2,80})",
    that=r"that",
    titles=words(
        "president prime minister mr mrs ms dr prof general gen colonel col commander adviser "
        "advisor secretary senator sen governor gov mayor chancellor ambassador spokesman "
        "spokeswoman spokesperson sheikh king queen prince judge chief director chairman ceo "
        "deputy national security foreign defence defense interior finance rep representative "
        "lieutenant major captain officer mp councillor health education economy transport "
        "energy justice trade labour agriculture environment culture opposition leader vice "
        "former acting head senior military commissioner premier state house speaker union "
        "road highways congress federal regional public relations chairperson minister's the "
        "of and for"
    ),
    org_words=words(
        "agency ministry government forces army party council office news times post press tv "
        "radio network reuters afp ap bbc cnn journal gazette herald tribune daily magazine "
        "channel institute bank company department authority commission committee union group "
        "coalition association federation organization organisation service police court "
        "parliament congress senate sputnik al-akhbar al-jazeera board students"
    ),
    outlet_words=words(
        "news times post press tv radio reuters afp ap bbc cnn journal gazette herald tribune "
        "daily magazine channel sputnik agency al-akhbar al-jazeera pti ani"
    ),
    stop_caps=words(
        "the a an in on at for last next this that but and or while when after before as if "
        "however meanwhile also since monday tuesday wednesday thursday friday saturday sunday "
        "today yesterday it there his her their its our my according speaking january february "
        "march april may june july august september october november december firstly secondly "
        "thirdly finally going we i they he she you what between during by with from until "
        "under over among despite although though because once within around about"
    ),
    pronouns=words("he she they we i his her"),
    future=(
        r"\b(?:will|shall|won't|would(?! have)|going to|plans? to|planned to|pledged|promised?|"
        r"vowed|expects? to|expected to|aims? to|intends? to|is to|are to|set to|scheduled to|"
        r"due to|must|should|has to|have to|needs? to|deadline|ultimatum|target|by the end of)\b"
    ),
    opinion=(
        r"\b(?:important|adamant|dismay|hostile|ought|believes?|think|feel|hope|seems?|"
        r"arguably|clearly|incredibly|very|terrible|wonderful|great|best|worst|shameful|"
        r"disgrace|outrageous|beautiful|obviously|unfortunately|sadly|proud|proudest|"
        r"excellent|remarkable|historic|unprecedented)\b"
    ),
    hedge=r"\b(?:may|might|could|perhaps|possibly|maybe)\b",
    generic_plural=words("officials leaders representatives spokesmen authorities organisers"),
    impersonal=words("it"),
    meeting=(
        r"\b(?:at|during)\s+(?:a|an|the)\s+(?P<who>(?:\w+\s+){0,2}?(?:summit|meeting|conference|"
        r"council|congress|assembly|session))\b"
    ),
    time_words=(
        r"on\s+\w+day|\w+day|yesterday|today|earlier|later|last\s+\w+|this\s+\w+|"
        r"on\s+\d{1,2}\s+\w+|in\s+a\s+statement"
    ),
    sources=words("source sources insider insiders"),
)
