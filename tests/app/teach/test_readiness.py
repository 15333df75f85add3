"""Teach is enabled only with the digits kind of network, no run going on, and enough digits to hold some out."""

from __future__ import annotations

import numpy as np

from nndesk.app.teach.readiness import Missing, readiness
from nndesk.engine.runs.teach import FOLDS, held_out


def test_enough_digits_of_a_kind_make_teach_ready_and_say_how_many_are_held_out():
    labels = np.repeat([1, 4, 6], 10)
    r = readiness(labels, 0, training=False, digits_network=True)
    assert r.ready and r.missing is Missing.NOTHING
    assert r.have == 30 and r.need == FOLDS
    assert r.held == int(held_out(labels, 0).sum()) == 6


def test_too_few_digits_or_digits_drawn_once_cannot_be_held_out():
    assert readiness(np.array([3, 3, 3]), 0, False, True).missing is Missing.MORE_DIGITS
    once = readiness(np.arange(10), 0, False, True)  # ten digits, each drawn once: none can sit out
    assert once.missing is Missing.MORE_DIGITS and once.have == 10 and once.held == 0
    assert readiness(np.zeros(0, np.int64), 0, False, True).missing is Missing.MORE_DIGITS


def test_the_network_kind_comes_first_then_the_run_then_the_digits():
    labels = np.repeat([1, 4, 6], 10)
    assert readiness(labels, 0, training=True, digits_network=False).missing is Missing.DIGITS_DATA
    assert readiness(labels, 0, training=True, digits_network=True).missing is Missing.TRAINING
    assert readiness(labels[:2], 0, training=True, digits_network=True).missing is Missing.TRAINING


def test_every_turn_holds_out_a_different_fifth():
    labels = np.repeat([1, 4, 6], 10)
    held = [held_out(labels, turn) for turn in range(FOLDS)]
    assert all(readiness(labels, t, False, True).held == h.sum() for t, h in enumerate(held))
    assert np.array_equal(np.sum(held, axis=0), np.ones(30))  # each digit held out exactly once in FOLDS turns
