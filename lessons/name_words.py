"""Word lists for reading names in news: titles, suffixes, the nouns of people, institutions and places.

Like :mod:`lessons.constants`, every list is a general convention of English-language news writing, never a
string taken from one of the course articles.

>>> "minister" in NAME_TITLES and "jr" in NAME_SUFFIXES
True
"""

from __future__ import annotations

from typing import Final


#: Titles and honorifics that stand before a name and are not part of it (compared without a final period).
NAME_TITLES: Final[frozenset[str]] = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "president", "vice", "deputy", "minister", "secretary", "ambassador", "amb", "envoy", "chairman",
        "chairwoman", "chairperson", "chair", "director", "governor", "gov", "senator", "sen", "sens",
        "representative", "rep", "reps", "congressman", "congresswoman", "mayor", "judge", "justice",
        "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt",
        "sergeant", "cpl", "corporal", "pvt", "private", "adm", "admiral", "brig", "cmdr", "commander",
        "chief", "officer", "det", "detective", "insp", "inspector", "supt", "superintendent", "rev",
        "reverend", "father", "pastor", "rabbi", "imam", "bishop", "archbishop", "cardinal", "pope",
        "king", "queen", "prince", "princess", "sheikh", "emir", "chancellor", "premier", "commissioner",
        "councilman", "councilwoman", "councillor", "councilor", "speaker", "leader", "manager", "coach",
        "ceo", "cfo", "coo", "cto", "spokesman", "spokeswoman", "spokesperson", "attorney", "atty",
        "undersecretary", "under-secretary", "secretary-general", "vice-minister",
        "pres", "dean", "treasurer", "auditor", "comptroller", "sheriff", "marshal", "trooper",
        "assemblyman", "assemblywoman", "assemblymember", "delegate", "hon", "fr", "sister", "brother",
        "co-author", "coauthor", "author", "editor", "founder", "chairman", "prosecutor", "counsel",
        "nominee", "candidate", "member", "head", "executive", "ranger", "constable", "warden", "chef",
        "conductor", "pilot", "agent", "nurse", "sergeant-at-arms", "principal", "superintendent",
        "grandmaster", "striker", "midfielder", "goalkeeper", "defender", "playwright", "novelist", "skipper",
    }
)

#: Titles that tell a person's gender ("m" or "f").
GENDERED_TITLES: Final[dict[str, str]] = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m", "brother": "m",
    "congressman": "m", "councilman": "m", "assemblyman": "m", "chairman": "m", "spokesman": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
    "sister": "f", "congresswoman": "f", "councilwoman": "f", "assemblywoman": "f", "chairwoman": "f",
    "spokeswoman": "f", "woman": "f", "man": "m", "businessman": "m", "businesswoman": "f",
}

#: Suffixes that stay part of a name: "Ray Dillard Jr.", "John Smith III".
NAME_SUFFIXES: Final[frozenset[str]] = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})

#: Lower-case particles inside a name: "Ines de la Cruz", "Ludwig van Beethoven".
NAME_PARTICLES: Final[frozenset[str]] = frozenset(
    {"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "dos",
     "das", "do", "des", "e", "y", "ter", "ten"}
)

#: Family names that come first in East Asian order even without a hyphenated given name ("Kim Yo Jong").
EAST_ASIAN_FAMILY_NAMES: Final[frozenset[str]] = frozenset(
    {
        "kim", "lee", "yi", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "jo",
        "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "kwon", "hwang",
        "ahn", "an", "song", "yoo", "yu", "hong", "jeon", "chun", "ko", "go", "moon", "mun", "yang", "son",
        "bae", "baek", "paik", "heo", "huh", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "joo", "woo",
        "min", "ryu", "na", "jin", "ji", "um", "chae", "won", "bang", "kong", "hyun", "ban",
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
        "zhu", "hu", "guo", "he", "lin", "luo", "zheng", "liang", "xie", "tang", "xi", "deng", "wen",
    }
)

#: Words that make a capitalized phrase an organization: "Keystone Screening Inc.", "Ministry of …".
ORGANIZATION_WORDS: Final[frozenset[str]] = frozenset(
    {
        "constabulary",
        "inc", "corp", "co", "cos", "ltd", "llc", "plc", "gmbh", "ag", "sa", "group", "holdings",
        "ministry", "department", "dept", "commission", "committee", "council", "court", "agency",
        "service", "services", "office", "bureau", "administration", "authority", "board", "party",
        "university", "institute", "institution", "college", "school", "academy", "hospital", "center",
        "centre", "foundation", "association", "assn", "alliance", "union", "federation", "league",
        "club", "fc", "bank", "fund", "corporation", "company", "partnership", "organization",
        "organisation", "embassy", "parliament", "assembly", "congress", "senate", "house", "government",
        "police", "army", "navy", "guard", "force", "forces", "command", "network", "times", "news",
        "herald", "post", "press", "journal", "telescope", "observatory", "laboratory", "lab", "church",
        "cathedral", "station", "project", "program", "programme", "initiative", "coalition", "society",
        "system", "systems", "technologies", "energy", "mobility", "motors", "electronics", "airlines",
        "athletic", "united", "city", "county", "state", "states", "republic", "kingdom", "nations",
        "act", "law", "treaty", "accord", "agreement", "summit", "policy", "hotel", "theater",
        "theatre", "festival", "clinic", "store", "market", "airport", "port", "terminal", "terminals",
    }
)

#: Capitals and countries that news writing uses for their governments ("Pyongyang denounced …").
GOVERNMENT_PLACES: Final[frozenset[str]] = frozenset(
    {
        "washington", "pyongyang", "seoul", "beijing", "tokyo", "moscow", "kyiv", "kiev", "london",
        "paris", "berlin", "brussels", "tehran", "canberra", "ottawa", "new delhi", "islamabad", "kabul",
        "baghdad", "damascus", "jerusalem", "cairo", "ankara", "riyadh", "doha", "taipei", "hanoi",
        "manila", "jakarta", "bangkok", "rome", "madrid", "lisbon", "athens", "warsaw", "vienna", "bern",
        "stockholm", "oslo", "copenhagen", "helsinki", "dublin", "mexico city", "brasilia", "buenos aires",
        "pretoria", "nairobi", "abuja", "minsk", "tbilisi", "havana", "caracas", "bogota", "lima",
        "santiago", "wellington", "singapore", "canada", "china", "japan", "russia", "ukraine", "iran",
        "iraq", "israel", "india", "pakistan", "france", "germany", "britain", "korea", "north korea",
        "south korea", "united states", "us", "u.s.", "usa", "uk", "u.k.", "australia", "taiwan",
        "the north", "the south", "the kremlin", "kremlin", "white house", "the white house", "nato",
        "eu", "un", "u.n.", "the eu", "the un",
    }
)

#: Words that open a place's name, never a person's: "North Korean", "South Jeolla", "New York".
COMPASS_WORDS: Final[frozenset[str]] = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new",
     "upper", "lower", "greater", "mount", "lake", "port", "fort", "saint"}
)

#: Words that make a capitalized phrase a place: "Korean Peninsula", "Gyeongpo Beach", "Harbor Avenue".
PLACE_WORDS: Final[frozenset[str]] = frozenset(
    {"peninsula", "river", "sea", "ocean", "island", "islands", "mountain", "mountains", "valley", "beach",
     "bay", "gulf", "lake", "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "square",
     "bridge", "harbor", "harbour", "airport", "province", "region", "district", "county",
     "canyon", "coast", "strait", "desert", "forest", "hills", "heights", "plaza",
     "democratic", "people", "republican", "communist"}
)

#: What an institution's common noun stands for: "the company" is the latest "… Corp." or "… Inc.".
INSTITUTION_HEADS: Final[dict[str, frozenset[str]]] = {
    "company": frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "group", "corporation", "company", "holdings"}),
    "firm": frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "group", "corporation", "company", "holdings"}),
    "ministry": frozenset({"ministry"}), "club": frozenset({"fc", "club", "athletic", "united"}),
    "court": frozenset({"court"}), "council": frozenset({"council"}), "agency": frozenset({"agency"}),
    "department": frozenset({"department", "dept"}), "commission": frozenset({"commission"}),
    "committee": frozenset({"committee"}), "party": frozenset({"party"}), "embassy": frozenset({"embassy"}),
    "university": frozenset({"university"}), "hospital": frozenset({"hospital"}), "bank": frozenset({"bank"}),
    "union": frozenset({"union"}), "league": frozenset({"league"}), "institute": frozenset({"institute"}),
    "service": frozenset({"service"}), "office": frozenset({"office"}), "board": frozenset({"board"}),
}

#: Legal suffixes left out of a company's name as a speaker: "Vireo Mobility Corp." → "Vireo Mobility".
LEGAL_SUFFIXES: Final[frozenset[str]] = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa"})

#: Short words that stay lower-case in a title of a work: “The Lord of the Rings”, “Kind of Blue”.
TITLE_SMALL_WORDS: Final[frozenset[str]] = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "from", "by", "as"}
)

#: Irregular past-tense verbs: a name after one of them in its clause is an object ("met Pat Lee").
IRREGULAR_PAST_VERBS: Final[frozenset[str]] = frozenset(
    {"met", "held", "took", "gave", "made", "left", "sent", "brought", "won", "lost", "led", "kept", "found",
     "saw", "knew", "thought", "became", "began", "came", "went", "got", "put", "set", "ran", "spent", "sold",
     "bought", "paid", "hit", "cut", "beat", "chose", "drove", "fell", "felt", "fought", "heard", "let",
     "meant", "read", "rose", "sat", "shot", "spoke", "stood", "struck", "taught", "threw", "wrote", "told",
     "had", "did", "has", "have", "does", "do"}
)

#: Lower-case words of a role written before a name without a determiner: "council member Luis Ortega",
#: "former mayor Jane Roe" (with PERSON_NOUNS and NAME_TITLES).
ROLE_MODIFIERS: Final[frozenset[str]] = frozenset(
    {"former", "fellow", "chief", "senior", "special", "junior", "deputy", "acting", "interim", "veteran", "longtime",
     "team", "club", "council", "party", "state", "city", "county", "local", "national", "foreign", "then",
     "vice", "assistant", "associate", "general", "managing", "executive", "lead", "head", "staff", "union"}
)
