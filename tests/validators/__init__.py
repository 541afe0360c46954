"""The outside validators the tests read outputs back with: EPUBCheck and DAISY Ace."""
