"""Shared test configuration: hypothesis profiles.

Profiles (choose with ``HYPOTHESIS_PROFILE=<name>`` or ``pytest --hypothesis-profile``):

* ``ci`` (default): enough examples to find real bugs while the whole suite stays fast;
  no deadline, because shared CI machines have noisy timings; derandomized when the
  ``CI`` environment variable is set.
* ``dev``: fewer examples, for a quick loop while editing.
* ``thorough``: many examples, for an occasional long run before a release.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    print_blob=True,
    # Strategies that build whole article results are legitimately slower to draw.
    suppress_health_check=[HealthCheck.too_slow],
)
# In CI (CI=true) examples are derived from each test's name, so a run of the same commit
# draws the same examples: a failure there is reproducible, never a roll of the dice.
# Locally the search stays random and keeps finding new cases.
if os.environ.get("CI"):
    settings.register_profile("ci", parent=settings.get_profile("ci"), derandomize=True)
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=10)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
