#!/bin/sh
# check-no-network.sh: Redress must never use the network. Fails when the
# source uses a network API, or a built program links a network library.
# Usage: check-no-network.sh SOURCE_ROOT PROGRAM...
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

for program in "$@"; do
  libs=$(readelf -d "$program" 2>/dev/null | grep NEEDED | grep -iE 'soup|curl|gnutls|nghttp|libssh' || true)
  if [ -n "$libs" ]; then
    echo "$program links a network library:"
    echo "$libs"
    status=1
  fi
done

[ $status = 0 ] && echo "No network code in app/ and no network library linked."
exit $status
