#!/bin/sh
# The nightlegs container's entry point.
#   (no arguments, or only options)  nightlegs db upgrade, then nightlegs serve --host 0.0.0.0
#                                    with those options (e.g. --workers 2)
#   a command (db upgrade, serve, kb check, ...)  that nightlegs command alone
# With several replicas, run `db upgrade` once per release (a job, or compose's migrate
# service) and start the replicas with `serve`, so that they do not migrate at once.
set -eu
case "${1:-}" in
    "" | -*)
        nightlegs db upgrade
        exec nightlegs serve --host 0.0.0.0 "$@"
        ;;
    *)
        exec nightlegs "$@"
        ;;
esac
