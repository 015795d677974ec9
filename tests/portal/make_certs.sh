#!/bin/sh
# make_certs.sh OUTDIR [PASSPHRASE]
#
# Throwaway PKI for the portal tests (tests/portal/kintone_server.py), made with the openssl CLI
# (OpenSSL 3.0 on Debian 12). CAs and server keys are P-256; client keys are RSA 2048 so that the
# PKCS#12 files load everywhere (Qt 6 QSslCertificate::importPkcs12 on the OpenSSL 3 backend, Node 20
# https.Agent({pfx, passphrase}), Python's ssl through the PEM copies). PKCS#12 files use
# AES-256-CBC for keys and certificates with PBKDF2 and an HMAC-SHA256 MAC (no legacy RC2/3DES) and
# carry the issuing CA certificate after the client certificate.
#
# Files written to OUTDIR (names are fixed):
#   ca.pem ca.key                     the test CA (signs the server and the client certificates)
#   server.pem server.key             CN=localhost, SAN DNS:localhost, IP:127.0.0.1, signed by ca
#   client.pem client.key client.p12  CN=fieldsurvey-test-client (clientAuth), signed by ca
#   other-ca.pem other-ca.key         an unrelated CA
#   other-client.pem other-client.key other-client.p12   client certificate signed by other-ca
#   expired-client.pem expired-client.key expired-client.p12
#                                     signed by ca, valid 2020-01-01 .. 2021-01-01 only
#   other-server.pem other-server.key localhost server certificate signed by other-ca
# The PKCS#12 passphrase is PASSPHRASE (default: test-passphrase).
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 OUTDIR [PASSPHRASE]" >&2
    exit 2
fi
OUT=$1
PASS=${2:-test-passphrase}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

# Our own minimal configuration: independent of /usr/lib/ssl/openssl.cnf.
cat > "$WORK/openssl.cnf" <<'EOF'
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_server ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_client ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $ENV::FS_CA_DIR/index.txt
new_certs_dir = $ENV::FS_CA_DIR
serial = $ENV::FS_CA_DIR/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
commonName = supplied
EOF
export OPENSSL_CONF="$WORK/openssl.cnf"
export FS_CA_DIR="$WORK/ca-db"   # referenced by the [test_ca] section, so set before any openssl call

ec_key() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
}
rsa_key() {
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null
}
serial() {
    # 16 random bytes as a positive serial number
    echo "0x$(openssl rand -hex 16 | sed 's/^./7/')"
}
make_ca() { # name CN
    ec_key "$OUT/$1.key"
    openssl req -new -x509 -config "$OPENSSL_CONF" -key "$OUT/$1.key" -subj "/CN=$2" -days 3650 -sha256 \
        -extensions v3_ca -set_serial "$(serial)" -out "$OUT/$1.pem"
}
sign() { # name CA-name extensions CN
    openssl req -new -config "$OPENSSL_CONF" -key "$OUT/$1.key" -subj "/CN=$4" -out "$WORK/$1.csr"
    openssl x509 -req -in "$WORK/$1.csr" -CA "$OUT/$2.pem" -CAkey "$OUT/$2.key" -set_serial "$(serial)" \
        -days 825 -sha256 -extfile "$OPENSSL_CONF" -extensions "$3" -out "$OUT/$1.pem" 2>/dev/null
}
p12() { # name CA-name
    openssl pkcs12 -export -inkey "$OUT/$1.key" -in "$OUT/$1.pem" -certfile "$OUT/$2.pem" \
        -name "FieldSurvey $1" -passout "pass:$PASS" \
        -certpbe AES-256-CBC -keypbe AES-256-CBC -macalg sha256 -out "$OUT/$1.p12"
}

make_ca ca "FieldSurvey Test CA"
make_ca other-ca "Unrelated Test CA"

ec_key "$OUT/server.key"
sign server ca v3_server localhost
ec_key "$OUT/other-server.key"
sign other-server other-ca v3_server localhost

rsa_key "$OUT/client.key"
sign client ca v3_client fieldsurvey-test-client
p12 client ca

rsa_key "$OUT/other-client.key"
sign other-client other-ca v3_client fieldsurvey-other-client
p12 other-client other-ca

# Expired: validity entirely in the past needs `openssl ca -startdate/-enddate` on OpenSSL 3.0
# (x509 -not_before/-not_after only arrived in 3.4).
rsa_key "$OUT/expired-client.key"
mkdir -p "$FS_CA_DIR"
: > "$FS_CA_DIR/index.txt"
openssl rand -hex 16 | sed 's/^./7/' > "$FS_CA_DIR/serial"
openssl req -new -config "$OPENSSL_CONF" -key "$OUT/expired-client.key" -subj "/CN=fieldsurvey-expired-client" \
    -out "$WORK/expired-client.csr"
openssl ca -config "$OPENSSL_CONF" -batch -notext -cert "$OUT/ca.pem" -keyfile "$OUT/ca.key" \
    -startdate 20200101000000Z -enddate 20210101000000Z -extfile "$OPENSSL_CONF" -extensions v3_client \
    -in "$WORK/expired-client.csr" -out "$OUT/expired-client.pem" 2>/dev/null
p12 expired-client ca

chmod 600 "$OUT"/*.key "$OUT"/*.p12
# Self-check: the chains we promise.
openssl verify -CAfile "$OUT/ca.pem" "$OUT/server.pem" "$OUT/client.pem" >/dev/null
openssl verify -CAfile "$OUT/other-ca.pem" "$OUT/other-server.pem" "$OUT/other-client.pem" >/dev/null
if openssl verify -CAfile "$OUT/ca.pem" "$OUT/expired-client.pem" >/dev/null 2>&1; then
    echo "make_certs.sh: expired-client.pem unexpectedly verifies" >&2
    exit 1
fi
