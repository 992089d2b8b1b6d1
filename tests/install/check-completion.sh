#!/bin/bash
# check-completion.sh: the bash completion offers every command of
# `redress-cli --help`, and every option of each command's usage line,
# so neither can be added without the other.
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
# are the usage lines, two spaces in and starting with a letter.
commands=$(echo "$help" | awk '/^  [a-z]/ { print $1 }' | sort -u)
[ -n "$commands" ] || { echo "no commands in redress-cli --help"; exit 1; }
if [ "$(offered redress-cli '')" != "$commands" ]; then
    echo "the completion's commands differ from redress-cli --help:"
    diff <(echo "$commands") <(offered redress-cli '')
    status=1
fi

n=0
for command in $commands; do
    usage=$(echo "$help" | awk -v c="$command" '$1 == c && /^  [a-z]/ { sub(/^  /, ""); sub(/  .*/, ""); print; exit }')
    for option in $(echo "$usage" | grep -o -- '--[a-z][a-z-]*'); do
        expect "$option" redress-cli "$command" --
        n=$((n + 1))
    done
done

# Values and arguments: choices, and options after a value.
expect a4 redress-cli export 1 --paper ''
expect ombudsman redress-cli export 1 --letter ''
expect --landscape redress-cli --data-dir /tmp export 1 --paper a4 --la
expect export-case redress-cli --data-dir /tmp ex
expect cy redress-cli language 1 ''

[ $status = 0 ] && echo "The completion offers all $(echo "$commands" | wc -w) commands and $n options of redress-cli --help."
exit $status
