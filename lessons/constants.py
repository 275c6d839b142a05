"""Word lists and patterns the lessons share, as typed constants (one place to read and adapt them).

Every list here is a *general* convention of English-language news writing (AP / Reuters style
abbreviations, function words, speech verbs), never a string taken from one of the course articles.

>>> "u.s" in ABBREVIATIONS or bool(DOTTED_ABBREVIATION_TYPE.fullmatch("u.s"))
True
>>> "gen" in TITLE_ABBREVIATIONS <= ABBREVIATIONS
True
"""

from __future__ import annotations

import re
from typing import Final

# ---------------------------------------------------------------------------
# tokenizing: sentences
# ---------------------------------------------------------------------------

#: Abbreviations that take a period in news copy, lower-cased and without the final period, as Punkt's
#: ``PunktParameters.abbrev_types`` stores them. Only abbreviations that a capitalized word or a number
#: often follows *inside* a sentence are listed (Gen. Kim, Aug. 10, St. Louis, Co. Ltd.): one followed by a
#: comma or a lower-case word never needed listing, and a listed one that ends a sentence before a name is
#: missed. So "etc.", "Ave." and the state abbreviations (Portland, Ore. / Fresno, Calif.) are left out:
#: they end sentences more often than they run on into a capital. Dotted acronyms (U.S., D.C., U.N.) need
#: not be listed: DOTTED_ABBREVIATION_TYPE recognizes them all. Words that are also common sentence-final
#: English words ("ill", "sun", "mass", "may") are never listed.
ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        # months, AP style plus the common 3-letter forms (never "mar", "may")
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        # personal, military, religious and political titles
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt",
        "sgt", "cpl", "pvt", "adm", "brig", "gov", "sen", "sens", "rep", "reps", "pres", "amb",
        "supt", "insp", "det", "rev", "hon", "fr", "atty", "sr", "jr", "st", "mt", "ft", "ste",
        # companies and organizations
        "inc", "corp", "co", "cos", "ltd", "plc", "bros", "assn", "dept", "univ", "intl", "govt", "gov't",
        # others that run on into a name or a number
        "vs", "approx", "ph.d", "cf", "al",
    }
)

#: Abbreviations only before a number ("No. 1", "Vol. 3"): "no." before anything else is the word "no"
#: ending a sentence, so a break after one of these is undone only when a digit follows.
NUMBER_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"no", "nos", "vol", "vols", "fig", "figs", "pp", "art", "hwy", "rte"}
)

#: Times of day. They are *not* treated as abbreviations: Punkt breaks after them, and the break is undone only
#: before what follows a clock time in news copy ("5 p.m. Monday", "p.m. Sept. 3", "p.m. EST", "p.m. Seoul
#: time", "p.m. Eastern"), so "at 11:30 p.m. Turnout was high" splits where a listed abbreviation would not.
TIME_ABBREVIATIONS: Final[frozenset[str]] = frozenset({"a.m", "p.m"})

#: Words that continue a clock time: weekdays, months (full and abbreviated) and time-zone names.
AFTER_TIME_WORDS: Final[frozenset[str]] = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "eastern", "pacific", "central", "mountain", "atlantic", "alaska", "hawaii", "greenwich",
        "universal", "coordinated", "local",
    }
)

#: Titles that stand before a name and never end a sentence: a break Punkt proposes right after one is undone.
TITLE_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt",
        "sgt", "cpl", "pvt", "adm", "brig", "gov", "sen", "sens", "rep", "reps", "pres", "amb",
        "supt", "insp", "det", "rev", "hon", "fr", "atty",
    }
)

#: A Punkt abbreviation type made of single letters and periods: "u.s", "u.n", "p.m", "d.c", "e.g".
DOTTED_ABBREVIATION_TYPE: Final[re.Pattern[str]] = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")

#: Function words that start sentences. After an abbreviation that can also end a sentence ("in the U.S.",
#: "at 5 p.m.", "Samsung Electronics Co.") a capitalized word from this list means a new sentence began;
#: a name or any other capitalized word does not ("U.S. Embassy", "p.m. Monday"). Punkt calls this list
#: ``sent_starters`` and normally learns it from a corpus we cannot download.
SENTENCE_STARTERS: Final[frozenset[str]] = frozenset(
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
        "our", "my", "this", "that", "these", "those", "there", "but", "and", "or", "so", "yet",
        "in", "on", "at", "for", "after", "before", "when", "while", "if", "as", "although", "though",
        "however", "meanwhile", "since", "during", "under", "with", "from", "by", "to", "of",
        "some", "many", "most", "both", "all", "such", "then", "instead", "now", "still", "also",
        "what", "why", "how", "who", "where", "which", "until", "despite", "earlier", "later",
        "according", "another", "other", "neither", "nor", "each", "every", "one", "two", "three",
    }
)

#: Verbs that attribute a quotation. A break after `?”` or `!”` is undone when the next words are only
#: a capitalized name (or title and name) followed by one of these: “Why now?” Kim asked.
SPEECH_VERBS: Final[frozenset[str]] = frozenset(
    {
        "said", "says", "say", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes",
        "noted", "notes", "continued", "replied", "replies", "explained", "stressed", "insisted",
        "warned", "argued", "claimed", "stated", "declared", "announced", "recalled", "acknowledged",
        "admitted", "conceded", "countered", "responded", "remarked", "observed", "suggested",
        "urged", "cautioned", "quipped", "joked", "shouted", "yelled", "cried", "tweeted", "posted",
        "emphasized", "emphasised", "agreed", "complained", "predicted", "wondered", "demanded",
        "exclaimed", "whispered", "pleaded",
    }
)

#: Characters that may open a sentence before its first word: quotes, brackets, dashes.
OPENING_PUNCTUATION: Final[str] = "\"'“‘«„‚([{—–-…*"

#: Characters that may close a sentence after its final . ? or ! (quotes, brackets).
CLOSING_PUNCTUATION: Final[str] = "\"'”’»)]}"

#: Curly quotes and primes folded to their ASCII twins, one character for one, so offsets survive:
#: words() tokenizes the folded text and reads each token back from the original.
QUOTE_FOLD: Final[dict[int, str]] = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'}
)

#: A run of characters that belongs to one paragraph: everything except the line breaks str.splitlines knows.
PARAGRAPH_PATTERN: Final[re.Pattern[str]] = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")

# ---------------------------------------------------------------------------
# tokenizing: words
# ---------------------------------------------------------------------------

#: Tokens the Treebank rules would cut apart but a reader sees as one: web addresses, e-mail addresses,
#: handles and hashtags, currency amounts ($85, US$1.5), decades ('90s), dotted abbreviations (U.S., p.m.,
#: also at the end of a sentence, where the abbreviation's period is the full stop too), and the
#: one-character ellipsis (cut away from the word it is glued to).
PROTECTED_TOKEN_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"""
      (?:https?://|www\.)[^\s"'“”‘’<>()\[\]{}]*[^\s"'“”‘’<>()\[\]{}.,;:!?]   # web address
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+                            # e-mail address
    | (?<![\w@#])[@#][^\W_][\w]*                                          # handle or hashtag
    | (?<![\w$€£¥₩])(?:[A-Z]{1,3})?[$€£¥₩]\d+(?:,\d{3})*(?:\.\d+)?          # currency amount
    | (?<!\w)['’]\d0s\b                                                   # decade: '90s
    | (?<![\w.])(?:[^\W\d_]\.){2,}(?![\w-])                               # dotted abbreviation
    | …                                                                   # ellipsis character
    """,
    re.VERBOSE,
)

#: A fallback word pattern for the rare text the Treebank rules cannot align back onto the input.
FALLBACK_WORD_PATTERN: Final[re.Pattern[str]] = re.compile(r"\w+(?:[-'’.,]\w+)*|\S")

# ---------------------------------------------------------------------------
# tokenizing: normalization
# ---------------------------------------------------------------------------

#: Stemmers that normalize() and stem() accept by name (both ship with NLTK, no download needed).
STEMMERS: Final[tuple[str, ...]] = ("porter", "snowball")

# ---------------------------------------------------------------------------
# quoting: quote marks
# ---------------------------------------------------------------------------

#: Marks that open and close a double-quoted passage ("…" straight, “…” curly, «…» guillemets).
DOUBLE_OPENERS: Final[str] = "“„«\""
DOUBLE_CLOSERS: Final[str] = "”»\"‟"
#: Marks that open and close a single-quoted passage (‘…’ British style, or nested inside “…”).
SINGLE_OPENERS: Final[str] = "‘‹'"
SINGLE_CLOSERS: Final[str] = "’›'"

#: Words that open with an apostrophe, not with a quote mark: ’n’ (rock ’n’ roll), ’em, ’til, ’90s …
ELISION_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"[‘’'](?:\d0s\b|\d\d\b|n[’']|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|s\b)", re.IGNORECASE
)

# ---------------------------------------------------------------------------
# quoting: attribution
# ---------------------------------------------------------------------------

#: Verbs that attribute a quotation or a partial quote (finite forms and the -ing forms "adding", "saying").
#: A superset of SPEECH_VERBS with the verbs of judgment that carry a fragment ("denounced … as the “…”").
CUE_VERBS: Final[frozenset[str]] = SPEECH_VERBS | frozenset(
    {
        "said", "says", "saying", "told", "tells", "telling", "added", "adding", "asked", "asking",
        "stated", "states", "noted", "noting", "warned", "warning", "warns", "denounced", "denounces",
        "slammed", "slams", "urged", "urging", "wrote", "writing", "called", "calls", "calling",
        "described", "describes", "describing", "offered", "offers", "promised", "promises", "vowed",
        "vows", "pledged", "pledges", "accused", "accuses", "criticized", "criticised", "condemned",
        "condemns", "labeled", "labelled", "branded", "dismissed", "termed", "hailed", "praised",
        "decried", "blasted", "lambasted", "characterized", "characterised", "concluded", "reiterated",
        "testified", "explaining", "insisting", "arguing", "claiming", "recalling", "boasted", "mused",
        "lamented", "maintained", "contended", "asserted", "affirmed", "texted", "emailed", "quoted",
    }
)

#: The -ing forms of cue verbs: "…, adding that he would “…”" takes its subject from the clause before.
PARTICIPLE_CUES: Final[frozenset[str]] = frozenset(verb for verb in CUE_VERBS if verb.endswith("ing"))

#: Cue verbs that also stand before their subject: “…,” said Noh.
INVERTED_CUES: Final[frozenset[str]] = frozenset(
    {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "continued", "explained",
     "recalled", "replied", "noted", "warned", "countered", "insisted", "argued", "declared", "stated"}
)

#: Verbs of indirect speech: "Noh said the two sides talked about …" (no judgment verbs like "called").
REPORTING_VERBS: Final[frozenset[str]] = frozenset(
    {"said", "says", "told", "tells", "added", "noted", "warned", "stated", "claimed", "argued", "insisted",
     "explained", "announced", "confirmed", "acknowledged", "admitted", "predicted", "suggested",
     "stressed", "emphasized", "emphasised", "wrote", "testified", "maintained", "contended",
     "asserted", "estimated", "conceded", "recalled", "replied", "responded", "cautioned", "promised",
     "vowed", "pledged", "urged"}
)

#: Words between a subject and its cue verb: "Kim also said", "Noh had earlier told".
CUE_ADVERBS: Final[frozenset[str]] = frozenset(
    {"also", "then", "later", "earlier", "previously", "again", "once", "further", "had", "has", "have",
     "was", "is", "were", "would", "will", "has", "just", "first", "separately", "recently", "repeatedly",
     "simply", "only", "quickly", "flatly", "openly", "publicly", "privately", "bluntly", "often",
     "frequently", "had", "reportedly", "yesterday", "today", "not"}
)

#: Words that open a clause: a subject is looked for after the last of them ("… after Pyongyang slammed").
SUBORDINATORS: Final[frozenset[str]] = frozenset(
    {"that", "which", "who", "when", "after", "as", "while", "because", "if", "since", "although",
     "though", "where", "before", "until", "once", "whereas", "whom", "whose", "so", "but", "and", "or",
     "yet", "nor", "unless", "whether", "than"}
)

#: Prepositions: a name right after one is an object, not a subject ("talks with Noh Kyu-duk").
PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"of", "in", "on", "at", "for", "with", "by", "from", "to", "into", "onto", "about", "against",
     "among", "between", "toward", "towards", "under", "over", "through", "during", "without", "within",
     "after", "before", "near", "like", "via", "per", "upon", "across", "behind", "beyond", "around",
     "despite", "except", "including", "regarding", "than"}
)

#: Words that start an unnamed speaker's noun phrase: "a senior official", "the spokesperson", "her lawyer".
DETERMINERS: Final[frozenset[str]] = frozenset(
    {"a", "an", "the", "another", "one", "two", "three", "four", "several", "some", "many", "his", "her",
     "their", "its", "our", "this", "that", "these", "those", "both", "each", "other"}
)
#: Determiners of a first mention ("a senior official"); the others point back or forward ("the envoy").
INDEFINITE_DETERMINERS: Final[frozenset[str]] = frozenset(
    {"a", "an", "another", "one", "two", "three", "four", "several", "some", "many", "other"}
)

#: Pronouns that can speak, with their gender ("m", "f") or None.
SPEAKER_PRONOUNS: Final[dict[str, str | None]] = {
    "he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None,
}

#: Head nouns of an unnamed person speaker: "an aide", "a senior ministry official", "the spokesperson".
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "official", "officials", "spokesperson", "spokesman", "spokeswoman", "aide", "aides", "source",
        "sources", "member", "members", "diplomat", "diplomats", "envoy", "negotiator", "analyst",
        "analysts", "expert", "experts", "resident", "residents", "witness", "witnesses", "lawmaker",
        "lawmakers", "legislator", "executive", "researcher", "researchers", "scientist", "scientists",
        "economist", "economists", "representative", "manager", "director", "officer", "officers",
        "employee", "employees", "worker", "workers", "person", "people", "man", "woman", "staffer",
        "staffers", "adviser", "advisor", "advisers", "insider", "insiders", "lawyer", "attorney",
        "minister", "secretary", "president", "chairman", "chairwoman", "chair", "leader", "leaders",
        "candidate", "voter", "voters", "owner", "founder", "teacher", "student", "doctor", "nurse",
        "coach", "player", "fan", "neighbor", "neighbour", "mother", "father", "survivor", "victim",
        "activist", "activists", "critic", "critics", "professor", "judge", "prosecutor", "prosecutors",
        "investigator", "investigators", "engineer", "engineers", "spokespeople", "counterpart",
        "strategist", "strategists", "organizer", "organizers", "lobbyist", "economist", "commander",
        "general", "governor", "mayor", "councilor", "councillor", "senator", "ambassador", "counsel",
        "author", "co-author", "physician", "farmer", "shopkeeper", "regulator", "regulators",
        "brother", "sister", "son", "daughter", "wife", "husband", "friend", "colleague", "partner",
        "customer", "patient", "parent", "parents", "relative", "relatives", "resident", "neighbors", "trustee",
        "trustees", "superintendent", "principal", "commissioner", "chancellor", "dean", "curator", "pastor",
        "specialist", "forecaster", "meteorologist", "volcanologist", "seismologist", "geologist", "historian",
        "technician", "inspector", "vendor", "fisher", "fisherman", "driver", "pilot", "chef", "artist", "singer",
    }
)

#: Head nouns of an unnamed institution speaker: "the ministry", "the company", "a statement".
INSTITUTION_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "ministry", "company", "firm", "club", "council", "court", "government", "regime", "agency",
        "department", "office", "commission", "committee", "party", "embassy", "team", "group", "union",
        "board", "administration", "campaign", "police", "military", "army", "statement", "report",
        "memo", "letter", "spokesperson's office", "newspaper", "network", "university", "hospital",
        "school", "bank", "league", "federation", "association", "institute", "panel", "organization",
        "organisation", "service", "authority", "authorities", "White House", "Kremlin", "prosecution",
    }
)

#: Documents that stand for their author: "according to a memo Osei sent", "a statement from Dr. Rourke".
DOCUMENT_NOUNS: Final[frozenset[str]] = frozenset(
    {"statement", "memo", "letter", "report", "release", "email", "e-mail", "post", "filing", "note",
     "message", "interview", "opinion", "ruling", "transcript", "tweet", "press"}
)
