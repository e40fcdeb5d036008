"""Residual-stream activations at the answer letter, every layer, for each contrast pair.

For an item, the matching prompt ends in `(X` and the not-matching one in `(Y`; both share
every token before the letter. Each pair becomes one packed row (`packing`): the shared prefix,
then both answers' few tokens, each seeing only the prefix and itself. So the prefix is computed
once, both letters come from one batched forward (left-padded, items grouped by length),
every layer's activation at the chosen site (`hooks`; `resid_post` by default) is read at the
two letter tokens, and the forward stops right after the last hook read (no later block, no
final norm, no unembedding: `hooks.ReadAt`).
`reference.collect_reference` is the straightforward path (a full `run_with_cache` per prompt), kept as
the oracle for tests and the baseline for benchmarks.
"""

from dataclasses import dataclass

import torch
from tqdm.auto import tqdm

from .._types import LayerScalars, PairActs
from ..datasets.load import ABItem
from ..options import DEFAULT_SITE
from . import packing
from .chat import ChatPrompt, ab_answer, chat_prompt, check_context, common_prefix, resolve_format
from .hooks import ReadAt, check_site, check_unsteered, read_names, residual_site


@dataclass(frozen=True)
class PairActivations:
    """Letter-token activations of each pair's two prompts (answers' letters kept for analysis).

    `site` is where they were read. For `attn_out` and `mlp_out`, `resid_norm` is the mean norm
    of the residual stream those outputs are added to (`hooks.residual_site`), the scale of
    "relative" multipliers; for residual sites it is None (the activations' own norm is used).
    """

    matching: PairActs
    not_matching: PairActs
    matching_letters: tuple[str, ...]
    not_matching_letters: tuple[str, ...]
    site: str = DEFAULT_SITE
    resid_norm: LayerScalars | None = None


def pair_prompts(tokenizer, item: ABItem, *, fmt: str, system: str | None = None) -> tuple[ChatPrompt, ChatPrompt]:
    """The matching and not-matching prompts of an item, each ending in its answer letter."""
    yes, no = (
        chat_prompt(tokenizer, item.question, fmt=fmt, system=system, answer=ab_answer(letter, fmt), letter=letter)
        for letter in (item.matching, item.not_matching)
    )
    return yes, no


def _letter(prompt: ChatPrompt) -> int:
    """Where the prompt's answer letter is (every contrast prompt has one)."""
    if prompt.letter_pos is None:
        raise ValueError("a contrast prompt must end in its answer letter")
    return prompt.letter_pos


def _collect_batch(model, prompts: list[tuple[ChatPrompt, ChatPrompt]], names: list[str]) -> torch.Tensor:
    """(len(prompts), 2, len(names), d_model): each pair's matching then not-matching activations."""
    for a, b in prompts:
        check_context(model, len(a.ids) + len(b.ids), "a contrast pair's packed prompt")
    shared = [common_prefix(a.ids, b.ids) for a, b in prompts]
    letters = [(_letter(a), _letter(b)) for a, b in prompts]
    if any(n == 0 or n > min(pair) for n, pair in zip(shared, letters)):
        raise ValueError("the two answers of an item must share a prefix that ends before the letter token")
    packed = packing.pack(
        [(a.ids[:n], [a.ids[n:], b.ids[n:]]) for n, (a, b) in zip(shared, prompts)], model.tokenizer.pad_token_id
    )
    columns = [
        (start_a + pos_a - n, start_b + pos_b - n)
        for (start_a, start_b), n, (pos_a, pos_b) in zip(packed.starts, shared, letters)
    ]
    reader = ReadAt(torch.tensor(columns), stop=True)  # the forward ends at the last hook read: no unembedding
    reader.run(model, names, lambda: packing.forward(model, packed))
    return reader.stacked(names).transpose(1, 2).float().cpu()


def _packed_length(pair: tuple[ChatPrompt, ChatPrompt]) -> int:
    a, b = pair
    return len(a.ids) + len(b.ids) - common_prefix(a.ids, b.ids)


def length_chunks(order: list[int], lengths: list[int], batch_size: int, padding: float = 0.1) -> list[list[int]]:
    """`order` (indices by increasing length) cut into batches of at most `batch_size` whose padding,
    once left-padded to their longest, stays within `padding` of their tokens (a lone item always fits).
    """
    chunks: list[list[int]] = []
    for i in order:
        last = chunks[-1] if chunks else []
        grown = last + [i]
        if (
            last
            and len(grown) <= batch_size
            and lengths[i] * len(grown) <= (1 + padding) * sum(lengths[j] for j in grown)
        ):
            last.append(i)
        else:
            chunks.append([i])
    return chunks


def _with_residuals(sites: list[str]) -> list[str]:
    """`sites`, then the residual sites that `attn_out` / `mlp_out` need for their norms."""
    return sites + [r for r in dict.fromkeys(residual_site(s) for s in sites) if r not in sites]


@torch.inference_mode()
def collect_sites(
    model,
    items: list[ABItem],
    sites,
    *,
    fmt: str | None = None,
    system: str | None = None,
    batch_size: int = 32,
    progress: bool = True,
) -> dict[str, PairActivations]:
    """`collect` at several sites from the same forward passes: {site: PairActivations}.

    Reading more hook points costs memory, not passes, so this is how a sweep over sites
    gets its vectors (`collect`'s other arguments).
    """
    if not items:
        raise ValueError("collect needs at least one contrast pair")
    check_unsteered(model, "collect")
    sites = list(dict.fromkeys(check_site(s) for s in ([sites] if isinstance(sites, str) else sites)))
    if not sites:
        raise ValueError("give at least one site")
    fmt, n_layers = resolve_format(model, fmt), model.cfg.n_layers
    read = _with_residuals(sites)
    names = [name for site in read for name in read_names(n_layers, site)]
    prompts = [pair_prompts(model.tokenizer, item, fmt=fmt, system=system) for item in items]
    order = sorted(range(len(prompts)), key=lambda i: _packed_length(prompts[i]))
    chunks = [[prompts[i] for i in c] for c in length_chunks(order, [_packed_length(p) for p in prompts], batch_size)]
    sorted_acts = torch.cat(
        [_collect_batch(model, c, names) for c in tqdm(chunks, desc="collect", disable=not progress)]
    )
    acts = torch.empty_like(sorted_acts)
    acts[torch.tensor(order)] = sorted_acts
    by_site = dict(zip(read, acts.split(n_layers, dim=2), strict=True))  # site -> (n_pairs, 2, n_layers, d)
    letters = tuple(i.matching for i in items), tuple(i.not_matching for i in items)

    def pair_acts(site: str) -> PairActivations:
        own, resid = by_site[site], by_site[residual_site(site)]
        norm = resid.norm(dim=-1).mean(dim=(0, 1)) if residual_site(site) != site else None
        return PairActivations(own[:, 0], own[:, 1], *letters, site, norm)

    return {site: pair_acts(site) for site in sites}


def collect(model, items: list[ABItem], *, site: str = DEFAULT_SITE, **kwargs) -> PairActivations:
    """Activations at the answer letter for every layer, matching and not matching.

    Args:
        model: a TransformerBridge.
        items: contrast pairs.
        site: where in each block to read (`options.SITES`).
        fmt: chat format ("llama2" or "template"); default from the model.
        system: optional system prompt.
        batch_size: at most this many items per forward pass (items are grouped by length, and a
            batch ends early where padding would pass 10 % of its tokens).
        progress: show a tqdm bar.

    Returns:
        PairActivations with tensors of shape (n_pairs, n_layers, d_model).
    """
    return collect_sites(model, items, [site], **kwargs)[site]
