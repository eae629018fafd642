
org.needlework.serums1.0.0
Needlework"(Growth-factor and hyaluronic-acid serums*…The clinic's serum products as add-ons: one catalog entry per product (minutes, product and lot recorded at completion), screening for each (a known allergy to an ingredient contraindicates that product only) and the aftercare line for a session with any of them (only clinic-approved products on the skin for the first day). Products, ingredients, texts and windows are per-clinic config.2:º{
  "products": {
    "growth-factor-serum": {
      "enabled": true,
      "display_name": "Growth-factor serum",
      "description": "A growth-factor serum applied during and after needling to further stimulate collagen; the microchannels increase its absorption.",
      "minutes": 5,
      "record_product_lot": true,
      "ingredients": {
        "http://www.nlm.nih.gov/research/umls/rxnorm|5431": "hyaluronic acid"
      }
    },
    "ha-serum": {
      "enabled": true,
      "display_name": "Hyaluronic-acid serum",
      "description": "A hyaluronic-acid serum applied during and after needling for hydration; the microchannels increase its absorption.",
      "minutes": 5,
      "record_product_lot": true,
      "ingredients": {
        "http://www.nlm.nih.gov/research/umls/rxnorm|5431": "hyaluronic acid"
      }
    }
  },
  "allergy_finding": {
    "display": "Allergy to an ingredient of the product",
    "outcome": "contraindicated",
    "indicator": "critical",
    "summary": "{therapy} contraindicated: allergy to {evidence}",
    "detail": "The patient has an active allergy to {evidence}, an ingredient of the {therapy} the clinic uses: do not apply this product. Other products and plain microneedling are not affected by this finding."
  },
  "aftercare": {
    "instructions": {
      "approved-products-only": {
        "text": "For the first day, put only the products the clinic gave you or approved on the treated skin.",
        "from_hours": 0,
        "until_hours": 24,
        "indicator": "warning"
      }
    },
    "effects": {}
  },
  "triage": {}
}
BÉH{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://needlework.dev/schemas/plugins/org.needlework.serums/config.json",
  "title": "Needlework serums plugin config",
  "description": "The effective config of org.needlework.serums: the manifest defaults with the clinic's JSON merge patch (RFC 7386) applied. Products, ingredients, instructions and triage rules are objects keyed by id or by \"system|code\", so a patch changes one, adds one with a new key and removes one with null. Each product is one ADD_ON therapy of the procedure code system, its key the therapy code. Disabled products are validated too.",
  "type": "object",
  "required": [
    "products",
    "allergy_finding"
  ],
  "additionalProperties": false,
  "properties": {
    "products": {
      "description": "The clinic's serum products by therapy code.",
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/localCode"
      },
      "additionalProperties": {
        "allOf": [
          {
            "$ref": "#/$defs/therapyFields"
          }
        ],
        "required": [
          "ingredients"
        ],
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": true
          },
          "ingredients": {
            "description": "The product's ingredients (SNOMED CT substance or RxNorm ingredient codes); an active allergy to one contraindicates the product.",
            "allOf": [
              {
                "$ref": "#/$defs/codeSet"
              }
            ],
            "minProperties": 1
          }
        },
        "unevaluatedProperties": false
      }
    },
    "allergy_finding": {
      "description": "How the finding for an allergy to a product's ingredient reads: {therapy} is the product, {evidence} the allergies.",
      "allOf": [
        {
          "$ref": "#/$defs/findingSpec"
        }
      ],
      "unevaluatedProperties": false
    },
    "aftercare": {
      "$ref": "#/$defs/aftercare"
    },
    "triage": {
      "$ref": "#/$defs/triage"
    }
  },
  "$defs": {
    "localCode": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
    },
    "text": {
      "type": "string",
      "minLength": 1
    },
    "hours": {
      "type": "integer",
      "minimum": 0,
      "maximum": 8760
    },
    "codeSet": {
      "description": "Codes keyed \"system|code\", each with its display.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[^|\\s]+:[^|\\s]*\\|[^|\\s]+$"
      },
      "additionalProperties": {
        "$ref": "#/$defs/text"
      }
    },
    "localCodeSet": {
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/localCode"
      },
      "additionalProperties": {
        "$ref": "#/$defs/text"
      }
    },
    "indicator": {
      "enum": [
        "info",
        "warning",
        "critical"
      ]
    },
    "therapyFields": {
      "type": "object",
      "required": [
        "display_name",
        "minutes"
      ],
      "properties": {
        "display_name": {
          "$ref": "#/$defs/text"
        },
        "description": {
          "$ref": "#/$defs/text"
        },
        "minutes": {
          "description": "Minutes the add-on adds to a session.",
          "type": "integer",
          "minimum": 0,
          "maximum": 600
        },
        "devices": {
          "description": "Device kinds a session with the add-on needs (one DEVICE requirement each), with a display.",
          "$ref": "#/$defs/localCodeSet"
        },
        "record_product_lot": {
          "description": "Completing a session must record the product and its lot.",
          "type": "boolean",
          "default": false
        }
      }
    },
    "findingSpec": {
      "type": "object",
      "required": [
        "display",
        "outcome",
        "summary",
        "detail"
      ],
      "properties": {
        "display": {
          "$ref": "#/$defs/text"
        },
        "outcome": {
          "enum": [
            "eligible",
            "eligible_with_caution",
            "review_required",
            "consult_required",
            "defer",
            "refer",
            "contraindicated"
          ]
        },
        "indicator": {
          "description": "Default: info for eligible, warning up to consult_required, critical from defer.",
          "$ref": "#/$defs/indicator"
        },
        "summary": {
          "description": "At most 139 characters; {therapy} and {evidence} are filled in (the summary is cut to 139 after filling).",
          "type": "string",
          "minLength": 1,
          "maxLength": 139
        },
        "detail": {
          "description": "{therapy} and {evidence} are filled in.",
          "$ref": "#/$defs/text"
        }
      }
    },
    "aftercare": {
      "description": "Lines added to the aftercare of a session with the add-on. Hours count from the session end.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "instructions": {
          "type": "object",
          "propertyNames": {
            "$ref": "#/$defs/localCode"
          },
          "additionalProperties": {
            "type": "object",
            "required": [
              "text"
            ],
            "additionalProperties": false,
            "properties": {
              "enabled": {
                "type": "boolean",
                "default": true
              },
              "text": {
                "$ref": "#/$defs/text"
              },
              "indicator": {
                "$ref": "#/$defs/indicator",
                "default": "info"
              },
              "from_hours": {
                "$ref": "#/$defs/hours",
                "default": 0
              },
              "until_hours": {
                "$ref": "#/$defs/hours"
              },
              "until_time": {
                "description": "Local wall-clock time on the session's day (plus until_day_offset).",
                "type": "string",
                "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
              },
              "until_day_offset": {
                "type": "integer",
                "minimum": 0,
                "maximum": 365,
                "default": 0
              },
              "until_text": {
                "$ref": "#/$defs/text"
              }
            },
            "oneOf": [
              {
                "required": [
                  "until_hours"
                ]
              },
              {
                "required": [
                  "until_time"
                ]
              },
              {
                "required": [
                  "until_text"
                ]
              }
            ]
          }
        },
        "effects": {
          "type": "object",
          "propertyNames": {
            "$ref": "#/$defs/localCode"
          },
          "additionalProperties": {
            "type": "object",
            "required": [
              "text",
              "normal_course_hours"
            ],
            "additionalProperties": false,
            "properties": {
              "enabled": {
                "type": "boolean",
                "default": true
              },
              "text": {
                "$ref": "#/$defs/text"
              },
              "normal_course_hours": {
                "type": "integer",
                "minimum": 1,
                "maximum": 8760
              }
            }
          }
        }
      }
    },
    "triage": {
      "description": "Triage rules by id, for a symptom reported after a session with the add-on. The most urgent matching rule answers; no match: no opinion.",
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/localCode"
      },
      "additionalProperties": {
        "type": "object",
        "required": [
          "symptom",
          "level",
          "advice"
        ],
        "additionalProperties": false,
        "properties": {
          "enabled": {
            "type": "boolean",
            "default": true
          },
          "symptom": {
            "description": "A code of the symptom code system, e.g. redness.",
            "$ref": "#/$defs/localCode"
          },
          "within_hours": {
            "description": "Matches when reported at most this many hours after the session.",
            "$ref": "#/$defs/hours"
          },
          "after_hours": {
            "description": "Matches when reported more than this many hours after the session.",
            "$ref": "#/$defs/hours"
          },
          "min_severity": {
            "enum": [
              "mild",
              "moderate",
              "severe"
            ]
          },
          "level": {
            "enum": [
              "expected",
              "monitor",
              "contact-clinic",
              "urgent"
            ]
          },
          "indicator": {
            "description": "Default: info for expected, warning for monitor and contact-clinic, critical for urgent.",
            "$ref": "#/$defs/indicator"
          },
          "advice": {
            "$ref": "#/$defs/text"
          }
        }
      }
    }
  }
}
