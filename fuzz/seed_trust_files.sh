#!/usr/bin/env bash
# Regenerates fuzz/corpus/trust_files/ and fuzz/trust_files_signer.pub.pem (run from the
# repository root): a fresh Ed25519 key (the private half is thrown away), then approved files
# as packaging/sign_builtin_plugins.cmake writes them and .sig files in the format
# `needleworkctl plugin sign` writes (host/plugins/signature.h), for the stand-in plugin and
# manifest of fuzz/trust_files_fuzzer.cc. Needs openssl and protoc.
set -euo pipefail
out=fuzz/corpus/trust_files
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl genpkey -algorithm ed25519 -out "$work/key.pem"
openssl pkey -in "$work/key.pem" -pubout -out fuzz/trust_files_signer.pub.pem
raw_key_sha=$(openssl pkey -pubin -in fuzz/trust_files_signer.pub.pem -outform DER | tail -c 32 |
  sha256sum | cut -c1-16)
key="ed25519:$raw_key_sha"

printf 'needlework fuzz stand-in plugin: not a library\n' >"$work/plugin.so"
file_sha=$(sha256sum "$work/plugin.so" | cut -d' ' -f1)
manifest_sha=$(printf 'id: "org.needlework.fuzz" version: "1.0.0"' |
  protoc -Iproto --encode=needlework.plugin.v1.Manifest needlework/plugin/v1/manifest.proto |
  sha256sum | cut -d' ' -f1)

# sig FILE_SHA MANIFEST_SHA: the .sig text for these hashes, signed by the key.
sig() {
  printf 'needlework-plugin-signature-v1\n%s\n%s\n' "$1" "$2" >"$work/message"
  local signature
  signature=$(openssl pkeyutl -sign -inkey "$work/key.pem" -rawin -in "$work/message" | base64 -w0)
  printf 'needlework-plugin-signature-v1\nkey: %s\nfile-sha256: %s\nmanifest-sha256: %s\nsignature: %s\n' \
    "$key" "$1" "$2" "$signature"
}
approved() {
  printf '# SHA-256 of the built-in plugins shipped in this package (sha256sum format).\n'
  printf '%s  needlework_prp.so\n%s  plugin.so\n' "$(printf prp | sha256sum | cut -d' ' -f1)" "$1"
}

mkdir -p "$out"
rm -f "$out"/seed-*
other_sha=$(printf other | sha256sum | cut -d' ' -f1)
{ approved "$file_sha"; printf -- '---\n'; sig "$file_sha" "$manifest_sha"; } >"$out/seed-trusted"
{ approved "$file_sha"; printf -- '---\n'; sig "$file_sha" "$other_sha"; } >"$out/seed-other-manifest"
{ approved "$other_sha"; printf -- '---\n'; sig "$other_sha" "$manifest_sha"; } \
  >"$out/seed-changed-after-signing"
{ printf '%s *plugin.so\n\n# binary mode\n' "$file_sha"; printf -- '---\n'; sig "$file_sha" "$manifest_sha" |
  sed 's/^signature: \(.\)/signature: A/'; } >"$out/seed-bad-signature"
sig "$file_sha" "$manifest_sha" >"$out/seed-sig-only"
approved "$file_sha" >"$out/seed-approved-only"
ls "$out"
