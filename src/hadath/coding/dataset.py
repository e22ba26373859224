"""Training examples from annotated documents: gold triggers, arguments and statuses aligned to hadath's tokens.

The document is analysed by the rule stages (segment to places) and the rules' candidates are read, exactly as at
extraction time, so that the features a model is trained on are the features it sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.coding.annotations import AnnotatedDoc, GoldArg, GoldMention
from hadath.coding.features import DocView

NONE_STATUS = "none"  # a trigger word of the rules' lexicon that the annotators did not take as an event mention


@dataclass
class DocExamples:
    view: DocView
    #: per sentence within the annotated part: (features per token, label per token)
    trigger_seqs: list[tuple[list[list[str]], list[str]]]
    #: per gold mention: (features per token of its sentence, label per token)
    argument_seqs: list[tuple[list[list[str]], list[str]]]
    #: (features, status) per gold mention, and per rule trigger not annotated
    factuality: list[tuple[list[str], str]]
    #: (features, sector) per gold argument with a span
    sectors: list[tuple[list[str], str]]


def sector_label(arg: GoldArg) -> str:
    return "IGO" if arg.org else (arg.sector or "UNK")


def examples(view: DocView, doc: AnnotatedDoc) -> DocExamples:
    limit = doc.annotated_chars
    tokens = view.tokens
    labels = ["O"] * len(tokens)
    mention_tokens: list[tuple[GoldMention, list[int]]] = []
    for m in doc.mentions:
        idx = view.tokens_of_span(*m.trigger)
        if not idx:
            continue
        mention_tokens.append((m, idx))
        if any(labels[i] != "O" for i in idx):
            continue
        for k, i in enumerate(idx):
            labels[i] = f"{'B' if k == 0 else 'I'}-{m.type}"
    trigger_seqs = []
    for s, toks in enumerate(view.sentence_tokens):
        if not toks or tokens[toks[0]].start >= limit:
            continue
        trigger_seqs.append((view.sentence_features(s), [labels[i] for i in toks]))
    argument_seqs = []
    factuality = []
    sectors = []
    for m, idx in mention_tokens:
        s = view.sent_of[idx[0]]
        toks = view.sentence_tokens[s]
        where = {i: k for k, i in enumerate(toks)}
        arg_labels = ["O"] * len(toks)
        for role, arg in (("SRC", m.source), ("TGT", m.target)):
            if arg is None or arg.start is None or arg.end is None:
                continue
            span = [i for i in view.tokens_of_span(arg.start, arg.end) if i in where and i not in idx]
            for k, i in enumerate(span):
                if arg_labels[where[i]] == "O":
                    arg_labels[where[i]] = f"{'B' if k == 0 else 'I'}-{role}"
            if span:
                sectors.append((sector_features(view, span, m.type, role), sector_label(arg)))
        argument_seqs.append((view.argument_features(s, (idx[0], idx[-1]), m.type), arg_labels))
        factuality.append((view.factuality_features(idx[0], idx[-1], m.type), m.status))
    gold_tokens = {i for _, idx in mention_tokens for i in idx}
    for i, rt in enumerate(view.rule_trigger):
        if rt is None or rt[0] != "B" or i in gold_tokens or tokens[i].start >= limit:
            continue
        factuality.append((view.factuality_features(i, i, rt[2:]), NONE_STATUS))
    return DocExamples(view, trigger_seqs, argument_seqs, factuality, sectors)


def sector_features(view: DocView, span: list[int], etype: str, role: str) -> list[str]:
    """Features of an argument span for its sector: its words, clusters, the lexicon's and the actor's readings."""
    f = ["b", f"role={role}", f"ty={etype}|{role}"]
    for i in span:
        f.append(f"st={view.stems[i]}")
        f.append(f"c512={view.cl[i][1]}")
        f += view.lex[i]
        a = view.actor_at[i]
        if a is not None:
            f.append(f"asec={a.actor.sector}")
            f.append(f"akind={a.kind}")
            if a.actor.org:
                f.append("aorg")
    f.append(f"head={view.stems[span[0]]}")
    return f
