#!/bin/sh
# check-no-network.sh: Redress must never use the network. Fails when the
# source uses a network API, or a built program loads a network library,
# directly or through another library.
# Usage: check-no-network.sh SOURCE_ROOT PROGRAM... [SONAME...]
# A SONAME (a name without a slash) is a library the programs open when
# first used rather than link (libtesseract, poppler-glib, libqpdf): it and
# what it brings are checked as a program's are.
set -u
root=$1
shift
status=0

pattern='GNetworkMonitor|g_network_monitor|GSocket|g_socket_|GResolver|g_resolver_|GSocketClient|soup_|libsoup|curl_|g_file_new_for_uri|gtk_show_uri|g_app_info_launch_default_for_uri|GNetworkAddress|g_network_address|GProxyResolver|GTlsConnection'
found=$(grep -rnE "$pattern" "$root/app" 2>/dev/null)
if [ -n "$found" ]; then
  echo "Network code found (Redress keeps everything on the machine):"
  echo "$found"
  status=1
fi

# Transport libraries (curl, soup, nghttp, ssh, ldap, rtmp, Kerberos, psl)
# fail the check: their only use is talking to other machines. gnutls, NSS
# and idn2 are noted: Debian's builds of libraries Redress uses need them
# for what they do offline: qpdf's encryption (gnutls), poppler's signature checks (NSS),
# GMime's international addresses (idn2). They open no sockets of their
# own; the syscalls test (tests/reliability/check-syscalls) runs the
# commands under strace and fails on any socket call.
#
# One exception to the transport rule: Debian's libtesseract (OCR) links
# libcurl, only so that its own command can read an image from a URL.
# Redress hands it pixels in memory, never a name to open. curl and the
# libraries that come only with it are noted, not failed, when nothing but
# libtesseract brings curl in; check-syscalls reads a scan with `ocr` under
# strace, so a socket opened there still fails the suite.

# The library whose NEEDED entries (in $needed: "user needed" lines) name $1.
brought_by() {
  echo "$needed" | awk -v lib="$1" '$2 == lib { print $1; found = 1; exit }
                                    END { if (!found) print "the program itself" }'
}

# Every library whose NEEDED entries name $1.
users_of() {
  echo "$needed" | awk -v lib="$1" '$2 == lib { print $1 }'
}

is_transport() {
  case $1 in
    libcurl*|libsoup*|libnghttp*|libssh*|libldap*|librtmp*|libgssapi*|libkrb5*|libpsl*|libk5crypto*|liblber*|libsasl2*) return 0 ;;
  esac
  return 1
}

# Whether $1 is loaded only for libtesseract's curl: curl is needed by
# libtesseract alone, and $1 by curl or by libraries that are themselves
# only curl's.
only_for_ocr() {
  for user in $(users_of libcurl.so.4); do
    case $user in libtesseract*) ;; *) return 1 ;; esac
  done
  [ "$1" = libcurl.so.4 ] && return 0
  for user in $(users_of "$1"); do
    is_transport "$user" || return 1
  done
  return 0
}

for program in "$@"; do
  path=$program
  case $program in
    */*) ;;
    *)
      path=$(ldconfig -p | awk -v so="$program" '$1 == so && $NF ~ /^\// { print $NF; exit }')
      if [ -z "$path" ]; then
        echo "$program, which Redress opens when first used, is not installed"
        status=1
        continue
      fi
      ;;
  esac
  # Every library loaded with the program, not only the ones it names:
  # a network library two links away is loaded all the same.
  libs=$(ldd "$path" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }')
  needed=$(for lib in "$path" $libs; do
             readelf -d "$lib" 2>/dev/null |
               awk -v user="${lib##*/}" '/NEEDED/ { gsub(/[][]/, "", $5); print user, $5 }'
           done)
  for lib in $libs; do
    name=${lib##*/}
    case $name in
      libcurl*|libsoup*|libnghttp*|libssh*|libldap*|librtmp*|libgssapi*|libkrb5*|libpsl*)
        if only_for_ocr "$name"; then
          echo "note: ${program##*/} loads $name, needed by $(brought_by "$name") for libtesseract's URLs (no sockets: see check-syscalls)"
        else
          echo "$program loads a network library: $name (needed by $(brought_by "$name"))"
          status=1
        fi
        ;;
      libgnutls*|libnss3*|libnssutil3*|libidn2*|libp11-kit*)
        echo "note: ${program##*/} loads $name, needed by $(brought_by "$name") (no sockets: see check-syscalls)"
        ;;
    esac
  done
done

[ $status = 0 ] && echo "No network code in app/ and no network library loaded."
exit $status
