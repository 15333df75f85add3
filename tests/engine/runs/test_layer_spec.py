"""--layers text: conv/pool tokens, their bounds, the shapes they make, and what a run of them weighs."""

from __future__ import annotations

import pytest

from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.runs.layer_spec import (
    LayerSpec,
    build,
    footprint,
    input_shape,
    parse_feature,
    parse_layers,
    shapes,
    split,
)


def test_the_digits_cnn_line() -> None:
    spec = parse_layers("conv5x5x32, pool2,CONV5x5x64,pool2,128", 10_000, 16)
    assert spec == LayerSpec(("conv5x5x32", "pool2", "conv5x5x64", "pool2"), (128,))
    assert parse_feature("conv3x3x16same") == ConvSpec(3, 16, True) and parse_feature("pool3") == PoolSpec(3)
    assert parse_layers("128,64", 10_000, 16) == LayerSpec((), (128, 64))
    assert parse_layers("none", 10_000, 16) == LayerSpec((), ())


@pytest.mark.parametrize("text,words", [
    ("conv5x3x32", "square"), ("conv0x0x8", "1×1"), ("conv99x99x8", "15×15"), ("conv3x3x5000", "1024 filters"),
    ("pool1", "2×2"), ("pool99", "8×8"), ("convolution", "not a layer"), ("conv3x3", "not a layer"),
    ("128,pool2", "after a dense layer"), ("conv3x3x8,0", "1 to 10,000"), ("conv3x3x8,-5", "1 to 10,000"),
    ("conv3x3x8,x", "not a layer"), (",".join(["pool2"] * 17), "at most 16"), ("conv3x3x8," + "4," * 17, "16"),
    ("conv99999999999x3x3", "not a layer"),
])
def test_bad_layers_say_which_token_in_one_line(text: str, words: str) -> None:
    with pytest.raises(ValueError) as e:
        parse_layers(text, 10_000, 16)
    assert words in str(e.value) and "\n" not in str(e.value)


def test_shapes_follow_valid_same_and_pooling_and_refuse_what_does_not_fit() -> None:
    assert shapes(["conv5x5x32", "pool2", "conv5x5x64", "pool2"], (1, 28, 28)) == [
        (32, 24, 24), (32, 12, 12), (64, 8, 8), (64, 4, 4)]
    assert shapes(["conv3x3x8same", "pool2", "pool2", "pool2"], (1, 28, 28))[-1] == (8, 3, 3)
    with pytest.raises(ValueError, match="doesn't fit in the 4×4"):
        shapes(["conv5x5x32", "pool2", "conv5x5x64", "pool2", "conv5x5x8"], (1, 28, 28))
    with pytest.raises(ValueError, match="pooling doesn't fit"):
        shapes(["pool8", "pool8"], (1, 28, 28))
    with pytest.raises(ValueError, match="more than"):
        shapes(["conv3x3x1024same"] * 2, (1, 100, 100))


def test_input_shape_from_the_data() -> None:
    assert input_shape(784) == (1, 28, 28) and input_shape(12, (3, 4)) == (1, 3, 4)
    with pytest.raises(ValueError, match="need images"):
        input_shape(2)


def test_build_and_footprint() -> None:
    net = build(["conv5x5x32", "pool2", "conv5x5x64", "pool2"], [128], 784, 10, (28, 28), "relu",
                "cross-entropy", None, 0)
    assert isinstance(net, ConvNet) and net.architecture == "1×28×28-conv5x5x32-pool2-conv5x5x64-pool2-128-10"
    params, numbers = footprint(["conv5x5x32", "pool2", "conv5x5x64", "pool2"], [128], 784, 10, (28, 28), 64)
    assert params == sum(p.size for p in net.parameters()) == 26 * 32 + 801 * 64 + 1025 * 128 + 129 * 10
    assert 64 * 24 * 24 * 51 < numbers < 64 * 400_000  # conv1's patches and maps dominate: MBs, not GBs


def test_split_for_recipes() -> None:
    assert split(None) == (None, None)
    assert split((16,)) == ((16,), ())
    assert split(LayerSpec(("pool2",), (8,))) == ((8,), ("pool2",))
