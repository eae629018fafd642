#!/usr/bin/env python3
"""CDS Hooks over real HTTP against the real needlework-host.

Starts the host (demo clinic, built-in plugins) with its HTTP listener and a cds_hooks
config naming two EMRs (JWT issuers) with RSA keys made here, and a small FHIR server of
the example patients; then calls it as an EMR would, with requests and PyJWT (Debian
python3-requests, python3-jwt, python3-cryptography).

usage: cds_hooks_test.py HOST_BINARY PLUGIN_DIR EXAMPLES_DIR CTL_BINARY

Registered with ctest as CdsHooksOverHttp (tests/cdshooks/CMakeLists.txt).
"""

import base64
import http.server
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import uuid

import jwt
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

HOST_BINARY, PLUGIN_DIR, EXAMPLES_DIR, CTL_BINARY = (
    sys.argv[1:5] if len(sys.argv) >= 5 else ("", "", "", ""))
ISSUER_A = "https://emr-a.test"
ISSUER_B = "https://emr-b.test"
PROCEDURE = "https://needlework.dev/fhir/CodeSystem/procedure"
RECORD_SYSTEM = "https://needlework.dev/fhir/CodeSystem/screening-record"
SEARCH_TYPES = {
    "Condition": "Condition", "MedicationRequest": "MedicationRequest",
    "MedicationStatement": "MedicationStatement", "AllergyIntolerance": "AllergyIntolerance",
    "Observation": "Observation", "Procedure": "Procedure",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def b64url_uint(value):
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwks_of(key, kid):
    numbers = key.public_key().public_numbers()
    return {"keys": [{"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS384",
                      "n": b64url_uint(numbers.n), "e": b64url_uint(numbers.e)}]}


def example(name):
    with open(os.path.join(EXAMPLES_DIR, name + ".json")) as f:
        return json.load(f)


def patient_id(bundle):
    return next(e["resource"]["id"] for e in bundle["entry"]
                if e["resource"]["resourceType"] == "Patient")


class FhirServer(http.server.ThreadingHTTPServer):
    """Serves the example patients' resources as a FHIR server would: Patient/<id> reads and
    <Type>?patient=<id> searchsets. Records the Authorization header of every request."""

    def __init__(self):
        self.by_patient = {}
        for name in ("eligible", "warfarin", "active-acne"):
            bundle = example(name)
            self.by_patient[patient_id(bundle)] = [e["resource"] for e in bundle["entry"]]
        self.authorizations = []
        super().__init__(("127.0.0.1", 0), FhirHandler)

    def url(self):
        return "http://127.0.0.1:%d/fhir" % self.server_address[1]


class FhirHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.authorizations.append(self.headers.get("Authorization", ""))
        parsed = urllib.parse.urlparse(self.path)
        parts = parsed.path.split("/")[2:]  # after /fhir
        query = urllib.parse.parse_qs(parsed.query)
        if len(parts) == 2 and parts[0] == "Patient":
            found = [r for r in self.server.by_patient.get(parts[1], [])
                     if r["resourceType"] == "Patient"]
            return self.answer(200, found[0]) if found else self.answer(404, {})
        if len(parts) == 1 and parts[0] in SEARCH_TYPES and "patient" in query:
            resources = [r for r in self.server.by_patient.get(query["patient"][0], [])
                         if r["resourceType"] == parts[0]]
            return self.answer(200, {"resourceType": "Bundle", "type": "searchset",
                                     "total": len(resources),
                                     "entry": [{"resource": r} for r in resources]})
        self.answer(404, {})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class CdsHooksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.key_a = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cls.key_b = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        for name, key, kid in (("a", cls.key_a, "a-1"), ("b", cls.key_b, "b-1")):
            with open(os.path.join(cls.dir.name, name + ".jwks"), "w") as f:
                json.dump(jwks_of(key, kid), f)
        cls.http_port = free_port()
        cls.base = "http://127.0.0.1:%d" % cls.http_port
        config = os.path.join(cls.dir.name, "needlework.yaml")
        with open(config, "w") as f:
            f.write(f"""listen: 127.0.0.1:0
data_dir: {cls.dir.name}/data
plugin_dirs: [{PLUGIN_DIR}]
plugin_trust: {{mode: development}}
http: {{listen: 127.0.0.1:{cls.http_port}}}
cds_hooks:
  service_url: {cls.base}
  fetch_timeout_ms: 3000
  issuers:
    - {{iss: {ISSUER_A}, clinic: demo, jwks_file: a.jwks}}
    - {{iss: {ISSUER_B}, clinic: other, jwks_file: b.jwks}}
""")
        ready = os.path.join(cls.dir.name, "ready")
        cls.log = open(os.path.join(cls.dir.name, "host.log"), "w")
        cls.host = subprocess.Popen(
            [HOST_BINARY, "--config", config, "--ready-file", ready, "--seed-demo"],
            stdout=subprocess.DEVNULL, stderr=cls.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if cls.host.poll() is not None:
                raise RuntimeError("needlework-host exited: see " + cls.log.name)
            try:
                if requests.get(cls.base + "/cds-services", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the HTTP listener did not come up")
        cls.fhir = FhirServer()
        threading.Thread(target=cls.fhir.serve_forever, daemon=True).start()
        with open(ready) as f:
            cls.grpc_address = f.readline().strip()
        with open(os.path.join(cls.dir.name, "data", "demo-credentials.json")) as f:
            cls.emr_token = json.load(f)["emr_token"]

    @classmethod
    def tearDownClass(cls):
        cls.fhir.shutdown()
        cls.host.terminate()
        cls.host.wait(timeout=30)
        cls.log.close()
        cls.dir.cleanup()

    # --- helpers ---

    def token(self, key=None, iss=ISSUER_A, kid="a-1", alg="RS384", **claims):
        now = int(time.time())
        payload = {"iss": iss, "sub": "emr-client", "aud": self.base, "exp": now + 240,
                   "iat": now, "jti": str(uuid.uuid4())}
        payload.update(claims)
        return jwt.encode(payload, key or self.key_a, algorithm=alg, headers={"kid": kid})

    def post(self, path, body, token=None):
        headers = {"Authorization": "Bearer " + (token or self.token())}
        return requests.post(self.base + path, json=body, headers=headers, timeout=30)

    def hook_body(self, hook, name, prefetch=True):
        bundle = example(name)
        body = {"hook": hook, "hookInstance": str(uuid.uuid4()),
                "context": {"userId": "Practitioner/dr-lee", "patientId": patient_id(bundle)}}
        if prefetch:
            body["prefetch"] = {"patient": bundle, "conditions": None,
                                "medicationRequests": None, "medicationStatements": None,
                                "allergies": None, "observations": None, "procedures": None}
        return body

    def cards(self, service, body, token=None):
        reply = self.post("/cds-services/" + service, body, token)
        self.assertEqual(reply.status_code, 200, reply.text)
        return reply.json()["cards"]

    def screenings(self):
        db = sqlite3.connect("file:%s/data/needlework.db?mode=ro" % self.dir.name, uri=True)
        try:
            return db.execute("SELECT COUNT(*) FROM screenings").fetchone()[0]
        finally:
            db.close()

    def check_card(self, card):
        uuid.UUID(card["uuid"])
        self.assertLess(len(card["summary"]), 140)
        self.assertIn(card["indicator"], ("info", "warning", "critical"))
        self.assertEqual(card["source"]["label"], "Needlework screening")
        self.assertEqual(card["source"]["topic"]["system"], RECORD_SYSTEM)
        self.assertTrue(card["source"]["topic"]["code"].startswith("scr_"))

    # --- tests ---

    def test_discovery_field_by_field(self):
        reply = requests.get(self.base + "/cds-services", timeout=10)
        self.assertEqual(reply.status_code, 200)
        services = reply.json()["services"]
        self.assertEqual([s["hook"] for s in services],
                         ["patient-view", "order-select", "order-sign", "appointment-book"])
        for service in services:
            self.assertEqual(set(service), {"hook", "title", "description", "id", "prefetch"})
            self.assertEqual(service["prefetch"]["patient"], "Patient/{{context.patientId}}")
            for key, query in service["prefetch"].items():
                self.assertIn("{{context.patientId}}", query, key)

    def test_patient_view_with_prefetch(self):
        cards = self.cards("needlework-patient-view", self.hook_body("patient-view", "warfarin"))
        self.assertEqual(len(cards), 1)
        self.check_card(cards[0])
        self.assertEqual(cards[0]["indicator"], "warning")

    def test_order_sign_with_prefetch(self):
        body = self.hook_body("order-sign", "active-acne")
        order = {"resourceType": "ServiceRequest", "id": "mn-1", "status": "draft",
                 "intent": "order", "code": {"coding": [{"system": PROCEDURE,
                                                         "code": "microneedling"}]}}
        body["context"]["draftOrders"] = {"resourceType": "Bundle", "type": "collection",
                                          "entry": [{"resource": order}]}
        cards = self.cards("needlework-order-sign", body)
        self.assertEqual(len(cards), 1)
        self.check_card(cards[0])
        self.assertEqual(cards[0]["indicator"], "critical")

    def test_order_select_screens_only_the_selected_microneedling_order(self):
        body = self.hook_body("order-select", "eligible")
        order = {"resourceType": "ServiceRequest", "id": "mn-1", "status": "draft",
                 "intent": "order", "code": {"coding": [{"system": PROCEDURE,
                                                         "code": "microneedling"}]}}
        body["context"]["draftOrders"] = {"resourceType": "Bundle", "type": "collection",
                                          "entry": [{"resource": order}]}
        body["context"]["selections"] = ["ServiceRequest/other"]
        self.assertEqual(self.cards("needlework-order-select", body), [])
        body["context"]["selections"] = ["ServiceRequest/mn-1"]
        cards = self.cards("needlework-order-select", body)
        self.assertEqual(len(cards), 1)
        self.check_card(cards[0])
        self.assertEqual(cards[0]["indicator"], "info")

    def test_appointment_book_adds_the_booking_rule(self):
        body = self.hook_body("appointment-book", "warfarin")
        appointment = {"resourceType": "Appointment", "id": "appt-1", "status": "proposed",
                       "serviceType": [{"coding": [{"system": PROCEDURE,
                                                    "code": "microneedling"}]}]}
        body["context"]["appointments"] = {"resourceType": "Bundle", "type": "collection",
                                           "entry": [{"resource": appointment}]}
        cards = self.cards("needlework-appointment-book", body)
        self.assertEqual(len(cards), 2, cards)
        for card in cards:
            self.check_card(card)
        self.assertIn("Book only after a clinician", cards[1]["summary"])

    def test_without_prefetch_the_fhir_server_is_read_with_the_emr_token(self):
        with_prefetch = self.cards("needlework-patient-view",
                                   self.hook_body("patient-view", "warfarin"))
        body = self.hook_body("patient-view", "warfarin", prefetch=False)
        body["fhirServer"] = self.fhir.url()
        body["fhirAuthorization"] = {"access_token": "fhir-token-1", "token_type": "Bearer",
                                     "expires_in": 300, "scope": "patient/*.read",
                                     "subject": "needlework"}
        fetched = self.cards("needlework-patient-view", body)
        self.assertEqual(len(fetched), 1)
        self.check_card(fetched[0])
        self.assertEqual(fetched[0]["indicator"], with_prefetch[0]["indicator"])
        self.assertEqual(fetched[0]["summary"], with_prefetch[0]["summary"])
        self.assertIn("Bearer fhir-token-1", self.fhir.authorizations)

    def test_fhir_server_down_is_a_fail_closed_card(self):
        body = self.hook_body("patient-view", "eligible", prefetch=False)
        body["fhirServer"] = "http://127.0.0.1:%d/fhir" % free_port()
        cards = self.cards("needlework-patient-view", body)
        self.assertEqual(len(cards), 1)
        self.check_card(cards[0])
        self.assertEqual(cards[0]["indicator"], "warning")
        self.assertIn("Could not check", cards[0]["summary"])

    def test_refused_tokens_are_401_and_run_nothing(self):
        other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_pem = self.key_a.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        now = int(time.time())
        replayed = self.token()
        self.cards("needlework-patient-view", self.hook_body("patient-view", "eligible"),
                   replayed)
        header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
        payload = base64.urlsafe_b64encode(json.dumps(
            {"iss": ISSUER_A, "aud": self.base, "exp": now + 240, "iat": now,
             "jti": str(uuid.uuid4())}).encode()).rstrip(b"=").decode()
        refused = {
            "bad signature": self.token(key=other_key),
            "expired": self.token(exp=now - 600, iat=now - 700),
            "wrong aud": self.token(aud="https://someone-else.test"),
            "unknown iss": self.token(iss="https://stranger.test"),
            "replayed jti": replayed,
            "alg none": header + "." + payload + ".",
            "HS256 with the public key": self.hs256_with(public_pem),
        }
        before = self.screenings()
        for why, token in refused.items():
            reply = self.post("/cds-services/needlework-patient-view",
                              self.hook_body("patient-view", "eligible"), token)
            self.assertEqual(reply.status_code, 401, why + ": " + reply.text)
        self.assertEqual(self.screenings(), before)
        refused = self.metric("needlework_cds_hooks_jwt_refused", "reason")
        for reason in ("bad_signature", "expired", "wrong_audience", "unknown_issuer",
                       "replayed", "bad_algorithm"):
            self.assertGreaterEqual(refused.get(reason, 0), 1, (reason, refused))
        answered = self.metric("needlework_cds_hooks_requests", "status")
        self.assertGreaterEqual(answered.get("401", 0), 7, answered)

    def metric(self, family, label):
        """{label value: sample value} of a counter on /metrics, read by the reference
        Prometheus parser (Debian python3-prometheus-client)."""
        from prometheus_client.parser import text_string_to_metric_families
        text = requests.get(self.base + "/metrics", timeout=10).text
        values = {}
        for found in text_string_to_metric_families(text):
            if found.name != family:
                continue
            for sample in found.samples:
                if sample.name == family + "_total":
                    key = sample.labels.get(label, "")
                    values[key] = values.get(key, 0) + sample.value
        return values

    def hs256_with(self, secret):
        now = int(time.time())
        header = {"alg": "HS256", "typ": "JWT", "kid": "a-1"}
        segments = [base64.urlsafe_b64encode(json.dumps(header).encode()).rstrip(b"="),
                    base64.urlsafe_b64encode(json.dumps(
                        {"iss": ISSUER_A, "aud": self.base, "exp": now + 240, "iat": now,
                         "jti": str(uuid.uuid4())}).encode()).rstrip(b"=")]
        import hashlib
        import hmac
        signing_input = b".".join(segments)
        signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
        return (signing_input + b"." + base64.urlsafe_b64encode(signature).rstrip(b"=")).decode()

    def grpc_findings(self, name):
        """(outcome, {rule_id: outcome}) of a gRPC Screen of the example, by needleworkctl."""
        done = subprocess.run(
            [CTL_BINARY, "--address", self.grpc_address, "--token", self.emr_token, "--json",
             "screen", "--fhir", os.path.join(EXAMPLES_DIR, name + ".json")],
            capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        answer = json.loads(done.stdout)
        findings = {f["ruleId"]: f["outcome"] for f in answer.get("findings", [])
                    if "appliesTo" not in f}
        return answer["outcome"], findings

    def test_cards_match_the_grpc_findings_one_for_one(self):
        indicator = {"OUTCOME_ELIGIBLE": "info", "OUTCOME_ELIGIBLE_WITH_CAUTION": "warning",
                     "OUTCOME_REVIEW_REQUIRED": "warning", "OUTCOME_CONSULT_REQUIRED": "warning",
                     "OUTCOME_DEFER": "critical", "OUTCOME_REFER": "critical",
                     "OUTCOME_CONTRAINDICATED": "critical"}
        names = sorted(n[:-5] for n in os.listdir(EXAMPLES_DIR) if n.endswith(".json"))
        self.assertGreaterEqual(len(names), 6)
        with_findings = 0
        for name in names:
            with self.subTest(patient=name):
                outcome, findings = self.grpc_findings(name)
                cards = self.cards("needlework-patient-view",
                                   self.hook_body("patient-view", name))
                treatment = cards[0]
                self.check_card(treatment)
                self.assertEqual(treatment["indicator"], indicator[outcome], treatment)
                # The card lists each finding as "- **summary** (rule_id, outcome): detail".
                listed = set()
                for line in treatment["detail"].splitlines():
                    if line.startswith("- **") and "** (" in line:
                        listed.add(line.split("** (", 1)[1].split(",", 1)[0])
                self.assertEqual(listed, set(findings), treatment["detail"])
                with_findings += 1 if findings else 0
        self.assertGreaterEqual(with_findings, 4, "most example patients have findings")

    def test_feedback_records_and_stays_in_its_clinic(self):
        cards = self.cards("needlework-patient-view", self.hook_body("patient-view", "warfarin"))
        feedback = {"feedback": [{
            "card": cards[0]["uuid"], "outcome": "overridden",
            "overrideReason": {"reason": cards[0]["overrideReasons"][0],
                               "userComment": "INR stable"},
            "outcomeTimestamp": "2026-12-08T03:00:00Z"}]}
        other = self.token(key=self.key_b, iss=ISSUER_B, kid="b-1")
        reply = self.post("/cds-services/needlework-patient-view/feedback", feedback, other)
        self.assertEqual(reply.status_code, 404, reply.text)
        reply = self.post("/cds-services/needlework-patient-view/feedback", feedback)
        self.assertEqual(reply.status_code, 200, reply.text)
        db = sqlite3.connect("file:%s/data/needlework.db?mode=ro" % self.dir.name, uri=True)
        try:
            rows = db.execute("SELECT reason FROM screening_reviews WHERE screening_id = ?",
                              (cards[0]["source"]["topic"]["code"],)).fetchall()
        finally:
            db.close()
        self.assertEqual(len(rows), 1)
        self.assertIn("INR stable", rows[0][0])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
