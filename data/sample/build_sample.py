#!/usr/bin/env python3
"""Builds the echoes demo/regression corpus: news.jsonl and labels.jsonl.

Every story below is fictional and was written for this corpus: the places,
people, companies and figures are invented. Base stories, rewrites and
same-event stories are hand-written; copies, near copies and excerpts are
derived from the base stories by the small, deterministic transforms defined
here, so each variant can be reviewed as "original + edit".

Output (next to this script):
  news.jsonl    {"id", "date"?, "text"} per line, in the order documents are added
  labels.jsonl  {"a", "b", "relation", "note"} per related pair, a < b, sorted

Labels are declared by intent (each variant names its source and its relation)
and then completed transitively inside each family: two variants of one story
are labelled by the figures of the reference normalization (check_labels.py),
a rewrite is linked to every copy of its source, and a same-event story is
marked against every document of its family. The script refuses to write
anything if a variant does not have the figures its declared relation needs.

Usage: python3 build_sample.py      (then: python3 check_labels.py)
Standard library only, no randomness.
"""

import json
import os
import re
import sys
import textwrap
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep data/sample free of __pycache__
import check_labels as ref  # noqa: E402  (reference normalization and figures)


def story(*paragraphs):
    """Joins paragraphs with a blank line, as every document in the corpus does."""
    return "\n\n".join(paragraphs)


def paras(text):
    return text.split("\n\n")


# ---------------------------------------------------------------------------
# Transforms used to derive copies, near copies and excerpts
# ---------------------------------------------------------------------------

def upper_headline(text):
    """ALL CAPS first paragraph (the headline)."""
    p = paras(text)
    return story(p[0].upper(), *p[1:])


def curly_quotes(text):
    """Straight double quotes become alternating curly ones; apostrophes become ’."""
    out = []
    opening = True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def guillemets(text):
    """Straight double quotes become « and »."""
    out = []
    opening = True
    for ch in text:
        if ch == '"':
            out.append("\u00ab" if opening else "\u00bb")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def em_dashes(text):
    return text.replace(" - ", " \u2014 ")


def double_spaces(text):
    """Two spaces after each full stop, and a stray space before commas."""
    return text.replace(". ", ".  ").replace(", ", " , ")


def wrap_lines(text, width=62):
    """Hard line breaks inside paragraphs, paragraphs separated by ' \\n\\t'."""
    wrapped = [textwrap.fill(p, width=width, break_on_hyphens=False, break_long_words=False)
               for p in paras(text)]
    return "\n \n\t".join(wrapped) + "\n"


def european_numbers(text):
    """3,000 -> 3.000 and 4.25 -> 4,25: both are separators, tokens do not change."""
    text = re.sub(r"(\d)\.(\d)", "\\1\u0001\\2", text)
    text = re.sub(r"(\d),(\d)", r"\1.\2", text)
    return text.replace("\u0001", ",")


def drop_commas(text):
    return text.replace(", ", " ")


def single_newlines(text):
    return text.replace("\n\n", "\n")


def inject(text, anchor, spam):
    """Inserts `spam` right after the (unique) `anchor`."""
    assert text.count(anchor) == 1, "anchor not unique: %r" % anchor
    return text.replace(anchor, anchor + spam)


def replace_words(text, pairs):
    for old, new in pairs:
        assert text.count(old) == 1, "replacement source not unique: %r" % old
        text = text.replace(old, new)
    return text


def drop_paragraph(text, index):
    p = paras(text)
    del p[index]
    return story(*p)


def insert_paragraph(text, index, paragraph):
    p = paras(text)
    p.insert(index, paragraph)
    return story(*p)


def paragraph_range(text, start, stop):
    return story(*paras(text)[start:stop])


def truncate_words(text, count):
    """The first `count` whitespace-separated words, paragraph breaks kept."""
    out = []
    left = count
    for p in paras(text):
        words = p.split(" ")
        if len(words) >= left:
            out.append(" ".join(words[:left]))
            break
        out.append(p)
        left -= len(words)
    return story(*out)


def fullwidth_ascii(text):
    """ASCII letters and digits become their full-width forms (２０２４, ＪＲ)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def _halfwidth_katakana_table():
    table = {}
    for cp in range(0xFF65, 0xFFA0):
        half = chr(cp)
        full = unicodedata.normalize("NFKC", half)
        if len(full) == 1 and "\u30a0" <= full <= "\u30ff":
            table.setdefault(full, half)
        for mark in ("\uff9e", "\uff9f"):  # voiced and semi-voiced sound marks
            composed = unicodedata.normalize("NFKC", half + mark)
            if len(composed) == 1 and "\u30a0" <= composed <= "\u30ff":
                table.setdefault(composed, half + mark)
    return table


HALFWIDTH_KATAKANA = _halfwidth_katakana_table()


def halfwidth_katakana(text):
    """Katakana become half-width katakana (ガ -> ｶﾞ), which NFKC maps back."""
    return "".join(HALFWIDTH_KATAKANA.get(c, c) for c in text)


# ---------------------------------------------------------------------------
# Family 1: a bridge closure
# ---------------------------------------------------------------------------

HARBOR_BRIDGE = story(
    "Meridian Harbor Bridge to close for six weeks after cracks found in main cables",
    "PORT CARROW, March 12 (Tidewater Wire) - The Meridian Harbor Bridge, which carries about "
    "58,000 vehicles a day between the old town and the eastern suburbs, will close to all traffic "
    "from Monday for at least six weeks after inspectors found corrosion cracks in two of its main "
    "suspension cables, city officials said on Tuesday.",
    "The cracks were discovered during a routine drone survey last week and confirmed by a team of "
    "structural engineers who climbed the north tower on Saturday. According to the city's public "
    "works department, the damage is not an immediate danger, but the bridge cannot safely carry "
    "heavy loads until the affected strands are replaced.",
    '"We are not going to gamble with people\'s lives to save a few minutes of commuting time," '
    "said Mayor Lorna Pettigrew at a news conference held at the foot of the bridge. \"The "
    'engineers told us what they found, and we acted the same day."',
    "During the closure, the Carrow Transit Authority will run extra ferries across the harbor "
    "every ten minutes at peak hours and will add two express bus routes via the Felling Street "
    "tunnel. Pedestrians and cyclists will also be barred from the span, because repair crews need "
    "the walkways to stage equipment.",
    "Local businesses on the eastern side reacted with alarm. Teodor Vasko, who owns a bakery near "
    "the bridge ramp, said his morning trade depends almost entirely on commuters. \"Six weeks is a "
    'long time for a small shop," he said.',
    "The repair contract, worth an estimated 14 million crowns, has been awarded on an emergency "
    "basis to Halvard Steelworks, which built the bridge's replacement deck in 2009. Officials said "
    "a full report on the cause of the corrosion would be published before the bridge reopens.",
)

HARBOR_BRIDGE_REWRITE = story(
    "Cable damage shuts Port Carrow's main harbor crossing for at least a month and a half",
    "Starting next Monday, nobody will be able to drive over the Meridian Harbor Bridge. City hall "
    "announced on Tuesday that the crossing, used by roughly 58,000 cars and trucks each day to "
    "link the historic center with the eastern districts, will be shut for a minimum of six weeks "
    "because two of the suspension cables holding it up have corroded and cracked.",
    "A drone flown over the structure for a scheduled check last week first picked up the problem, "
    "and on Saturday engineers scaled the northern tower and verified it by hand. The public works "
    "department insists there is no imminent threat of collapse, yet says heavy traffic must stay "
    "off until the damaged wire strands are swapped out.",
    "Mayor Lorna Pettigrew, speaking to reporters beside the bridge approach, said the city would "
    "rather lengthen journeys than take chances with safety. She added that the decision was taken "
    "within hours of receiving the engineers' findings.",
    "To keep people moving, the transit authority is putting on more harbor ferries, with "
    "departures every ten minutes in the rush hours, and launching a pair of express buses that "
    "will go through the Felling Street tunnel. Walking and cycling across will be forbidden too, "
    "since the repair teams will use the footpaths to store their gear.",
    "Shopkeepers east of the water are worried. Baker Teodor Vasko, whose shop stands close to the "
    "on-ramp, explained that nearly all of his early customers are people driving to work, and "
    "called a six-week shutdown a heavy blow for a small business.",
    "Halvard Steelworks, the firm that put a new deck on the bridge in 2009, received the emergency "
    "repair job, valued at around 14 million crowns, without a tender. The city has promised to "
    "release a complete account of what caused the corrosion before traffic returns.",
)

HARBOR_BRIDGE_FERRY = story(
    "Ferry crews brace for the rush as harbor bridge shuts",
    "Skipper Annika Brolin has worked the cross-harbor ferry route in Port Carrow for nineteen "
    "years, and she has never seen a timetable like the one pinned up in the crew room this week. "
    "From Monday her boat, the Gull, will leave the western pier every ten minutes in the morning "
    "peak, twice as often as it does now.",
    "The change follows the city's decision to shut the Meridian Harbor Bridge after engineers "
    "found damaged cables. Ferry managers expect passenger numbers to triple, and two vessels that "
    "had been laid up for winter maintenance are being rushed back into service.",
    "\"We are not going to gamble with people's lives,\" the mayor said on Tuesday, a line Brolin "
    "says she agrees with, even if it means longer shifts. \"Nobody wants to be out on that bridge "
    'if the engineers are worried," she said.',
    "Commuters interviewed at the eastern terminal were less philosophical. Nurse Farid Hosseini, "
    "who works night shifts at St. Brendan's Hospital, said the crossing would add forty minutes "
    "to his journey home. Students at the harbor college have started a petition asking for a "
    "later last sailing, which currently leaves at 11.15 p.m.",
    "The port authority said the extra sailings would cost about 90,000 crowns a week, a sum it "
    "hopes to recover from the city. Ticket prices will not change during the closure, and monthly "
    "bridge toll passes will be accepted on board.",
)

# ---------------------------------------------------------------------------
# Family 2: a central bank rate decision
# ---------------------------------------------------------------------------

RATE_DECISION = story(
    "Calvera's central bank trims key rate to 4.25% as inflation cools",
    "The Reserve Bank of Calvera cut its benchmark interest rate by a quarter of a percentage point "
    "to 4.25 percent on Wednesday, its first reduction in nearly three years, saying that price "
    "pressures had eased faster than it expected over the winter.",
    "The decision by the bank's seven-member monetary policy board was not unanimous. Five members "
    "voted for the cut, while two argued for holding the rate at 4.50 percent until wage data for "
    "the second quarter are available, according to a statement released after the meeting.",
    "Annual consumer price inflation fell to 2.9 percent in April from a peak of 8.1 percent two "
    "years ago, helped by lower energy bills and a stronger Calveran mark. Core inflation, which "
    "strips out food and fuel, stood at 3.3 percent.",
    '"The board judges that policy can become somewhat less restrictive without putting the return '
    'to target at risk," Governor Ines Marchetti said at a press conference. She declined to say '
    'whether further cuts would follow, adding that the board would "take each meeting as it '
    'comes."',
    "Most economists surveyed last week had expected the move, although a sizeable minority had "
    "forecast that the bank would wait until June. The mark slipped 0.4 percent against the dollar "
    "after the announcement, and yields on two-year government bonds fell to their lowest level "
    "since 2022.",
    "Business groups welcomed the cut. The Calveran Chamber of Industry said high borrowing costs "
    "had delayed investment in factories and housing, and urged the bank to move faster. The next "
    "policy meeting is scheduled for June 19.",
)

RATE_DECISION_REWRITE = story(
    "Calvera's central bank lowers key rate to 4.25% as inflation eases",
    "The Reserve Bank of Calvera lowered its benchmark interest rate by a quarter of a percentage "
    "point to 4.25 percent on Wednesday, its first cut in nearly three years, stating that price "
    "pressures had eased more quickly than it expected over the winter.",
    "The decision by the bank's seven-member monetary policy committee was not unanimous. Five "
    "members backed the cut, while two argued for keeping the rate at 4.50 percent until wage "
    "figures for the second quarter are published, according to a statement issued after the "
    "meeting.",
    "Annual consumer price inflation dropped to 2.9 percent in April from a high of 8.1 percent two "
    "years earlier, aided by lower energy bills and a firmer Calveran mark. Core inflation, which "
    "excludes food and fuel, was 3.3 percent.",
    '"The board believes that policy can become slightly less restrictive without putting the '
    'return to target in danger," Governor Ines Marchetti told a press conference. She would not '
    'say whether more cuts would follow, adding that the board would "take each meeting as it '
    'comes."',
    "Most economists polled last week had predicted the move, although a large minority had "
    "forecast that the bank would hold off until June. The mark dipped 0.4 percent against the "
    "dollar after the announcement, and yields on two-year government bonds dropped to their lowest "
    "level since 2022.",
    "Business groups applauded the cut. The Calveran Chamber of Industry said steep borrowing costs "
    "had held back investment in factories and housing, and called on the bank to move faster. The "
    "next policy meeting is set for June 19.",
)

RATE_DECISION_MARKETS = story(
    "Mark weakens, bonds rally after widely expected rate cut",
    "Traders in Calvera's capital had largely priced in Wednesday's quarter-point cut by the "
    "Reserve Bank, but the details of the vote still moved markets. Two of the seven policymakers "
    "dissented, a split that some analysts read as a sign that the easing cycle will be slow.",
    '"Take each meeting as it comes" was the phrase that stood out for Rosalind Achebe, chief '
    "economist at Norvik Securities. \"That is central bank language for: do not assume June,\" she "
    "wrote in a note to clients shortly after the decision.",
    "The Calveran mark lost ground against the dollar and the euro through the afternoon, while the "
    "two-year bond yield dropped roughly eleven basis points. Shares in homebuilders rose sharply, "
    "with Terraforma Homes gaining more than 6 percent, on hopes that cheaper mortgages would "
    "revive sales.",
    "Not everyone was convinced that the bank had chosen the right moment. Former deputy governor "
    "Paulo Rennick told a radio interviewer that services inflation was still too high and that "
    "the board risked \"declaring victory a few months early.\"",
    "Pension funds, which had been buying long-dated bonds for weeks in anticipation of the move, "
    "were reported to be taking profits by the close. Futures markets on Wednesday evening implied "
    "roughly a 40 percent probability of a second cut at the June 19 meeting.",
)

# ---------------------------------------------------------------------------
# Family 3: a football transfer
# ---------------------------------------------------------------------------

TRANSFER = story(
    "Valdora complete club-record signing of Rivermouth striker Caruso",
    "FC Valdora have signed striker Estevan Caruso from Rivermouth Athletic for a club-record fee "
    "of 42 million euros, ending a transfer saga that has dominated the summer window. The "
    "24-year-old has agreed a five-year contract and will wear the number nine shirt.",
    "Caruso scored 27 league goals last season, finishing second in the scoring charts, and "
    "attracted interest from at least three other clubs. Rivermouth had rejected two earlier offers "
    "from Valdora before accepting an improved bid that includes a further six million euros in "
    "performance-related add-ons.",
    '"This is the club I wanted to join from the first phone call," Caruso said in a video posted '
    'on Valdora\'s social media channels. "I know the supporters expect goals, and I am here to '
    'give them."',
    "Valdora head coach Marit Lindqvist has been searching for a central striker since the "
    "departure of veteran forward Ola Brennan in May. The team finished fourth last season but "
    "scored fewer goals than any other side in the top six.",
    "Rivermouth will receive a sell-on clause of 15 percent on any future sale. The club's sporting "
    "director, Hamza Idrissi, said the money would be reinvested in the squad before the window "
    "closes at the end of August.",
    "Caruso is expected to travel with the squad to the club's pre-season training camp in the "
    "mountains next week and could make his debut in a friendly against Porto Azul on July 20.",
)

TRANSFER_EXTRA_PARAGRAPH = (
    "Lindqvist is also understood to be close to signing a left back from the Dutch league, with "
    "talks at an advanced stage and a medical pencilled in for the coming days."
)

TRANSFER_REWRITE = story(
    "Rivermouth striker Caruso joins Valdora in record deal",
    "After a tug-of-war that ran through most of the summer, Estevan Caruso is a Valdora player. "
    "The club paid Rivermouth Athletic 42 million euros for the 24-year-old forward, more than it "
    "has ever spent on a single footballer, and handed him a deal running for five seasons along "
    "with the number nine jersey.",
    # The coach paragraph moved up from fifth to third place.
    "His arrival fills a gap that coach Marit Lindqvist has been trying to plug ever since Ola "
    "Brennan, the experienced centre forward, left in May. Although Valdora ended last season in "
    "fourth place, no team in the top six found the net less often.",
    "Caruso was the league's second-highest scorer last term with 27 goals, and at least three "
    "rival clubs had enquired about him. Valdora saw two bids turned down before Rivermouth finally "
    "said yes to a bigger offer, which carries up to six million euros more in bonuses linked to "
    "performance.",
    "In a clip published on the club's online accounts, the forward said Valdora had been his first "
    "choice ever since they first rang him, and promised fans that he had come to score.",
    "Rivermouth keep a 15 percent share of any profit from a future transfer. Hamza Idrissi, their "
    "sporting director, said all of the money would go back into the team before the deadline at "
    "the end of August.",
    "The new signing should join his team-mates at their mountain training base next week, and a "
    "first appearance could come in the July 20 friendly with Porto Azul.",
)

TRANSFER_FANS = story(
    "Rivermouth fans split as top scorer Caruso heads for Valdora",
    "For supporters of Rivermouth Athletic, the news they had been dreading for weeks finally "
    "arrived on Tuesday evening: Estevan Caruso, the academy graduate who scored 27 league goals "
    "last season, is leaving for FC Valdora.",
    "Outside the club shop on Quay Road, opinion was divided. Season-ticket holder Bernadette Cole, "
    "61, said the club had \"sold its heart for a cheque\". Others were more pragmatic. \"Forty-two "
    'million for a lad we found on our own doorstep? You take that every time," said student Kwame '
    "Asante.",
    "Rivermouth's sporting director Hamza Idrissi moved quickly to reassure fans, telling the "
    "club's in-house channel that negotiations were already under way with two forwards and that "
    "the manager would have the full fee to spend. The club also confirmed it would keep a share of "
    "any future transfer fee.",
    "Caruso, who joined Rivermouth's youth system at the age of nine, thanked the staff and "
    "supporters in a handwritten letter published on the club's website. He said he hoped to "
    'return to the Quay Road ground one day "as a visitor who is still welcome".',
    "Rivermouth open their league campaign at home to Saltmarsh United on August 10, and the club "
    "said ticket sales for the match had not been affected by the news.",
)

# ---------------------------------------------------------------------------
# Family 4: a wildfire
# ---------------------------------------------------------------------------

WILDFIRE = story(
    "Wildfire forces 3,000 from homes as winds push flames toward Almeira Springs",
    "About 3,000 residents of Almeira Springs and nearby villages were ordered to leave their homes "
    "on Sunday night as a fast-moving wildfire in the Ridgeback Hills jumped a firebreak and "
    "advanced to within four kilometres of the town, regional emergency officials said.",
    "The blaze, named the Copper Canyon Fire, broke out on Friday afternoon near a disused quarry "
    "and has since burned more than 6,200 hectares of pine forest and scrubland. Gusts of up to 70 "
    "kilometres per hour and humidity below 15 percent have made it extremely difficult to contain.",
    "More than 400 firefighters, supported by six water-bombing aircraft and two helicopters, were "
    "working through the night to protect homes on the western edge of the town. Fire chief "
    "Gabriel Otero said crews had managed to hold the line along the Almeira River but warned that "
    "the next 48 hours would be critical.",
    '"If the wind turns north as forecast, we will be in a much better position," Otero said. "If '
    'it does not, we may have to widen the evacuation zone."',
    "An emergency shelter has been opened at the Almeira Springs sports centre, and the regional "
    "government said buses would be available for residents without cars. Two firefighters were "
    "treated for smoke inhalation, but no other injuries have been reported.",
    "The cause of the fire is under investigation. Police said they were looking into reports of "
    "sparks from machinery used at a nearby construction site, but stressed that no line of "
    "inquiry had been ruled out.",
    "The region has received less than a third of its usual summer rainfall this year, and "
    "authorities had already banned outdoor burning and the use of power tools in forests since "
    "early July.",
)

WILDFIRE_SUMMARY = story(
    "Copper Canyon Fire: thousands evacuated near Almeira Springs",
    "Around 3,000 people in and around Almeira Springs had to get out on Sunday night after the "
    "Copper Canyon Fire crossed a firebreak in the Ridgeback Hills and came within four kilometres "
    "of town. Since starting near an abandoned quarry on Friday, it has consumed over 6,200 "
    "hectares, fanned by strong gusts and very dry air.",
    "Overnight, upwards of 400 firefighters backed by aircraft defended the town's western fringe "
    "and stopped the flames at the river, though chief Gabriel Otero said the coming two days "
    "would decide matters: a northerly shift in the wind would help, and without one the "
    "evacuation area could grow.",
    "Evacuees can go to a shelter in the sports centre, with buses laid on for those without "
    "transport. Two firefighters needed treatment for smoke, and nobody else was hurt.",
    "Investigators are examining claims that machinery at a building site threw off sparks, while "
    "keeping other possibilities open. The fire comes in a drought summer with under a third of "
    "normal rainfall and a ban on burning and power tools in woodland since July.",
)

WILDFIRE_SHELTER = story(
    "A night in the sports hall: Almeira Springs evacuees wait for news",
    "The camp beds in the Almeira Springs sports centre were still being unfolded at midnight on "
    "Sunday when the first families arrived, some carrying pets, others with nothing but the "
    "clothes they had been wearing at dinner.",
    "Volunteers from the Valley Aid Society handed out blankets and bottled water while a retired "
    "doctor checked on older residents who had been brought down by bus from the hill villages of "
    "Santa Irene and Cortal.",
    '"We saw the glow over the ridge and then the police came door to door," said Mercedes '
    'Albuquerque, 74, who lives on the western edge of town. "I took my husband\'s photographs and '
    'the cat. Everything else is still there."',
    "By Monday morning about 600 people were sleeping in the hall, according to the municipality; "
    "most of the other evacuees are staying with relatives on the coast. Children kicked a ball "
    "around at one end of the court while their parents watched the live fire map on their phones.",
    "Fire chief Gabriel Otero visited the shelter at breakfast time and told residents that crews "
    "had held the fire at the river overnight. He repeated that the next two days would be "
    "critical, and asked people not to try to return to check on their houses.",
    "Local shopkeepers have brought bread, fruit and coffee, and the town's only cinema has offered "
    "free screenings for children this week.",
)

# ---------------------------------------------------------------------------
# Family 5: a tech company layoff
# ---------------------------------------------------------------------------

LAYOFFS = story(
    "Quillon Systems to cut 1,800 jobs as cloud growth slows",
    "BRIGHTWATER, Jan 23 (Northgate Ledger) - Quillon Systems, the business software maker, said on "
    "Tuesday it would eliminate about 1,800 jobs, or roughly 12 percent of its workforce, as it "
    "shifts spending toward artificial intelligence products and away from slower-growing parts of "
    "its cloud business.",
    "Chief executive Devika Rao told staff in an internal memo, later published on the company's "
    'blog, that the decision was "the hardest I have made in this role" and that affected '
    "employees would be notified within the next two weeks. Most of the cuts will fall on sales, "
    "recruiting and the company's legacy data-storage division.",
    "Departing employees in the United States will receive at least 16 weeks of pay, plus an "
    "additional two weeks for every year of service, and health coverage until the end of June. "
    "The company said it would offer comparable packages in other countries, subject to local "
    "consultation rules.",
    "Quillon expects to record restructuring charges of between 140 million and 165 million "
    "dollars, mostly in the first quarter. Shares in the company rose 4 percent in early trading, "
    "as investors welcomed the promise of wider profit margins.",
    "The announcement comes after two years of rapid hiring. Quillon's headcount nearly doubled "
    "between 2020 and 2022, when demand for remote-work software surged, but revenue growth has "
    "since slowed to single digits.",
    "The company is the latest in a string of technology firms to reduce staff this year. Analysts "
    "said further cuts across the sector were likely as companies redirect budgets to build and run "
    "large AI models, which require expensive computing hardware.",
)

LAYOFFS_STAFF = story(
    '"We found out from a calendar invite": Quillon staff describe the day of the job cuts',
    "For many of the people who lost their jobs at Quillon Systems this week, the first sign of "
    "trouble was a fifteen-minute meeting that appeared in their calendars with no title and no "
    "agenda.",
    '"It was a video call with someone from human resources I had never met," said a recruiter '
    "based in the company's Brightwater headquarters, who asked not to be named because she is "
    'negotiating her severance. "By the time it ended, my laptop had already been locked."',
    "Quillon said on Tuesday that it would shed about 1,800 positions. In her memo to staff, chief "
    'executive Devika Rao described the decision as "the hardest I have made in this role", a '
    "phrase that was quickly turned into a joke on internal chat channels before access to them "
    "was restricted.",
    "Former employees have set up a shared spreadsheet listing colleagues who are looking for work, "
    "and by Wednesday afternoon it had more than 600 entries. Several smaller software firms in the "
    "region have posted messages saying they are hiring.",
    "An organiser at the Brightwater Tech Workers Association said the group had received dozens of "
    "enquiries from Quillon staff, mainly about notice periods and whether stock awards would still "
    "vest. Quillon said unvested shares scheduled to vest before March 15 would be honoured.",
)

# ---------------------------------------------------------------------------
# Family 6: a vaccine trial
# ---------------------------------------------------------------------------

VACCINE = story(
    "Experimental norovirus vaccine cuts illness by 71% in late-stage trial",
    "An experimental vaccine against norovirus, the highly contagious stomach bug that sweeps "
    "through hospitals, cruise ships and care homes every winter, reduced cases of moderate to "
    "severe illness by 71 percent in a large late-stage trial, its developer Lumen Bio said on "
    "Wednesday.",
    "The study enrolled about 14,200 adults aged 60 and over in nine countries. Half received two "
    "doses of the vaccine, called LB-217, given four weeks apart, and half received a placebo. Over "
    "the following season, 38 cases of moderate to severe norovirus illness were recorded in the "
    "vaccine group, compared with 131 in the placebo group.",
    "The most common side effects were a sore arm, tiredness and mild headache, which usually "
    "cleared within two days. An independent safety board found no serious adverse events linked "
    "to the vaccine.",
    '"Norovirus is one of the last big seasonal infections for which we have no vaccine at all," '
    "said Dr. Helena Marsh, Lumen Bio's chief medical officer. \"These results suggest that could "
    'change within a few years."',
    "The company said it would submit the full data to a peer-reviewed journal and present them at "
    "an infectious diseases conference in November. It plans to apply for regulatory approval in "
    "Europe and the United States next year, and is running a separate trial in children under "
    "five.",
    "Outside experts cautioned that the virus mutates frequently and that the protection offered "
    "by the vaccine may not last more than one season. The trial did not measure how well LB-217 "
    "prevents transmission from one person to another.",
)

VACCINE_REWRITE = story(
    "Norovirus shot prevents most serious illness in big trial, maker says",
    "Moderate and severe norovirus illness was reduced by 71 percent by an experimental vaccine in "
    "a large late-stage study, Lumen Bio announced on Wednesday. The virus, a stomach infection "
    "that spreads with ease, tears through hospitals, care homes and cruise ships each winter.",
    "Roughly 14,200 people aged 60 or older were recruited across nine countries. Two shots of the "
    "vaccine, known as LB-217, were given four weeks apart to half of the volunteers, while the "
    "rest were given a dummy injection. During the season that followed, 38 moderate-to-severe "
    "cases occurred among vaccinated participants, against 131 among those on placebo.",
    "Arm soreness, fatigue and a slight headache were the complaints reported most often, and they "
    "generally disappeared in two days or less. No serious harm attributable to the shot was "
    "identified by an independent monitoring board.",
    "According to Dr. Helena Marsh, the company's chief medical officer, norovirus is among the few "
    "major seasonal infections still lacking any vaccine, and the findings indicate that this may "
    "change in a few years.",
    "A full dataset will be sent to a peer-reviewed journal and shown at a meeting on infectious "
    "disease in November, the company said. Approval will be sought from European and American "
    "regulators next year, and a separate study in under-fives is already running.",
    "Independent scientists warned that norovirus changes often and that immunity from the shot "
    "might fade after a single season. Whether LB-217 stops people passing the virus on was not "
    "examined in the trial.",
)

VACCINE_CARE_HOMES = story(
    "Care homes hopeful, scientists cautious after norovirus vaccine results",
    "Managers of care homes, who spend every winter fighting outbreaks of vomiting and diarrhoea "
    "among frail residents, greeted Wednesday's norovirus vaccine results with something close to "
    "relief.",
    '"One outbreak can close a home to visitors for three weeks," said Rosalind Ekwueme, who runs '
    'four residential homes in the northern county of Aldmoor. "If a jab takes even half of that '
    'away, it changes our winters completely."',
    "Lumen Bio said its two-dose vaccine, LB-217, had prevented 71 percent of serious cases among "
    "people aged 60 and over. The company has not yet released detailed results, and scientists who "
    "were not involved said they wanted to see them before drawing conclusions.",
    "Professor Tomasz Wieland, a virologist at the University of Kestrel Bay, said the number of "
    "cases in the trial was relatively small and that the strains circulating last winter were "
    'unusually stable. "The real test is a season when the virus changes shape," he said.',
    "Health economists also noted that the vaccine's price has not been announced. Norovirus costs "
    "health systems heavily in lost staff days and closed wards, so even a modestly effective "
    "vaccine might save money, but only if it is priced accordingly.",
)

# ---------------------------------------------------------------------------
# Family 7: an election recount
# ---------------------------------------------------------------------------

RECOUNT = story(
    "Recount confirms Farrow as winner of Kellerton mayoral race",
    "A full hand recount of ballots in the Kellerton mayoral election has confirmed Lucinda Farrow "
    "as the winner, the city's election board announced on Wednesday, ending three weeks of "
    "uncertainty after the original count showed her ahead by just 212 votes.",
    "The recount, requested by her opponent Graham Oduya, changed the totals only slightly. Farrow "
    "finished with 18,406 votes and Oduya with 18,197, a margin of 209. Election officials "
    "attributed the difference to a handful of ballots that had been misread by scanning machines "
    "because voters used the wrong kind of pen.",
    "About 120 volunteers and staff spent nine days sorting and counting more than 36,000 paper "
    "ballots in the gymnasium of Kellerton High School, with observers from both campaigns watching "
    "every table. The process cost the city about 85,000 dollars.",
    'Oduya conceded in a short statement on Wednesday evening. "The voters have spoken twice now, '
    'and I accept their decision," he said, thanking the volunteers for what he called a careful '
    "and transparent process.",
    "Farrow, a former school principal who has served two terms on the city council, will be sworn "
    "in on January 2. She has promised to focus on housing costs and on repairing the city's ageing "
    "water mains, which burst more than 40 times last winter.",
    "The board said it would review its guidance on which pens voters may use and would consider "
    "supplying pens at every polling booth in future elections.",
)

RECOUNT_VOLUNTEERS = story(
    "Inside the Kellerton recount: nine days, 36,000 ballots and a lot of coffee",
    "By the seventh day of the Kellerton mayoral recount, the volunteers in the high school "
    "gymnasium had developed their own rituals. Table four played quiz games while they sorted. "
    "Table eleven kept a running tally of the most creative write-in candidates, which included a "
    "local dog and a long-dead football coach.",
    "The mood was far from relaxed, however. Each table had two counters, a supervisor and "
    "observers from the campaigns of both Lucinda Farrow and Graham Oduya, who were allowed to "
    "challenge any ballot they considered unclear. About 300 ballots were set aside for the "
    "election board to rule on.",
    "City clerk Benedikt Amsel, who oversaw the operation, said the most common problem was voters "
    "using gel pens, whose ink the scanners sometimes failed to read. \"People mean well. They bring "
    'their favourite pen from home," he said.',
    "The recount was requested after election night figures put Farrow ahead by 212 votes out of "
    "more than 36,000 cast. Under state law, a candidate may demand a recount when the margin is "
    "below one percent but must pay a deposit if it exceeds half a percent.",
    "When the final tally was read out on Wednesday, several volunteers applauded, and Oduya shook "
    'hands with Farrow\'s campaign manager. "The voters have spoken twice now," he told reporters.',
)

# ---------------------------------------------------------------------------
# Family 8: a museum theft
# ---------------------------------------------------------------------------

MUSEUM_THEFT = story(
    "Thieves take gold snuffboxes and jewelled clock in overnight raid on Elderbrook museum",
    "Thieves broke into the Halloran Museum in Elderbrook early on Monday and escaped with four "
    "eighteenth-century gold snuffboxes and a jewelled table clock, in what police described as a "
    "carefully planned raid that lasted less than eight minutes.",
    "The intruders are believed to have entered through a skylight above the museum's east gallery "
    "shortly after 3 a.m., lowering themselves on ropes to avoid floor sensors. They smashed two "
    "display cases with hammers before leaving through a fire exit, where a dark van was seen "
    "waiting.",
    "A night guard raised the alarm, and officers arrived within six minutes, but the thieves had "
    "already gone. Police found the van burnt out in a forest car park about 20 kilometres away "
    "later that morning.",
    "Museum director Odile Ferrand said the stolen objects, part of a collection bequeathed by a "
    "local shipping family in 1931, were of \"immeasurable\" historical value. Their insured value "
    "has not been disclosed, but art market experts estimated the clock alone could be worth more "
    "than a million euros.",
    '"These pieces belong to the people of Elderbrook, and we want them home," Ferrand said. She '
    "appealed to anyone offered the items to contact the police, warning that the objects were well "
    "documented and would be almost impossible to sell openly.",
    "Detective Inspector Rufus Gale said investigators were examining security footage and were "
    "interested in reports of a drone flying over the museum roof several nights before the raid. "
    "The museum will remain closed for the rest of the week.",
)

MUSEUM_THEFT_REWRITE = story(
    "Overnight raid at Elderbrook museum nets gold snuffboxes and jewelled clock",
    "In a meticulously planned break-in lasting under eight minutes, according to police, raiders "
    "got into Elderbrook's Halloran Museum in the early hours of Monday and made off with a "
    "jewelled table clock and four gold snuffboxes dating from the 1700s.",
    "Investigators think the gang came in via a skylight over the east gallery a little after 3 "
    "a.m., using ropes so as not to set off the sensors in the floor. After breaking open two glass "
    "cases with hammers, they fled by a fire door, outside which witnesses saw a dark van parked.",
    "Although the alarm was sounded by a night watchman and police reached the scene in six minutes, "
    "the raiders were gone. Later that morning, the van was discovered burnt out in a woodland "
    "parking area some 20 kilometres from the museum.",
    "The stolen pieces came to the museum in 1931 as part of a bequest from a shipping family in the "
    "town, and their historical worth cannot be measured, director Odile Ferrand said. Experts in "
    "the art trade put the value of the clock by itself at over a million euros, though the insured "
    "sum has not been made public.",
    "Ferrand urged anyone approached with the objects to go to the police, adding that they were so "
    "thoroughly catalogued that selling them on the open market would be nearly impossible, and "
    "that they belonged to the town's people.",
    "Security camera recordings are being studied, said Detective Inspector Rufus Gale, who added "
    "that police wanted to know more about a drone seen above the roof a few nights earlier. The "
    "museum is shut until the end of the week.",
)

MUSEUM_THEFT_SECURITY = story(
    "Elderbrook heist puts spotlight on security at small museums",
    "Monday's theft at the Halloran Museum in Elderbrook has prompted fresh questions about how well "
    "the country's small and mid-sized museums can protect valuable collections on tight budgets.",
    "The museum, which receives most of its funding from the town council, employs a single night "
    "guard and last upgraded its alarm system in 2015, according to council documents. A request "
    "for money to install roof sensors was turned down two years ago.",
    '"The thieves went for the one part of the building that was not covered," said Clara Voss, a '
    'security consultant who has advised several regional galleries. "That tells you they had '
    'studied it."',
    "Insurers say thefts of gold and jewelled objects have risen in recent years because, unlike "
    "paintings, they can be broken up and melted down. Marcus Tolland of the art-loss register "
    "Provenance Watch said that was his biggest fear for the snuffboxes. \"Their value as history "
    'is enormous, but a criminal may see only the gold," he said.',
    "Detective Inspector Rufus Gale, who leads the investigation, said on Tuesday that police had "
    "received more than 50 calls from the public and were following several leads.",
    "The town council is due to discuss the museum's security budget at an emergency session on "
    "Thursday.",
)

# ---------------------------------------------------------------------------
# Family 9: German, ß/SS and composed/decomposed umlauts
# ---------------------------------------------------------------------------

TRAM_DE = story(
    "Straßenbahnlinie 4 wird für drei Monate gesperrt",
    "LINDENAU \u2013 Die Straßenbahnlinie 4 zwischen dem Hauptbahnhof und der Südstadt wird ab dem "
    "1. Juli für rund drei Monate gesperrt. Wie die Städtischen Verkehrsbetriebe Lindenau am "
    "Dienstag mitteilten, müssen in der Großen Brückenstraße die Gleise und die Fahrleitung "
    "vollständig erneuert werden.",
    "Während der Bauarbeiten fahren Ersatzbusse im Zehn-Minuten-Takt. Die Haltestellen Brückenplatz "
    "und Mühlengasse werden in die Seitenstraßen verlegt. Fahrgäste sollten nach Angaben des "
    "Unternehmens etwa fünf Minuten mehr Fahrzeit einplanen.",
    "\u201eDie Schienen sind über vierzig Jahre alt und an mehreren Stellen gebrochen\u201c, sagte "
    "Betriebsleiterin Sabine Größler. \u201eEine weitere Verschiebung der Sanierung können wir "
    "nicht verantworten.\u201c",
    "Die Kosten von etwa 11,5 Millionen Euro teilen sich die Stadt und das Land. Anwohner müssen "
    "auch nachts mit Lärm rechnen, weil an einigen Abschnitten rund um die Uhr gearbeitet wird. Für "
    "Geschäfte an der Baustelle hat die Stadt einen Härtefallfonds über 300.000 Euro eingerichtet.",
    "Der Fahrgastverband Pro Schiene Lindenau begrüßte die Sanierung, kritisierte aber, dass die "
    "Sperrung mitten in die Ferienzeit und in den Beginn des Wintersemesters an der Universität "
    "falle.",
    "Die Linie 4 ist mit täglich rund 32.000 Fahrgästen die am stärksten genutzte "
    "Straßenbahnlinie der Stadt.",
)


def german_variant(text):
    """Headline in capitals (ß -> SS), one 'Großen' as 'GROẞEN' (capital sharp s),
    the rest in NFD (ü as u + U+0308)."""
    text = upper_headline(text)
    text = replace_words(text, [("in der Großen Brückenstraße", "in der GRO\u1e9eEN BRÜCKENSTRASSE")])
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------------------
# Family 10: Japanese, full-width digits/Latin and half-width katakana
# ---------------------------------------------------------------------------

FESTIVAL_JA = story(
    "港町フェスティバル、2024年は過去最多の来場者",
    "北浜市で4月6日と7日に開かれた「港町フェスティバル2024」に、2日間で約8万5000人が訪れ、"
    "過去最多となった。主催した実行委員会が10日に発表した。",
    "会場には約120のテントが並び、地元の漁港でとれたカキやホタテを使った料理が人気を集めた。"
    "夜にはLEDを使ったライトアップや花火も行われ、家族連れでにぎわった。",
    "実行委員長の山本さんは「天気にも恵まれ、多くの人に港の魅力を知ってもらえた。"
    "来年はステージイベントをさらに増やしたい」と話した。",
    "市によると、期間中は臨時バスを運行し、JR北浜駅から会場までの道路も一部通行止めにした。",
)


def japanese_variant(text):
    """Full-width ASCII letters/digits (２０２４, ＪＲ) and half-width katakana."""
    return halfwidth_katakana(fullwidth_ascii(text))


# ---------------------------------------------------------------------------
# Standalone stories, related to nothing
# ---------------------------------------------------------------------------

ORCHARD = story(
    "Tarrow Valley apple growers pool money for shared cold store",
    "Thirty-two fruit farms in the Tarrow Valley have formed a cooperative to build a refrigerated "
    "warehouse large enough to hold 9,000 tonnes of apples, a project its members say will let them "
    "sell fruit well into spring instead of accepting low prices at harvest time.",
    "Until now most growers in the valley have sold their crop straight from the orchard to two "
    "large packing companies, which set prices each September. Farmers complained that a bumper year "
    "could leave them earning less than the cost of picking.",
    "The store, to be built on former railway land outside the village of Edley, will use "
    "controlled-atmosphere chambers that slow the ripening of fruit by lowering oxygen levels. It is "
    "expected to cost about 7 million pounds, of which a third will come from a rural development "
    "grant.",
    '"For the first time, we will be able to choose when we sell," said cooperative chair Ruth '
    "Penhallow, whose family has grown apples on the valley slopes for four generations. "
    "Construction is due to start in January, with the first fruit stored after next year's "
    "harvest.",
    "The cooperative is also in talks with a local cider maker about buying fruit that does not "
    "meet supermarket size standards.",
)

CHESS = story(
    "Fourteen-year-old takes national chess title with last-round win",
    "Fourteen-year-old Ilse Marwick became the youngest national chess champion in the country's "
    "history on Sunday, defeating the top seed, grandmaster Viktor Halloway, in a tense final round "
    "that lasted nearly six hours.",
    "Marwick, who learned the game from her grandfather at the age of five, needed a win with the "
    "black pieces to overtake Halloway in the standings. She chose a rarely played line of the "
    "Sicilian Defence, sacrificed a knight on move 23 and converted a difficult endgame with two "
    "rooks against rook and bishop.",
    '"I was not sure the sacrifice was correct, but I felt he would be uncomfortable," Marwick said '
    "afterwards, still holding her scoresheet. Halloway, 38, congratulated her and said she had "
    '"played like a grandmaster already".',
    "The title brings a place on the national team for next year's Olympiad and a prize of 10,000 "
    "dollars. Marwick, a pupil at Carden Hill School, said she would celebrate by taking a week off "
    "from chess to go camping with her family.",
)

OBSERVATORY = story(
    "Mount Keel observatory installs new instrument to hunt for distant planets",
    "Astronomers at the Mount Keel Observatory have finished installing a high-precision "
    "spectrograph that they hope will detect planets the size of Earth orbiting nearby stars. The "
    "instrument, built over five years by a consortium of four universities, arrived at the "
    "mountain in 40 crates and was assembled in a temperature-controlled room beneath the main "
    "telescope.",
    "The spectrograph measures tiny shifts in starlight caused when an orbiting planet tugs its "
    "star back and forth. Its designers say it can detect a change in a star's speed of about 30 "
    "centimetres per second, roughly the pace of a slow walk.",
    '"It is the most stable instrument we have ever put on this mountain," said project scientist '
    "Nadia Kowalczyk. The team will spend the next three months testing it on well-known stars "
    "before beginning a survey of about 120 nearby sun-like stars in the autumn.",
    "The observatory, which sits at 2,400 metres, was founded in 1962 and is one of the few in the "
    "region still used for frontline research. Local schools will be invited to name the first "
    "planet it confirms.",
)

LIBRARY = story(
    "Greywell library scraps overdue fines and sees books come back",
    "Greywell's public library has abolished fines for overdue books, and in the first three months "
    "since the change more than 1,100 long-missing items have been returned, some of them borrowed "
    "before the turn of the century.",
    "Head librarian Oscar Mbeki said the fines had raised only about 4,000 pounds a year but had "
    "kept many families, especially those on low incomes, away from the library altogether. "
    '"Children were being told not to borrow books in case they lost them," he said.',
    "The oldest item returned so far is a guide to birdwatching due back in March 1994. It was "
    "handed in by a retired postman who said he had found it while clearing his loft, along with an "
    "apologetic note.",
    "Membership has risen by 14 percent since the fines were dropped. The library still charges for "
    "lost or damaged items, but borrowers can now settle by volunteering at its weekly reading club "
    "instead of paying.",
    "Several neighbouring towns are said to be watching the experiment closely.",
)


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------

class Corpus:
    """Documents in read order, each with its family and its declared relation."""

    def __init__(self):
        self.docs = []    # dicts: id, date, text, family, kind, source, note
        self.by_id = {}

    def add(self, doc_id, text, date=None, family=None, kind="original", source=None, note=""):
        assert doc_id not in self.by_id, doc_id
        assert kind in ("original", "standalone", "exact", "near", "contained", "rewrite",
                        "same_event"), kind
        if kind in ("exact", "near", "contained", "rewrite"):
            assert source in self.by_id, "%s: unknown source %s" % (doc_id, source)
        doc = dict(id=doc_id, date=date, text=text, family=family, kind=kind, source=source,
                   note=note)
        self.docs.append(doc)
        self.by_id[doc_id] = doc


def build():
    c = Corpus()

    # 1. Bridge closure: byte copy, case/punctuation copy dated a day EARLIER than the
    #    original, spam-injected near copy, lead excerpt, heavy rewrite, same-event story.
    f = "harbor-bridge"
    c.add("harbor-bridge-orig", HARBOR_BRIDGE, "2024-03-12", f)
    c.add("harbor-bridge-copy", HARBOR_BRIDGE, None, f, "exact", "harbor-bridge-orig",
          "byte-identical copy")
    c.add("harbor-bridge-copy-case",
          double_spaces(em_dashes(curly_quotes(upper_headline(HARBOR_BRIDGE)))),
          "2024-03-11", f, "exact", "harbor-bridge-orig",
          "ALL CAPS headline, curly quotes, em dash, extra spaces; dated a day earlier")
    c.add("harbor-bridge-near-spam",
          inject(inject(HARBOR_BRIDGE,
                        "who climbed the north tower on Saturday.", " Click here, buy now!"),
                 "depends almost entirely on commuters.", " CLICK HERE >> BUY NOW"),
          "2024-03-13", f, "near", "harbor-bridge-orig", "spam injected twice")
    c.add("harbor-bridge-excerpt-lead", paragraph_range(HARBOR_BRIDGE, 0, 4), None, f,
          "contained", "harbor-bridge-orig", "headline and first three paragraphs")
    c.add("harbor-bridge-rewrite-heavy", HARBOR_BRIDGE_REWRITE, "2024-03-13", f, "rewrite",
          "harbor-bridge-orig", "heavy paraphrase, same facts in the same order")
    c.add("harbor-bridge-ferry-crews", HARBOR_BRIDGE_FERRY, "2024-03-12", f, "same_event",
          note="ferry crews' angle on the closure, shares the mayor's short quote")

    # 2. Rate decision: whitespace/line-break copy, word-changed near copy, middle excerpt,
    #    light synonym spin, markets story.
    f = "rate-decision"
    c.add("rate-decision-orig", RATE_DECISION, "2024-05-08", f)
    c.add("rate-decision-copy-ws",
          wrap_lines(double_spaces(guillemets(european_numbers(RATE_DECISION)))),
          None, f, "exact", "rate-decision-orig",
          "hard line breaks, tabs, double spaces, guillemets, decimal commas")
    c.add("rate-decision-near-words",
          replace_words(RATE_DECISION, [
              ("its first reduction in nearly three years", "its first reduction in almost three years"),
              ("although a sizeable minority", "although a significant minority"),
              ("Business groups welcomed the cut.", "Employer groups welcomed the cut."),
          ]), None, f, "near", "rate-decision-orig", "three words changed")
    c.add("rate-decision-excerpt-middle", paragraph_range(RATE_DECISION, 2, 5), "2024-05-09", f,
          "contained", "rate-decision-orig", "paragraphs 2-4 (vote, inflation, governor)")
    c.add("rate-decision-rewrite-light", RATE_DECISION_REWRITE, None, f, "rewrite",
          "rate-decision-orig", "light synonym spin, sentence by sentence")
    c.add("rate-decision-markets", RATE_DECISION_MARKETS, "2024-05-08", f, "same_event",
          note="markets angle, shares the governor's short quote")

    # 3. Football transfer: no dates in the copy group, so the longest text (the near copy
    #    with an added paragraph) is the representative.
    f = "transfer"
    c.add("transfer-orig", TRANSFER, None, f)
    c.add("transfer-copy", TRANSFER, None, f, "exact", "transfer-orig", "byte-identical copy")
    c.add("transfer-near-para-added", insert_paragraph(TRANSFER, 5, TRANSFER_EXTRA_PARAGRAPH),
          None, f, "near", "transfer-orig", "one paragraph added")
    c.add("transfer-rewrite-moved", TRANSFER_REWRITE, None, f, "rewrite", "transfer-orig",
          "rewritten, coach paragraph moved from fifth to third place")
    c.add("transfer-selling-club-fans", TRANSFER_FANS, "2024-07-02", f, "same_event",
          note="selling club's supporters' angle")

    # 4. Wildfire: punctuation copy, paragraph-cut near copy dated a day EARLIER,
    #    truncated excerpt, summary-style rewrite, shelter story.
    f = "wildfire"
    c.add("wildfire-orig", WILDFIRE, "2024-08-19", f)
    c.add("wildfire-copy-punct", curly_quotes(european_numbers(em_dashes(WILDFIRE))), None, f,
          "exact", "wildfire-orig", "curly quotes, 3.000 for 3,000")
    c.add("wildfire-near-para-cut", drop_paragraph(WILDFIRE, 6), "2024-08-18", f, "near",
          "wildfire-orig", "paragraph on the cause cut; dated a day earlier")
    c.add("wildfire-excerpt-truncated", truncate_words(WILDFIRE, 150), None, f, "contained",
          "wildfire-orig", "first 150 words, cut mid-sentence")
    c.add("wildfire-rewrite-summary", WILDFIRE_SUMMARY, "2024-08-20", f, "rewrite",
          "wildfire-orig", "condensed rewrite following the source's sentences")
    c.add("wildfire-shelter", WILDFIRE_SHELTER, "2024-08-20", f, "same_event",
          note="evacuation shelter angle, quotes the same fire chief")

    # 5. Tech layoff: byte copy, changed byline/dateline dated a day EARLIER, spam once,
    #    employees' story.
    f = "layoffs"
    c.add("layoffs-orig", LAYOFFS, "2024-01-23", f)
    c.add("layoffs-copy", LAYOFFS, None, f, "exact", "layoffs-orig", "byte-identical copy")
    c.add("layoffs-near-byline",
          insert_paragraph(
              replace_words(LAYOFFS, [("BRIGHTWATER, Jan 23 (Northgate Ledger) - ",
                                       "SAN LUCAS, Jan 22 (Coastline Business Daily) - ")]),
              1, "By Marta Oyelaran, technology correspondent"),
          "2024-01-22", f, "near", "layoffs-orig", "byline added, dateline changed; dated earlier")
    c.add("layoffs-near-spam",
          inject(LAYOFFS, "Shares in the company rose 4 percent in early trading,",
                 " click here buy now,"),
          None, f, "near", "layoffs-orig", "spam injected once")
    c.add("layoffs-staff-stories", LAYOFFS_STAFF, None, f, "same_event",
          note="employees' angle, shares the CEO's short quote")

    # 6. Vaccine trial: all-caps copy without commas and with single newlines,
    #    lead excerpt, rewrite with changed voice, care-home story.
    f = "vaccine-trial"
    c.add("vaccine-trial-orig", VACCINE, "2024-10-02", f)
    c.add("vaccine-trial-copy-caps", single_newlines(drop_commas(VACCINE.upper())), None, f,
          "exact", "vaccine-trial-orig", "all capitals, commas dropped, single line breaks")
    c.add("vaccine-trial-excerpt-lead", paragraph_range(VACCINE, 0, 3), None, f, "contained",
          "vaccine-trial-orig", "headline and first two paragraphs")
    c.add("vaccine-trial-rewrite-voice", VACCINE_REWRITE, "2024-10-03", f, "rewrite",
          "vaccine-trial-orig", "rewrite, active/passive voice swapped, clauses reordered")
    c.add("vaccine-trial-care-homes", VACCINE_CARE_HOMES, "2024-10-02", f, "same_event",
          note="care homes and outside scientists' angle")

    # 7. Election recount: undated original, dated near copy (a date beats no date),
    #    middle excerpt, volunteers' story.
    f = "recount"
    c.add("recount-orig", RECOUNT, None, f)
    c.add("recount-near-words",
          replace_words(RECOUNT, [
              ("ending three weeks of uncertainty", "ending three weeks of suspense"),
              ("repairing the city's ageing water mains", "repairing the city's aging water mains"),
              ("supplying pens at every polling booth", "providing pens at every polling booth"),
          ]), "2024-11-14", f, "near", "recount-orig", "three words changed")
    c.add("recount-excerpt-middle", paragraph_range(RECOUNT, 2, 5), None, f, "contained",
          "recount-orig", "paragraphs 2-4 (totals, counting, concession)")
    c.add("recount-volunteers", RECOUNT_VOLUNTEERS, "2024-11-13", f, "same_event",
          note="counting-room angle, shares the loser's short quote")

    # 8. Museum theft: byte copy with the same date and length (first read wins),
    #    rewrite with reordered clauses, security story.
    f = "museum-theft"
    c.add("museum-theft-orig", MUSEUM_THEFT, "2024-02-27", f)
    c.add("museum-theft-copy", MUSEUM_THEFT, "2024-02-27", f, "exact", "museum-theft-orig",
          "byte-identical copy with the same date")
    c.add("museum-theft-rewrite-reordered", MUSEUM_THEFT_REWRITE, "2024-02-28", f, "rewrite",
          "museum-theft-orig", "rewrite with reordered clauses")
    c.add("museum-theft-security", MUSEUM_THEFT_SECURITY, None, f, "same_event",
          note="museum security and insurers' angle")

    # 9. German: capital SS and ẞ for ß, decomposed umlauts.
    f = "tram-de"
    c.add("tram-de-orig", TRAM_DE, "2024-06-04", f)
    c.add("tram-de-copy-unicode", german_variant(TRAM_DE), None, f, "exact", "tram-de-orig",
          "STRASSEN/GROẞEN for Straßen/Großen, umlauts decomposed (NFD)")

    # 10. Japanese: full-width digits and Latin letters, half-width katakana.
    f = "festival-ja"
    c.add("festival-ja-orig", FESTIVAL_JA, "2024-04-10", f)
    c.add("festival-ja-copy-width", japanese_variant(FESTIVAL_JA), None, f, "exact",
          "festival-ja-orig", "full-width digits/Latin, half-width katakana")

    # Standalone stories.
    c.add("apple-cold-store", ORCHARD, "2024-09-30", kind="standalone")
    c.add("chess-champion", CHESS, None, kind="standalone")
    c.add("observatory-spectrograph", OBSERVATORY, "2024-06-15", kind="standalone")
    c.add("library-fines", LIBRARY, None, kind="standalone")
    return c


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------

COPY_KINDS = ("original", "exact", "near", "contained")
KIND_WORDS = {"original": "original", "exact": "exact copy", "near": "near copy",
              "contained": "excerpt", "rewrite": "rewrite"}


def transitive_note(x, y, via):
    """'transitive via S: <kind of a> vs <kind of b>', a and b in label order."""
    a, b = sorted((x, y), key=lambda d: d["id"])
    return "transitive via %s: %s vs %s" % (via, KIND_WORDS[a["kind"]], KIND_WORDS[b["kind"]])


def role(doc):
    if doc["kind"] == "original":
        return "the original"
    return "%s of %s" % (KIND_WORDS[doc["kind"]], doc["source"])


def make_labels(c):
    """Returns {(a, b): (relation, note)} and a list of problems."""
    refdocs = {d["id"]: ref.Doc(d["id"], d["text"], d["date"]) for d in c.docs}
    labels = {}
    problems = []

    def put(x, y, relation, note):
        a, b = sorted((x, y))
        exact, jac, con = ref.figures(refdocs[a], refdocs[b])
        for p in ref.pair_violations(relation, exact, jac, con):
            problems.append("(%s, %s) declared %s: %s" % (a, b, relation, p))
        assert (a, b) not in labels, (a, b)
        labels[(a, b)] = (relation, note)

    families = {}
    for d in c.docs:
        if d["family"]:
            families.setdefault(d["family"], []).append(d)

    for fam, members in families.items():
        # Each family: its original first, every variant derived from that original.
        assert members[0]["kind"] == "original", fam
        assert all(d["source"] in (None, members[0]["id"]) for d in members), fam
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                kinds = (x["kind"], y["kind"])
                if "same_event" in kinds:
                    se, other = (x, y) if x["kind"] == "same_event" else (y, x)
                    if other["kind"] == "same_event":
                        note = "two independent stories on the same event"
                    else:
                        note = "%s; vs %s" % (se["note"], role(other))
                    put(x["id"], y["id"], "same_event", note)
                elif "rewrite" in kinds:
                    rw, other = (x, y) if x["kind"] == "rewrite" else (y, x)
                    if other["id"] == rw["source"]:
                        put(x["id"], y["id"], "rewrite", rw["note"])
                    else:
                        put(x["id"], y["id"], "rewrite", transitive_note(x, y, rw["source"]))
                else:
                    # Two members of the copy group: the figures decide which copy relation.
                    a, b = sorted((x["id"], y["id"]))
                    exact, jac, con = ref.figures(refdocs[a], refdocs[b])
                    rel = ref.expected_relation(exact, jac, con)
                    if y["source"] == x["id"] and y["kind"] != rel:
                        problems.append("%s declared %s of %s but the figures say %s"
                                        % (y["id"], y["kind"], x["id"], rel))
                    if y["source"] == x["id"]:
                        note = y["note"]
                    else:
                        note = transitive_note(x, y, members[0]["id"])
                    if rel is None:
                        problems.append("(%s, %s): copies of one story with no copy relation "
                                        "(jaccard %.3f, containment %.3f)" % (a, b, jac, con))
                        continue
                    put(x["id"], y["id"], rel, note)
    return labels, problems


def check_text(doc):
    """No default-ignorable or unassigned code points: echoes removes soft hyphens and
    zero-width characters, which the reference normalization treats as separators."""
    for ch in doc["text"]:
        if unicodedata.category(ch) in ("Cf", "Cs", "Co", "Cn"):
            return "%s holds U+%04X (%s)" % (doc["id"], ord(ch), unicodedata.category(ch))
    return None


def representative(members):
    """echoes' rule: earliest date (dated before undated), then longest text, then first read."""
    def key(pair):
        order, d = pair
        return (d["date"] is None, d["date"] or "", -len(d["text"].encode("utf-8")), order)
    return min(enumerate(members), key=key)[1]["id"]


def main():
    c = build()
    problems = [p for p in (check_text(d) for d in c.docs) if p]
    labels, label_problems = make_labels(c)
    problems.extend(label_problems)
    if problems:
        for p in problems:
            print("build_sample: %s" % p, file=sys.stderr)
        print("build_sample: %d problem(s); nothing written" % len(problems), file=sys.stderr)
        return 1

    news_path = os.path.join(HERE, "news.jsonl")
    labels_path = os.path.join(HERE, "labels.jsonl")
    with open(news_path, "w", encoding="utf-8", newline="\n") as f:
        for d in c.docs:
            rec = {"id": d["id"]}
            if d["date"]:
                rec["date"] = d["date"]
            rec["text"] = d["text"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(labels_path, "w", encoding="utf-8", newline="\n") as f:
        for (a, b), (rel, note) in sorted(labels.items()):
            f.write(json.dumps({"a": a, "b": b, "relation": rel, "note": note},
                               ensure_ascii=False) + "\n")

    counts = {}
    for rel, _ in labels.values():
        counts[rel] = counts.get(rel, 0) + 1
    print("wrote %s: %d documents (%d dated)" % (
        os.path.relpath(news_path), len(c.docs), sum(1 for d in c.docs if d["date"])))
    print("wrote %s: %d pairs (%s)" % (
        os.path.relpath(labels_path), len(labels),
        ", ".join("%s %d" % (r, counts.get(r, 0)) for r in ref.RELATIONS)))
    print("representatives of the copy groups (earliest date, longest, first read):")
    families = {}
    for d in c.docs:
        if d["family"]:
            families.setdefault(d["family"], []).append(d)
    for fam, members in families.items():
        copies = [d for d in members if d["kind"] in COPY_KINDS]
        linked = [d for d in members if d["kind"] != "same_event"]
        print("  %-14s copies only: %-28s with rewrites: %s" % (
            fam, representative(copies), representative(linked)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
