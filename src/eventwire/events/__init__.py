"""Event coding: the CAMEO codebook, the trigger lexicon, the coder and the within-article merge."""

from eventwire.events.codebook import Codebook
from eventwire.events.coder import code_events
from eventwire.events.lexicon import Lexicon
from eventwire.events.merge import merge_events

__all__ = ["Codebook", "Lexicon", "code_events", "merge_events"]
