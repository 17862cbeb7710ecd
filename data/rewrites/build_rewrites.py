#!/usr/bin/env python3
"""Builds data/rewrites/: a held-out set for rewrite detection, written by the echoes
team (every story, name, place, figure and quote is invented).

Ten base stories; for each, two rewrites in different styles and two independent
stories about the same event that quote the same people. Writes texts.jsonl
({"id", "text"}) and labels.jsonl ({"a", "b", "relation", "style"}): 20 rewrite pairs
(styles: spin, rephrase, summary, moved, translation) and 20 same_event pairs.

This set was written after the rewrite thresholds were calibrated on data/sample and
is not used to set them: it measures how the calibration holds on texts it never saw.
Standard library only; deterministic.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# (id, base text, [(style, rewrite)], [same-event stories])
STORIES = [
    ("dam", """Engineers opened two spillway gates at the Corrow Dam on Tuesday after three days of heavy rain pushed the reservoir to its highest level in forty years.
The regional water authority said the release would raise the river downstream by about half a metre but would not flood homes.
Residents of Lower Fenwick were told to move cars away from the riverside road as a precaution.
"The dam is sound and the gates are doing exactly what they were built to do," said chief engineer Malia Toft.
The authority expects to close the gates by Friday if the forecast for drier weather holds.
Farmers downstream have asked for compensation for fields that were already waterlogged before the release.""",
     [("spin", """Technicians unlocked two overflow gates at the Corrow Dam on Tuesday after three days of intense rainfall drove the reservoir to its peak level in four decades.
The regional water board stated that the discharge would lift the river downstream by roughly half a metre but would not inundate houses.
People living in Lower Fenwick were advised to shift vehicles away from the riverside road as a safety measure.
"The dam is sound and the gates are doing exactly what they were built to do," said chief engineer Malia Toft.
The board anticipates shutting the gates by Friday if the prediction of drier conditions proves correct.
Growers downstream have requested compensation for land that was already saturated before the discharge."""),
      ("translation", """On Tuesday the engineers have opened two gates of the spillway at the dam of Corrow, after three days of strong rain brought the reservoir to its most high level since forty years.
The water authority of the region has said that the release will make the river rise downstream of about half a metre, but it will not flood the houses.
To the inhabitants of Lower Fenwick it was told to move the cars far from the road of the river, by precaution.
The authority waits to close the gates until Friday if the forecast of weather more dry stays true.
The farmers downstream have demanded a compensation for the fields that were already full of water before the release.""")],
     ["""Shops along the riverside road in Lower Fenwick spent Tuesday afternoon stacking sandbags, even though officials insisted there was no danger.
"The dam is sound and the gates are doing exactly what they were built to do," chief engineer Malia Toft told reporters at the Corrow Dam visitor centre.
Café owner Ben Arlott said he had heard that before, in 1984, when his father lost a cellar full of stock.
The council opened the school hall as a rest centre, but by evening only four people had used it.
Children gathered on the old bridge to watch the brown water rise against the pillars.""",
      """The Corrow reservoir has filled faster this autumn than at any time since records began, according to figures released by the regional water authority.
Hydrologists say the catchment's peat soils were already saturated after a wet summer, so almost all of the week's rain ran straight into the lake.
"The dam is sound and the gates are doing exactly what they were built to do," said chief engineer Malia Toft, adding that a full review of the spillway would follow in the spring.
Environmental groups want the authority to restore upland bogs that once held back floodwater.
The authority said it would publish its winter operating plan next month."""]),
    ("strike", """Bus drivers in Harlow Bay will walk out for forty-eight hours from Monday after talks over pay broke down late on Thursday.
The Transit Workers Union said its members had rejected a 3 percent offer that did not keep up with rising rents in the city.
The operator, CityLink, said it had offered the largest increase in a decade and called the strike unnecessary.
"Our drivers cannot afford to live in the city they keep moving," union organiser Dana Ruiz said.
CityLink plans to run a reduced service on the three busiest routes using managers who hold driving licences.
Schools have warned parents that pupils who rely on buses may need to be collected.""",
     [("rephrase", """Commuters in Harlow Bay face two days without most of their buses next week.
Negotiations between CityLink and the drivers collapsed on Thursday night, and the Transit Workers Union has called a forty-eight-hour stoppage starting on Monday.
At the heart of the dispute is a 3 percent raise, which union members voted down because, they say, rents in the city are climbing much faster.
CityLink insists the offer is its most generous in ten years and says a strike is not needed.
Managers with the right licences will drive buses on the three busiest lines, the company said.
Parents have been told by schools that children who normally take the bus may have to be picked up."""),
      ("summary", """Harlow Bay bus drivers strike for two days from Monday after rejecting a 3 percent pay offer from CityLink, which says it is the best raise in a decade.
The company will run a skeleton service on three routes, and schools have warned parents about pupils who ride the bus.""")],
     ["""Nurses, cleaners and shop workers who start early shifts in Harlow Bay are trying to work out how to get to work next week.
"Our drivers cannot afford to live in the city they keep moving," union organiser Dana Ruiz said outside the CityLink depot, where a small crowd of drivers had gathered.
Hospital managers said they would pay for taxis for staff on the night shift.
A cycling charity is offering free bike loans from its shop near the station.
Several employers in the business park told staff to work from home on Monday and Tuesday.""",
      """Harlow Bay's city council has asked the regional government for money to take its bus network back into public ownership.
Councillor Petra Lund said the walkout by drivers showed the limits of the current contract with CityLink, which runs until 2027.
"Our drivers cannot afford to live in the city they keep moving," said union organiser Dana Ruiz, who spoke at Wednesday's council meeting.
CityLink said a public takeover would cost taxpayers more than it saved.
The council will publish a study of the options in the new year."""]),
    ("library", """The Sandmere public library will reopen on Saturday after a two-year renovation that cost 4.2 million euros.
The nineteenth-century building now has a lift, a children's floor and a café overlooking the harbour.
Architects kept the original reading room and restored its painted ceiling, which had been hidden under plaster since the 1960s.
"People told us they wanted the old room back, and now they have it," head librarian Joren Wissel said.
The library will open on Sundays for the first time, with longer hours during school exams.
Membership remains free for everyone who lives in the district.""",
     [("moved", """The painted ceiling of the Sandmere library's reading room, hidden beneath plaster since the 1960s, has been restored by architects who chose to keep the original hall.
"People told us they wanted the old room back, and now they have it," head librarian Joren Wissel said.
The 4.2 million euro renovation took two years, and the library reopens this Saturday.
Visitors will find a lift, a floor given over to children and a café with a view of the harbour in the nineteenth-century building.
Residents of the district will still join for free.
For the first time the library will be open on Sundays, and hours will be extended while pupils sit their exams."""),
      ("spin", """Sandmere's public library is set to reopen its doors on Saturday following a two-year refurbishment costing 4.2 million euros.
The nineteenth-century building now features a lift, a dedicated children's level and a café looking out over the harbour.
Designers preserved the original reading room and brought back its painted ceiling, concealed beneath plaster since the 1960s.
"People told us they wanted the old room back, and now they have it," chief librarian Joren Wissel said.
The library will welcome visitors on Sundays for the first time, with extended opening during school examinations.
Joining stays free of charge for all residents of the district.""")],
     ["""Volunteers who saved thousands of books from the Sandmere library's flooded basement in 2021 will be guests of honour at Saturday's reopening.
Many of the rescued volumes, including parish records from the 1800s, spent a year being dried and cleaned at a university workshop.
"People told us they wanted the old room back, and now they have it," head librarian Joren Wissel said, but added that he was just as proud of the new climate-controlled archive.
The archive will let local historians consult the records by appointment.
A small exhibition in the entrance hall tells the story of the rescue.""",
      """Not everyone in Sandmere is celebrating the library's return.
Traders on Quay Street say the two-year closure drove away the foot traffic they depended on, and two bookshops closed during the works.
"People told us they wanted the old room back, and now they have it," head librarian Joren Wissel said when asked about the long closure.
The district council said the renovation had been delayed by the discovery of asbestos and by supply problems.
Traders have asked for a market day on Saturdays to bring shoppers back to the quay."""]),
    ("vote", """Voters in the canton of Altrey approved a plan on Sunday to ban cars from the old town centre on weekends.
The measure passed with 54 percent of the vote on a turnout of 61 percent.
Supporters said the change would make the narrow streets safer and help cafés and shops.
Opponents, including the taxi association, argued that older residents would find it harder to reach the clinic on Market Square.
"This is a vote for a quieter, friendlier centre," mayor Ilse Brandt said after the result was announced.
The ban will start in April, and delivery vans will be allowed in before ten in the morning.""",
     [("translation", """The voters of the canton Altrey have accepted on Sunday a plan for forbidding the cars in the centre of the old town during the weekends.
The measure has passed with 54 percent of the votes, with a participation of 61 percent.
The partisans have said that the change will make more safe the narrow streets and will help the cafés and the shops.
The opponents, among them the association of taxis, have argued that for the old residents it will be more difficult to reach the clinic of the Market Square.
The forbidding will begin in April, and the vans of delivery will be permitted before ten hours of the morning."""),
      ("rephrase", """From April, the old town of Altrey will be closed to cars every weekend.
That is the outcome of Sunday's cantonal vote, in which 54 percent backed the ban and 61 percent of voters took part.
Those in favour argued that its cramped lanes would become safer and that cafés and shops stood to gain.
The taxi association led the opposition, warning that elderly people would struggle to get to the clinic on Market Square.
Mayor Ilse Brandt welcomed the outcome as "a vote for a quieter, friendlier centre."
Delivery vans may still enter the zone until ten in the morning.""")],
     ["""Altrey's taxi drivers say they will ask the canton to let them pick up passengers at the edge of the old town after Sunday's vote to ban weekend traffic.
The taxi association had campaigned hard against the measure, warning of long walks for older passengers.
"This is a vote for a quieter, friendlier centre," mayor Ilse Brandt said, promising to meet the drivers within a month.
Drivers want a rank beside the clinic on Market Square.
The association's president said the result was disappointing but fair.""",
      """Cities across the region are watching Altrey after its voters backed weekend car bans in the old town.
Transport researchers say similar schemes in other towns raised shop takings after an initial dip, but results vary with parking on the edge of the zone.
"This is a vote for a quieter, friendlier centre," said Altrey mayor Ilse Brandt, whose office has already received calls from three other mayors.
Critics point out that Altrey's old town is unusually small and easy to walk across.
The canton will publish traffic counts every month after the ban begins."""]),
    ("whale", """A young humpback whale that swam into the port of Kessing on Wednesday was guided back to open water on Thursday morning.
Harbour staff first spotted the animal near the fuel jetty, where it circled slowly for several hours.
Marine biologists from the Kessing Ocean Institute followed it in two small boats and used recorded whale calls to lead it toward the harbour mouth.
"It was tired and confused, but it was not injured," biologist Sanne Okafor said.
Ferry services were held for about an hour while the whale passed the breakwater.
The institute asked boat owners to report any further sightings along the coast.""",
     [("summary", """A young humpback that entered Kessing harbour on Wednesday was led back to sea on Thursday by Kessing Ocean Institute biologists using recorded whale calls.
"It was tired and confused, but it was not injured," biologist Sanne Okafor said; ferries were delayed for about an hour."""),
      ("moved", """Ferries at Kessing were held for roughly an hour on Thursday morning as a young humpback whale made its way past the breakwater and out to sea.
"It was tired and confused, but it was not injured," said biologist Sanne Okafor of the Kessing Ocean Institute.
The whale had entered the port on Wednesday, and harbour workers first noticed it close to the fuel jetty, where it swam in slow circles for hours.
Biologists in two small boats then stayed with it, playing recordings of whale calls to draw it toward the mouth of the harbour.
Boat owners have been asked by the institute to report any more sightings along the coast.""")],
     ["""Crowds lined the Kessing harbour wall on Wednesday evening to watch a humpback whale circling near the fuel jetty.
Families brought picnics, and a local bakery handed out free buns to children waiting for the whale to surface.
"It was tired and confused, but it was not injured," biologist Sanne Okafor told the crowd through a loudhailer, asking people to keep their distance.
Police closed the jetty to stop people climbing onto the fuel pipes for a better view.
By Thursday lunchtime the whale had gone and the harbour was quiet again.""",
      """Humpback sightings along the northern coast have tripled in five years, according to the Kessing Ocean Institute.
Researchers think the whales are following shoals of herring that have moved closer to shore as the sea warms.
"It was tired and confused, but it was not injured," said biologist Sanne Okafor of the young whale that spent a night in Kessing port this week.
The institute is fitting acoustic recorders to navigation buoys to track the animals.
It wants ships to slow down in the bay during the autumn migration."""]),
    ("bakery", """The Hollins bakery chain will close eleven of its thirty shops by the end of March, putting about ninety jobs at risk.
The company blamed higher energy bills and the cost of flour, which it said had risen by a third in two years.
Staff at the closing shops will be offered jobs at the remaining branches where possible.
"We have tried everything to keep these shops open," managing director Orla Hollins said.
The chain will keep its central bakery in Dunmere, which supplies supermarkets as well as its own shops.
The union representing bakery workers said it would seek talks to save as many jobs as possible.""",
     [("spin", """The Hollins bakery group is to shut eleven of its thirty outlets by the close of March, placing roughly ninety posts in jeopardy.
The firm pointed to steeper energy costs and the price of flour, which it said had climbed by a third over two years.
Employees at the affected outlets will be offered positions at the surviving branches where feasible.
"We have tried everything to keep these shops open," managing director Orla Hollins said.
The group will retain its main bakery in Dunmere, which also supplies supermarkets in addition to its own outlets.
The union for bakery staff said it would press for talks to protect as many posts as it can."""),
      ("rephrase", """About ninety people who work for Hollins could lose their jobs: the bakery chain says a third of its thirty shops, eleven in all, will close before the end of March.
Energy bills and flour prices, up by a third in two years, are to blame, according to the company.
Where it can, Hollins will move staff from the shops that close into the branches that stay open.
Managing director Orla Hollins said the family firm had "tried everything to keep these shops open."
Its Dunmere bakery, which makes bread for supermarkets as well as for the chain, is not affected.
The bakery workers' union wants talks to save jobs.""")],
     ["""For thirty years the Hollins shop on Pell Street has been where the street's early risers meet for coffee and a warm roll.
Its regulars learned on Monday that it is one of eleven branches the chain will close in March.
"We have tried everything to keep these shops open," managing director Orla Hollins said, but customers have started a petition asking the company to think again.
By Tuesday evening it had more than two thousand signatures.
Staff said they had been told little beyond the closing date.""",
      """Independent bakers say rising costs are hitting small firms even harder than chains such as Hollins, which announced shop closures this week.
The national bakers' federation said one in five of its members had cut opening hours since last winter.
"We have tried everything to keep these shops open," Hollins managing director Orla Hollins said of her company's decision, words many smaller bakers echoed.
The federation wants a cut in the energy levy for food producers.
Flour millers say prices should ease after a good harvest."""]),
    ("rescue", """Mountain rescuers brought two hikers down from the Greyhorn ridge early on Sunday after they were caught by fog and spent the night in a shelter hut.
The pair, both in their twenties, had set out on Saturday morning without a map and lost the path near the summit.
They called for help shortly after dark, and a team of eight rescuers reached them at about two in the morning.
"They did the right thing by staying put and keeping warm," team leader Aksel Brun said.
Neither hiker was injured, though one was treated for mild hypothermia.
The rescue service reminded walkers to check the forecast and to carry a map and a torch.""",
     [("translation", """The rescuers of the mountain have brought down two walkers from the ridge of the Greyhorn early on Sunday, after the fog surprised them and they have passed the night in a hut of shelter.
The two, both in their twenties, had left on Saturday morning without a map and had lost the path near the summit.
They have called for help a little after the night fell, and a team of eight rescuers has reached them toward two hours of the morning.
No walker was wounded, but one was treated for a light hypothermia.
The service of rescue has reminded to the walkers to verify the weather forecast and to carry a map and a lamp."""),
      ("summary", """Two hikers in their twenties who lost the Greyhorn path in fog without a map were brought down by eight mountain rescuers early on Sunday after a night in a shelter hut.
"They did the right thing by staying put and keeping warm," team leader Aksel Brun said; one was treated for mild hypothermia.""")],
     ["""The Greyhorn mountain rescue team has been called out 41 times this year, already more than in any previous year, its annual report says.
Most callouts involve walkers who are lost rather than injured, often after following routes from phone apps that do not show bad weather.
"They did the right thing by staying put and keeping warm," team leader Aksel Brun said of the two hikers rescued from the ridge on Sunday.
The team is entirely volunteer and relies on donations for its vehicles and radios.
It will hold an open day at its base in October.""",
      """The shelter hut below the Greyhorn summit, where two lost hikers spent Saturday night, is due to be rebuilt next summer.
The hut was built by shepherds in 1923 and has a leaking roof and no working stove.
"They did the right thing by staying put and keeping warm," rescue team leader Aksel Brun said, adding that the hut had probably saved the pair from a far worse night.
A walkers' club has raised half of the 60,000 euros needed for the work.
The park authority will pay the rest."""]),
    ("festival", """The Veldra jazz festival sold out all of its weekend tickets within six hours on Tuesday, a record for the event.
Organisers said 18,000 passes were sold, many to visitors from outside the country.
This year's line-up includes the pianist Amara Celik and a reunion of the band Northern Lights, which last played together in 2009.
"We knew the line-up was strong, but we did not expect this," festival director Tomas Vey said.
The festival will add a free stage in the park for people without tickets.
Hotels in Veldra reported that most rooms for the festival weekend were already booked.""",
     [("moved", """Veldra's hotels say almost every room is taken for the jazz festival weekend, after all of its weekend passes were snapped up in six hours on Tuesday.
"We knew the line-up was strong, but we did not expect this," festival director Tomas Vey said.
Organisers sold 18,000 passes, many of them to visitors from abroad, beating any previous year.
Pianist Amara Celik is on the bill, as is a reunited Northern Lights, who have not shared a stage since 2009.
People who missed out can use a free stage the festival will set up in the park."""),
      ("spin", """All weekend tickets for the Veldra jazz festival were gone within six hours on Tuesday, a first for the event.
Organisers stated that 18,000 passes had been purchased, many by guests from abroad.
This year's programme features pianist Amara Celik and a comeback of the group Northern Lights, which last performed together in 2009.
"We knew the line-up was strong, but we did not expect this," festival director Tomas Vey said.
The festival will provide a free stage in the park for those without tickets.
Hotels in Veldra indicated that most rooms for the festival weekend were already reserved.""")],
     ["""Fans who failed to get Veldra jazz festival tickets on Tuesday complained that the booking website crashed repeatedly in the first hour.
Some said they had waited in an online queue for three hours only to be told that passes had sold out.
"We knew the line-up was strong, but we did not expect this," festival director Tomas Vey said, apologising for the problems with the site.
Resale of passes above face value is banned, and the festival said it would cancel tickets found on resale sites.
A small number of returned passes will go on sale in June.""",
      """The reunion of Northern Lights at the Veldra jazz festival will be the band's first concert in fifteen years.
Saxophonist Ruth Garin said the members had stayed friends but had never found a summer when all five were free.
"We knew the line-up was strong, but we did not expect this," festival director Tomas Vey said, crediting the reunion for much of the demand.
The band plans to record a live album of the show.
Garin said there were no plans for a tour."""]),
    ("school", """A primary school in Tarnby will close for two weeks after cracks were found in the ceiling of its main hall.
Inspectors discovered the damage during a routine check on Monday and ordered the building to be cleared the same day.
The school's 240 pupils will be taught in classrooms at the secondary school across the road while repairs are made.
"The safety of the children comes first, and we will not reopen until engineers are certain," head teacher Grete Salo said.
The district said the cracks were caused by a leaking roof drain that had soaked the plaster for months.
Repairs are expected to cost about 150,000 euros.""",
     [("rephrase", """Tarnby's primary school is shut for the next fortnight.
During a routine inspection on Monday, cracks were spotted in the ceiling of the main hall, and the building was evacuated that afternoon.
Its 240 children will have lessons in spare rooms at the secondary school on the other side of the road until the work is finished.
Head teacher Grete Salo said the school would stay closed "until engineers are certain", adding that the children's safety came first.
According to the district, a roof drain had been leaking for months and had soaked the plaster.
The repair bill is estimated at around 150,000 euros."""),
      ("translation", """A school primary in Tarnby will be closed for two weeks after that cracks were found in the ceiling of its great hall.
The inspectors have discovered the damage during a control of routine on Monday and have ordered to empty the building the same day.
The 240 pupils of the school will be taught in the classes of the school secondary on the other side of the road during the repairs.
The district has said that the cracks were caused by a drain of the roof which leaked and had wetted the plaster since months.
The repairs should cost about 150,000 euros.""")],
     ["""Parents in Tarnby have asked why a leaking drain at the primary school was not fixed months ago, after cracks forced the building to close.
At a crowded meeting on Tuesday, several said they had reported water stains in the hall last winter.
"The safety of the children comes first, and we will not reopen until engineers are certain," head teacher Grete Salo told the meeting.
The district's buildings manager said the reports had been logged but the repair was not treated as urgent.
An independent review of school maintenance will report in the spring.""",
      """Teachers at Tarnby's secondary school have given up their staff room and two science labs to make space for 240 primary pupils.
Older students have volunteered to help at lunchtime and to walk the younger children across the road each morning.
"The safety of the children comes first, and we will not reopen until engineers are certain," primary head teacher Grete Salo said, thanking the secondary school for its help.
The arrangement is expected to last two weeks.
The secondary school's own timetable has been changed so that exams are not disturbed."""]),
    ("airport", """Kelmont airport will build a second runway after the regional government approved the plan on Wednesday.
The 900 million euro project is expected to take six years and will allow the airport to handle twice as many flights.
Supporters say the expansion will bring jobs and more direct routes to the region's businesses.
Residents of nearby villages fear more noise and traffic, and an environmental group has promised to challenge the decision in court.
"This runway will connect our region to the world," regional president Lena Dorsch said.
Construction is due to begin next spring once the final permits are granted.""",
     [("summary", """The regional government approved a second runway at Kelmont airport on Wednesday: a six-year, 900 million euro project that would double flights.
"This runway will connect our region to the world," president Lena Dorsch said, while villagers fear noise and an environmental group plans a court challenge."""),
      ("spin", """Kelmont airport is to construct a second runway after the regional administration backed the scheme on Wednesday.
The 900 million euro development is projected to last six years and will enable the airport to manage twice as many flights.
Backers argue the expansion will create employment and additional direct connections for the region's companies.
People in neighbouring villages worry about extra noise and traffic, and an environmental organisation has vowed to contest the ruling in court.
"This runway will connect our region to the world," regional president Lena Dorsch said.
Building work is scheduled to start next spring once the last permits are issued.""")],
     ["""In the village of Osterby, under the planned flight path of Kelmont airport's new runway, residents met on Wednesday night to plan their response.
Many moved to the village for its quiet and now expect planes overhead every few minutes.
"This runway will connect our region to the world," regional president Lena Dorsch said earlier in the day, a line several residents repeated with bitterness.
The village council wants the airport to pay for soundproof windows.
Some families say they will try to sell their homes before construction starts.""",
      """Airlines have welcomed Kelmont's second runway, saying the airport has been turning away new routes for years.
A budget carrier said it would base four more aircraft at Kelmont once the runway opens, and a long-haul airline is studying flights to Asia.
"This runway will connect our region to the world," regional president Lena Dorsch said at the announcement.
Analysts warn that passenger forecasts made before the pandemic may be too optimistic.
The airport's owners will publish a new forecast this year."""]),
]


def main():
    texts, labels = [], []
    for sid, base, rewrites, same_event in STORIES:
        texts.append({"id": f"{sid}-base", "text": base})
        for k, (style, text) in enumerate(rewrites, 1):
            rid = f"{sid}-rewrite-{style}"
            texts.append({"id": rid, "text": text})
            labels.append({"a": f"{sid}-base", "b": rid, "relation": "rewrite", "style": style})
        for k, text in enumerate(same_event, 1):
            eid = f"{sid}-same-event-{k}"
            texts.append({"id": eid, "text": text})
            labels.append({"a": f"{sid}-base", "b": eid, "relation": "same_event", "style": "angle"})
    with open(os.path.join(HERE, "texts.jsonl"), "w") as f:
        for t in texts:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "labels.jsonl"), "w") as f:
        for l in labels:
            f.write(json.dumps(l) + "\n")
    print(f"{len(texts)} texts, {sum(l['relation'] == 'rewrite' for l in labels)} rewrite pairs, "
          f"{sum(l['relation'] == 'same_event' for l in labels)} same-event pairs")


if __name__ == "__main__":
    main()
