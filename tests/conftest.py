"""Shared test configuration: hypothesis profiles.

Profiles (choose with ``HYPOTHESIS_PROFILE=<name>`` or ``pytest --hypothesis-profile``):

* ``ci`` (default): enough examples to find real bugs while the whole suite stays fast;
  no deadline, because shared CI machines have noisy timings.
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
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=10)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
