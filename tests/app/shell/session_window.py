"""What the window's session tests share: a click on a tool button, a window trained like a person.

(tests/app/conftest.py gives each test its own data folder, so the autosave never touches the home folder.)
"""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QSpinBox, QToolButton

from tests.app.people import LEFT, pick, type_number
from tests.engine.runs import session_parts as parts


def click(window, name: str) -> None:
    button = window.findChild(QToolButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    QTest.mouseClick(button, LEFT)


def train_xor(qtbot, window):
    """XOR with momentum, η 0.2, 2 epochs at 100 epochs a second, some digits of my own: set like a person."""
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    pick(window.findChild(QComboBox, "optimizerPicker"), "momentum")
    pick(window.findChild(QComboBox, "pacePicker"), window.findChild(QComboBox, "pacePicker").itemText(3))
    type_number(window.findChild(QSpinBox, "epochsBox"), 2)
    window.trainer.update(learning_rate=0.2)
    window.set_my_digits(parts.my_digits(4))
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        click(window, "trainButton")
    assert len(window.trainer.history) == 2 and window.trainer.optimizer.name == "momentum"
    return window
