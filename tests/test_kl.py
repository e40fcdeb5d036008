import dataclasses

import numpy as np
import pandas as pd
import pytest
import torch

from caa_lens.columns import KL_CALIBRATION_COLUMNS
from caa_lens.core.chat import chat_prompt
from caa_lens.core.kl import N_TOKENS, NEUTRAL_PROMPTS, RTOL, calibrate_kl, calibration_table, mean_kl, save_calibration
from caa_lens.core.scale import effective_multiplier, scaled_vector
from caa_lens.core.steering import steer
from caa_lens.core.vectors import extract
from caa_lens.evaluation.sweep import sweep

from .conftest import ab_items


@pytest.fixture(scope="module")
def vecs(tiny):
    return extract(tiny, ab_items(8), behavior="t", progress=False)


def straightforward_kl(model, vectors, layer, coefficient) -> float:
    """Greedy continuations generated token by token, then KL(steered || unsteered) through `steer` (raw)."""
    total, count = 0.0, 0
    for prompt in NEUTRAL_PROMPTS:
        chat = chat_prompt(model.tokenizer, prompt, fmt="template")
        ids = list(chat.ids)
        with torch.inference_mode():
            for _ in range(N_TOKENS):
                ids.append(int(model(torch.tensor([ids]))[0, -1].argmax()))
            x = torch.tensor([ids])
            base = torch.log_softmax(model(x)[0].double(), -1)
            with steer(model, vectors, layer, coefficient, scale="raw", start=chat.instruction_end):
                steered = torch.log_softmax(model(x)[0].double(), -1)
        for t in range(chat.instruction_end, len(ids)):
            p = steered[t].exp()
            total += float((p * (steered[t] - base[t])).sum())
            count += 1
    return total / count


def test_calibrated_coefficient_gives_the_requested_kl(tiny, vecs, tmp_path):
    table = calibrate_kl(tiny, vecs, [2], [0.1, -0.1, 0.0])
    assert list(table.columns) == list(KL_CALIBRATION_COLUMNS) and len(table) == 2  # m = 0 needs no calibration
    for _, row in table.iterrows():
        assert row["achieved_kl"] == pytest.approx(0.1, rel=RTOL)
        assert np.sign(row["coefficient"]) == np.sign(row["kl"])
    c = table.set_index("kl").loc[0.1, "coefficient"]
    # an independent computation of the dose at the calibrated coefficient
    assert straightforward_kl(tiny, vecs, 2, c) == pytest.approx(0.1, rel=RTOL + 1e-3)
    assert effective_multiplier(vecs, 2, 0.1, "kl") == pytest.approx(c)
    assert mean_kl(tiny, vecs, 2, 2 * c) > 0.1 > mean_kl(tiny, vecs, 2, c / 2) > 0  # the dose grows with c
    assert mean_kl(tiny, vecs, 2, 0.0) == pytest.approx(0.0, abs=1e-6)
    again = calibrate_kl(tiny, vecs, [2], [0.1])  # cached: no new bisection
    assert len(calibration_table()) == 2 and again["coefficient"].item() == pytest.approx(c)
    saved = pd.read_csv(save_calibration(tmp_path / "kl.csv"))
    assert list(saved.columns) == list(KL_CALIBRATION_COLUMNS) and saved["coefficient"].tolist() == pytest.approx(
        table["coefficient"].tolist()
    )


def test_kl_steering_and_sweeps_calibrate_on_first_use(tiny, vecs):
    with pytest.raises(ValueError, match="not calibrated"):
        scaled_vector(vecs, 1, 0.05, "kl")
    assert effective_multiplier(vecs, 1, 0.0, "kl") == 0.0
    out = sweep(tiny, vecs, ab_items(2), layers=[1], multipliers=[-0.05, 0.0, 0.05], scale="kl", progress=False)
    assert (out["scale"] == "kl").all() and len(out) == 6
    c = effective_multiplier(vecs, 1, 0.05, "kl")
    raw = sweep(tiny, vecs, ab_items(2), layers=[1], multipliers=[c], progress=False)
    np.testing.assert_allclose(out[out["multiplier"] == 0.05]["p_matching"], raw["p_matching"], atol=1e-5)
    with steer(tiny, vecs, 3, 0.05, scale="kl") as hook:
        assert torch.allclose(hook.vectors[0], effective_multiplier(vecs, 3, 0.05, "kl") * vecs.directions[3])


def test_kl_refuses_vectors_of_another_model(tiny, vecs):
    other = dataclasses.replace(vecs, model="another-model")
    with pytest.raises(ValueError, match="per model"):
        calibrate_kl(tiny, other, [2], [0.1])


def test_open_ended_generation_takes_a_kl_dose(tiny, vecs):
    from caa_lens.evaluation.openended import generate_open_ended

    out = generate_open_ended(
        tiny, vecs, ["Say hi."], layers=[3], multipliers=[0.05], scale="kl", max_new_tokens=2, progress=False
    )
    assert out["scale"].tolist() == ["kl"] and effective_multiplier(vecs, 3, 0.05, "kl") > 0
