#!/usr/bin/env python3
# Regenerates fuzz/corpus/plugin_answers/ (run from the repository root; needs protoc): answers
# shaped as the built-in plugins give them, framed as plugin_answers_fuzzer.cc reads them.
import os, struct, subprocess, sys

OUT = "fuzz/corpus/plugin_answers"
SCREEN, PLAN, BOOKING = 0, 1, 2
SCREENING, SCHEDULING, RF, PRP = 0, 1, 2, 3
OK, ERROR, TIMED_OUT = 1, 2, 3
INVALID_ARGUMENT, UNAVAILABLE = 3, 14
PROCEDURE = "https://needlework.dev/fhir/CodeSystem/procedure"
RULE = "https://needlework.dev/fhir/CodeSystem/screening-rule"

def encode(message, text):
    return subprocess.run(
        ["protoc", "-Iproto", "--encode=needlework.plugin.v1." + message,
         "needlework/plugin/v1/" + {"ScreenResponse": "screen", "PlanResponse": "plan",
                                    "CheckBookingResponse": "check_booking"}[message] + ".proto"],
        input=text.encode(), capture_output=True, check=True).stdout

def result(plugin, state, answer=b"", code=0):
    return bytes([plugin, state, code]) + struct.pack("<H", len(answer)) + answer

def seed(name, merge, flags, *results):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bytes([merge, flags]) + b"".join(results))

ELIGIBLE = encode("ScreenResponse", f'''
outcome: OUTCOME_ELIGIBLE
findings {{ rule_id: "indication" code {{ system: "{RULE}" code: "indication" display: "Listed indication for microneedling" }}
  outcome: OUTCOME_ELIGIBLE indicator: INDICATOR_INFO summary: "Indication: Acne scars"
  detail: "Acne scars is among the concerns microneedling treats." }}''')
WARFARIN = encode("ScreenResponse", f'''
outcome: OUTCOME_CONSULT_REQUIRED
findings {{ rule_id: "anticoagulants" code {{ system: "{RULE}" code: "anticoagulants" display: "Anticoagulant therapy" }}
  outcome: OUTCOME_CONSULT_REQUIRED indicator: INDICATOR_CRITICAL
  summary: "Anticoagulant: warfarin" detail: "The patient takes warfarin."
  evidence {{ }} source_plugin: "someone.else" }}''')
RF_PACEMAKER = encode("ScreenResponse", f'''
outcome: OUTCOME_CONTRAINDICATED
findings {{ rule_id: "implanted-electronic-device" outcome: OUTCOME_CONTRAINDICATED indicator: INDICATOR_CRITICAL
  summary: "RF microneedling contraindicated: Cardiac pacemaker in situ"
  applies_to {{ system: "{PROCEDURE}" code: "rf-microneedling" display: "Radiofrequency microneedling" }} }}''')
NO_OUTCOME = encode("ScreenResponse", 'findings { rule_id: "x" outcome: OUTCOME_DEFER }')
SERIES = encode("PlanResponse", f'''
plan {{ therapy {{ system: "{PROCEDURE}" code: "microneedling" display: "Microneedling" }}
  session_count: 4 min_days_between: 28 max_days_between: 42 session_minutes: 60 numbing_minutes: 20
  requirements {{ type: RESOURCE_TYPE_PRACTITIONER }} requirements {{ type: RESOURCE_TYPE_ROOM }}
  requirements {{ type: RESOURCE_TYPE_DEVICE device_kind: "microneedling-pen" }}
  maintenance_min_months: 6 maintenance_max_months: 12
  rationale: "Acne scars: 4 sessions, 4 to 6 weeks apart" }}''')
SERIES_SHORT = encode("PlanResponse", f'''
plan {{ therapy {{ system: "{PROCEDURE}" code: "microneedling" }}
  session_count: 3 min_days_between: 21 max_days_between: 35 session_minutes: 45 numbing_minutes: 0
  requirements {{ type: RESOURCE_TYPE_PRACTITIONER }} rationale: "Fine lines: 3 sessions" }}''')
RF_SPACING = encode("PlanResponse", f'''
plan {{ therapy {{ system: "{PROCEDURE}" code: "rf-microneedling" }} min_days_between: 35
  rationale: "Radiofrequency: at least 5 weeks between sessions" }}''')
TOO_SOON = encode("CheckBookingResponse", '''
violations { code: "too-soon" message: "session 2 must be at least 28 days after session 1 (2026-03-01); the earliest is 2026-03-29" }''')

os.makedirs(OUT, exist_ok=True)
seed("screen-eligible", SCREEN, 0, result(SCREENING, OK, ELIGIBLE))
seed("screen-warfarin-and-rf-pacemaker", SCREEN, 1, result(SCREENING, OK, WARFARIN),
     result(RF, OK, RF_PACEMAKER))
seed("screen-addon-failed", SCREEN, 3, result(SCREENING, OK, ELIGIBLE), result(RF, TIMED_OUT),
     result(PRP, OK, b"\xff\xffnot a message"))
seed("screen-no-outcome-unavailable", SCREEN, 4, result(SCREENING, OK, NO_OUTCOME))
seed("plan-one", PLAN, 0, result(SCHEDULING, OK, SERIES))
seed("plan-merged-with-rf", PLAN, 1, result(SCHEDULING, OK, SERIES),
     result(SCREENING, OK, SERIES_SHORT), result(RF, OK, RF_SPACING))
seed("plan-invalid-argument", PLAN, 0, result(SCHEDULING, ERROR, b"", INVALID_ARGUMENT))
seed("plan-failed", PLAN, 0, result(SCHEDULING, OK, SERIES), result(PRP, ERROR, b"", UNAVAILABLE))
seed("booking-too-soon", BOOKING, 0, result(SCHEDULING, OK, TOO_SOON), result(RF, OK, b""))
seed("booking-failed-unavailable", BOOKING, 4, result(SCHEDULING, TIMED_OUT),
     result(RF, OK, b"\x0a\x05"))
print("\n".join(sorted(os.listdir(OUT))))
