"""Top level: socklab's pytest plugin, for the runs that collect socklab's lab checks.

socklab installs no pytest entry point: an unrelated project's tests in the same
environment get no socklab option and no behaviour of it.  ``pytest labs/dayN`` (and
socklab's own tests) load the plugin through this file; grading runs name it themselves
(``-p harness.plugin``).
"""

pytest_plugins = ["harness.plugin"]
