"""German words for attribution and check-worthiness."""

from claims.intake.speech.base import Speech, words

SPEECH = Speech(
    code="de",
    verbs=(
        r"sagte|sagten|sagt|erklärte|erklärten|erklärt|kündigte|kündigten|kündigt|versprach|"
        r"versprachen|verspricht|betonte|betont|teilte|teilten|teilt|bekräftigte|bestätigte|"
        r"versicherte|warnte|unterstrich|ergänzte|fügte|meinte|verkündete|stellte\s+in\s+Aussicht|"
        r"sprach|schrieb|hieß\s+es"
    ),
    report_verbs=r"berichtete|berichtet|meldete|meldet|zitierte",
    promise_verbs=r"versprach|verspricht|versprachen|sagte\s+zu|sicherte\s+zu|kündigte|kündigt",
    according=(
        r"\b(?:laut|nach\s+Angaben\s+(?:von|des|der))\s+(?P<who>[^,.;:]{2,80})|"
        r"\b(?:nach\s+)?(?P<who2>eigenen|seinen|ihren|seiner|ihrer)\s+(?:Angaben|Worten)\b|"
        r"\b(?P<who3>\w+)\s+(?:Angaben\s+|Worten\s+)?zufolge\b"
    ),
    that=r"dass|daß",
    titles=words(
        "der die das den dem des bundesgesundheitsminister gesundheitsminister minister "
        "ministerin bundesminister bundesministerin bundeskanzler bundeskanzlerin kanzler "
        "kanzlerin präsident präsidentin sprecher sprecherin chef chefin vorsitzende vorsitzender "
        "insolvenzverwalter bürgermeister bürgermeisterin oberbürgermeister landrat direktor "
        "direktorin geschäftsführer frühere früherer ehemalige ehemaliger herr frau dr prof "
        "staatssekretär staatssekretärin abgeordnete abgeordneter"
    ),
    org_words=words(
        "regierung ministerium bundesregierung landesregierung partei verband gewerkschaft "
        "unternehmen konzern gruppe bank agentur nachrichtenagentur gericht polizei stadt "
        "stadtverwaltung kommission ausschuss rat bundestag senat"
    ),
    outlet_words=words("dpa afp reuters apa ap dapd agentur zeitung kna epd sid"),
    stop_caps=words(
        "der die das den dem des ein eine einen und oder aber in im am an auf für mit von zu "
        "bei nach vor seit bis laut montag dienstag mittwoch donnerstag freitag samstag "
        "sonntag sonnabend heute gestern januar jänner februar märz april mai juni juli august "
        "september oktober november dezember dieses diese dieser zunächst rein als wie es er "
        "sie wir ich man auch noch danach deutschland berlin sogenannte sogenannten mehrere "
        "einige viele alle"
    ),
    pronouns=words("er sie seinen seiner seinem ihren ihrer ihrem eigenen"),
    particles=r"von|van|der|de|zu",
    future=(
        r"\b(?:wird|werden|werde|soll|sollen|solle|will|wollen|wolle|muss|müssen|müsse|plant|"
        r"planen|geplant|"
        r"vorgesehen|angesetzt|terminiert|Plan|Frist|Ultimatum|versprach|verspricht|kündigte|bis|spätestens|"
        r"voraussichtlich|künftig)\b"
    ),
    opinion=(
        r"\b(?:wichtig|glaube|glaubt|finde|findet|hervorragend|großartig|schrecklich|Skandal|"
        r"skandalös|stolz|sehr|bedeutsam|bedeutsamen|grundsätzlichen|historisch)\b"
    ),
    hedge=r"\b(?:vielleicht|möglicherweise|eventuell|könnte|könnten|dürfte|dürften)\b",
    generic_plural=words("vertreter verantwortlichen behörden sprecher"),
    impersonal=words("man"),
    meeting=(
        r"\b(?:auf|bei|während)\s+(?:dem|einem|der|einer)\s+(?P<who>(?:\w+\s+)?(?:Gipfel|Treffen|"
        r"Konferenz|Sitzung|Versammlung|Gipfeltreffen))\b"
    ),
    time_words=r"am\s+\w+|heute|gestern|zudem|nun|jetzt",
    right_to_left=True,
    # German writes nouns with a capital: a run with a noun's ending or a numeral is no name
    not_name=(
        r"\w*(?:ung|heit|keit|schaft|tion|ität)(?:en)?|"
        r"\w*(?:gesetz|ismus|agentur|ministeri|amt|ämter)\w*|[IVX]+"
    ),
    sources=words("quelle quellen kreise"),
)
