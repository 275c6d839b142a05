"""Exercises of ``02_tokenizing.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._instructor import sentence_cases
from lessons.course.keys import CodeCase, CodeKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "02_tokenizing.ipynb"

_SPLITTER_TEMPLATE = '''def split_sentences(text):
    """Return the sentences of one paragraph of news text, as a list of strings."""
    sentences = []
    # your code here
    return sentences
'''

# Variants: paragraphs written for this exercise (lessons/data/passages/paragraphs), one per learner.
_PASSAGE_SENTENCES = (
    Variant('paragraphs/p01.txt', ValueKey(frozenset({'00f7efd3500c650c'}), normalizer="number", mistakes={'aa2a9a4aee436d79': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept.", '06fd9c98cbf36a07': 'That is what splitting after every . ? ! and a space gives: check each break by reading.'})),
    Variant('paragraphs/p02.txt', ValueKey(frozenset({'4654235f20921f4d'}), normalizer="number", mistakes={'f557a76ca53e4cd4': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept.", 'f1f1535ef4282f84': 'That is what splitting after every . ? ! and a space gives: check each break by reading.'})),
    Variant('paragraphs/p03.txt', ValueKey(frozenset({'7028fbd665b00ac9'}), normalizer="number", mistakes={'ddf59f4a2984cd48': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept.", '7535758dcab7b411': 'That is what splitting after every . ? ! and a space gives: check each break by reading.'})),
    Variant('paragraphs/p04.txt', ValueKey(frozenset({'77d09d44a8f0a50e'}), normalizer="number", mistakes={'988d37163db64ddd': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept.", 'a59fe310c653dda8': 'That is what splitting after every . ? ! and a space gives: check each break by reading.'})),
    Variant('paragraphs/p05.txt', ValueKey(frozenset({'9dd957edf3bcd7ec'}), normalizer="number", mistakes={'b3deeb142e165c7d': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept."})),
    Variant('paragraphs/p06.txt', ValueKey(frozenset({'a6b88ab263988b46'}), normalizer="number", mistakes={'215d167c566099e6': "That is the course splitter's count, and here it is wrong: read its sentences one by one, especially a quotation that ends with an ellipsis."})),
    Variant('paragraphs/p07.txt', ValueKey(frozenset({'3a8e385f50f99562'}), normalizer="number", mistakes={'01d2c2e423b44f3c': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept.", 'e91072722ac23d28': 'That is what splitting after every . ? ! and a space gives: check each break by reading.'})),
    Variant('paragraphs/p08.txt', ValueKey(frozenset({'4b5db3b148432aed'}), normalizer="number", mistakes={'d541125c1e69c5bd': "That is untrained Punkt's count: it ends a sentence after abbreviations such as St., Dr. or Sept.", '24d95ec57058ac90': 'That is what splitting after every . ? ! and a space gives: check each break by reading.'})),
)

EXERCISES = (
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
                "65eeed171af93757": "'US' in capitals is the country, kept as an acronym; only the pronoun 'us' "
                "is a stopword.",
                "043cd70b57674871": "'hostile' carries the story's meaning: it is a content word.",
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
                "8019b48832b21a64": "korea leads only once stopwords are removed; with them kept, function words win.",
                "666f2c6bd223aeee": "north leads only once stopwords are removed; with them kept, function words win.",
                "4082dad14ba4b7de": "US (8 times) is far behind the function words when stopwords are kept.",
                "e4467bd348c27454": "and is close (11 times), just below the top four.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 5 Frequencies and concordance",
        options=("the", "to", "of", "in", "and", "for", "korea", "north", "US", "said"),
        hints=("top_words(article.body, top=6, drop_stopwords=False) lists the counts.",),
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
        section="§ 6 Collocations and dispersion",
        options=("military drills", "inter-korean ties", "hostile intent", "humanitarian aid", "north korea"),
        hints=("collocations(article.body, measure='likelihood') sorts pairs by score.",),
    ),
    Exercise(
        "tokenizing.splitter",
        "code",
        "Challenge (code): write split_sentences(text) for one paragraph of news text. It must survive "
        "abbreviations (Aug., Dr., p.m.) and sentences that end inside quotation marks.",
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
            ),
            instructor_cases=sentence_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 7 Where the tool gets it wrong",
        template=_SPLITTER_TEMPLATE,
        hints=(
            "Split after . ? ! (and a closing quote, if one follows) when a space and a capital or an "
            "opening quote come next.",
            "Keep a set of abbreviations (Aug., Dr., Gen., p.m.) after which you never split.",
        ),
    ),
    Exercise(
        "tokenizing.passage_sentences",
        "number",
        "Challenge: how many sentences does the paragraph below have? Count as a careful copy editor would: "
        "a quotation with its attribution (“We are ready,” he said.) is one sentence.",
        ValueKey(frozenset(), normalizer="number"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 7 Where the tool gets it wrong",
        hints=("Run sentences() on it, then read every break it makes and every place it did not break.",),
        variants=_PASSAGE_SENTENCES,
    ),
)
