"""Exercises of ``02_tokenizing.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._instructor import sentence_cases
from lessons.course.exercises._tokenizing_cases import count_words_cases
from lessons.course.keys import CodeCase, CodeKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "02_tokenizing.ipynb"

_SPLITTER_TEMPLATE = '''def split_sentences(text):
    """Return the sentences of one paragraph of news text, as a list of strings."""
    sentences = []
    # your code here
    return sentences
'''

_COUNT_TEMPLATE = '''def count_words(text, stopwords):
    """Count the content words of a news text; return a dict {word: count}.

    A word is a run of letters (str.isalpha: é and ü are letters), with a single hyphen or
    apostrophe (' or ’) allowed between two letters: inter-Korean, Kyu-duk, don’t.
    Digits and punctuation are not words. Then, word by word:
      1. treat the curly apostrophe ’ as a straight one ';
      2. cut a possessive 's off the end (Korea’s counts as Korea);
      3. keep a word of two or more letters, all capitals, as it is (US, DPRK: an acronym);
         lower-case every other word;
      4. drop the word if it is in stopwords (a list of lower-case words), unless it is an acronym.
    """
    counts = {}
    # your code here
    return counts
'''

_NAIVE_COUNT = (
    "That is what counting the words as str.split() cuts them gives: a word followed by a comma, a full "
    "stop or ’s is counted as another word."
)
_STOPWORD = "That is a stopword: the question counts content words only."

# Variants: paragraphs written for this course (lessons/data/passages/words), one per learner; no gold anywhere.
_PASSAGE_TOP_WORD = (
    Variant('words/w01.txt', ValueKey(frozenset({'9921bf27f53a2e77'}), normalizer="text", mistakes={'603ecde89c48b6fc': _NAIVE_COUNT, '8f5e689cceab36b5': _STOPWORD})),
    Variant('words/w02.txt', ValueKey(frozenset({'b1a247e9bfaa85d4'}), normalizer="text", mistakes={'1d652eddfd30b449': _NAIVE_COUNT, 'd885d7d14fa741eb': _STOPWORD})),
    Variant('words/w03.txt', ValueKey(frozenset({'aa01d7f6eab1b7ca'}), normalizer="text", mistakes={'e7a5d64a947be69d': _NAIVE_COUNT, '37482a9fe0fed020': _STOPWORD})),
    Variant('words/w04.txt', ValueKey(frozenset({'8539322a2d802c76'}), normalizer="text", mistakes={'3cee35fd4e15734f': _NAIVE_COUNT, 'f10b4c5b9a352404': _STOPWORD})),
    Variant('words/w05.txt', ValueKey(frozenset({'6700fb5290a5f3d2'}), normalizer="text", mistakes={'ce7ddfd03a03b72c': _NAIVE_COUNT, 'be2b631644d67d23': _STOPWORD})),
    Variant('words/w06.txt', ValueKey(frozenset({'db208f2b67b175ad'}), normalizer="text", mistakes={'047f8aebb9c68287': _NAIVE_COUNT, 'a9fab42a5b71d315': _STOPWORD})),
    Variant('words/w07.txt', ValueKey(frozenset({'2f88aa84993d6a68'}), normalizer="text", mistakes={'523ffcb1384ae1f0': _NAIVE_COUNT, '94680990f64135aa': _STOPWORD})),
    Variant('words/w08.txt', ValueKey(frozenset({'7327164603fc24bd'}), normalizer="text", mistakes={'bbad9e4a7d7a1e3d': _NAIVE_COUNT, '700b58ca94846673': _STOPWORD})),
)

# Variants: paragraphs written for this exercise (lessons/data/passages/paragraphs), one per learner.
# The pool where the course's splitter miscounts: the challenge is to beat the tool.
_PASSAGE_SENTENCES = (
    Variant('paragraphs/p09.txt', ValueKey(frozenset({'b7386e114a7096ec'}), normalizer="number", mistakes={'89cbb68dd18bc4eb': "That is the course splitter's count, and here it is wrong: read its sentences one by one and find the break it got wrong."})),
    Variant('paragraphs/p10.txt', ValueKey(frozenset({'b9689969d34f9690'}), normalizer="number", mistakes={'ad84360f0b05a1e8': "That is the course splitter's count, and here it is wrong: read its sentences one by one and find the break it got wrong."})),
    Variant('paragraphs/p11.txt', ValueKey(frozenset({'420379a9b297d888'}), normalizer="number", mistakes={'18068b1193595f1f': "That is the course splitter's count, and here it is wrong: read its sentences one by one and find the break it got wrong."})),
    Variant('paragraphs/p13.txt', ValueKey(frozenset({'05c85345bfe3fcca'}), normalizer="number", mistakes={'7a310e57791f527e': "That is the course splitter's count, and here it is wrong: read its sentences one by one and find the break it got wrong."})),
    Variant('paragraphs/p14.txt', ValueKey(frozenset({'4f2dca89061b0188'}), normalizer="number", mistakes={'deb1cf3ae10a9e57': "That is the course splitter's count, and here it is wrong: read its sentences one by one and find the break it got wrong."})),
)

EXERCISES = (
    Exercise(
        "tokenizing.regex_split",
        "number",
        "Warm-up: how many pieces does re.split(r\"(?<=[.!?])\\s+\", text) return for text = "
        "'Kim arrived on Aug. 22 for talks with Dr. Lee. “We are ready.” Talks end Thursday.'? "
        "Work it out by reading the pattern, then run it to check.",
        ValueKey(
            frozenset({"d740b4d713026b04"}),
            normalizer="number",
            mistakes={
                "b6a6adfc9126ac2f": "That is how many sentences a reader counts; the question asks what the pattern "
                "does. It cuts wherever . ! or ? is followed by whitespace, after an abbreviation too.",
                "6ac827453d68a573": "One too many: the lookbehind checks only the one character before the space, "
                "and after a closing quotation mark that character is ”, not a full stop.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Splitting sentences by hand",
        hints=("Mark every place where . ! or ? is directly followed by a space; each one is a cut.",),
    ),
    Exercise(
        "tokenizing.sentence_count",
        "number",
        "Warm-up: how many sentences does the body of the course article have?",
        ValueKey(
            frozenset({"b22cc8007c864692"}),
            normalizer="number",
            mistakes={
                "549ae4de44ec8ee2": "17 is what splitting after . ! ? and a space gives: it misses sentences "
                "that end inside a closing quote (.” then a space).",
                "68f1da2b0338b530": "15 is the number of paragraphs; several paragraphs hold two sentences.",
                "6d2c4a6296132ca9": "9 is what text.split('. ') gives: a sentence can end with .” or ? too.",
                "a45e4ecfeda810d2": "One too many: 'Aug.' ends an abbreviation, not a sentence.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 2 Punkt, configured for news",
        hints=("len(sentences(article.body)) counts them with the helper; check it by reading.",),
    ),
    Exercise(
        "tokenizing.possessive",
        "choice",
        "Warm-up: how does the course's word tokenizer split “South Korea’s”? (Tokens are separated by | .)",
        ValueKey(
            frozenset({"2f60ebf1f929f1c7"}),
            normalizer="exact",
            mistakes={
                "8470212610836797": "That is str.split(): the possessive stays glued, so 'Korea’s' and 'Korea' "
                "would be counted as different words.",
                "dfcc868485341102": "The curly apostrophe is treated like a straight one: ’s stays one token.",
                "dfe473d3df0023c5": "A word tokenizer does not join names; that is a later lesson's job.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 Words",
        options=("South | Korea’s", "South | Korea | ’s", "South | Korea | ’ | s", "South Korea’s"),
    ),
    Exercise(
        "tokenizing.stopwords",
        "multi",
        "Core: select the words of “The US holds no hostile intent toward Pyongyang” that are on the "
        "course's stopword list (lessons/data/stopwords_en.txt).",
        SetKey(
            frozenset({"1ac18baa4096f146", "5988832c1470a4d8", "1e6e0a413406b6b4"}),
            normalizer="exact",
            mistakes={
                # Kinds of mistake, never which pick: naming the wrong pick would make trial and error trivial.
                "65eeed171af93757": "A word in capitals can be an acronym, which the list never drops.",
                "043cd70b57674871": "One of your picks carries the story's meaning: a content word, not a stopword.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 4 Normalizing: case, punctuation, stopwords, stems",
        options=("The", "US", "holds", "no", "hostile", "intent", "toward", "Pyongyang"),
        hints=("is_stopword(word) answers for one word; the list is a plain text file you can open.",),
    ),
    Exercise(
        "tokenizing.top_words",
        "multi",
        "Core: the chart above drops stopwords. Select the four most frequent words of the article when "
        "stopwords are kept (case folded, punctuation removed).",
        SetKey(
            frozenset({"5eda581a8c5f0d4f", "c24bdae3be571a08", "481d6a89257768c3", "008fd9e87c578ad0"}),
            normalizer="exact",
            mistakes={
                # Kinds of mistake, never which pick: naming the wrong pick would make trial and error trivial.
                "8019b48832b21a64": "Some of your picks lead only once stopwords are removed; this count keeps them.",
                "666f2c6bd223aeee": "Some of your picks lead only once stopwords are removed; this count keeps them.",
                "4082dad14ba4b7de": "Some of your picks lead only once stopwords are removed; this count keeps them.",
                "e4467bd348c27454": "One of your picks is close, just below the top four: count again.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 5 Frequencies",
        options=("the", "to", "of", "in", "and", "for", "korea", "north", "US", "said"),
        hints=("top_words(article.body, top=6, drop_stopwords=False) lists the counts.",),
    ),
    Exercise(
        "tokenizing.passage_top_word",
        "text",
        "Core: which content word occurs most often in the passage below? Count as the course does: case "
        "folded, ’s split off, punctuation and stopwords removed. Type the word.",
        ValueKey(frozenset(), normalizer="text"),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 5 Frequencies",
        hints=(
            "Paste the passage into a string and call top_words(passage, top=3); then read the passage for "
            "every form of the word it names (a capital, a comma, ’s).",
        ),
        variants=_PASSAGE_TOP_WORD,
    ),
    Exercise(
        "tokenizing.count_words",
        "code",
        "Challenge (code): write count_words(text, stopwords), which counts the content words of a news text "
        "by the rules in its docstring: curly and straight apostrophes alike, possessive ’s cut off, acronyms "
        "kept in capitals, stopwords dropped, numbers left out.",
        CodeKey(
            "count_words",
            (
                CodeCase(("The envoy met the envoy’s team.", ["the"]), "b3f96881ccdb98c8",
                         shown={"envoy": 2, "met": 1, "team": 1}),  # fmt: skip
                CodeCase(("US troops and us: 3,000 troops.", ["and", "us"]), "82aab79d68752cd7",
                         shown={"US": 1, "troops": 2}),  # fmt: skip
                CodeCase(("Korea's envoy and Korea’s envoy met in Korea.", ["and", "in"]), "1534d23b283dd67f",
                         about="straight and curly possessives"),  # fmt: skip
                CodeCase(("Inter-Korean talks stalled; inter-Korean ties, Noh Kyu-duk said, will wait.", ["will"]),
                         "4309f81bf5385316", about="hyphenated words stay whole"),  # fmt: skip
                CodeCase(("The talks cost $85 million in 2021, and 3,000 troops joined.", ["the", "in", "and"]),
                         "975d0a8ecd4de338", about="numbers are not words"),  # fmt: skip
                CodeCase(("May talks resume in May? The WHO may say so. I know.", ["may", "the", "who", "i", "so", "in"]),
                         "c87a67b1a6adfd68", about="stopwords in any case; an acronym is never one"),  # fmt: skip
                CodeCase(("“Drills,” he said. Drills resume Monday.", ["he"]), "c2515a98a93c1ad3",
                         about="quotation marks, commas and a capital at the start of a sentence"),  # fmt: skip
            ),
            instructor_cases=count_words_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 5 Frequencies",
        template=_COUNT_TEMPLATE,
        hints=(
            "Cutting at spaces leaves commas, quotation marks and ’s glued to the words: find the words with "
            "a pattern instead (in a pattern, [^\\W\\d_] is one letter, accented letters included).",
            "Fold ’ to ' before you look for a final 's, and test for an acronym before you lower-case.",
        ),
    ),
    Exercise(
        "tokenizing.the_north",
        "number",
        "Core: read every use of the word north in the course article with a concordance. In how many of them "
        "does “the North” stand on its own for North Korea, not as part of the name North Korea or North Korean?",
        ValueKey(
            frozenset({"708b9d2b714e52e2"}),
            normalizer="number",
            mistakes={
                "bdb2bd134fd9ea5c": "That counts every north: read each line and leave out North Korea and "
                "North Korean.",
                "8fcbf63b07646e34": "That is how many times north is part of the name; the question asks for the "
                "other uses.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 6 Concordance",
        hints=("keyword_in_context(body, 'north') or nltk.Text(tokens).concordance('north') lists them; "
               "look at the word to the right of each.",),  # fmt: skip
    ),
    Exercise(
        "tokenizing.collocation",
        "choice",
        "Core: which pair is the article's strongest collocation by likelihood ratio (stopwords removed, "
        "pairs seen at least twice)?",
        ValueKey(
            frozenset({"04b729c620794f99"}),
            normalizer="exact",
            mistakes={"ff377f8bc307bbd9": "north korea is frequent, but not the highest-scoring pair here."},
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 7 Collocations and dispersion",
        options=("military drills", "inter-korean ties", "hostile intent", "humanitarian aid", "north korea"),
        hints=(
            "collocations(article.body, measure='likelihood') sorts pairs by score; with NLTK, score the "
            "finder's pairs with BigramAssocMeasures.likelihood_ratio after the same filters.",
        ),
    ),
    Exercise(
        "tokenizing.splitter",
        "code",
        "Challenge (code): write split_sentences(text) for one paragraph of news text. It must survive "
        "abbreviations and titles (Aug., Dr., Sen., p.m.), quoted questions followed by their attribution, and "
        "sentences that end inside quotation marks. (The configured Punkt of § 2 is a start, not an answer.)",
        CodeKey(
            "split_sentences",
            (
                CodeCase(("He left. She stayed.",), "468f5f231d753b01", shown=["He left.", "She stayed."]),
                CodeCase(
                    ("Talks began on Aug. 10 in Seoul. They ended Monday.",),
                    "91c8fd3aba140f2c",
                    shown=["Talks began on Aug. 10 in Seoul.", "They ended Monday."],
                ),
                CodeCase(
                    ("“We are ready,” he said. “Anywhere.”",), "5a5582a305b58f34", about="a sentence ending in .”"
                ),
                CodeCase(
                    ("Dr. Lee met Gen. Park at 5 p.m. on Friday.",),
                    "eb75aaa898f2a79b",
                    about="titles and p.m. inside one sentence",
                ),
                CodeCase(("Is it over? Not yet!",), "ed1de1e751b8e3ac", about="? and ! end sentences too"),
                CodeCase(
                    ("She said: “Go.” Then she left.",), "12705934a6593624", about="a colon before a quotation"
                ),
                CodeCase(
                    ("“Is this the end?” asked a reporter. Nobody answered.",),
                    "cd0d13d2f52cbdeb",
                    about="a quoted question followed by its attribution",
                ),
                CodeCase(("Sen. Ruiz voted no. Gov. Hale signed it anyway.",), "ae4372fc0e109cc9",
                         about="titles at the start of sentences"),  # fmt: skip
            ),
            instructor_cases=sentence_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 8 Where the tool gets it wrong",
        template=_SPLITTER_TEMPLATE,
        hints=(
            "Split after . ? ! (and a closing quote, if one follows) when a space and a capital or an "
            "opening quote come next.",
            "Keep a set of abbreviations and titles (Aug., Dr., Gen., Sen., Gov., Ms., p.m.) after which you "
            "never split, and do not split after ?” when a lower-case word follows.",
        ),
    ),
    Exercise(
        "tokenizing.passage_sentences",
        "number",
        "Challenge: how many sentences does the paragraph below have? The course's splitter miscounts every "
        "paragraph of this pool: beat it. Count as a careful copy editor would: a quotation with its "
        "attribution (“We are ready,” he said.) is one sentence.",
        ValueKey(frozenset(), normalizer="number"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 8 Where the tool gets it wrong",
        hints=("Run sentences() on it, then read every break it makes and every place it did not break: "
               "an abbreviation can end a sentence, and a quotation can run on after ?”.",),
        variants=_PASSAGE_SENTENCES,
    ),
)
