"""``python -m kg.cli``: the ``kg`` command."""

from . import main

if __name__ == "__main__":  # not when a spawned process imports the main module (kg serve's writer)
    main()
