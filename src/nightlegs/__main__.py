"""``python -m nightlegs``: the command line."""

from nightlegs.cli import main

if __name__ == "__main__":
    main()
