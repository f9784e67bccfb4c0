#!/usr/bin/env bash
# Collects an EksAdvisories node snapshot folder from a live EKS node, for `Test-IpamdReconcile`,
# `eksadvisories check-node` or `NodeSnapshot.Load`. Run it on the node (or in a debug pod with host networking).
#
#   collect-node-snapshot.sh [-o DIR]
#
# Needs curl; `aws` (EC2 read access) and `kubectl` are used when present. Every base URL and command can be overridden:
#   IMDS_URL (http://169.254.169.254)      IPAMD_URL (http://127.0.0.1:61679)
#   AWS_CLI (aws)  KUBECTL (kubectl)       IPAMD_LOG (/var/log/aws-routed-eni/ipamd.log)  LOG_LINES (20000)
# Exit codes: 0 all required parts written, 1 a required part could not be collected, 2 bad usage.
set -uo pipefail

out="snapshot-$(date -u +%Y%m%dT%H%M%SZ)"
while getopts "o:h" opt; do
  case "$opt" in
    o) out="$OPTARG" ;;
    h) sed -n '2,12p' "$0"; exit 0 ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
done

IMDS_URL="${IMDS_URL:-http://169.254.169.254}"
IPAMD_URL="${IPAMD_URL:-http://127.0.0.1:61679}"
# Paths are appended with a leading slash; a base URL given with a trailing one would make '//latest/...', a 404.
IMDS_URL="${IMDS_URL%/}"
IPAMD_URL="${IPAMD_URL%/}"
AWS_CLI="${AWS_CLI:-aws}"
KUBECTL="${KUBECTL:-kubectl}"
IPAMD_LOG="${IPAMD_LOG:-/var/log/aws-routed-eni/ipamd.log}"
LOG_LINES="${LOG_LINES:-20000}"
failed=0

mkdir -p "$out" || exit 1
say() { printf '%s\n' "$*" >&2; }

# IMDSv2: a session token first; fall back to IMDSv1 if the PUT is refused.
token=$(curl -fsS -m 5 -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 21600" "$IMDS_URL/latest/api/token" 2>/dev/null || true)
imds() {
  if [ -n "$token" ]; then
    curl -fsS -m 5 -H "X-aws-ec2-metadata-token: $token" "$IMDS_URL/latest/meta-data/$1"
  else
    curl -fsS -m 5 "$IMDS_URL/latest/meta-data/$1"
  fi
}

# JSON string escaping without jq or python (neither is on a stock node). Besides \\, ", tab, CR and LF, every other
# control character must be escaped too, or the file is not JSON; their \u00XX forms are computed once here.
declare -a control_chars=() control_escapes=()
for code in {1..31}; do
  case $code in 9|10|13) continue ;; esac
  printf -v hex '%02x' "$code"
  printf -v char "\\x$hex"
  control_chars+=("$char"); control_escapes+=("\\u00$hex")
done
json_string() {
  local s=$1 i
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\t'/\\t}; s=${s//$'\r'/\\r}; s=${s//$'\n'/\\n}
  for i in "${!control_chars[@]}"; do
    s=${s//"${control_chars[$i]}"/"${control_escapes[$i]}"}
  done
  printf '"%s"' "$s"
}

declare -a keys=(instance-id instance-type mac network/interfaces/macs)
macs=$(imds network/interfaces/macs) || { say "IMDS: cannot read network/interfaces/macs from $IMDS_URL"; failed=1; macs=""; }
for mac in $macs; do
  mac=${mac%/}
  for key in interface-id device-number local-ipv4s ipv4-prefix subnet-ipv4-cidr-block; do
    keys+=("network/interfaces/macs/$mac/$key")
  done
done

{
  printf '{'
  first=1
  for key in "${keys[@]}"; do
    # A key IMDS answers 404 for (ipv4-prefix without prefixes) is left out, as the checker expects. The 'x' keeps
    # trailing newlines, which $(...) would strip, so the value stays IMDS's raw text.
    if value=$(imds "$key" 2>/dev/null && printf x); then
      value=${value%x}
      [ $first -eq 1 ] || printf ','
      first=0
      printf '\n  %s: %s' "$(json_string "$key")" "$(json_string "$value")"
    fi
  done
  printf '\n}\n'
} > "$out/imds.json"

curl -fsS -m 10 "$IPAMD_URL/v1/enis" -o "$out/enis.json" || { say "introspection: cannot read $IPAMD_URL/v1/enis"; rm -f "$out/enis.json"; failed=1; }
curl -fsS -m 10 "$IPAMD_URL/v1/ipamd-env-settings" -o "$out/ipamd-env-settings.json" 2>/dev/null || rm -f "$out/ipamd-env-settings.json"

instance_id=$(imds instance-id 2>/dev/null || true)
instance_type=$(imds instance-type 2>/dev/null || true)
if command -v "$AWS_CLI" >/dev/null 2>&1 && [ -n "$instance_id" ]; then
  "$AWS_CLI" ec2 describe-network-interfaces --filters "Name=attachment.instance-id,Values=$instance_id" --output json \
    > "$out/ec2-network-interfaces.json" || { say "aws: describe-network-interfaces failed"; rm -f "$out/ec2-network-interfaces.json"; failed=1; }
  if [ -n "$instance_type" ]; then
    "$AWS_CLI" ec2 describe-instance-types --instance-types "$instance_type" --output json \
      > "$out/instance-type.json" 2>/dev/null || rm -f "$out/instance-type.json"
  fi
else
  say "aws CLI ($AWS_CLI) or instance id missing: ec2-network-interfaces.json (required) not written"
  failed=1
fi

if command -v "$KUBECTL" >/dev/null 2>&1; then
  "$KUBECTL" get ds aws-node -n kube-system -o json > "$out/aws-node-daemonset.json" 2>/dev/null || rm -f "$out/aws-node-daemonset.json"
fi

if [ -r "$IPAMD_LOG" ]; then
  tail -n "$LOG_LINES" "$IPAMD_LOG" > "$out/ipamd.log"
fi

say "snapshot written to $out: $(cd "$out" && ls | tr '\n' ' ')"
exit $failed
