"""Spanish words for attribution and check-worthiness."""

from claims.intake.speech.base import Speech, words

SPEECH = Speech(
    code="es",
    verbs=(
        r"dijo|dice|afirmó|afirma|anunció|anuncia|aseguró|asegura|declaró|declara|explicó|"
        r"señaló|indicó|sostuvo|sostiene|expresó|manifestó|precisó|detalló|agregó|añadió|"
        r"advirtió|prometió|promete|reiteró|reiteraron|remarcó|remarcaron|insistió|destacó|"
        r"subrayó|enfatizó|enfatizaron|comentó|concluyó|informó|confirmó|reveló|aclaró|"
        r"adelantó|anticipó|indicaron|señalaron|afirmaron|aseguraron|dijeron|advirtieron|"
        r"expresaron|manifestaron|explicaron|anunciaron|declararon|comentaron"
    ),
    report_verbs=r"publicó|informó\s+el\s+diario|reportó",
    promise_verbs=(
        r"prometió|promete|se\s+comprometió|se\s+compromete|garantizó|aseguró|juró|"
        r"lanzó\s+(?:este\s+\w+\s+)?un\s+ultimátum|dio\s+un\s+plazo|otorgó\s+un\s+plazo"
    ),
    according=r"\bsegún\s+(?P<who>[^,.;:]{2,80})",
    that=r"que",
    titles=words(
        "el la los las del de presidente presidenta ministro ministra secretario secretaria "
        "gobernador gobernadora alcalde alcaldesa intendente diputado diputada senador senadora "
        "director directora jefe jefa portavoz vocero vocera funcionario funcionaria edil "
        "consejero consejera municipal infraestructura interior economía salud sr sra dr dra "
        "lic ing general coronel comandante líder dirigente representante titular"
    ),
    org_words=words(
        "gobierno ministerio federación confederación sindicato partido consejo comisión "
        "comité empresa banco asociación municipio congreso senado cámara agencia policía "
        "ejército tribunal corte universidad"
    ),
    outlet_words=words("agencia diario periódico efe afp europa press télam canal radio"),
    stop_caps=words(
        "el la los las un una en por para con de del y o pero que como si según además también "
        "lunes martes miércoles jueves viernes sábado domingo hoy ayer enero febrero marzo "
        "abril mayo junio julio agosto septiembre octubre noviembre diciembre este esta ese "
        "esa lo al tras ante sobre desde hasta finalmente respecto esperamos se nos no"
    ),
    pronouns=words("él ella ellos ellas su"),
    particles=r"de|del|la|las|los|y|van|von",
    future=(
        r"\b(?:\w+(?:rá|rán|remos|ría|rían)|va\s+a|van\s+a|vamos\s+a|tiene\s+que|tienen\s+que|"
        r"debe|deben|deberá|prevé|prevén|previst[oa]s?|programad[oa]s?|planea|planean|pretende|espera|esperan|"
        r"esperamos|se\s+compromet\w+|prometió|promete|plazo|ultimátum|esté|estén|sea|sean)\b"
    ),
    opinion=(
        r"\b(?:importante|creo|cree|creemos|opino|lamentable|excelente|maravillos[oa]|"
        r"orgullos[oa]|histórico|histórica|vergüenza|vergonzos[oa]|terrible|muy|claramente)\b"
    ),
    hedge=r"\b(?:quizás|quizá|tal\s+vez|posiblemente|podría|podrían|puede\s+que)\b",
    generic_plural=words(
        "dirigentes líderes representantes voceros autoridades funcionarios campesinos "
        "organizadores manifestantes"
    ),
    impersonal=words("se"),
    meeting=(
        r"\b(?:en|durante)\s+(?:la|una|el|un)\s+(?P<who>(?:cumbre|reunión|conferencia|consejo|"
        r"congreso|asamblea|sesión)(?:\s+\w+){0,2}?)\b"
    ),
    time_words=(
        r"(?:este|el)\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|ayer|hoy|"
        r"este\s+(?:mes|año)"
    ),
    sources=words("fuente fuentes"),
)
