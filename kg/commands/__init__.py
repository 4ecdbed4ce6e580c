"""Sub-commands of the ``kg`` command line, one module each (see :mod:`kg.cli`)."""
