#!/usr/bin/env bash
# The local Kubernetes API server of the tests (@RealKube) and of the demo (scripts/peers.sh run): etcd and
# kube-apiserver on 127.0.0.1, with a CA and certificates of their own and RBAC on. Both callers start the same
# programs with the same flags from here, and neither needs anything outside KUBE_DIR.
#
# Usage (KUBE_DIR: an absolute directory for the PKI and etcd's data; binaries from scripts/peers.sh):
#   scripts/kube-peer.sh pki                      CA, API server and admin certificates, service-account keys in
#                                                 $KUBE_DIR/pki (kept when they exist)
#   scripts/kube-peer.sh serving-cert NAME        $KUBE_DIR/pki/NAME.{crt,key}: a server certificate for 127.0.0.1
#                                                 and localhost signed by the same CA (webhook servers)
#   scripts/kube-peer.sh kubeconfig FILE          an admin kubeconfig (client certificate in system:masters)
#   scripts/kube-peer.sh etcd                     exec etcd:           ETCD, ETCD_CLIENT_PORT, ETCD_PEER_PORT
#   scripts/kube-peer.sh kube-apiserver           exec kube-apiserver: KUBE_APISERVER, KUBE_APISERVER_PORT,
#                                                 ETCD_CLIENT_PORT
set -euo pipefail

: "${KUBE_DIR:?KUBE_DIR must name the directory of the PKI and etcd data}"
PKI=$KUBE_DIR/pki
# The in-cluster name of the API server; tokens of service accounts name it as their issuer and audience.
ISSUER=https://kubernetes.default.svc.cluster.local

key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }

# dir name subject extensions : a key and a certificate signed by the CA in dir
issue() {
  local dir=$1 name=$2 subject=$3 extensions=$4
  key "$dir/$name.key"
  openssl req -new -key "$dir/$name.key" -subj "$subject" -out "$dir/$name.csr"
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 3650 \
    -sha256 -extfile <(printf '%s\n' "$extensions") -out "$dir/$name.crt" 2>/dev/null
  rm -f "$dir/$name.csr"
}

server_extensions() { # extra SANs...
  local sans="IP:127.0.0.1,DNS:localhost" san
  for san in "$@"; do sans+=",$san"; done
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s' "$sans"
}

pki() {
  [ -f "$PKI/ca.crt" ] && [ -f "$PKI/sa.pub" ] && return 0
  local tmp="$PKI.tmp-$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  key "$tmp/ca.key"
  openssl req -x509 -new -key "$tmp/ca.key" -subj "/CN=rule-sync test CA" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$tmp/ca.crt"
  issue "$tmp" apiserver "/CN=kube-apiserver" "$(server_extensions IP:10.0.0.1 DNS:kubernetes \
    DNS:kubernetes.default DNS:kubernetes.default.svc DNS:kubernetes.default.svc.cluster.local)"
  # system:masters is the group every API server authorizes fully, before RBAC is even consulted.
  issue "$tmp" admin "/O=system:masters/CN=rule-sync-admin" \
    "$(printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth')"
  key "$tmp/sa.key"
  openssl pkey -in "$tmp/sa.key" -pubout -out "$tmp/sa.pub"
  rm -rf "$PKI"
  mv "$tmp" "$PKI"
}

serving_cert() {
  [ -f "$PKI/ca.key" ] || pki
  [ -f "$PKI/$1.crt" ] || issue "$PKI" "$1" "/CN=$1" "$(server_extensions)"
}

kubeconfig() {
  : "${KUBE_APISERVER_PORT:?}"
  local file=$1 tmp
  tmp="$file.tmp-$$"
  cat > "$tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: rule-sync-test
  cluster:
    server: https://127.0.0.1:$KUBE_APISERVER_PORT
    certificate-authority: $PKI/ca.crt
users:
- name: rule-sync-admin
  user:
    client-certificate: $PKI/admin.crt
    client-key: $PKI/admin.key
contexts:
- name: rule-sync-test
  context:
    cluster: rule-sync-test
    user: rule-sync-admin
    namespace: default
current-context: rule-sync-test
EOF
  mv "$tmp" "$file"
}

case "${1:-}" in
  pki) pki ;;
  serving-cert) serving_cert "${2:?usage: $0 serving-cert NAME}" ;;
  kubeconfig) kubeconfig "${2:?usage: $0 kubeconfig FILE}" ;;
  etcd)
    : "${ETCD:?}" "${ETCD_CLIENT_PORT:?}" "${ETCD_PEER_PORT:?}"
    peer=http://127.0.0.1:$ETCD_PEER_PORT client=http://127.0.0.1:$ETCD_CLIENT_PORT
    # --unsafe-no-fsync: test data need not survive a power cut, and fsync is most of etcd's write latency.
    exec "$ETCD" --name=rule-sync --data-dir="$KUBE_DIR/etcd" --log-level=warn --unsafe-no-fsync \
      --listen-client-urls="$client" --advertise-client-urls="$client" \
      --listen-peer-urls="$peer" --initial-advertise-peer-urls="$peer" --initial-cluster="rule-sync=$peer" ;;
  kube-apiserver)
    : "${KUBE_APISERVER:?}" "${KUBE_APISERVER_PORT:?}" "${ETCD_CLIENT_PORT:?}"
    # No controller manager and no nodes: no endpoint reconciler, and no ServiceAccount admission plugin (it waits
    # for the token controller). Everything else is the API server's defaults, webhooks admission included.
    exec "$KUBE_APISERVER" --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
      --secure-port="$KUBE_APISERVER_PORT" --etcd-servers="http://127.0.0.1:$ETCD_CLIENT_PORT" \
      --client-ca-file="$PKI/ca.crt" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
      --service-account-issuer="$ISSUER" --service-account-key-file="$PKI/sa.pub" \
      --service-account-signing-key-file="$PKI/sa.key" --service-cluster-ip-range=10.0.0.0/24 \
      --authorization-mode=RBAC --disable-admission-plugins=ServiceAccount --endpoint-reconciler-type=none \
      --cert-dir="$KUBE_DIR/apiserver-certs" --profiling=false ;;
  *) echo "usage: $0 pki|serving-cert NAME|kubeconfig FILE|etcd|kube-apiserver" >&2; exit 2 ;;
esac
