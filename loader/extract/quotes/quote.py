"""One quote while it is being found: content span, cue, speaker as written, then as resolved."""
from dataclasses import dataclass


@dataclass
class Quote:
    start: int                      # content, character offsets into the text
    end: int
    direct: bool
    kind: str                       # how it was found: direct, reported, according, continuation, floating
    cue: object = None              # the cue's spaCy Token (None for floating quotes)
    cue_text: str | None = None     # "said", "told", "according to"
    speaker: object = None          # spaCy Span of the speaker as written ("he", "Steven Mnuchin")
    content_first: bool = False     # content comes before its attribution ("…, Geng said.")
    attribution_end: int = 0        # where the attribution clause ends (continuations start after it)
    # Filled by speakers.resolve_speakers:
    name: str | None = None         # canonical display name
    entity_type: str | None = None
    role: str | None = None

    @property
    def speaker_start(self):
        return self.speaker.start_char if self.speaker is not None else None

    @property
    def speaker_end(self):
        return self.speaker.end_char if self.speaker is not None else None

    def overlap(self, other: "Quote") -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def continued(self, start: int, end: int, kind: str, direct: bool) -> "Quote":
        """A quote at start:end said by the same speaker (a continuation or floating quote); its
        speaker as written is the one in the attribution it continues."""
        return Quote(start, end, direct, kind, cue=None, cue_text=None, speaker=self.speaker,
                     name=self.name, entity_type=self.entity_type, role=self.role,
                     attribution_end=end)
