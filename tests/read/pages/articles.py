"""The fictional news articles of the page fixtures (written for kg; no real site's text).

Each article: its slug, the layout that renders it (``generate.py``), its metadata and its paragraphs.
The text avoids abbreviations with a full stop ("Mr" not "Mr.") so that a sentence ends at ". ".
"""

ARTICLES = [
    {
        "slug": "ledger-port-strike",
        "layout": "broadsheet",
        "title": "Dock workers in Felixstowe vote to strike over automation plans",
        "author": "Helen Marsh",
        "date": "2026-03-04",
        "time": "07:30:00+00:00",
        "publisher": "The Daily Ledger",
        "url": "https://www.dailyledger.co.uk/business/2026/mar/04/felixstowe-dock-workers-strike-automation",
        "lang": "en-GB",
        "paragraphs": [
            "Dock workers at the Port of Felixstowe have voted to strike for two weeks in April after talks "
            "over automated cranes broke down. The Unite union said 91 per cent of members who took part backed "
            "the walkout, on a turnout of 78 per cent.",
            "Hutchison Ports, which runs the terminal, wants to bring in remotely operated cranes at two berths "
            "by next year. The company says the machines will make the port safer and keep it competitive with "
            "Rotterdam and Antwerp.",
            "Union officials argue that the plan would cut around 400 jobs over five years. Sharon Graham, the "
            "union's general secretary, said the workers had been left with no choice. \"This is a profitable "
            'port and these are skilled jobs that the company wants to throw away," she said.',
            "The port handles almost half of the container freight that enters Britain. Retailers warned that a "
            "long stoppage would delay stock for the Easter season and push up shipping costs.",
            "A spokesperson for Hutchison Ports said the company remained open to further talks through Acas. "
            "The Department for Transport said it was monitoring the situation closely.",
        ],
    },
    {
        "slug": "ledger-heat-pumps",
        "layout": "broadsheet",
        "title": "Heat pump installations double as grant scheme is extended",
        "author": "Rajesh Iyer",
        "date": "2026-01-19",
        "time": "16:05:00+00:00",
        "publisher": "The Daily Ledger",
        "url": "https://www.dailyledger.co.uk/environment/2026/jan/19/heat-pump-installations-double-grant",
        "lang": "en-GB",
        "paragraphs": [
            "The number of heat pumps fitted in British homes doubled last year, according to figures published "
            "by the Microgeneration Certification Scheme on Monday. Installers completed 98,000 systems in 2025, "
            "compared with 49,000 the year before.",
            "Ministers credited the Boiler Upgrade Scheme, which pays households £7,500 towards the cost of a "
            "new system. The energy secretary announced that the grant would run until 2029 instead of ending "
            "next spring.",
            "Industry groups welcomed the extension but said a shortage of trained engineers was slowing work "
            "in rural areas. The Heat Pump Association estimates that the sector needs another 30,000 "
            "installers by the end of the decade.",
            "Consumer groups warned that some households had been quoted far more than the average price. "
            "Which? said it had found quotes ranging from £9,000 to £21,000 for similar homes in the same town.",
        ],
    },
    {
        "slug": "ledger-library-funding",
        "layout": "broadsheet",
        "title": "Councils warn that one in ten public libraries could close",
        "author": "Grace Okonkwo",
        "date": "2025-11-27",
        "time": "06:00:00+00:00",
        "publisher": "The Daily Ledger",
        "url": "https://www.dailyledger.co.uk/society/2025/nov/27/councils-warn-libraries-could-close",
        "lang": "en-GB",
        "paragraphs": [
            "One in ten public libraries in England could close within three years unless councils receive "
            "more money, the Local Government Association has warned. A survey of 150 library services found "
            "that most had already cut opening hours since 2022.",
            "Libraries in Lancashire, Somerset and Kent are among those under review. Campaigners in Taunton have "
            "gathered more than 12,000 signatures against plans to merge the town's library with a council office.",
            "The association said libraries had become warm spaces, job centres and digital help desks as well "
            "as places to borrow books. It called on the government to set out a long-term funding settlement "
            "in the spring budget.",
            "The Department for Culture, Media and Sport said councils had a legal duty to provide a comprehensive "
            "library service. A spokesperson added that ministers would respond to the survey in due course.",
        ],
    },
    {
        "slug": "ledger-rail-timetable",
        "layout": "broadsheet",
        "title": "New rail timetable brings faster trains between Leeds and Manchester",
        "author": "Tom Whitfield",
        "date": "2026-05-17",
        "time": "09:15:00+01:00",
        "publisher": "The Daily Ledger",
        "url": "https://www.dailyledger.co.uk/uk-news/2026/may/17/rail-timetable-leeds-manchester-faster",
        "lang": "en-GB",
        "paragraphs": [
            "Passengers between Leeds and Manchester will save up to eleven minutes a journey from Sunday, when "
            "a new timetable comes into force across the north of England. Network Rail said electrification "
            "work near Huddersfield had allowed faster electric trains to run for the first time.",
            "TransPennine Express will run six fast trains an hour between the two cities at peak times. The "
            "operator said it had recruited 120 drivers over the past year to avoid the cancellations that "
            "marred previous timetable changes.",
            "Business leaders in Yorkshire said the improvement was overdue. The chief executive of the Leeds "
            "Chamber of Commerce said companies had waited two decades for a reliable service across the Pennines.",
            "The full upgrade of the line is not expected to finish until 2031. Engineers will close the route "
            "on several weekends this summer to rebuild the viaduct at Marsden.",
        ],
    },
    {
        "slug": "meridian-copper-chile",
        "layout": "wire",
        "title": "Chile copper output falls as drought hits northern mines",
        "author": "Lucia Fernandez",
        "date": "2026-02-11",
        "time": "14:22:00Z",
        "publisher": "Meridian Wire",
        "url": "https://www.meridianwire.com/markets/chile-copper-output-falls-drought-2026-02-11/",
        "lang": "en",
        "dateline": "SANTIAGO, Feb 11 (Meridian) - ",
        "paragraphs": [
            "Chile's copper production fell 6 percent in January from a year earlier as a drought in the Atacama "
            "region forced mines to slow processing, the national statistics agency said on Wednesday.",
            "State miner Codelco produced 101,000 tonnes in the month, its lowest January figure in more than two "
            "decades. Escondida, the world's largest copper mine, reported lower output after it cut water use at "
            "its concentrator plants.",
            "Copper prices on the London Metal Exchange rose 1.2 percent to $9,870 a tonne after the figures were "
            "released. Traders said the data added to concerns about tight supply later in the year.",
            "The government has pledged to speed up permits for desalination plants, which many mining companies "
            "see as the only long-term answer to water shortages. Chile supplies about a quarter of the world's "
            "mined copper.",
        ],
    },
    {
        "slug": "meridian-airline-merger",
        "layout": "wire",
        "title": "Nordic airlines agree merger to create regional carrier",
        "author": "Erik Lindqvist",
        "date": "2026-04-08",
        "time": "06:45:00Z",
        "publisher": "Meridian Wire",
        "url": "https://www.meridianwire.com/business/nordic-airlines-agree-merger-regional-carrier/",
        "lang": "en",
        "dateline": "STOCKHOLM, April 8 (Meridian) - ",
        "paragraphs": [
            "Two Nordic regional airlines, Fjordair and Baltic Connect, agreed on Wednesday to merge in a deal "
            "that values the combined company at about 4.2 billion Swedish crowns, the companies said in a joint "
            "statement.",
            "Fjordair shareholders will own 55 percent of the new airline, which will keep its headquarters in "
            "Stockholm and fly 48 aircraft to 70 destinations. The carriers said the deal would save 300 million "
            "crowns a year by 2028.",
            "The merger needs approval from the European Commission, which has blocked airline deals in the past "
            "over competition concerns. Analysts at Nordea said regulators were likely to demand that the airlines "
            "give up some take-off slots in Oslo.",
            "Shares in Fjordair jumped 14 percent in early trading. Baltic Connect is privately owned by a group of "
            "investors led by the Estonian fund Tallinn Capital.",
        ],
    },
    {
        "slug": "meridian-eu-chips",
        "layout": "wire",
        "title": "EU ministers back fund to build chip plants in Europe",
        "author": "Anna Kowalczyk",
        "date": "2026-02-24",
        "time": None,
        "publisher": "Meridian Wire",
        "url": "https://www.meridianwire.com/technology/eu-ministers-back-chip-fund/",
        "lang": "en",
        "dateline": "BRUSSELS, Feb 24, 2026 (Meridian) - ",
        "no_date_metadata": True,
        "paragraphs": [
            "European Union industry ministers backed a 12 billion euro fund on Tuesday to help companies build "
            "semiconductor plants in the bloc, as they seek to reduce Europe's reliance on chips made in Asia.",
            "The fund will offer loans and guarantees to projects that produce advanced chips or the equipment "
            "used to make them. Germany, France and the Netherlands are expected to receive the largest share of "
            "the money.",
            "Some smaller member states argued that the rules favoured countries that already host chip makers. "
            "Portugal's economy minister said the fund should reserve part of its budget for new regions.",
            "The European Parliament must still approve the plan before the first loans can be made next year.",
        ],
    },
    {
        "slug": "meridian-wheat-india",
        "layout": "wire",
        "title": "India extends ban on wheat exports after weak harvest",
        "author": "Vikram Sethi",
        "date": "2026-06-02",
        "time": "11:10:00Z",
        "publisher": "Meridian Wire",
        "url": "https://www.meridianwire.com/commodities/india-extends-wheat-export-ban/",
        "lang": "en",
        "dateline": "NEW DELHI, June 2 (Meridian) - ",
        "paragraphs": [
            "India will keep its ban on wheat exports in place for at least another year after a heatwave cut the "
            "harvest in the main growing states, the food ministry said on Tuesday.",
            "Government agencies have bought 26 million tonnes of wheat from farmers this season, well below their "
            "target of 31 million tonnes. Officials said the ban was needed to keep flour prices stable ahead of "
            "the festival season.",
            "Wheat futures in Chicago rose 2 percent after the announcement. Importers in Bangladesh and Indonesia, "
            "which bought Indian wheat before the first ban in 2022, will have to look to Russia and Australia.",
            "The ministry said it would review the policy if the monsoon brings good rains and the next crop recovers.",
        ],
    },
    {
        "slug": "fieldnotes-river-cleanup",
        "layout": "blog",
        "title": "Volunteers pull two tonnes of rubbish from the River Wear",
        "author": "Megan Doyle",
        "date": "2026-03-22",
        "time": "18:40:00+00:00",
        "publisher": "Northern Field Notes",
        "url": "https://northernfieldnotes.org/2026/03/22/volunteers-river-wear-cleanup/",
        "lang": "en-GB",
        "paragraphs": [
            "More than 200 volunteers spent Saturday wading along the River Wear in Durham, and by the end of the "
            "day they had pulled out two tonnes of rubbish. The haul included eleven shopping trolleys, a "
            "motorbike and a surprising number of traffic cones.",
            "The clean-up was organised by the Wear Rivers Trust, which holds one every spring. Its director, Paul "
            "Ashworth, told me the amount of plastic had fallen since the town banned single-use cups at its "
            "market.",
            "The trust tests the water every month and says sewage spills remain the bigger problem. Northumbrian "
            "Water reported 140 overflows into the river last year, more than in any year since records began.",
            "Volunteers said they would return in the autumn. Anyone who wants to join can sign up through the "
            "trust, which provides waders, gloves and a hot lunch.",
        ],
    },
    {
        "slug": "fieldnotes-bus-routes",
        "layout": "blog",
        "title": "Why the new county bus network is working in some villages and not others",
        "author": "Samir Haddad",
        "date": "2026-04-30",
        "time": "08:12:00+01:00",
        "publisher": "Northern Field Notes",
        "url": "https://northernfieldnotes.org/2026/04/30/county-bus-network-villages/",
        "lang": "en-GB",
        "paragraphs": [
            "Six months after Northumberland County Council redrew its bus map, passenger numbers are up by a "
            "fifth on the main routes. The picture in the smaller villages is very different.",
            "In Bellingham, the hourly service to Hexham has been a success, and the operator has added an evening "
            "bus on Fridays. In Elsdon, by contrast, the demand-responsive minibus that replaced the old route "
            "carried fewer than ten people a week in March.",
            "Residents told me the booking app was the problem. Many older passengers do not own smartphones, and "
            "the telephone line closes at four in the afternoon.",
            "The council says it will add a second booking line and review the scheme in September. Its transport "
            "lead, Gillian Reid, said the network had to be judged over a full year.",
        ],
    },
    {
        "slug": "fieldnotes-orchard",
        "layout": "blog",
        "title": "A community orchard returns to a former colliery site",
        "author": "Megan Doyle",
        "date": "2025-10-05",
        "time": "10:00:00+01:00",
        "publisher": "Northern Field Notes",
        "url": "https://northernfieldnotes.org/2025/10/05/community-orchard-colliery/",
        "lang": "en-GB",
        "paragraphs": [
            "On the slope where the Easington colliery tip once stood, forty apple trees are carrying their first "
            "real crop. The orchard was planted four years ago by residents working with the Durham Wildlife Trust.",
            "Most of the trees are old northern varieties, chosen because they cope with the wind off the North "
            "Sea. The trust grafted them from a collection kept at a walled garden near Morpeth.",
            "Volunteers pressed the first juice at a harvest day last weekend. Margaret Bell, whose father worked "
            "at the pit for thirty years, said it felt right that something was growing there again.",
            "The trust plans to add plums and pears next winter, and it wants local schools to take part in the "
            "planting.",
        ],
    },
    {
        "slug": "pulse-vaccine-trial",
        "layout": "amp",
        "title": "Malaria vaccine trial in Ghana shows strong protection in young children",
        "author": "Amara Nwosu",
        "date": "2026-07-14",
        "time": "13:00:00+00:00",
        "publisher": "Pulse Health News",
        "url": "https://www.pulsehealthnews.com/research/malaria-vaccine-trial-ghana-children",
        "lang": "en",
        "paragraphs": [
            "A new malaria vaccine cut cases of the disease by 74 percent in children under five during a two-year "
            "trial in northern Ghana, researchers reported in The Lancet on Tuesday.",
            "The trial enrolled 4,800 children in the Upper East region, where malaria spreads mostly during the "
            "rainy season. Children who received three doses before the rains and a booster a year later had the "
            "strongest protection.",
            "The vaccine was developed by a team at the Kintampo Health Research Centre with partners in Oxford. "
            "Its lead author said the results were the best yet seen for a vaccine given in a seasonal schedule.",
            "The World Health Organization will review the data before it decides whether to recommend the "
            "vaccine. Ghana's health ministry said it hoped to add it to the national programme by 2028.",
        ],
    },
    {
        "slug": "pulse-hospital-waits",
        "layout": "amp",
        "title": "Hospital waiting lists in Wales fall for the third month in a row",
        "author": "Owen Pritchard",
        "date": "2026-02-19",
        "time": "09:30:00+00:00",
        "publisher": "Pulse Health News",
        "url": "https://www.pulsehealthnews.com/wales/hospital-waiting-lists-fall-third-month",
        "lang": "en-GB",
        "paragraphs": [
            "The number of patient pathways waiting for hospital treatment in Wales fell for the third month in a "
            "row in December, official figures show. The total dropped to 781,000, down from a peak of 800,000 "
            "last summer.",
            "The Welsh Government said extra operating theatres at hospitals in Llanelli and Abergele had helped "
            "health boards treat more patients. The number of people waiting more than two years fell by a third.",
            "Doctors' leaders said the improvement was welcome but fragile. The British Medical Association in Wales "
            "warned that staff shortages in emergency departments could undo the progress over the winter.",
            "Opposition parties said Wales still had the longest waits in the United Kingdom.",
        ],
    },
    {
        "slug": "pulse-sleep-study",
        "layout": "amp",
        "title": "Teenagers who start school later sleep longer, study finds",
        "author": "Lena Brandt",
        "date": "2025-09-09",
        "time": "23:01:00+00:00",
        "publisher": "Pulse Health News",
        "url": "https://www.pulsehealthnews.com/research/teenagers-later-school-start-sleep",
        "lang": "en",
        "paragraphs": [
            "Teenagers whose schools moved their start time to 9.30am slept on average 34 minutes longer on school "
            "nights, according to a study of 2,600 pupils in Scotland and Ireland.",
            "The researchers at the University of Glasgow tracked pupils at twelve schools for a year using wrist "
            "monitors. Pupils at the schools with later starts also reported feeling less tired in lessons.",
            "Attendance rose slightly at the schools that changed their hours, but exam results did not change in "
            "the first year. The authors said a longer study was needed to measure any effect on grades.",
            "Several head teachers said the later start had made bus timetables and after-school clubs harder to "
            "arrange.",
        ],
    },
    {
        "slug": "gazette-harbour-wall",
        "layout": "regional",
        "title": "Harbour wall repairs to start after winter storms",
        "author": "Tom Hale",
        "date": "2026-03-12",
        "time": "12:00:00+00:00",
        "publisher": "Harbourside Gazette",
        "url": "https://www.harboursidegazette.co.uk/news/harbour-wall-repairs-start-winter-storms-7788123",
        "lang": "en-GB",
        "paragraphs": [
            "Work to repair the harbour wall at Porthleven will start next month after storms in January washed "
            "away part of the outer pier. Cornwall Council approved £2.3 million for the work at a meeting on "
            "Wednesday.",
            "Engineers found that waves had undermined the foundations of the wall along a stretch of about forty "
            "metres. The harbour master said boats had been moved to the inner basin as a precaution.",
            "Fishermen said the damage had cost them weeks of work at the start of the season. The council's "
            "cabinet member for economy, Louise Trewin, said the repairs would be finished before the summer.",
            "Contractors will use granite blocks from a quarry near Penryn to match the original Victorian stone.",
        ],
    },
    {
        "slug": "gazette-school-expansion",
        "layout": "regional",
        "title": "Primary school to add 60 places as new homes are built",
        "author": "Rachel Penrose",
        "date": "2026-01-28",
        "time": "07:00:00+00:00",
        "publisher": "Harbourside Gazette",
        "url": "https://www.harboursidegazette.co.uk/news/primary-school-add-places-new-homes-7761544",
        "lang": "en-GB",
        "paragraphs": [
            "A primary school in Helston will grow by 60 places to make room for children from a new housing "
            "estate on the edge of the town. Cornwall Council said two classrooms would be built on the playing "
            "field at Parc Eglos School.",
            "The developer of the estate, which will have 420 homes, is paying £1.1 million towards the work under "
            "its planning agreement. The first families are due to move in this summer.",
            "Parents welcomed the extra places but raised concerns about traffic on the road outside the school. "
            "The head teacher, Jenny Carew, said the school was working with the council on a new crossing.",
            "The classrooms are expected to open in September next year.",
        ],
    },
    {
        "slug": "gazette-lifeboat-rescue",
        "layout": "regional",
        "title": "Lifeboat crew rescue three walkers cut off by the tide",
        "author": "Tom Hale",
        "date": "2025-08-16",
        "time": "19:45:00+01:00",
        "publisher": "Harbourside Gazette",
        "url": "https://www.harboursidegazette.co.uk/news/lifeboat-rescue-walkers-tide-7702210",
        "lang": "en-GB",
        "paragraphs": [
            "Three walkers were rescued from a beach near Mullion on Friday evening after they were cut off by the "
            "rising tide. The Lizard lifeboat was launched shortly after six o'clock following a call to the "
            "coastguard.",
            "The crew found the group, two adults and a teenager, sheltering on rocks at the foot of the cliffs. "
            "They were taken back to the lifeboat station and checked by paramedics, but none needed hospital "
            "treatment.",
            "The RNLI urged visitors to check tide times before walking on beaches that can only be reached at low "
            "water. It was the crew's fourth call-out in a week.",
        ],
    },
    {
        "slug": "newsroom-live-election-count",
        "layout": "live",
        "title": "Scottish council by-elections: results as they happen",
        "author": "Fiona MacLeod",
        "date": "2026-05-08",
        "time": "01:15:00+01:00",
        "publisher": "Newsroom Scotland",
        "url": "https://www.newsroomscotland.com/live/council-by-elections-results",
        "lang": "en-GB",
        "paragraphs": [
            "Counting has finished in all four council by-elections held across Scotland on Thursday. The SNP held "
            "two seats, Labour gained one from the Conservatives and an independent won in the Highlands.",
            "The final result from Inverness Central has been declared. The independent candidate, Morag Fraser, "
            "won with 1,412 votes after the fourth round of counting.",
            "Turnout in the Glasgow seat was 24 per cent, the lowest of the four contests. Officials said the count "
            "had been delayed by a recount of the second preferences.",
            "In Dundee West End, Labour's Callum Reid took the seat from the Conservatives. He said voters wanted a "
            "council that fixed the roads and kept the libraries open.",
            "The SNP's candidate in Perth City North, Aileen Gray, held the seat for her party with a reduced "
            "majority.",
        ],
    },
    {
        "slug": "newsroom-live-storm",
        "layout": "live",
        "title": "Storm Ingrid: roads closed and ferries cancelled across the west",
        "author": "Euan Stewart",
        "date": "2026-01-09",
        "time": "06:30:00+00:00",
        "publisher": "Newsroom Scotland",
        "url": "https://www.newsroomscotland.com/live/storm-ingrid-roads-ferries",
        "lang": "en-GB",
        "paragraphs": [
            "The Met Office has extended its amber warning for wind until midnight. Gusts of up to 90mph are "
            "expected on exposed coasts of Argyll and the Western Isles.",
            "CalMac has cancelled all sailings to Mull, Islay and Arran for the rest of the day. The ferry operator "
            "said it would review the timetable at first light on Saturday.",
            "The A83 at the Rest and Be Thankful has been closed after a landslip. Traffic Scotland said drivers "
            "should use the Old Military Road, which is being run under convoy.",
            "About 14,000 homes are without power, most of them in Argyll. Scottish and Southern Electricity "
            "Networks said engineers were working to restore supplies as soon as it was safe.",
        ],
    },
    {
        "slug": "newsroom-live-budget",
        "layout": "live",
        "title": "Scottish budget 2026: the finance secretary sets out tax plans",
        "author": "Fiona MacLeod",
        "date": "2025-12-10",
        "time": "13:40:00+00:00",
        "publisher": "Newsroom Scotland",
        "url": "https://www.newsroomscotland.com/live/scottish-budget-2026-tax-plans",
        "lang": "en-GB",
        "paragraphs": [
            "The finance secretary has finished her statement to Holyrood. She confirmed that income tax bands will "
            "be frozen for another year and that the starter rate will rise with inflation.",
            "Councils will receive an extra £320 million, which ministers say will allow them to freeze council tax "
            "for a third year. Council leaders said the money would not cover rising social care costs.",
            "The health budget will grow by 3.4 per cent in real terms, the largest increase of any department. The "
            "finance secretary said the money would go towards cutting waiting times for operations.",
            "Opposition parties said the budget did nothing to help businesses facing higher energy bills.",
        ],
    },
]

#: Pages in other languages: read, reported and skipped (never parsed).
FOREIGN = [
    {
        "slug": "ledger-fr-greve",
        "layout": "broadsheet",
        "title": "Les dockers du Havre votent une grève contre l'automatisation",
        "author": "Claire Dubois",
        "date": "2026-03-05",
        "time": "08:00:00+01:00",
        "publisher": "Le Quotidien du Port",
        "url": "https://www.quotidienduport.fr/economie/dockers-havre-greve-automatisation",
        "lang": "fr",
        "paragraphs": [
            "Les dockers du port du Havre ont voté mercredi une grève de deux semaines pour protester contre le "
            "projet d'automatisation des grues du terminal de France. Selon le syndicat, neuf salariés sur dix ont "
            "soutenu le mouvement.",
            "La direction du port estime que les nouvelles machines amélioreront la sécurité et permettront de "
            "rester compétitif face à Anvers et Rotterdam. Les syndicats craignent la suppression de plusieurs "
            "centaines d'emplois.",
            "Les transporteurs redoutent des retards importants pour les marchandises attendues avant les fêtes "
            "de Pâques.",
        ],
    },
    {
        "slug": "meridian-de-bahn",
        "layout": "wire",
        "title": "Bahn kündigt neue Schnellverbindung zwischen Berlin und Warschau an",
        "author": "Jonas Becker",
        "date": "2026-04-14",
        "time": "10:00:00Z",
        "publisher": "Meridian Wire",
        "url": "https://www.meridianwire.com/de/bahn-schnellverbindung-berlin-warschau/",
        "lang": "de",
        "dateline": "BERLIN, 14. April (Meridian) - ",
        "paragraphs": [
            "Die Deutsche Bahn will ab Dezember eine neue Schnellverbindung zwischen Berlin und Warschau anbieten. "
            "Die Fahrzeit soll sich dadurch auf knapp vier Stunden verkürzen, teilte das Unternehmen am Dienstag mit.",
            "Die Züge sollen gemeinsam mit der polnischen Staatsbahn betrieben werden und viermal täglich fahren. "
            "Der Ausbau der Strecke zwischen Frankfurt an der Oder und Posen ist dafür weitgehend abgeschlossen.",
            "Fahrgastverbände begrüßten die Pläne, forderten aber günstigere Preise für Pendler.",
        ],
    },
    {
        "slug": "pulse-es-hospitales",
        "layout": "amp",
        "title": "Las listas de espera en los hospitales andaluces bajan por tercer mes",
        "author": "María López",
        "date": "2026-02-20",
        "time": "09:00:00+01:00",
        "publisher": "Pulso Salud",
        "url": "https://www.pulsosalud.es/andalucia/listas-espera-bajan",
        "lang": None,  # no declared language: the detector must find Spanish
        "paragraphs": [
            "El número de pacientes que esperan una operación en los hospitales de Andalucía bajó por tercer mes "
            "consecutivo en enero, según los datos publicados por la consejería de salud.",
            "La consejería atribuye la mejora a la apertura de nuevos quirófanos en Málaga y Sevilla y a los "
            "acuerdos con clínicas privadas. Los sindicatos médicos advierten de que la falta de personal sigue "
            "siendo el principal problema.",
            "La oposición señaló que Andalucía mantiene todavía una de las esperas más largas de España.",
        ],
    },
]
