"""Write the saved-page fixtures of issue 20: ``python tests/read/pages/generate.py`` (from the repository root).

Each article of ``articles.py`` is rendered by one of six page templates, each written for kg in the manner of
a kind of news site (none is a copy of a real site's page):

- ``broadsheet``: a national paper: mega-menu, cookie banner, share bar, JSON-LD ``NewsArticle``, ``og:*`` and
  ``article:published_time``, a "Most read" list and a newsletter box; ``<html lang="en-GB">``.
- ``wire``: a news agency: a dateline opening the text, a related-links rail, ``<meta name="author">`` and
  ``<time datetime>``, no JSON-LD; one page carries no date but its dateline's.
- ``blog``: a CMS blog (WordPress-like): Yoast-style JSON-LD ``@graph``, ``rel="author"`` byline, a long
  comment thread, tag cloud and sidebar widgets.
- ``amp``: an AMP page: ``<html ⚡>``, ``amp-boilerplate`` styles, ``amp-img``/``amp-ad``, JSON-LD with author
  and publisher objects, ``rel=canonical`` to the non-AMP page.
- ``regional``: a regional paper: ad slots between paragraphs, a paywall teaser, microdata
  (``itemprop="datePublished"``), a "Latest from the area" rail, reader comments teaser.
- ``live``: a live page: JSON-LD ``LiveBlogPosting``, timestamped entries, "Key events" links, a share bar.

Beside each page ``NAME.truth.json`` holds its article's sentences, boilerplate sentences that must not be
extracted, and its metadata (title, date, author, publisher, url, language). ``foreign/`` holds pages in other
languages (to be reported and skipped); ``hostile/`` pages that must each give one clear message. The page over
the size cap is not stored (it would be megabytes): :func:`huge_page` writes it where a test needs it.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES, FOREIGN  # noqa: E402

SECTIONS = [
    "News",
    "UK",
    "World",
    "Business",
    "Politics",
    "Technology",
    "Science",
    "Health",
    "Education",
    "Environment",
    "Sport",
    "Culture",
    "Travel",
    "Money",
    "Opinion",
    "Lifestyle",
    "Food",
    "Books",
    "Music",
    "Film",
]
SUBSECTIONS = [
    "Markets",
    "Companies",
    "Economics",
    "Personal finance",
    "Climate",
    "Energy",
    "Transport",
    "Housing",
    "Crime",
    "Courts",
    "Weather",
    "Obituaries",
    "Letters",
    "Podcasts",
    "Video",
    "Puzzles",
    "Crosswords",
    "Newsletters",
    "Events",
    "Archive",
]
RELATED = [
    "Ministers promise decision on new runway by the summer",
    "Inflation eases for a second month as food prices steady",
    "Drivers face delays as motorway bridge closes for repairs",
    "Museum returns bronze sculptures to Nigeria",
    "Water company fined over sewage spills into the Thames",
    "Supermarket chain to close twenty stores in restructuring",
    "Scientists map the genome of an ancient wheat variety",
    "Football club fined after fans invade the pitch",
    "Holiday bookings rise as airlines add summer flights",
    "Tenants win court case over damp council flats",
    "Energy regulator sets new price cap for the spring",
    "Teachers accept pay offer after months of talks",
    "Zoo welcomes the birth of twin red panda cubs",
    "Farmers protest over changes to inheritance tax",
    "Tech start-up raises funding for battery recycling",
    "Police appeal for witnesses after jewellery shop raid",
]
COMMENTS = [
    "This is exactly what happened in our town ten years ago and nobody learned anything.",
    "Great piece, thank you for covering this properly.",
    "I would like to know who is actually paying for all of this.",
    "My grandfather worked there for forty years and would be heartbroken.",
    "Does anyone know if the council published the full report?",
    "Another excellent article, keep up the good work.",
    "The comments section is the best part of this website.",
    "I have been saying this for years and finally someone listens.",
    "Sorry but this is one-sided, where is the other view?",
    "We went along last year and it was a brilliant day out for the kids.",
]
COOKIE = (
    "We use cookies and similar technologies to improve your experience, measure our audience and show "
    "personalised advertising."
)
NEWSLETTER = "Sign up to our morning briefing and get the day's top stories in your inbox."
PAYWALL = "You have read three of your five free articles this month."
SUBSCRIBE = "Subscribe today for unlimited access to local news you can trust."
COPYRIGHT = "All rights reserved and no part of this website may be reproduced without permission."
ADVERT = "Advertisement: switch your broadband today and save up to forty pounds a month."
LIVE_NOTICE = "Refresh the page to see the latest updates from our team."


def sentences(paragraph: str) -> list[str]:
    """The sentences of a fixture paragraph (its text has no abbreviation ending in a full stop)."""
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=[.!?][\"”])\s+(?=[A-Z])", paragraph) if s]


# --- filler: what makes a page weigh like a real one --------------------------------------------------


def css(rng: random.Random, prefix: str, rules: int) -> str:
    """A stylesheet of ``rules`` rules, like a site's inlined critical CSS."""
    props = [
        "margin:0 auto",
        "padding:{}px {}px",
        "font-size:{}px",
        "line-height:1.{}",
        "color:#{:06x}",
        "background:#{:06x}",
        "border-bottom:1px solid #{:06x}",
        "display:flex",
        "gap:{}px",
        "max-width:{}px",
        "letter-spacing:.0{}em",
        "grid-template-columns:repeat({},1fr)",
        "z-index:{}",
        "opacity:.{}",
    ]
    out = []
    for i in range(rules):
        chosen = rng.sample(props, 4)
        body = ";".join(
            p.format(*(rng.randint(1, 0xFFFFFF) if "#" in p else rng.randint(1, 40) for _ in range(2))) for p in chosen
        )
        out.append(f".{prefix}-{rng.choice(['nav', 'card', 'grid', 'ad', 'hdr', 'ftr', 'btn'])}__{i}{{{body}}}")
        if i % 25 == 0:
            out.append(f"@media (min-width:{rng.choice([600, 740, 980, 1140, 1300])}px){{.{prefix}-w{i}{{{body}}}}}")
    return "\n".join(out)


def script(rng: random.Random, name: str, size: int) -> str:
    """A script of about ``size`` characters: a config object and a minified-looking bundle."""
    config = {
        "site": name,
        "ads": {
            f"slot{i}": {"sizes": [[300, 250], [728, 90]], "targeting": {"pos": i, "kw": rng.sample(SECTIONS, 3)}}
            for i in range(8)
        },
        "analytics": {"id": f"UA-{rng.randint(10**6, 10**7)}-1", "consent": True, "sample": 0.25},
        "experiments": [f"exp_{rng.randint(100, 999)}_{v}" for v in "abcdefgh"],
    }
    words = ["function", "return", "var", "this", "null", "typeof", "window", "document", "push", "length"]
    body: list[str] = []
    written = 0
    while written < size:
        a, b = rng.choice("abcdefghijklmnopqrstuvwxyz"), rng.choice("abcdefghijklmnopqrstuvwxyz")
        body.append(
            f"function {a}{b}{rng.randint(0, 999)}(e,t){{{rng.choice(words)} e&&e.{a}?t.{b}(e[{rng.randint(0, 9)}]):"
            f'window.__q=(window.__q||[]).concat(["{rng.choice(words)}",{rng.randint(0, 9999)}]);}}'
        )
        written += len(body[-1])
    return f"window.__CONFIG__={json.dumps(config)};\n" + "".join(body)


def menu(rng: random.Random, base: str, links: int) -> str:
    """A navigation menu of ``links`` links (a mega-menu when many)."""
    items = []
    for i in range(links):
        section = SECTIONS[i % len(SECTIONS)]
        sub = SUBSECTIONS[(i * 7 + rng.randint(0, 5)) % len(SUBSECTIONS)]
        items.append(
            f'<li class="menu__item"><a href="{base}/{section.lower()}/{sub.lower().replace(" ", "-")}">'
            f"{sub if i >= len(SECTIONS) else section}</a></li>"
        )
    return '<ul class="menu">' + "".join(items) + "</ul>"


def related(rng: random.Random, base: str, count: int) -> tuple[str, list[str]]:
    """A list of related stories' links, and their headlines."""
    chosen = rng.sample(RELATED, count)
    links = "".join(
        f'<li><a href="{base}/news/{rng.randint(10**6, 10**7)}"><img src="{base}/img/{i}.jpg" alt="">'
        f"<span>{h}</span></a></li>"
        for i, h in enumerate(chosen)
    )
    return links, chosen


def ticker(rng: random.Random) -> str:
    """A strip of market prices."""
    return "".join(
        f"<span>IDX{i} {rng.randint(1000, 9999)}.{rng.randint(10, 99)} "
        f"{rng.choice('+-')}{rng.randint(0, 3)}.{rng.randint(0, 99)}%</span>"
        for i in range(40)
    )


def paragraphs_html(article: dict, *, between: str = "", every: int = 0) -> str:
    """The article's paragraphs as ``<p>``, with ``between`` (an ad) after every ``every`` paragraphs."""
    out = []
    for i, text in enumerate(article["paragraphs"]):
        lead = html.escape(article.get("dateline", "")) if i == 0 else ""
        out.append(f"<p>{lead}{html.escape(text, quote=False)}</p>")
        if every and (i + 1) % every == 0 and i + 1 < len(article["paragraphs"]):
            out.append(between)
    return "\n".join(out)


def iso(article: dict) -> str:
    """The article's publication time as ISO 8601 (its date alone when it has no time)."""
    return f"{article['date']}T{article['time']}" if article.get("time") else article["date"]


def lang_attr(article: dict, *, amp: bool = False) -> str:
    """The ``<html>`` tag's attributes."""
    lang = f' lang="{article["lang"]}"' if article.get("lang") else ""
    return (" ⚡" if amp else "") + lang


# --- the six layouts --------------------------------------------------------------------------------


def broadsheet(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A national paper's article page; the boilerplate sentences it shows."""
    base = "https://" + a["url"].split("/")[2]
    rel, heads = related(rng, base, 6)
    most = rng.sample([h for h in RELATED if h not in heads], 5)
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": iso(a),
        "dateModified": iso(a),
        "author": [{"@type": "Person", "name": a["author"], "url": f"{base}/profile/{a['author'].lower()}"}],
        "publisher": {
            "@type": "Organization",
            "name": a["publisher"],
            "logo": {"@type": "ImageObject", "url": f"{base}/logo.png"},
        },
        "mainEntityOfPage": a["url"],
        "isAccessibleForFree": True,
    }
    page = f"""<!DOCTYPE html>
<html{lang_attr(a)} class="js-off">
<head>
<meta charset="utf-8">
<title>{html.escape(a["title"])} | {a["publisher"]}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="{html.escape(a["paragraphs"][0][:150])}">
<meta property="og:title" content="{html.escape(a["title"])}">
<meta property="og:type" content="article">
<meta property="og:url" content="{a["url"]}">
<meta property="og:site_name" content="{a["publisher"]}">
<meta property="og:image" content="{base}/img/lead.jpg">
<meta property="article:published_time" content="{iso(a)}">
<meta property="article:section" content="{rng.choice(SECTIONS)}">
<meta name="author" content="{a["author"]}">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="{a["url"]}">
<link rel="preload" href="{base}/fonts/serif.woff2" as="font" crossorigin>
<style>{css(rng, "dl", 380)}</style>
<script type="application/ld+json">{json.dumps(jsonld)}</script>
<script>{script(rng, a["publisher"], 14000)}</script>
</head>
<body>
<div id="cookie-banner" class="consent" role="dialog"><p>{COOKIE}</p>
<button>Accept all</button><button>Manage preferences</button></div>
<header class="site-header"><a class="logo" href="{base}/">{a["publisher"]}</a>
<nav class="mega-menu" aria-label="Sections">{menu(rng, base, 120)}</nav>
<div class="support"><a href="{base}/subscribe">Subscribe</a> <a href="{base}/login">Sign in</a></div></header>
<main id="main">
<div class="ad ad--leaderboard" data-slot="top"><p>{ADVERT}</p></div>
<article class="article">
<header><p class="kicker"><a href="{base}/business">{rng.choice(SECTIONS)}</a></p>
<h1 class="headline">{html.escape(a["title"])}</h1>
<p class="byline">By <a href="{base}/profile/x" rel="author">{a["author"]}</a></p>
<p class="dateline"><time datetime="{iso(a)}">{a["date"]}</time></p>
<ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li>
<li><a href="#">Email</a></li></ul></header>
<figure><img src="{base}/img/lead.jpg" alt=""><figcaption>Photograph: Agency</figcaption></figure>
<div class="article-body">
{paragraphs_html(a)}
</div>
<aside class="newsletter"><p>{NEWSLETTER}</p><form><input type="email"><button>Sign up</button></form></aside>
</article>
<section class="related"><h2>More on this story</h2><ul>{rel}</ul></section>
<section class="most-read"><h2>Most read</h2><ol>{
        "".join(f'<li><a href="{base}/n/{i}">{h}</a></li>' for i, h in enumerate(most))
    }</ol></section>
</main>
<footer class="site-footer">{menu(rng, base, 40)}<p>{COPYRIGHT}</p></footer>
<script>{script(rng, "vendor", 9000)}</script>
</body>
</html>
"""
    return page, [COOKIE, NEWSLETTER, COPYRIGHT, ADVERT, *heads, *most]


def wire(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A news agency's story page."""
    base = "https://" + a["url"].split("/")[2]
    rel, heads = related(rng, base, 8)
    dated = not a.get("no_date_metadata")
    time_tag = f'<time datetime="{iso(a)}">{a["date"]}</time>' if dated else '<span class="updated">Updated</span>'
    meta_date = f'<meta name="article:published_time" content="{iso(a)}">' if dated else ""
    page = f"""<!DOCTYPE html>
<html{lang_attr(a)}>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{html.escape(a["title"])} - {a["publisher"]}</title>
<meta name="author" content="{a["author"]}">
<meta property="og:site_name" content="{a["publisher"]}">
<meta property="og:title" content="{html.escape(a["title"])}">
<meta property="og:url" content="{a["url"]}">
{meta_date}
<link rel="canonical" href="{a["url"]}">
<style>{css(rng, "mw", 300)}</style>
<script async src="{base}/static/bundle.js"></script>
<script>{script(rng, a["publisher"], 12000)}</script>
</head>
<body class="story-page">
<div class="top-bar"><a href="{base}/">{a["publisher"]}</a> <a href="{base}/markets">Markets data</a>
<a href="{base}/login">Log in</a></div>
<nav class="primary-nav">{menu(rng, base, 60)}</nav>
<div class="ticker-strip" aria-hidden="true">{ticker(rng)}</div>
<div class="layout">
<main class="story">
<h1>{html.escape(a["title"])}</h1>
<div class="story-meta"><span class="byline">By {a["author"]}</span> {time_tag}
<span class="read-time">3 min read</span></div>
<div class="story-body">
{paragraphs_html(a)}
<p class="trust">Reporting by {a["author"]}; Editing by the {a["publisher"]} desk</p>
</div>
<p class="standards">{COPYRIGHT}</p>
</main>
<aside class="rail"><h3>Related coverage</h3><ul>{rel}</ul>
<div class="ad" data-slot="rail"><p>{ADVERT}</p></div></aside>
</div>
<footer>{menu(rng, base, 30)}<p>{COOKIE}</p></footer>
<script>{script(rng, "tracking", 10000)}</script>
</body>
</html>
"""
    return page, [COPYRIGHT, ADVERT, COOKIE, *heads]


def blog(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A CMS blog post with comments."""
    base = "https://" + a["url"].split("/")[2]
    comments = rng.sample(COMMENTS, 7)
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": f"{base}/#website", "url": base, "name": a["publisher"]},
            {"@type": "WebPage", "@id": a["url"], "url": a["url"], "name": f"{a['title']} - {a['publisher']}"},
            {
                "@type": "Article",
                "headline": a["title"],
                "datePublished": iso(a),
                "author": {"@type": "Person", "name": a["author"]},
                "publisher": {"@id": f"{base}/#website"},
                "isPartOf": {"@id": a["url"]},
            },
        ],
    }
    thread = "".join(
        f'<li class="comment" id="comment-{i}"><div class="comment-author vcard"><b class="fn">reader{i}</b> '
        f'<span class="says">says:</span></div><div class="comment-meta"><a href="#comment-{i}">'
        f"{a['date']} at {rng.randint(8, 22)}:{rng.randint(10, 59)}</a></div>"
        f'<div class="comment-content"><p>{c}</p></div><div class="reply"><a href="#">Reply</a></div></li>'
        for i, c in enumerate(comments)
    )
    tags = "".join(f'<a href="{base}/tag/{s.lower()}" class="tag-cloud-link">{s}</a> ' for s in SUBSECTIONS)
    page = f"""<!DOCTYPE html>
<html{lang_attr(a)}>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(a["title"])} &#8211; {a["publisher"]}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{a["url"]}">
<meta property="og:locale" content="{(a.get("lang") or "en").replace("-", "_")}">
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(a["title"])}">
<meta property="og:url" content="{a["url"]}">
<meta property="og:site_name" content="{a["publisher"]}">
<meta property="article:published_time" content="{iso(a)}">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph)}</script>
<link rel="stylesheet" id="theme-css" href="{base}/wp-content/themes/field/style.css?ver=6.4" media="all">
<style id="global-styles-inline-css">{css(rng, "wp", 420)}</style>
<script id="jquery-core-js" src="{base}/wp-includes/js/jquery/jquery.min.js"></script>
<script>{script(rng, "wp-emoji", 11000)}</script>
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="{base}/">{a["publisher"]}</a></p>
<p class="site-description">Stories from the hills, rivers and towns of the north</p>
<nav id="site-navigation" class="main-navigation">{menu(rng, base, 45)}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{rng.randint(1000, 9999)}" class="post type-post status-publish format-standard">
<header class="entry-header"><h1 class="entry-title">{html.escape(a["title"])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{iso(a)}">
{a["date"]}</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" rel="author"
href="{base}/author/x/">{a["author"]}</a></span></span></div></header>
<div class="entry-content">
{paragraphs_html(a)}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="{base}/category/news/">News</a></span>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li></ul></div>
</footer></article>
<nav class="post-navigation"><a href="{base}/prev/" rel="prev">{rng.choice(RELATED)}</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">7 thoughts on this post</h2>
<ol class="comment-list">{thread}</ol>
<div id="respond"><h3>Leave a Reply</h3><p class="comment-notes">{NEWSLETTER}</p></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Tags</h2>{tags}</section>
<section class="widget"><h2>Archives</h2>{menu(rng, base, 24)}</section></aside></div>
<footer id="colophon"><p>{COPYRIGHT}</p><p>Proudly powered by a content management system</p></footer>
<script>{script(rng, "wp-footer", 8000)}</script>
</body>
</html>
"""
    return page, [*comments, NEWSLETTER, COPYRIGHT]


def amp(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """An AMP article page."""
    base = "https://" + a["url"].split("/")[2]
    rel, heads = related(rng, base, 5)
    jsonld = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a["url"]},
        "headline": a["title"],
        "datePublished": iso(a),
        "author": {"@type": "Person", "name": a["author"]},
        "publisher": {
            "@type": "Organization",
            "name": a["publisher"],
            "logo": {"@type": "ImageObject", "url": f"{base}/amp-logo.png", "width": 600, "height": 60},
        },
        "image": [f"{base}/img/{i}.jpg" for i in range(3)],
    }
    ad = '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/health"></amp-ad>'
    page = f"""<!doctype html>
<html{lang_attr(a, amp=True)}>
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<title>{html.escape(a["title"])}</title>
<link rel="canonical" href="{a["url"]}">
<meta name="viewport" content="width=device-width">
<script type="application/ld+json">{json.dumps(jsonld)}</script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s
steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style>
<noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>{css(rng, "amp", 520)}</style>
</head>
<body>
<amp-analytics type="googleanalytics"><script type="application/json">{
        json.dumps(
            {
                "vars": {"account": "UA-1"},
                "triggers": {f"t{i}": {"on": "visible", "request": "pageview"} for i in range(60)},
            }
        )
    }</script></amp-analytics>
<header class="amp-header"><a href="{base}/">{a["publisher"]}</a>
<amp-sidebar id="sidebar" layout="nodisplay"><nav>{menu(rng, base, 70)}</nav></amp-sidebar></header>
<article class="amp-article">
<h1>{html.escape(a["title"])}</h1>
<div class="meta"><span class="author">{a["author"]}</span></div>
<amp-img src="{base}/img/0.jpg" width="1200" height="675" layout="responsive" alt=""></amp-img>
<div class="article-text">
{paragraphs_html(a, between=ad, every=2)}
</div>
</article>
<section class="amp-related"><h2>Read more</h2><ul>{rel}</ul></section>
<div class="amp-newsletter"><p>{NEWSLETTER}</p></div>
<footer class="amp-footer"><p>{COPYRIGHT}</p><p>{COOKIE}</p></footer>
</body>
</html>
"""
    return page, [NEWSLETTER, COPYRIGHT, COOKIE, *heads]


def regional(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A regional paper's page with ads between paragraphs and a paywall teaser."""
    base = "https://" + a["url"].split("/")[2]
    rel, heads = related(rng, base, 6)
    ad = f'<div class="ad-slot mpu" data-ad="inline"><span class="ad-label">Advertisement</span><p>{ADVERT}</p></div>'
    teaser = rng.sample(COMMENTS, 2)
    page = f"""<!DOCTYPE html>
<html{lang_attr(a)}>
<head>
<meta charset="utf-8">
<title>{html.escape(a["title"])} | {a["publisher"]}</title>
<meta property="og:site_name" content="{a["publisher"]}">
<meta property="og:title" content="{html.escape(a["title"])}">
<meta name="twitter:site" content="@gazette">
<link rel="canonical" href="{a["url"]}">
<style>{css(rng, "rg", 340)}</style>
<script>{script(rng, "prebid", 16000)}</script>
<script>{script(rng, "paywall", 6000)}</script>
</head>
<body>
<div class="breaking-bar"><a href="{base}/live">Live: traffic and travel updates</a></div>
<header><a class="masthead" href="{base}/">{a["publisher"]}</a><nav>{menu(rng, base, 70)}</nav>
<div class="weather">Penzance 11°C Showers</div></header>
<div class="ad-slot billboard"><p>{ADVERT}</p></div>
<main>
<article itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="datePublished" content="{iso(a)}">
<meta itemprop="url" content="{a["url"]}">
<h1 itemprop="headline">{html.escape(a["title"])}</h1>
<div class="article-meta"><span class="byline" itemprop="author" itemscope itemtype="https://schema.org/Person">
By <span itemprop="name">{a["author"]}</span></span>
<span class="pubdate">Published {a["date"]}</span></div>
<div class="article-body" itemprop="articleBody">
{paragraphs_html(a, between=ad, every=1)}
</div>
<div class="paywall-teaser"><p>{PAYWALL}</p><p>{SUBSCRIBE}</p><a href="{base}/subscribe">Subscribe</a></div>
</article>
<section class="comments-teaser"><h3>Readers' comments (2)</h3>{
        "".join(f"<blockquote><p>{c}</p></blockquote>" for c in teaser)
    }</section>
<section class="latest"><h2>Latest from the area</h2><ul>{rel}</ul></section>
</main>
<footer>{menu(rng, base, 30)}<p>{COPYRIGHT}</p><div class="cookie-notice"><p>{COOKIE}</p></div></footer>
<script>{script(rng, "ads-footer", 7000)}</script>
</body>
</html>
"""
    return page, [ADVERT, PAYWALL, SUBSCRIBE, COPYRIGHT, COOKIE, *teaser, *heads]


def live(a: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A live page: timestamped entries, newest first."""
    base = "https://" + a["url"].split("/")[2]
    rel, heads = related(rng, base, 5)
    jsonld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": a["title"],
        "url": a["url"],
        "datePublished": iso(a),
        "coverageStartTime": iso(a),
        "author": {"@type": "Person", "name": a["author"]},
        "publisher": {"@type": "NewsMediaOrganization", "name": a["publisher"]},
    }
    hour = int(a["time"][:2]) if a.get("time") else 9
    entries = "".join(
        f'<div class="live-entry" id="post-{i}"><div class="entry-time"><time datetime="{a["date"]}T'
        f'{(hour + 4 - i) % 24:02d}:{rng.randint(10, 59)}:00Z">{(hour + 4 - i) % 24:02d}:{rng.randint(10, 59)}</time>'
        f'</div><div class="entry-body"><p>{html.escape(p, quote=False)}</p></div>'
        f'<div class="entry-share"><a href="#post-{i}">Share this post</a></div></div>'
        for i, p in enumerate(a["paragraphs"])
    )
    keys = "".join(
        f'<li><a href="#post-{i}">{html.escape(p.split(". ")[0][:60])}</a></li>'
        for i, p in enumerate(a["paragraphs"][:3])
    )
    page = f"""<!DOCTYPE html>
<html{lang_attr(a)}>
<head>
<meta charset="utf-8">
<title>{html.escape(a["title"])} - live updates - {a["publisher"]}</title>
<meta property="og:title" content="{html.escape(a["title"])}">
<meta property="og:site_name" content="{a["publisher"]}">
<meta property="og:url" content="{a["url"]}">
<meta name="author" content="{a["author"]}">
<link rel="canonical" href="{a["url"]}">
<script type="application/ld+json">{json.dumps(jsonld)}</script>
<style>{css(rng, "lv", 360)}</style>
<script>{script(rng, "live-poll", 15000)}</script>
</head>
<body>
<header class="masthead"><a href="{base}/">{a["publisher"]}</a><nav>{menu(rng, base, 80)}</nav></header>
<main class="live">
<h1>{html.escape(a["title"])}</h1>
<p class="live-byline">By {a["author"]}</p>
<div class="live-notice"><p>{LIVE_NOTICE}</p></div>
<section class="key-events"><h2>Key events</h2><ul>{keys}</ul></section>
<div class="live-feed">
{entries}
</div>
<button class="load-more">Show more updates</button>
</main>
<aside class="related"><h2>Related</h2><ul>{rel}</ul></aside>
<footer><p>{COPYRIGHT}</p><p>{NEWSLETTER}</p></footer>
<script>{script(rng, "live-footer", 6000)}</script>
</body>
</html>
"""
    return page, [LIVE_NOTICE, COPYRIGHT, NEWSLETTER, *heads]


LAYOUTS = {"broadsheet": broadsheet, "wire": wire, "blog": blog, "amp": amp, "regional": regional, "live": live}


def truth(article: dict, boilerplate: list[str]) -> dict:
    """The truth file of an article page."""
    first = [article.get("dateline", "") + article["paragraphs"][0], *article["paragraphs"][1:]]
    return {
        "layout": article["layout"],
        "title": article["title"],
        "date": article["date"],
        "date_from": "dateline" if article.get("no_date_metadata") else "metadata",
        "author": article["author"],
        "publisher": article["publisher"],
        "url": article["url"],
        "language": article.get("lang"),
        "sentences": [s for p in first for s in sentences(p)],
        "boilerplate": sorted(set(boilerplate)),
    }


def write_pages(folder: Path, articles: list[dict]) -> list[Path]:
    """Write each article's page and truth file into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for article in articles:
        rng = random.Random(article["slug"])
        page, boilerplate = LAYOUTS[article["layout"]](article, rng)
        path = folder / f"{article['slug']}.html"
        path.write_text(page, encoding="utf-8")
        (folder / f"{article['slug']}.truth.json").write_text(
            json.dumps(truth(article, boilerplate), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written


# --- hostile pages ------------------------------------------------------------------------------------


def mostly_links(rng: random.Random) -> str:
    """A page that is a directory of links with hardly a sentence of its own."""
    base = "https://www.linkfarm-news.example"
    blocks = "".join(
        f"<h3>{section}</h3><ul>"
        + "".join(
            f'<li><a href="{base}/{section.lower()}/{rng.randint(10**5, 10**6)}">{rng.choice(RELATED)}</a></li>'
            for _ in range(30)
        )
        + "</ul>"
        for section in SECTIONS
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>All the news links</title>
<link rel="canonical" href="{base}/links"><style>{css(rng, "lf", 120)}</style></head>
<body><nav>{menu(rng, base, 100)}</nav><main><h1>Today's links</h1>{blocks}</main>
<footer><p>{COPYRIGHT}</p></footer></body></html>
"""


def scripts_only(rng: random.Random) -> str:
    """A single-page app's shell: scripts and styles, no article in the HTML."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Loading…</title>
<style>{css(rng, "app", 300)}</style>
<script>{script(rng, "app-runtime", 30000)}</script>
<script>{script(rng, "app-main", 30000)}</script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script>{script(rng, "app-chunk", 8000)}</script></body></html>
"""


def lying_charset(rng: random.Random, *, declared: str, actual: str) -> tuple[bytes, dict]:
    """An article page whose ``<meta charset>`` says ``declared`` while its bytes are ``actual``."""
    article = {
        "slug": f"lying-charset-{actual}",
        "layout": "broadsheet",
        "title": "Café owners in Brontë country fear a £4m bypass will take their trade",
        "author": "Zoë Ellison",
        "date": "2026-06-18",
        "time": "10:20:00+01:00",
        "publisher": "The Daily Ledger",
        "url": f"https://www.dailyledger.co.uk/uk-news/2026/jun/18/haworth-bypass-cafes-{actual}",
        "lang": "en-GB",
        "paragraphs": [
            "Café and shop owners in Haworth, the West Yorkshire village where the Brontë sisters wrote their "
            "novels, say a planned £4m bypass will take visitors away from the cobbled main street.",
            "Bradford Council wants to build the road to cut the number of lorries passing the parsonage museum. "
            "Renée Holt, who runs a tearoom near the church, said footfall had already fallen by a fifth this year.",
            "The council said a public consultation would open in July and that no decision had been made. "
            "Campaigners plan a meeting at the village hall next week.",
        ],
    }
    page, boilerplate = broadsheet(article, rng)
    page = page.replace('<meta charset="utf-8">', f'<meta charset="{declared}">')
    data = page.encode(actual, errors="strict")
    record = truth(article, boilerplate)
    record["declared_charset"] = declared
    record["actual_charset"] = actual
    return data, record


def huge_page(path: Path, *, size: int) -> Path:
    """Write a page of at least ``size`` bytes (an article under megabytes of inlined script)."""
    rng = random.Random("huge")
    page, _ = broadsheet(ARTICLES[0], rng)
    padding = "<script>" + script(rng, "huge", size) + "</script>"
    path.write_text(page.replace("</head>", padding + "</head>"), encoding="utf-8")
    return path


def write_hostile(folder: Path) -> None:
    """Write the stored hostile pages and what each must give (``expected.json``)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random("hostile")
    (folder / "mostly-links.html").write_text(mostly_links(rng), encoding="utf-8")
    (folder / "scripts-only.html").write_text(scripts_only(rng), encoding="utf-8")
    for declared, actual in (("iso-8859-1", "utf-8"), ("utf-8", "cp1252")):
        data, record = lying_charset(rng, declared=declared, actual=actual)
        (folder / f"lying-charset-{actual}.html").write_bytes(data)
        (folder / f"lying-charset-{actual}.truth.json").write_text(
            json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def main() -> None:
    """Write every stored fixture and print each page's size."""
    for path in [*write_pages(HERE, ARTICLES), *write_pages(HERE / "foreign", FOREIGN)]:
        print(f"{path.relative_to(HERE)}\t{path.stat().st_size:,} bytes")
    write_hostile(HERE / "hostile")
    for path in sorted((HERE / "hostile").glob("*.html")):
        print(f"{path.relative_to(HERE)}\t{path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
