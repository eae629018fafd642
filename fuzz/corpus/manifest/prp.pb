
org.needlework.prp1.0.0
Needlework" PRP serum (platelet-rich plasma)*ÀPRP-style serum from the patient's own blood as an add-on: its catalog entry (blood draw and centrifuge time, a centrifuge), screening for it (clotting disorder, low platelet count, anticoagulant or antiplatelet medicine, bloodborne infection: contraindicated for PRP), its aftercare lines (leave the serum on until the evening, keep the draw-site plaster on) and triage of bruising. Every code set, threshold, window and text is per-clinic config.2:†+{
  "therapy": {
    "code": "prp-serum",
    "display_name": "PRP serum (platelet-rich plasma)",
    "description": "Platelet-rich plasma from the patient's own blood: drawn at the start of the session, spun in a centrifuge and applied to the skin during and after needling. Adds the blood draw and centrifuge time to the session.",
    "minutes": 30,
    "devices": {"centrifuge": "Centrifuge for PRP"},
    "record_product_lot": false
  },
  "rules": {
    "clotting-disorder": {
      "enabled": true,
      "display": "Clotting disorder",
      "outcome": "contraindicated",
      "indicator": "critical",
      "summary": "PRP contraindicated: {evidence}",
      "detail": "The patient has a disorder of blood clotting ({evidence}). PRP needs a blood draw and puts the patient's own platelets back on needled skin: leave PRP out. This finding does not by itself decide plain microneedling.",
      "conditions": {
        "http://snomed.info/sct|64779008": "Blood coagulation disorder",
        "http://snomed.info/sct|90935002": "Hemophilia",
        "http://snomed.info/sct|128105004": "Von Willebrand disorder"
      }
    },
    "low-platelets": {
      "enabled": true,
      "display": "Low platelet count",
      "outcome": "contraindicated",
      "indicator": "critical",
      "summary": "PRP contraindicated: {evidence}",
      "detail": "The patient has a low platelet count ({evidence}). PRP relies on the patient's own platelets and a low count makes bleeding at the draw site more likely: leave PRP out.",
      "conditions": {
        "http://snomed.info/sct|302215000": "Thrombocytopenic disorder"
      },
      "observations": {
        "http://loinc.org|777-3": "Platelets [#/volume] in Blood by Automated count",
        "http://loinc.org|26515-7": "Platelets [#/volume] in Blood"
      },
      "below": 150
    },
    "blood-thinners": {
      "enabled": true,
      "display": "Anticoagulant or antiplatelet medicine",
      "outcome": "contraindicated",
      "indicator": "critical",
      "summary": "PRP contraindicated: {evidence}",
      "detail": "The patient takes an anticoagulant or antiplatelet medicine ({evidence}). It affects the blood draw and how the platelets in the serum work: leave PRP out. Any change to the medicine is for its prescriber to decide.",
      "medications": {
        "http://www.nlm.nih.gov/research/umls/rxnorm|11289": "warfarin",
        "http://www.nlm.nih.gov/research/umls/rxnorm|5224": "heparin",
        "http://www.nlm.nih.gov/research/umls/rxnorm|67108": "enoxaparin",
        "http://www.nlm.nih.gov/research/umls/rxnorm|67109": "dalteparin",
        "http://www.nlm.nih.gov/research/umls/rxnorm|321208": "fondaparinux",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1364430": "apixaban",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1114195": "rivaroxaban",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1037042": "dabigatran etexilate",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1546356": "dabigatran",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1599538": "edoxaban",
        "http://www.nlm.nih.gov/research/umls/rxnorm|32968": "clopidogrel",
        "http://www.nlm.nih.gov/research/umls/rxnorm|613391": "prasugrel",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1116632": "ticagrelor",
        "http://www.nlm.nih.gov/research/umls/rxnorm|1191": "aspirin"
      }
    },
    "bloodborne-infection": {
      "enabled": true,
      "display": "Bloodborne infection",
      "outcome": "contraindicated",
      "indicator": "critical",
      "summary": "PRP contraindicated: {evidence}",
      "detail": "The patient has a bloodborne infection ({evidence}). Drawing, spinning and handling the patient's blood for PRP exposes staff and equipment: leave PRP out.",
      "conditions": {
        "http://snomed.info/sct|86406008": "Human immunodeficiency virus infection",
        "http://snomed.info/sct|66071002": "Viral hepatitis type B",
        "http://snomed.info/sct|61977001": "Chronic type B viral hepatitis",
        "http://snomed.info/sct|50711007": "Viral hepatitis type C",
        "http://snomed.info/sct|128302006": "Chronic hepatitis C"
      }
    }
  },
  "aftercare": {
    "instructions": {
      "prp-leave-on": {
        "text": "Leave the PRP serum on your skin: do not wash the treated area until this evening.",
        "from_hours": 0,
        "until_time": "19:00",
        "indicator": "warning"
      },
      "prp-draw-site": {
        "text": "Keep the plaster on the blood-draw site for an hour.",
        "from_hours": 0,
        "until_hours": 1,
        "indicator": "info"
      }
    },
    "effects": {
      "draw-site-bruise": {
        "text": "A small bruise where the blood was drawn: it usually fades within a week.",
        "normal_course_hours": 168
      }
    }
  },
  "triage": {
    "bruising-within-course": {
      "symptom": "bruising",
      "within_hours": 168,
      "level": "monitor",
      "indicator": "warning",
      "advice": "Some bruising after a PRP session, often where the blood was drawn, is common and usually fades within a week. Keep an eye on it; if it grows, hurts more or you bruise elsewhere, contact the clinic."
    },
    "bruising-past-course": {
      "symptom": "bruising",
      "after_hours": 168,
      "level": "contact-clinic",
      "indicator": "warning",
      "advice": "Bruising that has lasted more than a week after a PRP session should be checked: please contact the clinic."
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
