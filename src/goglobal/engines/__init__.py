"""Pure-Python engines: no Django, no settings, no clock. The apps call them."""
