"""Held-out pages, written after kg/read/html.py (the 20 pages of ``articles.py`` came before it): two layouts
none of the 20 has, with other class names for their notices and rights lines, to see whether the extraction
was fitted to the first pages. ``python tests/read/pages/heldout.py`` writes them into ``heldout/``."""

from __future__ import annotations

import html
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import COMMENTS, RELATED, css, menu, script, truth  # noqa: E402

HELDOUT = [
    {
        "slug": "quarterly-glassworks",
        "layout": "magazine",
        "title": "The last glassworks in Sunderland is hiring again",
        "author": "Ruth Calloway",
        "date": "2026-08-21",
        "time": "07:00:00+01:00",
        "publisher": "The Northern Quarterly",
        "url": "https://www.northernquarterly.co.uk/features/sunderland-glassworks-hiring",
        "lang": "en-GB",
        "paragraphs": [
            "The furnace at Hartley Wood has not gone out for eleven years, and this autumn it will need twelve "
            "more people to keep it fed. The glassworks on the banks of the Wear is the last of the dozens that "
            "once made the city famous for its windows and bottles.",
            "Its owner, Daniel Reay, bought the business from administrators in 2015 with two partners and a loan "
            "from the regional growth fund. He says orders from restoration projects have doubled since the war "
            "in Ukraine pushed up the price of imported glass.",
            "Apprentices spend two years learning to gather molten glass on a blowpipe before they are allowed to "
            "work on a commission. The company has asked Sunderland College to run a course for the first time "
            "since the 1980s.",
            "Not everyone is convinced the revival will last. Energy bills take a third of the firm's turnover, "
            "and Reay admits that one bad winter could close the furnace for good.",
        ],
    },
    {
        "slug": "quarterly-ferry-crew",
        "layout": "magazine",
        "title": "A night on the Shetland ferry with the crew who keep the islands supplied",
        "author": "Ishbel Grant",
        "date": "2026-02-03",
        "time": "06:30:00+00:00",
        "publisher": "The Northern Quarterly",
        "url": "https://www.northernquarterly.co.uk/features/shetland-ferry-night-crew",
        "lang": "en-GB",
        "paragraphs": [
            "The MV Hjaltland leaves Aberdeen at five in the evening and reaches Lerwick twelve hours later, "
            "whatever the North Sea is doing. On the night I travelled, the swell reached six metres off Fair Isle.",
            "Most of the cargo deck is taken up by lorries carrying food, fuel and medicines. The chief officer, "
            "Magnus Tulloch, said a cancelled sailing empties the supermarket shelves in Lerwick within two days.",
            "The crew work two weeks on and two weeks off, and many of them grew up in Shetland. Serco NorthLink, "
            "which runs the service, is due to hand it over to a new operator next year.",
            "Islanders have campaigned for a third vessel to be added before the contract changes hands.",
        ],
    },
    {
        "slug": "syndicate-solar-farm",
        "layout": "syndicated",
        "title": "Solar farm approved on former airfield despite objections",
        "author": "Callum Ferris",
        "date": "2026-09-30",
        "time": "15:20:00+01:00",
        "publisher": "Eastern Counties Newswire",
        "url": "https://www.easterncountiesnewswire.com/story/solar-farm-approved-former-airfield-5521",
        "lang": "en",
        "paragraphs": [
            "A solar farm covering 120 hectares of a former RAF airfield in Norfolk has been approved by planners, "
            "despite objections from more than 300 residents. Breckland Council voted eight to five in favour on "
            "Tuesday evening.",
            "The developer, Fenland Renewables, says the scheme will generate enough electricity for 28,000 homes "
            "and pay £150,000 a year into a community fund. Panels will be mounted on frames so that sheep can "
            "graze beneath them.",
            "Objectors argued that the site should be kept for food production and that the panels would spoil "
            "views from a nearby church. The parish council said it would consider asking for a judicial review.",
            "Construction is expected to begin next spring and to take about nine months.",
        ],
    },
    {
        "slug": "syndicate-hospital-parking",
        "layout": "syndicated",
        "title": "Hospital scraps parking charges for night-shift staff",
        "author": "Priya Raman",
        "date": "2026-10-14",
        "time": "09:05:00+01:00",
        "publisher": "Eastern Counties Newswire",
        "url": "https://www.easterncountiesnewswire.com/story/hospital-parking-night-shift-staff-5604",
        "lang": "en",
        "paragraphs": [
            "Night-shift staff at Ipswich Hospital will no longer pay to park, the hospital trust announced on "
            "Wednesday. The change follows a petition signed by more than 1,800 nurses, porters and cleaners.",
            "Staff had been paying up to £45 a month for a permit, and many said buses did not run late enough for "
            "them to leave their cars at home. The trust said the change would cost it around £200,000 a year.",
            "Unison welcomed the decision but said day staff on low pay should be next. The trust said it would "
            "review charges for all employees when its new car park opens in 2027.",
        ],
    },
]

NOTICE = "This feature appears in our autumn print edition, available in shops now."
RIGHTS = "Reproduction of this feature in any form requires the written consent of the publisher."
BIO = "Ruth Calloway writes about industry and work in the north of England for the magazine."
SYNDICATION = "This story was supplied to member titles by the newswire and may be republished by subscribers."
TRENDING = "Readers who liked this story also read our guide to the best walks on the coast."


def links(base: str, path: str, headlines: list[str]) -> str:
    """A list of links to other stories."""
    return "".join(f'<li><a href="{base}/{path}/{i}">{h}</a></li>' for i, h in enumerate(headlines))


def magazine(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A long-form magazine page: hero, drop cap, pull quote, author box, print-edition notice."""
    base = "https://" + a["url"].split("/")[2]
    heads = rng.sample(RELATED, 4)
    ld = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": a["title"],
        "datePublished": f"{a['date']}T{a['time']}",
        "author": {"@type": "Person", "name": a["author"]},
        "publisher": {"@type": "Organization", "name": a["publisher"]},
    }
    body = []
    for i, p in enumerate(a["paragraphs"]):
        body.append(f'<p class="{"has-dropcap" if i == 0 else "body-copy"}">{html.escape(p, quote=False)}</p>')
        if i == 1:
            body.append(f'<aside class="pullquote"><blockquote>{html.escape(p.split(". ")[0])}</blockquote></aside>')
    page = f"""<!DOCTYPE html>
<html lang="{a["lang"]}"><head><meta charset="utf-8"><title>{html.escape(a["title"])} — {a["publisher"]}</title>
<meta property="og:title" content="{html.escape(a["title"])}"><meta property="og:site_name" content="{a["publisher"]}">
<meta property="og:url" content="{a["url"]}"><link rel="canonical" href="{a["url"]}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<style>{css(rng, "mag", 420)}</style><script>{script(rng, "magazine", 16000)}</script></head>
<body><div class="site-message" role="status"><p>{NOTICE}</p></div>
<header class="masthead"><a href="{base}/">{a["publisher"]}</a><nav class="drawer">{menu(rng, base, 90)}</nav></header>
<main><article class="feature"><div class="hero"><h1 class="feature__title">{html.escape(a["title"])}</h1>
<p class="feature__standfirst">Words by {a["author"]}</p></div>
<section class="feature__body">{"".join(body)}</section>
<section class="author-box"><p>{BIO}</p></section>
<p class="legal-line">{RIGHTS}</p></article>
<section class="more-features"><h2>More features</h2><ul>{links(base, "f", heads)}</ul></section>
</main><footer>{menu(rng, base, 40)}</footer><script>{script(rng, "mag-footer", 9000)}</script></body></html>
"""
    return page, [NOTICE, RIGHTS, BIO, *heads]


def syndicated(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A newswire story syndicated to member papers: syndication line, trending box, rights line, comments."""
    base = "https://" + a["url"].split("/")[2]
    heads = rng.sample(RELATED, 5)
    said = rng.sample(COMMENTS, 3)
    page = f"""<!DOCTYPE html>
<html lang="{a["lang"]}"><head><meta charset="utf-8"><title>{html.escape(a["title"])}</title>
<meta name="author" content="{a["author"]}"><meta property="og:site_name" content="{a["publisher"]}">
<meta property="og:title" content="{html.escape(a["title"])}"><meta name="pubdate" content="{a["date"]}T{a["time"]}">
<link rel="canonical" href="{a["url"]}"><style>{css(rng, "syn", 380)}</style>
<script>{script(rng, "syndication", 18000)}</script></head>
<body><header><a href="{base}/">{a["publisher"]}</a><nav>{menu(rng, base, 75)}</nav></header>
<div id="content"><div class="story-wrap"><h1>{html.escape(a["title"])}</h1>
<div class="story-byline">{a["author"]} | <span class="story-date">{a["date"]}</span></div>
<div class="story-text">{"".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a["paragraphs"])}
<p class="syndication-note"><em>{SYNDICATION}</em></p></div>
<div class="trending-box"><p>{TRENDING}</p><ul>{links(base, "s", heads)}</ul></div>
<div class="rights">{RIGHTS}</div>
<div class="discussion"><h3>Discussion</h3>{"".join(f'<div class="post"><p>{c}</p></div>' for c in said)}</div>
</div></div><footer>{menu(rng, base, 30)}</footer><script>{script(rng, "syn-footer", 8000)}</script></body></html>
"""
    return page, [SYNDICATION, TRENDING, RIGHTS, *said, *heads]


def main() -> None:
    """Write the held-out pages and their truth files."""
    folder = HERE / "heldout"
    folder.mkdir(exist_ok=True)
    for article in HELDOUT:
        rng = random.Random(article["slug"])
        page, boilerplate = {"magazine": magazine, "syndicated": syndicated}[article["layout"]](article, rng)
        (folder / f"{article['slug']}.html").write_text(page, encoding="utf-8")
        (folder / f"{article['slug']}.truth.json").write_text(
            json.dumps(truth(article, boilerplate), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"heldout/{article['slug']}.html\t{len(page.encode()):,} bytes")


if __name__ == "__main__":
    main()
