
org.needlework.scheduling1.0.0
Needlework"Microneedling scheduling*•Plans a microneedling series from the concerns, treatment areas, severity and skin factors (session count, spacing, minutes, resources, maintenance, with the reasons), and checks that a session may be booked at a time (plan active, screening outcome, order and spacing of sessions, duplicates, duration); offers microneedling as the clinic's base therapy in the catalog. Every number is per-clinic config.2:º"{
  "therapy": {
    "code": "microneedling",
    "display": "Microneedling (collagen induction therapy)",
    "display_name": "Microneedling",
    "description": "Collagen induction therapy: fine needles make controlled micro-injuries whose healing builds collagen and elastin. A numbing cream first, then 30 to 60 minutes of needling."
  },
  "default_severity": "moderate",
  "days_between": {"min": 28, "max": 42},
  "numbing_minutes": 30,
  "maintenance_months": {"min": 6, "max": 12},
  "requirements": {
    "practitioner": true,
    "room": true,
    "devices": {"microneedling-pen": "Microneedling pen"}
  },
  "area_groups": {
    "face": {
      "display": "face and neck",
      "needling_minutes": 30,
      "minutes_per_extra_area": 10,
      "max_needling_minutes": 60,
      "areas": {
        "face": "face",
        "periorbital": "around the eyes",
        "perioral": "around the mouth",
        "jawline": "jawline",
        "forehead": "forehead",
        "cheeks": "cheeks",
        "neck": "neck",
        "decolletage": "dÃ©colletage"
      }
    },
    "body": {
      "display": "body",
      "needling_minutes": 45,
      "minutes_per_extra_area": 15,
      "max_needling_minutes": 60,
      "areas": {
        "hands": "hands",
        "abdomen": "abdomen",
        "thighs": "thighs",
        "arms": "arms",
        "back": "back",
        "buttocks": "buttocks"
      }
    }
  },
  "concerns": {
    "fine-lines": {
      "display": "Fine lines and wrinkles",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "acne-scars": {
      "display": "Acne scars",
      "sessions": {"mild": 4, "moderate": 6, "severe": 8}
    },
    "surgical-scars": {
      "display": "Surgical scars",
      "sessions": {"mild": 4, "moderate": 6, "severe": 8}
    },
    "keloid-scars": {
      "display": "Keloid scars",
      "sessions": {"mild": 4, "moderate": 6, "severe": 8}
    },
    "uneven-texture": {
      "display": "Uneven skin texture",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "uneven-tone": {
      "display": "Uneven skin tone",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "enlarged-pores": {
      "display": "Enlarged pores",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "stretch-marks": {
      "display": "Stretch marks",
      "sessions": {"mild": 4, "moderate": 6, "severe": 8}
    },
    "sun-damage": {
      "display": "Sun damage",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "hyperpigmentation": {
      "display": "Hyperpigmentation",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "melasma": {
      "display": "Melasma",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    },
    "skin-laxity": {
      "display": "Mild to moderate skin laxity",
      "sessions": {"mild": 3, "moderate": 3, "severe": 4},
      "sessions_by_area_group": {"body": {"mild": 4, "moderate": 6, "severe": 8}}
    }
  },
  "adjustments": {
    "skin-laxity": {
      "enabled": true,
      "display": "Skin laxity",
      "observation": "https://needlework.dev/fhir/CodeSystem/observation|skin-laxity-grade",
      "min_value": 2,
      "extra_sessions": 1
    },
    "darker-skin-type": {
      "enabled": false,
      "display": "Fitzpatrick skin type IV to VI",
      "observation": "https://needlework.dev/fhir/CodeSystem/observation|fitzpatrick-skin-type",
      "min_value": 4,
      "extra_days_between": 14
    },
    "mature-skin": {
      "enabled": false,
      "display": "Mature skin",
      "min_age_years": 50,
      "extra_sessions": 1
    }
  },
  "booking": {
    "forbidding_outcomes": {
      "unspecified": true,
      "defer": true,
      "refer": true,
      "contraindicated": true
    },
    "require_previous_session": true
  }
}
B°>{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://needlework.dev/schemas/plugins/org.needlework.scheduling/config.json",
  "title": "Needlework scheduling plugin config",
  "description": "The effective config of org.needlework.scheduling: the manifest defaults with the clinic's JSON merge patch (RFC 7386) applied. Concerns, area groups, areas, devices, adjustments and forbidding outcomes are objects keyed by code, so a patch changes one entry, adds one with a new key and removes one with null.",
  "type": "object",
  "required": ["therapy", "default_severity", "days_between", "numbing_minutes",
               "maintenance_months", "requirements", "area_groups", "concerns", "booking"],
  "additionalProperties": false,
  "properties": {
    "therapy": {
      "description": "The plan's therapy, a code of https://needlework.dev/fhir/CodeSystem/procedure.",
      "type": "object",
      "required": ["code", "display"],
      "additionalProperties": false,
      "properties": {
        "code": {"$ref": "#/$defs/localCode"},
        "display": {"$ref": "#/$defs/text"},
        "display_name": {"description": "Its name in the clinic's catalog (the catalog hook); default: display.", "$ref": "#/$defs/text"},
        "description": {"description": "Its description in the clinic's catalog.", "$ref": "#/$defs/text"}
      }
    },
    "default_severity": {
      "description": "How a request without a severity is planned.",
      "$ref": "#/$defs/severity"
    },
    "days_between": {
      "description": "Days from one session's day to the next one's.",
      "$ref": "#/$defs/range",
      "properties": {"min": {"maximum": 365}, "max": {"maximum": 365}}
    },
    "numbing_minutes": {
      "description": "Topical numbing before needling, part of every session's minutes.",
      "type": "integer", "minimum": 0, "maximum": 240
    },
    "maintenance_months": {
      "description": "Maintenance sessions after the series, every min to max months.",
      "$ref": "#/$defs/range",
      "properties": {"min": {"maximum": 120}, "max": {"maximum": 120}}
    },
    "requirements": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "practitioner": {"type": "boolean", "default": true},
        "room": {"type": "boolean", "default": true},
        "devices": {
          "description": "Device kinds a session needs, keyed by kind, each with its display.",
          "type": "object",
          "propertyNames": {"$ref": "#/$defs/localCode"},
          "additionalProperties": {"$ref": "#/$defs/text"}
        }
      }
    },
    "area_groups": {
      "description": "Groups of treatment areas (codes of https://needlework.dev/fhir/CodeSystem/treatment-area) sharing needling minutes; an area belongs to one group.",
      "type": "object",
      "minProperties": 1,
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {"$ref": "#/$defs/areaGroup"}
    },
    "concerns": {
      "description": "Session counts per concern (codes of https://needlework.dev/fhir/CodeSystem/concern). The series takes the maximum over the requested concerns and area groups.",
      "type": "object",
      "minProperties": 1,
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {"$ref": "#/$defs/concern"}
    },
    "adjustments": {
      "description": "Personal factors that add sessions or widen the spacing.",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {"$ref": "#/$defs/adjustment"}
    },
    "booking": {
      "type": "object",
      "required": ["forbidding_outcomes"],
      "additionalProperties": false,
      "properties": {
        "forbidding_outcomes": {
          "description": "Screening outcomes (recorded with the plan) after which no session is booked: true forbids.",
          "type": "object",
          "propertyNames": {
            "enum": ["unspecified", "eligible", "eligible_with_caution", "review_required",
                     "consult_required", "defer", "refer", "contraindicated"]
          },
          "additionalProperties": {"type": "boolean"}
        },
        "require_previous_session": {
          "description": "Session k > 0 needs session k-1 booked or done.",
          "type": "boolean", "default": true
        }
      }
    }
  },
  "$defs": {
    "localCode": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "text": {"type": "string", "minLength": 1},
    "severity": {"enum": ["mild", "moderate", "severe"]},
    "range": {
      "type": "object",
      "required": ["min", "max"],
      "additionalProperties": false,
      "properties": {
        "min": {"type": "integer", "minimum": 1},
        "max": {"type": "integer", "minimum": 1}
      }
    },
    "minutes": {"type": "integer", "minimum": 1, "maximum": 480},
    "sessions": {
      "description": "Sessions by severity; mild <= moderate <= severe.",
      "type": "object",
      "required": ["mild", "moderate", "severe"],
      "additionalProperties": false,
      "properties": {
        "mild": {"type": "integer", "minimum": 1, "maximum": 50},
        "moderate": {"type": "integer", "minimum": 1, "maximum": 50},
        "severe": {"type": "integer", "minimum": 1, "maximum": 50}
      }
    },
    "areaGroup": {
      "type": "object",
      "required": ["display", "needling_minutes", "areas"],
      "additionalProperties": false,
      "properties": {
        "display": {"$ref": "#/$defs/text"},
        "needling_minutes": {
          "description": "Needling for the first area of the group in a session.",
          "$ref": "#/$defs/minutes"
        },
        "minutes_per_extra_area": {
          "description": "Needling for each further area of the group.",
          "type": "integer", "minimum": 0, "maximum": 480, "default": 0
        },
        "max_needling_minutes": {
          "description": "Cap for the group; at least needling_minutes (its default).",
          "$ref": "#/$defs/minutes"
        },
        "areas": {
          "type": "object",
          "minProperties": 1,
          "propertyNames": {"$ref": "#/$defs/localCode"},
          "additionalProperties": {"$ref": "#/$defs/text"}
        }
      }
    },
    "concern": {
      "type": "object",
      "required": ["display", "sessions"],
      "additionalProperties": false,
      "properties": {
        "display": {"$ref": "#/$defs/text"},
        "sessions": {"$ref": "#/$defs/sessions"},
        "sessions_by_area_group": {
          "description": "Tables for particular area groups, keyed by area group; others use sessions.",
          "type": "object",
          "additionalProperties": {"$ref": "#/$defs/sessions"}
        }
      }
    },
    "adjustment": {
      "description": "Applies when the latest numeric value of the observation is at least min_value, or when the patient's age in whole years is at least min_age_years.",
      "type": "object",
      "required": ["display"],
      "additionalProperties": false,
      "properties": {
        "enabled": {"type": "boolean", "default": true},
        "display": {"$ref": "#/$defs/text"},
        "observation": {
          "description": "\"system|code\", system an absolute URI.",
          "type": "string", "pattern": "^[^|\\s]*:[^|\\s]*\\|[^|\\s]+$"
        },
        "min_value": {"type": "number"},
        "min_age_years": {"type": "integer", "minimum": 0, "maximum": 150},
        "extra_sessions": {"type": "integer", "minimum": 0, "maximum": 50, "default": 0},
        "extra_days_between": {"type": "integer", "minimum": 0, "maximum": 365, "default": 0}
      },
      "oneOf": [
        {"required": ["observation", "min_value"], "not": {"required": ["min_age_years"]}},
        {"required": ["min_age_years"], "not": {"anyOf": [{"required": ["observation"]},
                                                          {"required": ["min_value"]}]}}
      ]
    }
  }
}
