"""Who the source of a quotation is, table-driven, one table per rule. Every example is
invented for these tests (no name or sentence comes from a labelled article).

Each row: a short article, the expected speaker of its one (or last) speech quotation, and
a comment; negative rows say what the rule must not do.
"""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text


def last_speaker(text: str) -> str | None:
    speech = [q for q in annotate_text(text).quotes if q.kind == "speech"]
    assert speech, "no speech quotation found"
    return speech[-1].speaker


# -- resolve._issuer_of_document: a document speaks for whoever issued it -------------------------
ISSUER = [
    ('Mayor Jo Lane has been under fire.\n\n"There are fish with more spine than the mayor," reads an editorial in '
     'The Springfield Gazette.', "Springfield Gazette", "an editorial in a paper: the paper"),
    # a day between the article and the noun does not cut the phrase short
    ('Mayor Jo Lane has been under fire.\n\n"There are fish with more spine than the mayor," reads a Monday editorial in '
     'The Springfield Gazette.', "Springfield Gazette", "'a Monday editorial': the day modifies the noun"),
    ('"Detainees were held for weeks without a lawyer," says a report released by Amnesty International.',
     "Amnesty International", "a participle between the document and its issuer"),
    # negative: a letter TO someone is not theirs
    ('"The bridge must close before winter," says a letter to Governor Mark Hall.', "letter",
     "the addressee of a document is not its issuer"),
    # negative: the sentence after the document names someone else; a line break ends the phrase
    ('"The bridge must close before winter," reads an editorial in The Harbor Post.\n\nMark Hall, a local engineer, '
     'disagrees.', "Harbor Post", "the issuer's name stops at the end of its line"),
]



# -- sentence._named_after_role: a person after a lower-case description of their role ------------
NAMED_AFTER_ROLE = [
    # an opening conjunction before a lower-case adverbial ("But after ...,") is read past too
    ('But after the debate, conservative columnist Mary Tolan of the Weekly Ledger imagined the mayor was thinking: '
     '"My God, what have I done now?"', "Mary Tolan", "a 'false title' before the name, after 'But after ...,'"),
    ('Lane spoke first. On Friday, longtime county commissioner Ida Brenner surprised the board: '
     '"The levy must go, and it must go now."', "Ida Brenner", "three words of description"),
    # negative: the description names no person ("flooded farmland near Kent Hollow")
    ('Ida Brenner left early. After the storm, flooded farmland near Kent Hollow showed the damage: '
     '"Nothing will grow here for a year or more."', None, "no person's noun before the name: no speaker"),
]



# -- antecedent.mention_rank: "X, ..., who said ..." makes X the one speaking ------------------------
WHO_SAID = [
    ('Mayor Ann Reese\'s plan was backed on Friday by Sen. Ellen Marsh of Ohio, the ranking member of the panel, '
     'who said none of the money was wasted.\n\n"It has never made sense to me that the mayor is blamed for this," she said.',
     "Ellen Marsh", "a relative clause of speech ranks its person as a reporting verb's subject"),
    # negative: a relative clause that reports nothing leaves the ranking as it was (the
    # sentence's first-named person of that gender)
    ('Mayor Ann Reese\'s plan was backed on Friday by Sen. Ellen Marsh of Ohio, the ranking member of the panel, '
     'who voted for it last year.\n\n"It has never made sense to me that the mayor is blamed for this," she said.',
     "Ann Reese", "'who voted': not a speech verb, no change"),
]



# -- carry.sentence_source: the subject of a sentence read back past its scare quotes ---------------
PAST_SCARE = [
    ('On the trail, Ed Hale routinely casts himself as a "fresh face" who "fixed the county books."', "Ed Hale",
     "a scare quote of the sentence is narrative: its subject still owns the next quote"),
    # negative: no person is the sentence's subject
    ('In the old days the levy was a "stopgap" that would "run dry within two years of the vote."', None,
     "a sentence about a thing: no speaker"),
]



# -- carry.possessed_words: 'Roe's "..." promise' (and after._modifies_noun) -------------------------
POSSESSED = [
    ('Unions fought the tax for years. It is the steady pull of Mayor Ann Reese\'s "if you like your clinic, you can '
     'keep it" promise that keeps them going.', "Ann Reese", "a possessive, the quote, a noun for words"),
    # negative: the noun after the quotation is no noun for words
    ('Mayor Ann Reese\'s "we never close our doors at all" diner burned down last night.', None,
     "a diner is not anyone's words"),
    # negative: with no possessive before it, a bare quote before a reporting verb is still the
    # inverted clause's, comma or not
    ('"We will win this fight in the end" said Ann Reese.', "Ann Reese", "no comma, no possessive: an inverted clause"),
]



# -- a person's pages online are their words (data/quotes/speakers.yml more_document_nouns) ---------
PAGES = [
    ('Mayor Ann Reese spoke on Monday. Her website promises "clean water for every family on the coast by 2030."',
     "Ann Reese", "her website: hers (was the description 'website')"),
    # negative: a page nobody is said to own names no one
    ('Ann Reese spoke on Monday. The page was later taken down, but it promised "clean water for every family on the '
     'coast by 2030."', None, "an unowned page: no speaker"),
]



# -- quotes._phrase_of_subject: a quoted phrase of four or five words is its subject's words ----------
def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in annotate_text(text).quotes]


PHRASES = [
    ('Ed Hale ripped the board for acting as "the judge and the jury" on the levy.', [("speech", "Ed Hale")],
     "a person's sentence, a five-word phrase: the person's words"),
    # negative: a title of a work stays a title
    ('Ann Reese starred in "The Long Road Back Home" last year.', [("scare", None)], "a title in title case"),
    # negative: nobody is the subject of the sentence
    ('In the end the levy passed as "a tax on the poor" after all.', [("scare", None)], "no person's sentence"),
]


@pytest.mark.parametrize("text,expected,comment", PHRASES, ids=[c[2] for c in PHRASES])
def test_phrase_of_subject(text, expected, comment):
    assert kinds(text) == expected


# -- phrases._document_sent_to: "X's email to her supporters notes" - the document, not the addressee -
SENT_TO = [
    ('Ann Reese is running again. Reese\'s campaign email to her supporters notes that the county clerk, who is '
     'running again, "is a lawyer who has fought for fair rents in this city."', "Ann Reese",
     "the addressee after 'to' is not the subject; the email is its owner's"),
    # negative: an unowned document stays as described
    ('Ann Reese is running again. A campaign email to her supporters notes that the county clerk "is a lawyer who '
     'has fought for fair rents in this city."', "campaign email", "no owner named: the document as described"),
]



# -- before._newsletter_byline: "Headline - Source:" credits the source, person or not ------------------
BYLINE = [
    ('Polls were off again.\n\nVoters blame the pollsters for the miss - Harbor Survey Lab: "The samples held more '
     'engaged voters than the census says should be there."', "Harbor Survey Lab",
     "the capitalised credit after the dash, though no person (not the headline's 'Voters blame')"),
    # negative: lower-case words after the dash are the sentence going on, not a credit
    ('Ann Reese leads the pollsters. The count was off - and the pollsters admit it now: "The samples held more '
     'engaged voters than the census says."', "pollsters", "a dash inside a sentence: its reporting verb's subject"),
]

# -- before._earlier_participle_subject: joined participles of speech share their subject --------------
JOINED_PARTICIPLES = [
    ('Democrats were quick to respond, with Ann Reese tweeting that it was a "farce" and asking, "How can anyone '
     'trust this council with a budget again?"', "Ann Reese", "'with X tweeting ... and asking': X, not the sentence's subject"),
    # negative: an earlier participle that is not of speech leaves the sentence's subject
    ('Ann Reese took the stage, waving to the crowd and saying, "We will win this county by a mile."', "Ann Reese",
     "'waving ... and saying': the sentence's subject, as before"),
]

# -- phrases.is_verb: a reporting verb's form after a light verb is a noun ("made comments") ----------
LIGHT_VERBS = [
    ('Former Reese speechwriter Jon Fairley published a column in The Daily Herald, entitled, "Why the Levy Must Go '
     'in the Spring of This Year." Reese herself has even made comments supportive of the levy.', None,
     "'has even made comments' is no reporting clause: not 'Reese herself has even made'"),
    # negative: the verb itself after a name still reports
    ('"We will win this county by a mile," Ann Reese comments.', "Ann Reese", "'X comments': a verb"),
]

# -- after._window: an inverted clause at the sentence's end reaches past a short quoted fragment -------
def first_speaker(text: str) -> str | None:
    return next(q.speaker for q in annotate_text(text).quotes if q.kind == "speech")


PAST_FRAGMENT = [
    ('The agency looked for ties and did not find "ties of any consequence," aside from the two men knowing each other '
     '"casually" from the same club, said the agency\'s director, Paul Verhoeven, on Monday.', "Paul Verhoeven",
     "a one-word scare quote between the quote and ', said X' is narrative"),
    # the narrative's sentence ends before the next quotation ('..., Roe started.'): the next
    # quotation's clause is not this quote's (its own bare clause is: after._bare_clause)
    ('Tom Hale spoke next. "The paper is claiming today that you had a private talk with the board in May," Ann Reese '
     'started. "We had a meeting, it was private," Hale said.', "Ann Reese", "a clause after a full stop is another quote's"),
    # negative: a longer quotation between them is speech of its own; the clause does not reach back past it
    ('The board found "no wrongdoing of any kind at all," though members called the levy "a tax on every single '
     'family in town" in their report, according to Tom Hale.', None, "a seven-word quotation stops the clause"),
]


@pytest.mark.parametrize("text,speaker,comment", PAST_FRAGMENT, ids=[c[2] for c in PAST_FRAGMENT])
def test_clause_past_fragment(text, speaker, comment):
    assert first_speaker(text) == speaker

# -- resolve._not_a_source: an interjection opening a sentence is no source -----------------------------
INTERJECTIONS = [
    ('Tom Hale took questions. Wait, it gets better:\n\n"The budget was never balanced in any year that he served on '
     'the board."', None, "'Wait, it gets better:': not a person named Wait"),
    # negative: a name opening a colon sentence is still its source
    ('Tom Hale took questions. Hale, it turns out, had notes:\n\n"The budget was never balanced in any year that I '
     'served on the board."', "Tom Hale", "a surname opening the sentence: the person"),
]

# -- carry._reported_just_before: a quote goes on with the report of the sentence before ---------------
REPORTED_BEFORE = [
    ('Critics have piled on. Ann Reese has argued that the levy was crippled from the start. As a result, there is '
     'still "a very powerful lobby that has the freedom to charge whatever it likes."', "Ann Reese",
     "a sentence with no source of its own after 'X has argued that ...'"),
    # negative: the report's subject is a description, not a name or a pronoun
    ('Critics have piled on. Some economists have argued that the levy was crippled from the start. As a result, '
     'there is still "a very powerful lobby that has the freedom to charge whatever it likes."', None,
     "'Some economists have argued': no one to carry"),
    # negative: the quote's own sentence names its source
    ('Critics have piled on. Ann Reese has argued that the levy was crippled from the start. Tom Hale, for his part, '
     'calls it "a very powerful lobby that charges whatever it likes."', "Tom Hale", "the quote's own clause wins"),
]

# -- sentence._description_end / carry.sentence_source: "his response focused on ..." ------------------
OWNED_WORDS_SUBJECT = [
    ('When Tom Hale was asked about the dispute on the radio, his response focused on how the mayor had stayed silent, '
     'as if she "was not allowed to say anything at all."', "Tom Hale",
     "a person's words as the subject after an opening clause: the person"),
    # negative: what a person owns that is not words says nothing
    ('When Tom Hale was asked about the dispute, his car broke down on the way, as if it "was not allowed to go '
     'anywhere at all."', None, "'his car' is not his words"),
]

# -- after._bare_clause: '"...," Roe sighed.' - a name and one verb report, whatever the verb ----------
BARE_CLAUSE = [
    ('"We will never know what happened that night," Ann Reese sighed.', "Ann Reese", "a verb not in the list"),
    # negatives: a new sentence after a full stop; a copula is no reporting verb
    ('Tom Hale spoke first. "We will never know what happened that night." Ann Reese left.', None,
     "'Ann Reese left.' after a full stop is a sentence of its own"),
    ('Tom Hale spoke first. "We will never know what happened that night," Ann Reese was.', None, "'was' reports nothing"),
]

# -- phrases._head_of_relative: a name inside a restrictive relative clause is not the subject ----------
RELATIVE_HEAD = [
    ('Voters who spoke with Ann Reese on Monday said "the plan will be ready by the end of the month."', "Voters",
     "'Voters who spoke with X': the voters"),
    ('While Ann Reese has condemned the plan, the groups who wrote to her on Thursday say they are "concerned your '
     'campaign is sending mixed messages on this."', "groups", "'the groups who wrote to her': not her"),
    # negatives: a name as the head; a relative clause between commas (an apposition)
    ('Jo Roe who chairs the Harbor Fund said "the plan will be ready by the end of the month."', "Jo Roe",
     "a name the clause hangs on is the subject"),
    ('Tom Hale, who spoke with Ann Reese on Monday, said "the plan will be ready by the end of the month."', "Tom Hale",
     "between commas: the name before it"),
]

# -- before._person_before_who: "met Jo Roe, who said the levy was "..."" ------------------------------
PERSON_BEFORE_WHO = [
    ('The mayor met Tom Hale, who said the levy was "a tax on every family in this town."', "Tom Hale",
     "a relative clause of speech after a person's name: the person's words"),
    # negative: "who" after a description, not a name, still skips the verb (no one named there)
    ('The mayor met the treasurer, who said the levy was "a tax on every family in this town."', None,
     "no name before 'who': the verb is skipped as before"),
]

# -- cues.credited_report: a reporting clause itself credited to a source ----------------------------
CREDITED = [
    ('"We will close the port in May," Ivo Kress said, according to the Harbor Ledger.', "Harbor Ledger",
     "'X said, according to Y': the source the report rests on"),
    ('"We will close the port in May," said Ivo Kress, the harbor master, reports the Harbor Ledger.', "Harbor Ledger",
     "an inverted credit after an apposition"),
    ('"We will close the port in May," Ivo Kress said, according to the Harbor Ledger. "And we will not open it again."',
     "Harbor Ledger", "the quote that goes on in the paragraph keeps the credited source"),
    # negative rows
    ('"We will close the port in May," Ivo Kress said, according to a transcript of the meeting.', "Ivo Kress",
     "negative: a transcript records the words; the speaker stays"),
    ('"We will close the port in May," Ivo Kress said. According to the Harbor Ledger, the port lost money.',
     "Ivo Kress", "negative: a credit in the next sentence credits that sentence only"),
    ('"We will close the port in May," Ivo Kress said on Monday; according to him, nothing else will change.',
     "Ivo Kress", "negative: a semicolon ends the clause; a pronoun credits nobody new"),
]

# -- resolve._holders: a description with a modifier is only its holder's when the article says so ----
MODIFIED_ROLE = [
    ('Ohio Sen. Ada Quill spoke first. Sen. Jo Brandt disagreed. "We will not back down," the Ohio senator said.',
     "Ada Quill",
     "'the Ohio senator': the senator named in a sentence with 'Ohio'"),
    ('Sen. Jo Brandt spoke first. "We will not back down," the senator said.', "Jo Brandt",
     "a bare role noun: the holder named before"),
    ('Sen. Jo Brandt of Iowa spoke first.\n\nMeanwhile, the race in the south tightened. "We will not back down," '
     'the Florida senator said.', "Florida senator",
     "negative: no senator named with 'Florida': the description stays as written"),
]

# -- cues.closing_credit: a credit line inside the closing mark of the quotation above ---------------
CLOSING_CREDIT = [
    ('The levy has its critics.\n\n"I worry that the port will close before the bridge is paid for.\nIda Brenner, '
     'Harbor Policy Institute."\n\nThe board meets on Monday.', "Ida Brenner",
     "a name and its affiliation closing the quotation above"),
    ('The levy has its critics.\n\n"I worry that the port will close before the bridge is paid for.\nFormer mayor '
     'Ivo Kress."', "Ivo Kress", "a few words of title before the name"),
    ('Budget news.\n\n"Cuts are coming to every school in the county.\n\nTerwilliger Vance."', "Terwilliger Vance",
     "a name the entity rules do not know: read from the text, not from the masked quotation"),
    ('The levy has its critics.\n\n"I worry that the port will close.\nDr. Ida Brenner, Harbor Policy Institute."',
     "Ida Brenner", "a title before the name"),
    # negative: a quotation of its own on the next line is not a credit line
    ('The levy has its critics.\n\n"I worry that the port will close before the bridge is paid for.\nThe bridge '
     'will never be paid for, and everybody in this town knows it."', None,
     "negative: a sentence closing the quotation is no credit line"),
]

# every table of a speaker above, one test: the rule's table name leads each id
SPEAKER_TABLES = {"issuer": ISSUER, "named_after_role": NAMED_AFTER_ROLE, "who_said": WHO_SAID, "past_scare": PAST_SCARE,
                  "possessed": POSSESSED, "pages": PAGES, "sent_to": SENT_TO, "byline": BYLINE,
                  "joined_participles": JOINED_PARTICIPLES, "light_verbs": LIGHT_VERBS,
                  "interjections": INTERJECTIONS, "reported_before": REPORTED_BEFORE,
                  "owned_words_subject": OWNED_WORDS_SUBJECT, "bare_clause": BARE_CLAUSE,
                  "relative_head": RELATIVE_HEAD, "person_before_who": PERSON_BEFORE_WHO,
                  "credited": CREDITED, "modified_role": MODIFIED_ROLE, "closing_credit": CLOSING_CREDIT}
SPEAKER_ROWS = [(f"{name}: {comment}", text, speaker) for name, rows in SPEAKER_TABLES.items() for text, speaker, comment in rows]


@pytest.mark.parametrize("row,text,speaker", SPEAKER_ROWS, ids=[r[0] for r in SPEAKER_ROWS])
def test_speaker(row, text, speaker):
    assert last_speaker(text) == speaker
