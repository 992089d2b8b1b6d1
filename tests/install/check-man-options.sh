#!/bin/bash
# check-man-options.sh: redress-cli(1) gives each command the options that
# `redress-cli COMMAND --help` lists, no more and no fewer, and names every
# command; so the manual cannot fall behind the program.
# Usage: check-man-options.sh MAN_PAGE REDRESS_CLI
set -u
man=$1
cli=$2
export LC_ALL=C.UTF-8
status=0

help=$("$cli" --help) || { echo "redress-cli --help failed"; exit 1; }
commands=$(echo "$help" | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || { echo "no commands in redress-cli --help"; exit 1; }

# The options written in troff ("\fB\-\-json\fR"), a line each.
man_options()
{
    sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z-]*[a-z]' | sort -u
}

# The man page's entry of a command: from the ".TP" whose next line starts
# with the command's name to the next ".TP" or ".SH", inside COMMANDS.
man_entry()
{
    awk -v want="$1" '
        /^\.SH / { in_commands = ($2 == "COMMANDS"); on = 0; next }
        !in_commands { next }
        /^\.TP/ { tp = 1; on = 0; next }
        tp {
            tp = 0
            line = $0
            sub(/^\.[A-Z]+ +"?/, "", line)
            gsub(/\\-/, "-", line)
            split(line, words, /[ "]/)
            on = (words[1] == want)
        }
        on { print }
    ' "$man"
}

# The options every command takes, from the help without a command.
global=$(echo "$help" | grep -oE -- '^  (-h, )?--[a-z][a-z-]*' | grep -o -- '--.*' | sort -u)

n=0
for command in $commands; do
    entry=$(man_entry "$command")
    if [ -z "$entry" ]; then
        echo "redress-cli.1 has no entry for $command"
        status=1
        continue
    fi
    own=$("$cli" "$command" --help | grep -oE -- '^  --[a-z][a-z-]*' | sed 's/^  //' |
          grep -vxE -- '--help(-all|-global)?' | sort -u)
    in_man=$(echo "$entry" | man_options)
    missing=$(comm -23 <(echo "$own") <(echo "$in_man") | grep .)
    # Only the entry's first line is its synopsis: the text below may name
    # another command's option ("export uses it unless --language ...").
    extra=$(comm -13 <(printf "%s\n" "$own" "$global" | sort -u) <(echo "$entry" | head -n 1 | man_options) | grep .)
    if [ -n "$missing" ]; then
        echo "redress-cli.1 does not give $command these options of its --help:" $missing
        status=1
    fi
    if [ -n "$extra" ]; then
        echo "redress-cli.1 gives $command options its --help does not list:" $extra
        status=1
    fi
    n=$((n + $(echo "$own" | grep -c .)))
done

# The global options, in OPTIONS.
options_section=$(awk '/^\.SH / { on = ($2 == "OPTIONS") } on' "$man" | man_options)
missing=$(comm -23 <(echo "$global") <(echo "$options_section") | grep .)
if [ -n "$missing" ]; then
    echo "redress-cli.1's OPTIONS lacks:" $missing
    status=1
fi

[ $status = 0 ] && echo "redress-cli.1 gives all $(echo "$commands" | wc -w) commands their $n options, as their --help does."
exit $status
