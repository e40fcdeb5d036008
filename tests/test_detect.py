import numpy as np
import pytest
import torch

from caa_lens.analysis.detect import TOKEN_COLUMNS, text_score, token_scores
from caa_lens.core.chat import chat_prompt
from caa_lens.core.hooks import resid_post

from .test_geometry import make_vectors


def random_vectors(model, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    return make_vectors(torch.randn(model.cfg.n_layers, model.cfg.d_model, generator=g))


def test_token_scores_equal_manual_projection(tiny):
    vecs = random_vectors(tiny)
    reply, question = "Cats like milk.", "Do you like cats?"
    scores = token_scores(tiny, vecs, reply, prompt=question)
    assert list(scores.columns) == list(TOKEN_COLUMNS)
    chat = chat_prompt(tiny.tokenizer, question, fmt="template", answer=reply)
    assert len(scores) == tiny.cfg.n_layers * len(chat.ids)
    _, cache = tiny.run_with_cache(torch.tensor([chat.ids]), names_filter=[resid_post(2)])
    position = chat.instruction_end + 1
    resid = cache[resid_post(2)][0, position].float()
    row = scores[(scores["layer"] == 2) & (scores["position"] == position)].iloc[0]
    assert row["dot"] == pytest.approx((resid @ vecs.directions[2]).item(), rel=1e-5)
    cosine = torch.nn.functional.cosine_similarity(resid, vecs.directions[2], dim=0).item()
    assert row["cosine"] == pytest.approx(cosine, abs=1e-5)
    layer0 = scores[scores["layer"] == 0]
    assert layer0["in_reply"].tolist() == [p >= chat.instruction_end for p in range(len(chat.ids))]
    assert "".join(layer0[layer0["in_reply"]]["token"]) == reply


def test_raw_text_layers_and_text_score(tiny):
    vecs = random_vectors(tiny, seed=1)
    scores = token_scores(tiny, vecs, "The quick brown fox.", layers=[1, 3])
    assert sorted(scores["layer"].unique()) == [1, 3]
    layer1 = scores[scores["layer"] == 1]
    assert "".join(layer1[layer1["in_reply"]]["token"]) == "The quick brown fox."  # special tokens (BOS) excluded
    assert scores["cosine"].abs().max() <= 1.0 + 1e-6
    at3 = scores[(scores["layer"] == 3) & scores["in_reply"]]
    assert text_score(scores, 3) == pytest.approx(at3["cosine"].mean())
    with pytest.raises(ValueError, match="no scored tokens"):
        text_score(scores, 0)
    with pytest.raises(ValueError, match="out of range"):
        token_scores(tiny, vecs, "x", layers=[9])


def test_text_score_ignores_prompt_tokens(tiny):
    scores = token_scores(tiny, random_vectors(tiny), "Yes.", prompt="Is the sky blue?", layers=[2])
    reply = scores[scores["in_reply"]]
    assert 0 < len(reply) < len(scores)
    assert text_score(scores, 2) == pytest.approx(reply["cosine"].mean())


@pytest.mark.integration
def test_token_scores_on_smol_chat_reply(smol):
    vecs = random_vectors(smol)
    reply = "I love the sea <3 & the stars."
    scores = token_scores(smol, vecs, reply, prompt="What do you like?", layers=[15])
    assert "".join(scores[scores["in_reply"]]["token"]) == reply
    assert np.isfinite(scores[["dot", "cosine"]].to_numpy()).all()
