#!/bin/bash
# check-completion.sh: the bash completion offers every command of
# `redress-cli --help`, and every option of each command's own help
# (`redress-cli COMMAND --help-all`: its options and the global ones), so
# neither can be added without the other.
# Usage: check-completion.sh COMPLETION_FILE REDRESS_CLI
set -u
completion=$1
cli=$2
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$cli" "$bin/redress-cli"
export PATH="$bin:$PATH"
status=0

# What bash-completion would give (it need not be installed here).
_init_completion()
{
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
}
_filedir() { COMPREPLY=(); }

# shellcheck source=/dev/null
source "$completion"
# Read the help once here: each `offered` below runs in a subshell, which
# would otherwise run redress-cli --help again.
_redress_cli_read_help

# The candidates for a command line whose last word is being typed.
offered()
{
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _redress_cli
    printf '%s\n' "${COMPREPLY[@]}" | sort -u
}

expect()
{
    local want=$1
    shift
    local got
    got=$(offered "$@" | tr '\n' ' ')
    if [[ " $got" != *" $want "* ]]; then
        echo "${*}<Tab> does not offer $want (it offers: $got)"
        status=1
    fi
}

help=$(LC_ALL=C.UTF-8 redress-cli --help) || { echo "redress-cli --help failed"; exit 1; }

# Read here with awk, not with the completion's own parser: the commands
# are the lines of the "Commands:" section, two spaces in.
commands=$(echo "$help" | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }' | sort -u)
[ -n "$commands" ] || { echo "no commands in redress-cli --help"; exit 1; }
if [ "$(offered redress-cli '')" != "$commands" ]; then
    echo "the completion's commands differ from redress-cli --help:"
    diff <(echo "$commands") <(offered redress-cli '')
    status=1
fi
for option in $(echo "$help" | grep -oE -- '^  (-h, )?--[a-z][a-z-]*' | grep -o -- '--.*'); do
    expect "$option" redress-cli --
done

n=0
for command in $commands; do
    _redress_cli_read_command "$command"
    command_help=$(LC_ALL=C.UTF-8 redress-cli "$command" --help-all) ||
        { echo "redress-cli $command --help-all failed"; status=1; continue; }
    options=$(echo "$command_help" | grep -oE -- '^  (-h, )?--[a-z][a-z-]*' | grep -o -- '--.*')
    for own in --help --data-dir; do
        [[ " $(echo $options) " == *" $own "* ]] || { echo "$command --help-all lacks $own"; status=1; }
    done
    # One completion per command, not one per option: each runs in a
    # subshell, and a loaded machine makes hundreds of them slow.
    got=" $(offered redress-cli "$command" -- | tr '\n' ' ')"
    for option in $options; do
        if [[ $got != *" $option "* ]]; then
            echo "redress-cli $command --<Tab> does not offer $option (it offers:$got)"
            status=1
        fi
        n=$((n + 1))
    done
done

# Values and arguments: choices, and options after a value.
expect a4 redress-cli export 1 --paper ''
expect ombudsman redress-cli export 1 --letter ''
expect --landscape redress-cli --data-dir /tmp export 1 --paper a4 --la
expect export-case redress-cli --data-dir /tmp ex
expect cy redress-cli language 1 ''
expect hot-water redress-cli service-loss 4 h
expect --today redress-cli deadlines 1 --to
# After an option that takes a value (its help shows "=VALUE"), nothing is offered.
if [ -n "$(offered redress-cli deadlines 1 --today '')" ]; then
    echo "a date is typed after --today, but the completion offers words there"
    status=1
fi

[ $status = 0 ] && echo "The completion offers all $(echo "$commands" | wc -w) commands and $n options of redress-cli --help."
exit $status
