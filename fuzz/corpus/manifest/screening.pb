
org.needlework.screening1.0.0
Needlework"Microneedling screening*¥Screens a patient for microneedling: notes which requested concerns are listed indications, and flags active skin infection, active acne, eczema, psoriasis, blood-thinning medication, clotting disorders and severe skin laxity. Every code list, outcome, text and threshold is per-clinic config.2:ÿ6{
  "indications": {
    "https://needlework.dev/fhir/CodeSystem/concern|fine-lines": "Fine lines and wrinkles",
    "https://needlework.dev/fhir/CodeSystem/concern|acne-scars": "Acne scars",
    "https://needlework.dev/fhir/CodeSystem/concern|surgical-scars": "Surgical scars",
    "https://needlework.dev/fhir/CodeSystem/concern|keloid-scars": "Keloid scars",
    "https://needlework.dev/fhir/CodeSystem/concern|uneven-texture": "Uneven skin texture",
    "https://needlework.dev/fhir/CodeSystem/concern|uneven-tone": "Uneven skin tone",
    "https://needlework.dev/fhir/CodeSystem/concern|enlarged-pores": "Enlarged pores",
    "https://needlework.dev/fhir/CodeSystem/concern|stretch-marks": "Stretch marks",
    "https://needlework.dev/fhir/CodeSystem/concern|sun-damage": "Sun damage",
    "https://needlework.dev/fhir/CodeSystem/concern|hyperpigmentation": "Hyperpigmentation",
    "https://needlework.dev/fhir/CodeSystem/concern|melasma": "Melasma",
    "https://needlework.dev/fhir/CodeSystem/concern|skin-laxity": "Mild to moderate skin laxity"
  },
  "concern_findings": {
    "indication": {
      "enabled": true,
      "display": "Listed indication for microneedling",
      "outcome": "eligible",
      "summary": "Indication: {concern}",
      "detail": "{concern} is among the concerns microneedling treats."
    },
    "not-an-indication": {
      "enabled": true,
      "display": "Concern outside the listed indications",
      "outcome": "review_required",
      "summary": "{concern}: not a listed indication for microneedling",
      "detail": "{concern} is not among the concerns this clinic lists as indications for microneedling. A clinician should confirm that the treatment suits what the patient wants treated."
    }
  },
  "rules": {
    "active-skin-infection": {
      "enabled": true,
      "display": "Active skin infection",
      "outcome": "defer",
      "summary": "Active skin infection: defer microneedling until resolved",
      "detail": "The patient has an active skin infection. Defer microneedling until the infection has resolved: needling through infected skin can spread the infection and delay healing.",
      "conditions": {
        "http://snomed.info/sct|19824006": "Infection of skin and/or subcutaneous tissue",
        "http://snomed.info/sct|48277006": "Impetigo",
        "http://snomed.info/sct|128045006": "Cellulitis",
        "http://snomed.info/sct|13600006": "Folliculitis",
        "http://snomed.info/sct|88594005": "Herpes simplex",
        "http://snomed.info/sct|1475003": "Herpes labialis",
        "http://snomed.info/sct|4740000": "Herpes zoster"
      }
    },
    "active-acne": {
      "enabled": true,
      "display": "Active acne",
      "outcome": "defer",
      "summary": "Active acne: defer microneedling until resolved",
      "detail": "The patient has active acne. Defer microneedling until the acne has resolved; acne scars can be treated once no active lesions remain.",
      "conditions": {
        "http://snomed.info/sct|11381005": "Acne",
        "http://snomed.info/sct|88616000": "Acne vulgaris"
      }
    },
    "eczema": {
      "enabled": true,
      "display": "Eczema",
      "outcome": "consult_required",
      "summary": "Eczema: dermatologist consult before microneedling",
      "detail": "The patient has, or has had, eczema or atopic dermatitis. A dermatologist should assess the skin before microneedling is planned.",
      "conditions": {
        "http://snomed.info/sct|43116000": "Eczema",
        "http://snomed.info/sct|24079001": "Atopic dermatitis"
      },
      "include_condition_history": true
    },
    "psoriasis": {
      "enabled": true,
      "display": "Psoriasis",
      "outcome": "consult_required",
      "summary": "Psoriasis: dermatologist consult before microneedling",
      "detail": "The patient has, or has had, psoriasis. A dermatologist should assess the skin before microneedling is planned: injury to the skin can trigger new psoriasis lesions.",
      "conditions": {
        "http://snomed.info/sct|9014002": "Psoriasis",
        "http://snomed.info/sct|200965009": "Plaque psoriasis"
      },
      "include_condition_history": true
    },
    "blood-thinners": {
      "enabled": true,
      "display": "Blood-thinning medication",
      "outcome": "review_required",
      "summary": "Blood-thinning medication: clinician review of medical history before microneedling",
      "detail": "The patient takes an anticoagulant or antiplatelet medicine. Microneedling causes pinpoint bleeding, so a clinician should review the medical history before treatment. Any change to the medicine is for its prescriber to decide.",
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
    "clotting-disorder": {
      "enabled": true,
      "display": "Clotting disorder",
      "outcome": "review_required",
      "summary": "Clotting disorder: clinician review of medical history before microneedling",
      "detail": "The patient has a disorder of blood clotting. Microneedling causes pinpoint bleeding, so a clinician should review the medical history before treatment.",
      "conditions": {
        "http://snomed.info/sct|64779008": "Blood coagulation disorder",
        "http://snomed.info/sct|90935002": "Hemophilia",
        "http://snomed.info/sct|128105004": "Von Willebrand disorder",
        "http://snomed.info/sct|302215000": "Thrombocytopenic disorder"
      }
    },
    "severe-laxity": {
      "enabled": true,
      "display": "Severe skin laxity",
      "outcome": "refer",
      "summary": "Severe skin laxity: refer for more intensive or surgical options",
      "detail": "Skin laxity is recorded as severe. Microneedling suits mild to moderate laxity; more intensive or surgical options may serve the patient better.",
      "conditions": {},
      "observations": {
        "https://needlework.dev/fhir/CodeSystem/observation|skin-laxity-grade": "Skin laxity grade (0 none to 3 severe)"
      },
      "min_value": 3
    }
  }
}
BÐ{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://needlework.dev/schemas/plugins/org.needlework.screening/config.json",
  "title": "Needlework screening plugin config",
  "description": "The effective config of org.needlework.screening: the manifest defaults with the clinic's JSON merge patch (RFC 7386) applied. Value sets are objects keyed by \"system|code\" so a patch adds a code with a new key and removes one with null.",
  "type": "object",
  "required": ["indications", "concern_findings", "rules"],
  "additionalProperties": false,
  "properties": {
    "indications": {
      "description": "The concerns microneedling treats. A requested concern in this set gets the 'indication' finding, any other the 'not-an-indication' finding.",
      "$ref": "#/$defs/valueSet"
    },
    "concern_findings": {
      "type": "object",
      "required": ["indication", "not-an-indication"],
      "additionalProperties": false,
      "properties": {
        "indication": {"$ref": "#/$defs/concernFinding"},
        "not-an-indication": {"$ref": "#/$defs/concernFinding"}
      }
    },
    "rules": {
      "description": "Contraindication rules keyed by rule id. A rule matches active facts only.",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/ruleId"},
      "not": {"anyOf": [{"required": ["indication"]}, {"required": ["not-an-indication"]}]},
      "additionalProperties": {"$ref": "#/$defs/rule"}
    }
  },
  "$defs": {
    "ruleId": {
      "description": "Lower-case words joined by hyphens; also the code of the finding in https://needlework.dev/fhir/CodeSystem/screening-rule.",
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
    },
    "valueSet": {
      "description": "Codes keyed by \"system|code\" (system an absolute URI), each with its display.",
      "type": "object",
      "propertyNames": {"pattern": "^[^|\\s]*:[^|\\s]*\\|[^|\\s]+$"},
      "additionalProperties": {"type": "string", "minLength": 1}
    },
    "outcome": {
      "enum": ["eligible", "eligible_with_caution", "review_required", "consult_required",
               "defer", "refer", "contraindicated"]
    },
    "findingSpec": {
      "type": "object",
      "required": ["display", "outcome", "summary", "detail"],
      "properties": {
        "enabled": {"type": "boolean", "default": true},
        "display": {"type": "string", "minLength": 1},
        "outcome": {"$ref": "#/$defs/outcome"},
        "indicator": {
          "description": "CDS Hooks indicator; by default critical for defer, refer and contraindicated, warning for review_required and consult_required, info otherwise.",
          "enum": ["info", "warning", "critical"]
        },
        "summary": {
          "description": "Under 140 characters. In concern findings, {concern} stands for the concern.",
          "type": "string", "minLength": 1, "maxLength": 139
        },
        "detail": {"type": "string", "minLength": 1}
      }
    },
    "concernFinding": {
      "$ref": "#/$defs/findingSpec",
      "unevaluatedProperties": false
    },
    "rule": {
      "$ref": "#/$defs/findingSpec",
      "properties": {
        "conditions": {"$ref": "#/$defs/valueSet"},
        "medications": {
          "description": "Matched against a medication's ingredients and its own codes.",
          "$ref": "#/$defs/valueSet"
        },
        "allergies": {"$ref": "#/$defs/valueSet"},
        "observations": {
          "description": "Matched when the latest numeric value of the observation is at least min_value.",
          "$ref": "#/$defs/valueSet"
        },
        "min_value": {"type": "number"},
        "include_condition_history": {
          "type": "boolean",
          "description": "Conditions also count when inactive, in remission or resolved (chronic, relapsing disease)."
        }
      },
      "if": {"required": ["observations"], "properties": {"observations": {"minProperties": 1}}},
      "then": {"required": ["min_value"]},
      "unevaluatedProperties": false
    }
  }
}
