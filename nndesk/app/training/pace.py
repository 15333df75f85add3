"""How many epochs a second a run may go at, so a student can watch a toy set learn.

XOR trains 200 epochs in about a second: too fast to see the boundary bend or
to move η while it trains.  The worker waits after each epoch until the pace
allows the next one.  The wait is on a condition, never a sleep: changing the
pace takes effect at once (like η, at the next epoch), and ``cancel`` (Stop,
closing the window) wakes it immediately.  0 means "as fast as possible".
"""

from __future__ import annotations

import threading
import time

PACES = (1.0, 5.0, 20.0, 100.0, 0.0)  # epochs per second the dock offers; 0: as fast as possible
WATCHABLE = 20.0  # the toy sets' default: 200 epochs in 10 s, slow enough to see and steer


class Pace:
    """Thread-safe epochs-per-second limit with a wait that wakes on change or cancel."""

    def __init__(self, epochs_per_second: float = 0.0) -> None:
        self._cond = threading.Condition()
        self._rate = max(float(epochs_per_second), 0.0)
        self._cancelled = False

    @property
    def epochs_per_second(self) -> float:
        with self._cond:
            return self._rate

    def set(self, epochs_per_second: float) -> None:
        """A new pace; a waiting loop recomputes its wait at once."""
        with self._cond:
            self._rate = max(float(epochs_per_second), 0.0)
            self._cond.notify_all()

    def cancel(self) -> None:
        """End any wait now and every later one (the run is stopping)."""
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()

    def wait_since(self, start: float) -> float:
        """Block until one epoch's time (1 / pace) after ``start`` (a ``perf_counter`` time); returns now.

        Each epoch starts at least 1 / pace after the one before, so N epochs take at least (N − 1) / pace.
        """
        with self._cond:
            while not self._cancelled and self._rate > 0:
                left = start + 1.0 / self._rate - time.perf_counter()
                if left <= 0:
                    break
                self._cond.wait(left)
        return time.perf_counter()
