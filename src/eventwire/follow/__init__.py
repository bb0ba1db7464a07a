"""Follow the news as it appears: feeds and sitemaps in, events out, every few minutes.

    sources (RSS/Atom feeds, news sitemaps)
      -> poll: listings fetched conditionally (ETag, Last-Modified: an unchanged feed is a 304)
      -> the items never seen before -> their pages fetched and read (trafilatura) -> articles
      -> near-duplicate check -> coding (this process, --workers, as ingest) -> the store
      -> GDELT-style update file -> wait for the next interval

Modules, one job each: `etiquette` (how we treat sites), `fetch` (HTTP with pacing, robots,
retries and a size cap), `robots`, `listing` (feed and sitemap items), `sourcing` (one source in
one poll), `pages` (one item's page to an article), `urls` (one spelling per page), `state`
(what is remembered between polls, in the store), `poll`, `loop`, `updates` (GDELT files),
`status`, `serve` (the dashboard in the same process), `runner` (all of it, for the CLI).
"""

from eventwire.follow.etiquette import Etiquette
from eventwire.follow.poll import Poller, PollReport, PollSettings
from eventwire.follow.runner import FollowConfig, follow

__all__ = ["Etiquette", "FollowConfig", "PollReport", "PollSettings", "Poller", "follow"]
