"""The preprocessing's steps, exposed for the draw pad, are the steps ``mnist_centre`` takes: same output."""

import numpy as np

from nndesk.engine.data.preprocess import BOX, CENTRE, centre_of_mass, mnist_centre, mnist_steps, shrunk


def _paper_with_an_l() -> np.ndarray:
    """Dark ink on white paper (the pad's kind of image): an L in the top-left quarter."""
    gray = np.full((280, 280), 255, np.uint8)
    gray[30:130, 40:55] = 0
    gray[115:130, 40:100] = 0
    return gray


def test_steps_end_in_exactly_what_mnist_centre_gives():
    gray = _paper_with_an_l()
    steps = mnist_steps(gray, ink_is_dark=True)
    np.testing.assert_array_equal(steps.centred, mnist_centre(gray, ink_is_dark=True))
    assert steps.box == (30, 130, 40, 100)
    assert steps.crop.shape == (100, 60) and steps.crop.max() == 1.0
    assert max(steps.scaled.shape) == BOX and steps.scaled.shape == (20, 12)
    assert np.allclose(steps.centre, centre_of_mass(steps.scaled))
    assert np.allclose(centre_of_mass(steps.centred), (CENTRE, CENTRE), atol=0.05)


def test_a_blank_image_has_no_box():
    steps = mnist_steps(np.full((50, 50), 255, np.uint8), ink_is_dark=True)
    assert steps.box is None and steps.crop is None and steps.scaled is None and not steps.centred.any()


def test_shrunk_keeps_the_digit_where_and_as_small_as_it_was_drawn():
    small = shrunk(_paper_with_an_l())
    assert small.shape == (28, 28) and small.dtype == np.float32
    rows, cols = np.nonzero(small > 0.5)
    assert rows.min() >= 3 and rows.max() <= 13 and cols.max() <= 10  # top-left, 10 px tall, not 20
    cy, cx = centre_of_mass(small)
    assert cy < 10 and cx < 8  # far from the centre the network was trained on
    assert not shrunk(np.full((280, 280), 255, np.uint8)).any()
