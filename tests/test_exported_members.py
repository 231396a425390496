"""The public API is what ``__all__`` says, and every name in it exists."""

import newsledger


def test_all_names_exist():
    assert len(set(newsledger.__all__)) == len(newsledger.__all__)
    for name in newsledger.__all__:
        assert hasattr(newsledger, name), name


def test_public_names_are_exported():
    public = {n for n in dir(newsledger) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(newsledger.__all__)
