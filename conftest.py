"""Top level: make the socklab plugin available in a checkout that was not pip-installed.

When socklab is installed, pytest loads the plugin through its ``pytest11`` entry point
and this file adds nothing.
"""

from importlib.metadata import entry_points

if not any(ep.value == "harness.plugin" for ep in entry_points(group="pytest11")):
    pytest_plugins = ["harness.plugin"]
