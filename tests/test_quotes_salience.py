"""Who a quote's he or she, bare surname or description stands for: the rules of the second
round of issue 15 (antecedent.py, resolve.py, carry.py), table-driven, positive and negative
rows. Every sentence is invented for these tests; none is taken from a labelled set.

Each row: a short article, then the expected (kind, speaker) of each quotation in order.
"""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text


def attribution(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in annotate_text(text).quotes]


S = "speech"
CASES = [
    # -- a person's gender learnt from a he/she later in the sentence they open (antecedent.learn_genders)
    ('Robin Vale and Casey Hart campaigned in Dover. Hart hosted a rally on Monday, during which she thanked the '
     'volunteers. Vale said he would stay.\n\n"We will win this county," she said.', [(S, "Casey Hart")],
     "'Hart hosted ..., during which she': Hart is a she, Vale a he; given names that say neither"),
    ('Robin Vale met Casey Hart on Monday, and he praised the plan. Hart left early.\n\n"We will win this county," '
     'she said.', [(S, "Casey Hart")],
     "negative: a he after a second person of the sentence is not counted for either"),
    # -- an organisation the entity list names is no he or she (antecedent.compatible_name)
    ('Pastor Kevin Dorrance has criticised the scouts again.\n\nThe remarks came on Monday during his weekly '
     'radio show, "Mornings With Kevin Dorrance and Friends," Prairie Justice Watch first reported.\n\nHe then '
     'implied that the leaders should resign. "This is the end of the republic as we know it," he said.',
     [(S, "Prairie Justice Watch"), (S, "Kevin Dorrance")],
     "the sentence before the he is the organisation's report ('Watch'): the he is the person before it"),
    ('Pastor Kevin Dorrance has criticised the scouts again.\n\nThe remarks came on Monday during his weekly '
     'radio show, "Mornings With Kevin Dorrance and Friends," Ann Prewitt first reported.\n\nShe then '
     'implied that the leaders should resign. "This is the end of the republic as we know it," she said.',
     [(S, "Ann Prewitt"), (S, "Ann Prewitt")],
     "negative: a person reporting it is the she"),
    # -- a bare surname: the speaker named before in full (resolve._speaker_named_before)
    ('Kip East, an education professor, called the law "a real step for the schools of the state." '
     '"This is the first real change since the 1980s," East said.', [(S, "Kip East"), (S, "Kip East")],
     "a surname after a quote attributed to the full name, which the entity list missed"),
    ('"This is the first real change since the 1980s," Kell said.', [(S, "Kell")],
     "negative: with no one named before, the surname stays as written"),
    # -- he/she: a sentence that goes on about our he is read past (antecedent._goes_on_about)
    ('Bill Bruch, a delegate from the north, said he would vote no. Roll calls go by state, he noted, so '
     'Tom Vick may have won by then. "We might abstain if we must," he said.', [(S, "Bill Bruch")],
     "a sentence whose subject is our he names others as objects: read on back past it"),
    ('Ed Hale spoke first. When Tom Vick held rallies in the west, he was met by large crowds. '
     '"We will build it and they will pay," he said.', [(S, "Tom Vick")],
     "negative: a sentence that names its he before it is about that person"),
    ('Ed Hale spoke first. But while he may not have made the first suggestion, Tom Vick did back the idea. '
     '"There should be a lot of systems, beyond lists," he said.', [(S, "Tom Vick")],
     "negative: a he in an opening subordinate clause points forward to the main clause's subject"),
    # -- a given name alone is a person's name, for he and she (antecedent._named_as_person,
    #    sentence._apposed_to_description)
    ('Ann Lowe waved a sign. Her father, Brad, 39, worried that voters read too little. '
     '"People are afraid of wasting their votes," he said.', [(S, "Brad")],
     "a given name in apposition to a description opening the sentence is its subject"),
    ('Ed Hale met the chief on Monday. Bob met with Hale the next day. "We did warn them about the danger," he said.',
     [(S, "Bob")], "a given name alone as the subject of the sentence before"),
    ('Ed Hale met the chief on Monday. Security met with Hale the next day. "We did warn them about the danger," he said.',
     [(S, "Ed Hale")], "negative: a capitalised word that is no given name is not made a person"),
    # -- a person's words or writing are the person's (resolve.owner_of_words)
    ('Rita Hoff wrote to the delegates on Monday. Hoff’s letter makes a plain case: '
     '"We must stand together against every threat to our freedom."', [(S, "Rita Hoff")],
     "a letter owned by a person, the subject of a colon sentence"),
    ('Ann Roe met the soldiers in the hall. Roe’s response was: "Is that really the best question you have for me?"',
     [(S, "Ann Roe")], "a response owned by a person"),
    ('"We will build the bridge next year and not before," the town’s letter said.', [(S, "town’s letter")],
     "negative: a document owned by no person of the article stays as written"),
    ('Ed Hale won the vote on Tuesday. A fundraising email sent out by Hale that night warned of a hard fight: '
     '"There are many votes still to come in the weeks ahead."', [(S, "Ed Hale")],
     "a document sent by a person: the person's words"),
    # -- what a campaign or office says (before._participle_after_subject, resolve._group_of_person)
    ('Ed Hale won the vote on Tuesday. His campaign sent out a text message to supporters saying: '
     '"We won it, and we thank every one of you."', [(S, "Ed Hale campaign")],
     "a message to supporters 'saying': the message's sender speaks, not its addressees"),
    ('Jo Roe toured the mill. The share of farmers saying "the town is on the wrong track for good" rose again.',
     [(S, "farmers")], "negative: a participle right after a group of people (no document) takes it as its subject"),
    ('Rita Vance toured the mill. Vance’s office said in a statement, "The mayor has not yet decided on the bridge."',
     [(S, "Rita Vance office")], "a person's office speaks for the person and is named by them"),
    # -- he/she: what is not a salient person of a sentence (antecedent, sentence)
    ('Rita Moss is among those who will not back Ann Lowe. Choosing between Lowe and Vick is '
     '"a false choice for any voter in this state," she said.', [(S, "Rita Moss")],
     "a name after a preposition in the pronoun's own sentence is not its antecedent"),
    ('Ann Lowe met the board, then Rita Moss and Tad Quill. Moss spoke first. After that, Lowe said the vote was '
     '"a false choice for any voter in this state," she said.', [(S, "Ann Lowe")],
     "negative: the subject of the pronoun's own sentence is still its antecedent"),
    ('Rita Moss ran in Kent, Dover and Troy. Ann Lowe ran too, when she called the levy "a tax on every family in '
     'this town."', [(S, "Ann Lowe")],
     "a name after a list's 'and' across a sentence's end is no object: the sentence's subject"),
    ('Ed Hale met the press on Monday. Tom Roe denounced Hale’s remarks as wrong and warned of the cost. '
     '"If the town chooses Hale, that will cost us all," he said.', [(S, "Tom Roe")],
     "a possessive before a verb's form makes it a noun ('Hale's remarks'): Hale is not the one who remarks"),
    ('Tom Vick met voters on Monday. Vick’s comments about Ed Hale’s record mirror those he made in May. '
     '"He goes home and you never see him for days," he said.', [(S, "Tom Vick")],
     "a name after a possessive's noun and a preposition ('comments about Ann Lowe') is not the subject"),
    ('Rita Moss spoke first. After the vote Ann Lowe left early because "the room was too hot for anyone," she said.',
     [(S, "Ann Lowe")], "negative: a name that is no preposition's object in the pronoun's own sentence still is its antecedent"),
]


@pytest.mark.parametrize("text,expected,comment", CASES, ids=[c[2] for c in CASES])
def test_attribution(text, expected, comment):
    assert attribution(text) == expected
