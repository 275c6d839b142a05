"""Exercises of ``03_quoting.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._quoting_cases import quoted_span_cases, speaker_cases
from lessons.course.keys import CodeCase, CodeKey, PairsKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "03_quoting.ipynb"

_SPANS_TEMPLATE = '''def quoted_spans(text):
    """Return [start, end] for every quotation in a news text, in order.

    text[start:end] is the quotation without its marks (a comma or full stop inside the marks
    belongs to it). A quotation opens with “ and closes at the next ”, or opens with a straight "
    and closes at the next straight ". Single marks (‘ ’ and ') never open or close one: inside a
    quotation they are a nested quotation or an apostrophe, which stay part of it; outside, they
    are apostrophes (Kim’s, ’90s, O’Brien).

    The text may hold several paragraphs, separated by "\n", and marks never pair across a
    paragraph break. News style leaves a quotation that runs on into the next paragraph open at
    the end of its paragraph, and opens the next paragraph with a new mark: a mark still open at
    the end of a paragraph gives a span to the end of that paragraph when the next paragraph
    starts with an opening mark (“ or "), and nothing otherwise.
    """
    spans = []
    # your code here
    return spans
'''

_RESOLVE_TEMPLATE = '''TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Prof.",
          "President", "Minister", "Mayor", "Judge", "Coach"}


def resolve_speaker(mention, people):
    """Return the full name that a speaker's mention refers to.

    mention: how the text names a speaker, e.g. "Ruiz", "Dr. Baek", "Noh Kyu-duk".
    people: the full names written in the text so far, in order (a name may repeat).

    1. Drop a title (a word of TITLES) from the front of the mention.
    2. If what is left is one of the people, return it.
    3. Otherwise it is a family name. A person's family name is the first word of a Korean-style
       name: two words, the second a given name hyphenated with a lower-case second part
       ("Noh Kyu-duk" -> "Noh", "Sung Ji-ho" -> "Sung"). In any other name it is the last word
       ("Ana Ruiz" -> "Ruiz", "Sung Kim" -> "Kim", "Tom Delgado-Ruiz" -> "Delgado-Ruiz"), not
       counting a final "Jr." or "Sr." ("Ray Dillard Jr." -> "Dillard").
    4. If exactly one of the people has that family name, return their full name. If several
       different people do, or nobody does, return the mention without its title: when the
       text does not decide, keep the name as written rather than guess.
    """
    # your code here
    return mention
'''

_NOT_INDIRECT = ("One of your picks is not indirect speech: check each for quotation marks and for a verb of "
                 "saying.")
_SURNAME = "Type the full name, given name and family name, as the passage writes it in full."
_TOOL_SAYS = ("That is what extract_quotes says, and here it is wrong: read the sentences around the quotation "
              "as a copy editor would.")

# Variants: passages written for this course (lessons/data/passages/quotes), one per learner; no gold anywhere.
_PASSAGE_SPEAKER = (
    Variant('quotes/q01.txt', ValueKey(frozenset({'0104949a001d1bfe'}), normalizer="text", mistakes={'d43be5260d3f3d07': _SURNAME})),
    Variant('quotes/q02.txt', ValueKey(frozenset({'2d69955b60d5d945'}), normalizer="text", mistakes={'e3c1d888a97e238b': _SURNAME})),
    Variant('quotes/q03.txt', ValueKey(frozenset({'487eb41ff33bd6dd'}), normalizer="text", mistakes={'f9d0741b79917f55': _SURNAME})),
    Variant('quotes/q04.txt', ValueKey(frozenset({'c38106404a64f390'}), normalizer="text", mistakes={'8ebbab18e78777a6': _SURNAME})),
    Variant('quotes/q05.txt', ValueKey(frozenset({'2746ea4022e5a272'}), normalizer="text", mistakes={'03747167b5c88810': _SURNAME})),
    Variant('quotes/q06.txt', ValueKey(frozenset({'35a88c0ff02781d9'}), normalizer="text", mistakes={'6e17f6210f87deb5': _SURNAME})),
    Variant('quotes/q07.txt', ValueKey(frozenset({'4226ffcc6f1188d8'}), normalizer="text", mistakes={'0f9ffe8687f63e87': _SURNAME})),
    Variant('quotes/q08.txt', ValueKey(frozenset({'9b91697b62d91e67'}), normalizer="text", mistakes={'e210f300011cb064': _SURNAME})),
)

# The pool where the course's extract_quotes gives the last quotation the wrong speaker: beat the tool.
_TOOL_WRONG = (
    Variant('quotes/t01.txt', ValueKey(frozenset({'cbcab44220353782'}), normalizer="text", mistakes={'44b62a0bd22372e1': _SURNAME, '54a0b371f406dbd9': _TOOL_SAYS})),
    Variant('quotes/t02.txt', ValueKey(frozenset({'ae02e72291e453b4'}), normalizer="text", mistakes={'429e28aa924b92e5': _SURNAME, 'e3b38cb269bd2e5a': _TOOL_SAYS})),
    Variant('quotes/t03.txt', ValueKey(frozenset({'6f43eb63e7108c23'}), normalizer="text", mistakes={'c5a672134cc6a748': _SURNAME})),
    Variant('quotes/t04.txt', ValueKey(frozenset({'7459aa9c7ced7ef1'}), normalizer="text", mistakes={'a272ade8502c8dc5': _SURNAME, 'fdf620ae0ac5bc5e': _TOOL_SAYS})),
    Variant('quotes/t05.txt', ValueKey(frozenset({'a1472a14b3259540'}), normalizer="text", mistakes={'8c111e58b9d118b5': _SURNAME})),
    Variant('quotes/t06.txt', ValueKey(frozenset({'e5a5f37a0d2985ad'}), normalizer="text", mistakes={'e4469e61157d405b': _SURNAME, 'f8bd804906567601': _TOOL_SAYS})),
    Variant('quotes/t07.txt', ValueKey(frozenset({'c7ba45d182ccdf9e'}), normalizer="text", mistakes={'29a6c000ddd0a504': _SURNAME, '9bf226ed7eddad74': _TOOL_SAYS})),
)

EXERCISES = (
    Exercise(
        "quoting.apostrophe_regex",
        "number",
        "Warm-up: how many matches does re.findall(r\"'(.+?)'\", text) return for text = "
        "\"Kim's aide said 'Go now.' O'Brien's team didn't.\"? Work it out by reading the pattern, then run "
        "it to check.",
        ValueKey(
            frozenset({"30162256a8154eaf"}),
            normalizer="number",
            mistakes={
                "61475a087cd6762e": "That is how many quotations a reader sees. The pattern cannot tell an "
                "apostrophe from a quotation mark: every ' can open or close a match.",
                "b4327d1abd18e209": "The pattern does match: each match runs from one ' to the next.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Quotation marks and regular expressions",
        hints=("Number the ' marks from left to right: the first match runs from mark 1 to mark 2, the next "
               "starts at mark 3.",),  # fmt: skip
    ),
    Exercise(
        "quoting.partial_count",
        "number",
        "Warm-up: how many of the course article's quotations are partial quotes, fragments set inside a "
        "sentence the reporter wrote?",
        ValueKey(
            frozenset({"041a6c8e750d8bb9"}),
            normalizer="number",
            mistakes={
                "aeebf414f3a548f0": "That counts every quotation; a partial quote is only a few words inside "
                "the reporter's own sentence.",
                "497b6d52ce337eac": "That counts the full quotes and their continuations: the other kinds.",
                "4b632007c4e1d2e7": "Those are Pyongyang's; look for fragments of the envoys' words too.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 2 Cue verbs and partial quotes",
        hints=("extract_quotes(article) gives each quotation's kind; read the fragments in the article too.",),
    ),
    Exercise(
        "quoting.cue_order",
        "multi",
        "Warm-up: select the sentences whose speech verb comes before the speaker (the inverted order, "
        "“…,” said Noh).",
        SetKey(
            frozenset({"57843496d8fbc443", "ef613a58f9636ccb", "a67aaee02bc25e8b"}),
            normalizer="exact",
            mistakes={
                # Kinds of mistake, never which pick: naming the wrong pick would make trial and error trivial.
                "018260f418408ff5": "In one of your picks the speaker comes first, then the verb.",
                "875a87147dc9e0f4": "In one of your picks the speaker comes first, then the verb.",
                "3698d7a1293981a1": "In one of your picks the speaker comes first, then the verb.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 2 Cue verbs and partial quotes",
        options=(
            "“We also discussed ways to provide humanitarian assistance …,” said Noh.",
            "“The United States does not have hostile intent toward DPRK,” Kim told reporters.",
            "“Is this the end?” asked a reporter.",
            "She said: “We will rebuild.”",
            "“Call me,” said Dr. Min Ji-hoon, who leads the team.",
            "“Anywhere,” he said.",
        ),
        hints=("Find the verb of saying in each sentence, and look at which side of it the speaker stands.",),
    ),
    Exercise(
        "quoting.partial_signal",
        "choice",
        "Core: paragraph 1 quotes the envoy only for “anywhere, at anytime.” What does a reporter signal by "
        "putting just these words in quotation marks?",
        ValueKey(
            frozenset({"c4b6e636c8d1511d"}),
            normalizer="exact",
            mistakes={
                "cba3b7f57f02cd1e": "Quotation marks around a phrase can be scare quotes, but here the phrase is "
                "the envoy's own, repeated in full in paragraph 5: nothing in the sentence doubts it.",
                "86b28cbcf1b56cd7": "Paragraph 5 gives the whole sentence these words come from.",
                "058899f9e1aee754": "The article says he spoke to reporters after the meeting.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 2 Cue verbs and partial quotes",
        options=(
            "They are the speaker’s exact words; the rest of the sentence is the reporter’s paraphrase.",
            "The reporter doubts what the speaker said.",
            "The speaker said only these few words.",
            "The words come from a written statement, not an interview.",
        ),
    ),
    Exercise(
        "quoting.who_is_who",
        "match",
        "Warm-up: who is each of these mentions in the course article? Match each to the person it names.",
        PairsKey(
            frozenset({"576642379fedc046", "d344888a1c1e04d4", "ee20868b8f917f62", "3fed529d3882a499",
                       "887b84fa178f34a1"}),  # fmt: skip
            size=5,
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 Who is “Kim”?",
        items=(
            "“…,” Kim told reporters after the meeting. (¶ 3)",
            "“I continue to stand ready …,” he said (¶ 5)",
            "… President Joe Biden’s point man on North Korea said Monday (¶ 1)",
            "The Korean envoy said the two sides examined ways … (¶ 10)",
            "… rejected Kim Jong-un’s offer of major sanctions relief … (¶ 14)",
        ),
        options=("Sung Kim", "Kim Jong-un", "Noh Kyu-duk", "Joe Biden"),
        hints=("A surname or a role refers back (or, in a lede, forward) to a person named in full; titles and "
               "appositives (“Sung Kim, the US special representative for North Korea,”) tell who is who.",),
    ),
    Exercise(
        "quoting.passage_speaker",
        "text",
        "Core: who says the last quotation of the passage below? Type the speaker’s full name as the passage spells "
        "it (accents included), without a title.",
        ValueKey(frozenset(), normalizer="text"),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 4 Continuations, pronouns and surnames",
        hints=("Paste the passage into a string and call extract_quotes on it; then check the speaker by "
               "reading: who was named in full before the surname, the pronoun or the continuation?",),
        variants=_PASSAGE_SPEAKER,
    ),
    Exercise(
        "quoting.indirect",
        "multi",
        "Core: select the sentences that report speech without quoting it (indirect speech). They are new "
        "sentences, not the article's.",
        SetKey(
            frozenset({"c215d67bb4e3a4fa", "3d67f75cc02b7620", "91df5bd9233f2fcc"}),
            normalizer="exact",
            mistakes={
                # One hint for every wrong pick: a hint per kind would name the pick here.
                "f614f611dd13863c": _NOT_INDIRECT,
                "88978ca51121179f": _NOT_INDIRECT,
                "c070a1288142fff5": _NOT_INDIRECT,
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 5 Indirect speech",
        options=(
            "The mayor said the bridge would reopen in May.",
            "“We will reopen the bridge in May,” the mayor said.",
            "Repairs will take longer than planned, the engineer warned.",
            "The council called the delay “unacceptable.”",
            "Crews worked through the night on the bridge.",
            "According to the transport ministry, the detour will stay until summer.",
        ),
        hints=("Indirect speech has a verb of saying (or according to) and someone's words in the reporter's own "
               "phrasing, with no quotation marks; the verb can come after the words.",),  # fmt: skip
    ),
    Exercise(
        "quoting.pyongyang_share",
        "number",
        "Core: of all the words quoted in the course article, what percentage are Pyongyang’s? Count as the "
        "sourcing audit does, and round to the nearest whole number.",
        ValueKey(
            frozenset({"a56b5512addcaa53"}),
            normalizer="number",
            mistakes={
                "5de4e371688ff237": "That is Pyongyang's share of the whole body; the question asks for its "
                "share of the quoted words.",
                "52f457c91299b2a5": "That is its share of the quotations, not of the quoted words.",
                "dcbe9bf4bd33580a": "Round to the nearest whole number, not down.",
                "6938ac435d7bf99a": "Right share; now round it to the nearest whole number.",
                "fffd1619ba73a155": "Right share; now round it to the nearest whole number.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 6 The sourcing audit",
        hints=("sourcing(article) gives each speaker's quoted words; add them all up first.",),
    ),
    Exercise(
        "quoting.quoted_spans",
        "code",
        "Challenge (code): write quoted_spans(text), which finds the quotations of a news text by the rules "
        "in its docstring: curly and straight double marks, nested single quotes kept inside, apostrophes "
        "never taken for marks, quotations that run over paragraphs, unclosed marks.",
        CodeKey(
            "quoted_spans",
            (
                CodeCase(("“We are ready,” Kim said.",), "e16f991870343673", shown=[[1, 14]]),
                CodeCase(("Kim’s aide said “Go now.” O’Brien didn’t.",), "6cab9d9eaa09b82f", shown=[[17, 24]]),
                CodeCase(('"We will talk," said Noh. "Anywhere."',), "393814e964374e40", about="straight marks"),
                CodeCase(("“He told me, ‘Don’t play it pretty,’ and I listened,” she said.",), "95a7e23cef93e3cc",
                         about="a quotation nested in a quotation is part of it"),  # fmt: skip
                CodeCase(("Rock ’n’ roll in the ’90s was O’Brien’s life.",), "5d1f4668f98eb8c4",
                         about="apostrophes only"),  # fmt: skip
                CodeCase(("“We will not wait,” he said. Then: “Never",), "60578430b36a4693",
                         about="an opening mark nothing closes"),  # fmt: skip
                CodeCase(("The team's coach said \"it's over\" and left.",), "ba8318f844b5ce38",
                         about="apostrophes around straight quotes"),  # fmt: skip
                CodeCase(("“We will stay. Nobody leaves\n“Not one of us,” she said.",), "75eb03a8337c7b49",
                         about="a quotation that runs on into the next paragraph"),  # fmt: skip
                CodeCase(('"We will stay. Nobody leaves\n"Not one of us," she said. "Go."',), "0faa6d651916fb92",
                         about="a quotation over two paragraphs in straight marks"),  # fmt: skip
                CodeCase(("“We will stay\nThe rain fell. “Go,” he said.",), "d6ce62f4c5a0a4f0",
                         about="a mark left open before a paragraph that opens with none"),  # fmt: skip
            ),
            instructor_cases=quoted_span_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 1 Quotation marks and regular expressions",
        template=_SPANS_TEMPLATE,
        hints=(
            "Walk through the text once, remembering whether a quotation is open and where it opened; only “ ” "
            "and \" change that state.",
            "Record a span only when a quotation closes; one still open at the end is dropped.",
        ),
    ),
    Exercise(
        "quoting.resolve_speaker",
        "code",
        "Challenge (code): write resolve_speaker(mention, people), which turns “Ruiz” or “Dr. Baek” into the "
        "full name of the one person it can mean, and keeps it as written when the text does not decide.",
        CodeKey(
            "resolve_speaker",
            (
                CodeCase(("Ruiz", ["Ana Ruiz", "Pat Lee"]), "575bf70b67d35188", shown="Ana Ruiz"),
                CodeCase(("Dr. Baek", ["Baek Ji-won", "Lena Marsh"]), "60438fcb6503310b", shown="Baek Ji-won"),
                CodeCase(("Kim", ["Sung Kim", "Noh Kyu-duk", "Kim Jong-un"]), "fd924933f58e6df7",
                         about="two people share the surname"),  # fmt: skip
                CodeCase(("Sen. Okafor", ["Ana Ruiz"]), "a6a74556bacae1f7", about="nobody has that surname"),
                CodeCase(("Noh", ["Sung Kim", "Noh Kyu-duk"]), "cf9d8fda77e8b9bf",
                         about="a Korean name puts the family name first"),  # fmt: skip
                CodeCase(("Noh Kyu-duk", ["Sung Kim", "Noh Kyu-duk"]), "cf9d8fda77e8b9bf", about="a full name"),
                CodeCase(("Mayor Dillard", ["Ray Dillard Jr.", "Pat Lee"]), "e9d7127e4bf42488",
                         about="Jr. is not a family name"),  # fmt: skip
                CodeCase(("Delgado-Ruiz", ["Ana Ruiz", "Tom Delgado-Ruiz"]), "8ad6be38cd8cc553",
                         about="a hyphenated family name is one name"),  # fmt: skip
                CodeCase(("Sung", ["Sung Kim", "Sung Ji-ho"]), "150873ddb8a3ab46",
                         about="a given name is not a family name"),  # fmt: skip
            ),
            instructor_cases=speaker_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 3 Who is “Kim”?",
        template=_RESOLVE_TEMPLATE,
        hints=(
            "Write family_name(full) first and test it alone on 'Noh Kyu-duk', 'Ana Ruiz' and 'Ray Dillard Jr.'.",
            "Collect the *distinct* people whose family name matches: a set, since a name may repeat.",
        ),
    ),
    Exercise(
        "quoting.tool_wrong",
        "text",
        "Challenge: the course’s extract_quotes gives the wrong speaker (or none) for the last quotation of the "
        "passage below. Who really says it? Type the full name as the passage spells it (accents included), "
        "without a title.",
        ValueKey(frozenset(), normalizer="text"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 7 Where the tool gets it wrong",
        hints=("Run extract_quotes on it to see what it says and why it might: then read the sentences before "
               "and after the quotation for the person who speaks.",),  # fmt: skip
        variants=_TOOL_WRONG,
    ),
)
