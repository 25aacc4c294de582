"""The use-cases: starting and answering interviews, keeping diaries and sharing them.

Both the JSON API and the pages call these as plain functions; they own the
transactions and speak to :mod:`nightlegs.store`."""
