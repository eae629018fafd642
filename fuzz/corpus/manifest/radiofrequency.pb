
org.needlework.radiofrequency1.0.0
Needlework"Radiofrequency microneedling*ûRadiofrequency microneedling as an add-on: its catalog entry (extra minutes, an RF unit), screening for it (implanted electronic device: contraindicated; metal implant: caution; pregnancy: defer), its aftercare lines (avoid heat and sun for 3 days; heat and redness may last longer) and triage (severe pain, lasting redness). Every code set, window and text is per-clinic config.2:µ{
  "therapy": {
    "code": "rf-microneedling",
    "display_name": "Radiofrequency microneedling",
    "description": "Microneedling with radiofrequency energy delivered through the needles, for a more comprehensive tightening effect. Adds time to the session and needs an RF unit.",
    "minutes": 15,
    "devices": {"rf-unit": "Radiofrequency microneedling unit"},
    "record_product_lot": false
  },
  "rules": {
    "implanted-electronic-device": {
      "enabled": true,
      "display": "Implanted electronic device",
      "outcome": "contraindicated",
      "indicator": "critical",
      "summary": "RF microneedling contraindicated: {evidence}",
      "detail": "The patient has an implanted electronic device ({evidence}). Radiofrequency energy can interfere with pacemakers and implantable defibrillators: do not add radiofrequency to the session. This finding does not concern plain microneedling.",
      "conditions": {
        "http://snomed.info/sct|441509002": "Cardiac pacemaker in situ",
        "http://snomed.info/sct|443325000": "Implantable cardioverter defibrillator in situ"
      }
    },
    "metal-implant": {
      "enabled": true,
      "display": "Metal implant",
      "outcome": "eligible_with_caution",
      "indicator": "warning",
      "summary": "RF microneedling with caution: metal implant ({evidence})",
      "detail": "The patient has a metal implant ({evidence}). Radiofrequency energy heats metal: check where the implant lies and keep the RF handpiece away from it, or leave radiofrequency out over that area.",
      "conditions": {
        "http://hl7.org/fhir/sid/icd-10-cm|Z96.5": "Presence of tooth-root and mandibular implants",
        "http://hl7.org/fhir/sid/icd-10-cm|Z96.60": "Presence of orthopedic joint implant, unspecified",
        "http://hl7.org/fhir/sid/icd-10-cm|Z96.698": "Presence of other orthopedic joint implants",
        "http://hl7.org/fhir/sid/icd-10-cm|Z96.7": "Presence of other bone and tendon implants"
      },
      "treatment_areas": {}
    },
    "pregnancy": {
      "enabled": true,
      "display": "Pregnancy",
      "outcome": "defer",
      "indicator": "critical",
      "summary": "RF microneedling deferred: {evidence}",
      "detail": "The patient is pregnant ({evidence}). The safety of radiofrequency energy in pregnancy is not established: defer radiofrequency until after the pregnancy.",
      "conditions": {
        "http://snomed.info/sct|77386006": "Pregnancy",
        "http://snomed.info/sct|72892002": "Normal pregnancy"
      }
    }
  },
  "aftercare": {
    "instructions": {
      "avoid-heat": {
        "text": "Avoid heat for the first days: no sauna, steam room, hot baths or hot exercise.",
        "from_hours": 0,
        "until_hours": 72,
        "indicator": "warning"
      },
      "avoid-sun": {
        "text": "Avoid sun exposure.",
        "from_hours": 0,
        "until_hours": 72,
        "indicator": "warning"
      }
    },
    "effects": {
      "rf-heat-redness": {
        "text": "A feeling of heat and redness can last longer after radiofrequency than after plain microneedling: usually up to 3 days.",
        "normal_course_hours": 72
      }
    }
  },
  "triage": {
    "severe-pain": {
      "symptom": "pain",
      "min_severity": "severe",
      "level": "contact-clinic",
      "indicator": "warning",
      "advice": "Severe pain after radiofrequency microneedling should be checked: please contact the clinic today."
    },
    "lasting-redness": {
      "symptom": "redness",
      "after_hours": 72,
      "level": "contact-clinic",
      "indicator": "warning",
      "advice": "Redness that lasts more than 3 days after radiofrequency microneedling should be checked: please contact the clinic."
    }
  }
}
BÄ>{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://needlework.dev/schemas/plugins/addon-config.json",
  "title": "Needlework add-on plugin config",
  "description": "The effective config of a built-in add-on plugin served by the SDK's AddOnPlugin (needlework/addon_plugin.h: CompileAddOnConfig), e.g. org.needlework.radiofrequency and org.needlework.prp: the manifest defaults with the clinic's JSON merge patch (RFC 7386) applied. Rules, code sets, instructions, effects and triage rules are objects keyed by id or by \"system|code\", so a patch changes one entry, adds one with a new key and removes one with null. Disabled items are validated too.",
  "type": "object",
  "required": ["therapy", "rules"],
  "additionalProperties": false,
  "properties": {
    "therapy": {
      "description": "The catalog entry: an ADD_ON therapy of the procedure code system.",
      "allOf": [{"$ref": "#/$defs/therapyFields"}],
      "required": ["code"],
      "properties": {"code": {"$ref": "#/$defs/localCode"}},
      "unevaluatedProperties": false
    },
    "rules": {
      "description": "Screening rules by id. A rule fires when an active fact of the patient is in one of its code sets; its finding applies to the add-on only.",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {"$ref": "#/$defs/rule"}
    },
    "aftercare": {"$ref": "#/$defs/aftercare"},
    "triage": {"$ref": "#/$defs/triage"}
  },
  "$defs": {
    "localCode": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "text": {"type": "string", "minLength": 1},
    "hours": {"type": "integer", "minimum": 0, "maximum": 8760},
    "codeSet": {
      "description": "Codes keyed \"system|code\", each with its display.",
      "type": "object",
      "propertyNames": {"pattern": "^[^|\\s]+:[^|\\s]*\\|[^|\\s]+$"},
      "additionalProperties": {"$ref": "#/$defs/text"}
    },
    "localCodeSet": {
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {"$ref": "#/$defs/text"}
    },
    "indicator": {"enum": ["info", "warning", "critical"]},
    "therapyFields": {
      "type": "object",
      "required": ["display_name", "minutes"],
      "properties": {
        "display_name": {"$ref": "#/$defs/text"},
        "description": {"$ref": "#/$defs/text"},
        "minutes": {"description": "Minutes the add-on adds to a session.", "type": "integer", "minimum": 0, "maximum": 600},
        "devices": {"description": "Device kinds a session with the add-on needs (one DEVICE requirement each), with a display.", "$ref": "#/$defs/localCodeSet"},
        "record_product_lot": {"description": "Completing a session must record the product and its lot.", "type": "boolean", "default": false}
      }
    },
    "findingSpec": {
      "type": "object",
      "required": ["display", "outcome", "summary", "detail"],
      "properties": {
        "display": {"$ref": "#/$defs/text"},
        "outcome": {"enum": ["eligible", "eligible_with_caution", "review_required", "consult_required", "defer", "refer", "contraindicated"]},
        "indicator": {"description": "Default: info for eligible, warning up to consult_required, critical from defer.", "$ref": "#/$defs/indicator"},
        "summary": {"description": "At most 139 characters; {therapy} and {evidence} are filled in (the summary is cut to 139 after filling).", "type": "string", "minLength": 1, "maxLength": 139},
        "detail": {"description": "{therapy} and {evidence} are filled in.", "$ref": "#/$defs/text"}
      }
    },
    "rule": {
      "allOf": [{"$ref": "#/$defs/findingSpec"}],
      "properties": {
        "enabled": {"type": "boolean", "default": true},
        "conditions": {"$ref": "#/$defs/codeSet"},
        "include_condition_history": {"description": "Inactive, remitted and resolved conditions count too.", "type": "boolean", "default": false},
        "medications": {"description": "Ingredient or product codes; active, on-hold and intended medications count.", "$ref": "#/$defs/codeSet"},
        "allergies": {"description": "Substance codes of active allergies.", "$ref": "#/$defs/codeSet"},
        "observations": {"description": "The latest numeric observation of each code counts when below `below` or above `above`.", "$ref": "#/$defs/codeSet"},
        "below": {"type": "number"},
        "above": {"type": "number"},
        "treatment_areas": {"description": "Treatment-area codes the rule is limited to; empty or absent: any area.", "$ref": "#/$defs/localCodeSet"}
      },
      "anyOf": [{"required": ["conditions"]}, {"required": ["medications"]}, {"required": ["allergies"]}, {"required": ["observations"]}],
      "dependentSchemas": {"observations": {"oneOf": [{"required": ["below"]}, {"required": ["above"]}]}},
      "unevaluatedProperties": false
    },
    "aftercare": {
      "description": "Lines added to the aftercare of a session with the add-on. Hours count from the session end.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "instructions": {
          "type": "object",
          "propertyNames": {"$ref": "#/$defs/localCode"},
          "additionalProperties": {
            "type": "object",
            "required": ["text"],
            "additionalProperties": false,
            "properties": {
              "enabled": {"type": "boolean", "default": true},
              "text": {"$ref": "#/$defs/text"},
              "indicator": {"$ref": "#/$defs/indicator", "default": "info"},
              "from_hours": {"$ref": "#/$defs/hours", "default": 0},
              "until_hours": {"$ref": "#/$defs/hours"},
              "until_time": {"description": "Local wall-clock time on the session's day (plus until_day_offset).", "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
              "until_day_offset": {"type": "integer", "minimum": 0, "maximum": 365, "default": 0},
              "until_text": {"$ref": "#/$defs/text"}
            },
            "oneOf": [{"required": ["until_hours"]}, {"required": ["until_time"]}, {"required": ["until_text"]}]
          }
        },
        "effects": {
          "type": "object",
          "propertyNames": {"$ref": "#/$defs/localCode"},
          "additionalProperties": {
            "type": "object",
            "required": ["text", "normal_course_hours"],
            "additionalProperties": false,
            "properties": {
              "enabled": {"type": "boolean", "default": true},
              "text": {"$ref": "#/$defs/text"},
              "normal_course_hours": {"type": "integer", "minimum": 1, "maximum": 8760}
            }
          }
        }
      }
    },
    "triage": {
      "description": "Triage rules by id, for a symptom reported after a session with the add-on. The most urgent matching rule answers; no match: no opinion.",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {
        "type": "object",
        "required": ["symptom", "level", "advice"],
        "additionalProperties": false,
        "properties": {
          "enabled": {"type": "boolean", "default": true},
          "symptom": {"description": "A code of the symptom code system, e.g. redness.", "$ref": "#/$defs/localCode"},
          "within_hours": {"description": "Matches when reported at most this many hours after the session.", "$ref": "#/$defs/hours"},
          "after_hours": {"description": "Matches when reported more than this many hours after the session.", "$ref": "#/$defs/hours"},
          "min_severity": {"enum": ["mild", "moderate", "severe"]},
          "level": {"enum": ["expected", "monitor", "contact-clinic", "urgent"]},
          "indicator": {"description": "Default: info for expected, warning for monitor and contact-clinic, critical for urgent.", "$ref": "#/$defs/indicator"},
          "advice": {"$ref": "#/$defs/text"}
        }
      }
    }
  }
}
