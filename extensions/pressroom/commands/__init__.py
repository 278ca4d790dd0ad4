"""Sub-commands of the ``pressroom`` command line; see :mod:`pressroom.cli`."""
