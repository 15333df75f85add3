"""The step-through: the slides' numbers in the slides' order, and exact numbers equal to backprop."""

from decimal import Decimal

import numpy as np
import pytest

from nndesk.engine.core.network import Network
from nndesk.engine.explain.formula import Num, plain
from nndesk.engine.explain.lecture import LECTURE_ETA, LECTURE_INPUT, LECTURE_TARGET, lecture_network
from nndesk.engine.explain.slide import cut, slide_text, to_decimal
from nndesk.engine.explain.stepthrough import LAYER_LIMIT, Phase, StepKind, walkthrough

SLIDES = ["0.3", "0.57", "0.374", "0.59", "0.17", "0.08", "0.192", "0.028", "0.006"]


def _lecture():
    return walkthrough(lecture_network(), LECTURE_INPUT, LECTURE_TARGET, LECTURE_ETA)


def _in_order(expected, seen):
    it = iter(seen)
    return all(any(s == e for s in it) for e in expected)


def _key_numbers(step, slide=True):
    """What a step computes: z and a for a forward step, else its result."""
    nums = [p.text for p in step.formula(slide) if isinstance(p, Num)]
    return nums[-2:] if step.kind == StepKind.FORWARD else nums[-1:]


def test_slide_arithmetic_shows_the_lectures_numbers_in_the_lectures_order():
    steps = _lecture().steps
    keys = [n for s in steps for n in _key_numbers(s)]
    assert _in_order(SLIDES, keys), keys
    results = [s.shown(slide=True) for s in steps]
    # the weight's new value comes right after its gradient
    i = results.index("0.08")
    assert steps[i].kind == StepKind.GRAD_W and steps[i + 1].kind == StepKind.NEW_W and results[i + 1] == "0.192"
    j = results.index("0.006")
    assert steps[j].target == ("edge", 0, (0, 0)) and results[j + 1] == "0.199"
    # and the substituted formulas are the slides' own lines
    texts = [plain(s.slide_formula) for s in steps]
    assert "a_{0}^{(1)} = σ(0.2·1 + 0.1·1 + 0.12·0 + 0) = σ(0.3) ≈ 0.57" in texts
    assert "∂C/∂w_{00}^{(1)} = 0.59·0.24·0.57 = 0.08" in texts
    assert "∂C/∂a_{0}^{(1)} = 0.14·0.2 = 0.028" in texts
    assert "C = ½(0 − 0.59)² = 0.17" in texts


def test_slide_numbers_are_cut_not_rounded_and_exact_in_decimal():
    assert cut(Decimal("0.5744"), 2) == Decimal("0.57")
    assert cut(Decimal("0.5999"), 2) == Decimal("0.59")
    assert cut(Decimal("-0.0141"), 3) == Decimal("-0.014")
    assert slide_text(Decimal("0.080")) == "0.08" and slide_text(Decimal("-0.000")) == "0"
    assert to_decimal(0.12) == Decimal("0.12")
    new = next(s for s in _lecture().steps if s.kind == StepKind.NEW_W)
    assert new.slide == Decimal("0.192")  # not 0.19199…


def test_exact_mode_matches_backprop():
    net = lecture_network()
    w = _lecture()
    nabla_w, nabla_b, cost, _ = net.backprop(LECTURE_INPUT[None], LECTURE_TARGET[None])
    for s in w.steps:
        if s.kind == StepKind.GRAD_W:
            l, (k, j) = s.layer, s.index
            assert s.exact == pytest.approx(nabla_w[l][k, j], abs=1e-12)
        elif s.kind == StepKind.GRAD_B:
            assert s.exact == pytest.approx(nabla_b[s.layer - 1][s.index], abs=1e-12)
        elif s.kind == StepKind.COST:
            assert s.exact == pytest.approx(cost, abs=1e-12)
    assert sum(s.kind == StepKind.GRAD_W for s in w.steps) == 8
    assert [s.shown(False) for s in w.steps[:3]] == ["0.5744", "0.5", "0.5926"]


def test_hover_values_are_the_full_float64_numbers():
    step = _lecture().steps[0]
    last = step.exact_formula[-1]
    assert isinstance(last, Num) and last.exact == step.exact == pytest.approx(1 / (1 + np.exp(-0.3)), abs=1e-15)
    assert step.slide_formula[-1].exact == step.exact  # slide numbers hover with the exact value too


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_every_exact_gradient_step_matches_backprop_in_a_4_5_3_2_network(cost):
    net = Network.create([4, 5, 3, 2], "tanh", cost, seed=5, dtype=np.float64)
    x, t = np.array([0.3, -1.0, 0.8, 0.1]), np.array([1.0, 0.0])
    w = walkthrough(net, x, t, 0.5)
    nabla_w, nabla_b, _, _ = net.backprop(x[None], t[None])
    grads = [s for s in w.steps if s.kind == StepKind.GRAD_W]
    assert w.full and len(grads) == 20 + 15 + 6
    for s in grads:
        assert s.exact == pytest.approx(nabla_w[s.layer][s.index], rel=1e-12, abs=1e-15)
    assert w.steps[-1].kind == StepKind.UPDATE


def test_a_big_network_follows_only_the_focus_path():
    net = Network.create([784, 100, 10], "sigmoid", "cross-entropy", seed=0, dtype=np.float64)
    x = np.random.default_rng(0).uniform(size=784)
    w = walkthrough(net, x, np.eye(10)[3], 0.1, focus=(0, 7, 300))
    assert not w.full and len(w.steps) < 60
    grads = [s for s in w.steps if s.kind == StepKind.GRAD_W]
    assert [(s.layer, s.index) for s in grads] == [(0, (7, 300))]
    nabla_w, _, _, _ = net.backprop(x[None], np.eye(10)[3][None])
    assert grads[0].exact == pytest.approx(nabla_w[0][7, 300], rel=1e-12)
    kinds = [s.kind for s in w.steps]
    assert StepKind.LAYER in kinds and kinds.count(StepKind.OUTPUT_DELTA) == 10 <= LAYER_LIMIT
    longest = max(len(plain(s.exact_formula)) for s in w.steps)
    assert longest < 400  # 784-term sums are abbreviated


def test_bias_focus_and_default_focus():
    net = Network.create([784, 30, 10], "relu", seed=1, dtype=np.float64)
    x = np.zeros(784)
    x[400] = 1.0
    w = walkthrough(net, x, np.eye(10)[0], 0.1)
    assert w.focus[0] == 0 and w.focus[2] == 400  # the one non-blank pixel
    wb = walkthrough(net, x, np.eye(10)[0], 0.1, focus=(1, 2, None))
    assert [s.kind for s in wb.steps][-3:] == [StepKind.GRAD_B, StepKind.NEW_B, StepKind.UPDATE]


def test_exact_only_walkthrough_skips_the_decimal_arithmetic():
    w = walkthrough(lecture_network(), LECTURE_INPUT, LECTURE_TARGET, LECTURE_ETA, slide=False)
    assert w.slide is None and all(s.slide is None and s.slide_formula == () for s in w.steps)
    assert w.steps[0].shown(slide=True) == "0.5744"  # falls back to exact


def test_step_kinds_are_an_enum_that_still_reads_as_the_old_strings():
    """The app's dicts and comparisons keyed by "grad_w" keep working while new code names StepKind.GRAD_W."""
    steps = _lecture().steps
    assert all(isinstance(s.kind, StepKind) for s in steps)
    first = steps[0].kind
    assert first is StepKind.FORWARD and first == "forward" and {"forward": 1}[first] == 1
    assert f"{first}" == str(first) == "forward" and StepKind("dC_da") is StepKind.DC_DA
    phases = list(dict.fromkeys(s.kind.phase for s in steps))
    assert phases == [Phase.FORWARD, Phase.COST, Phase.BACKWARD, Phase.UPDATE]
    assert StepKind.SIGMA_PRIME.phase == "backward" and StepKind.SOFTMAX.phase is Phase.FORWARD
