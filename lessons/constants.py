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
