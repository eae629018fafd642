
org.needlework.aftercare1.0.0
Needlework"Microneedling aftercare*�After a microneedling session: aftercare instructions with their windows, the effects to expect with their normal course, and timed messages to the patient (evening, day 2, day 7, before the next session, maintenance); and triage of a reported symptom (expected, monitor, contact the clinic, urgent). Every window, threshold and text, per language, is per-clinic config.2:�X{
  "default_language": "en",
  "maintenance_months": {"min": 6, "max": 12},
  "instructions": {
    "avoid-sun": {"from_hours": 0, "until_hours": 48, "indicator": "warning"},
    "spf": {"from_hours": 0, "until_hours": 336},
    "moisturise-keep-clean": {"from_hours": 0},
    "no-actives": {"from_hours": 0, "until_hours": 168, "indicator": "warning"},
    "no-exfoliants": {"from_hours": 0, "until_hours": 72},
    "no-picking": {"from_hours": 0},
    "hydrate": {"from_hours": 0},
    "reintroduce-skincare": {}
  },
  "effects": {
    "redness-swelling": {"normal_course_hours": 48},
    "dryness-discolouration": {"normal_course_hours": 168},
    "tingling-tightness": {"normal_course_hours": 72},
    "peeling-flaking": {"normal_course_hours": 168}
  },
  "messages": {
    "evening": {"anchor": "session-end", "day_offset": 0, "time": "19:00"},
    "day-2": {"anchor": "session-end", "day_offset": 2, "time": "10:00"},
    "day-7": {"anchor": "session-end", "day_offset": 7, "time": "10:00"},
    "next-session": {"anchor": "next-session-start", "offset_minutes": -2880,
                     "sessions": "not-last"},
    "maintenance": {"anchor": "series-end", "at_maintenance": true, "day_offset": 0,
                    "time": "10:00", "sessions": "last"}
  },
  "triage": {
    "indicators": {"expected": "info", "monitor": "warning", "contact-clinic": "warning",
                   "urgent": "critical"},
    "symptoms": {
      "redness": {"effect": "redness-swelling"},
      "swelling": {"effect": "redness-swelling"},
      "dryness": {"effect": "dryness-discolouration"},
      "discolouration": {"effect": "dryness-discolouration"},
      "peeling": {"effect": "peeling-flaking"},
      "flaking": {"effect": "peeling-flaking"},
      "tingling": {"effect": "tingling-tightness"},
      "tightness": {"effect": "tingling-tightness"},
      "itching": {"course_hours": 72},
      "pain": {"course_hours": 48, "severe_within_course": "contact-clinic"},
      "bruising": {"course_hours": 168},
      "pus": {"level": "urgent", "advice": "infection"},
      "fever": {"level": "urgent", "advice": "infection"},
      "warmth": {"level": "urgent", "advice": "infection"},
      "spreading-redness": {"level": "urgent", "advice": "infection"},
      "hives": {"level": "urgent", "advice": "allergy"},
      "blistering": {"level": "urgent", "advice": "allergy"},
      "facial-swelling": {"level": "urgent", "advice": "allergy"},
      "breathing-difficulty": {"level": "urgent", "advice": "emergency"}
    }
  },
  "languages": {
    "en": {
      "until_healed": "until your skin has fully healed",
      "from_healed": "once your skin has fully healed",
      "instructions": {
        "avoid-sun": "Avoid sun exposure.",
        "spf": "Apply a broad-spectrum sunscreen, SPF 30 or higher, whenever you go outside.",
        "moisturise-keep-clean": "Use a gentle, hydrating serum or moisturiser and keep the treated area clean.",
        "no-actives": "Do not use retinol, glycolic acid or other strong active ingredients.",
        "no-exfoliants": "Do not use harsh products, scrubs or exfoliants.",
        "no-picking": "Do not pick or scratch peeling skin or scabs.",
        "hydrate": "Drink plenty of water to stay hydrated.",
        "reintroduce-skincare": "Go back to your normal skincare routine."
      },
      "effects": {
        "redness-swelling": "Redness and mild swelling, like a sunburn: usually subsides within 1 to 2 days.",
        "dryness-discolouration": "Dry skin or red discolouration: typically subsides within a week.",
        "tingling-tightness": "Tingling or a feeling of tightness during the first days.",
        "peeling-flaking": "Peeling or flaking within the first week."
      },
      "messages": {
        "evening": "Thank you for coming to session {session_number} of {session_count} at {clinic_name}. Tonight your skin may be red, warm or tight, like a mild sunburn: this is normal. Keep it clean, use only a gentle moisturiser and stay out of the sun.",
        "day-2": "Two days after your session on {session_date}, redness and swelling should be settling. Some dryness, peeling or flaking this week is normal: do not pick it. Keep using SPF 30+ outdoors and avoid retinol, glycolic acid and other strong actives for the first week.",
        "day-7": "One week after your session: most redness, dryness and flaking should have settled. If redness has not subsided or anything worries you, please contact {clinic_name}. Once your skin has fully healed you can go back to your usual skincare.",
        "next-session": "Reminder: session {next_session_number} of {session_count} at {clinic_name} is on {next_session_time}. Please come without make-up and tell us about any new medication or skin problem.",
        "maintenance": "You completed your series of {session_count} sessions at {clinic_name}. To keep your results, we recommend a maintenance session every {maintenance_months_min} to {maintenance_months_max} months: contact us to book yours."
      },
      "symptoms": {
        "redness": "redness", "swelling": "swelling", "dryness": "dryness",
        "discolouration": "discolouration", "peeling": "peeling", "flaking": "flaking",
        "tingling": "tingling", "tightness": "tightness", "itching": "itching", "pain": "pain",
        "bruising": "bruising", "pus": "pus", "fever": "fever", "warmth": "warmth",
        "spreading-redness": "spreading redness", "hives": "hives", "blistering": "blistering",
        "facial-swelling": "facial swelling", "breathing-difficulty": "difficulty breathing"
      },
      "advice": {
        "within-course": "Some {symptom} is a normal part of healing and usually settles within {course_days} days. Keep following your aftercare instructions.",
        "severe-within-course": "Strong {symptom} this soon after a session can still be part of healing, but keep an eye on it. If it gets worse or has not eased within {course_days} days, contact {clinic_name}.",
        "past-course": "Your {symptom} has lasted longer than the usual {course_days} days. Please contact {clinic_name} so they can check your skin.",
        "infection": "Your {symptom} may be a sign of infection. Contact {clinic_name} today, or get urgent medical care if you cannot reach them. Do not apply any products to the area.",
        "allergy": "Your {symptom} may be a sign of an allergic reaction. Stop using any products on your skin and get urgent medical care now, then tell {clinic_name}.",
        "emergency": "Difficulty breathing may be a severe allergic reaction. Call emergency services now (999 in the UK, 112 in Europe)."
      }
    },
    "fr": {
      "until_healed": "jusqu'à la guérison complète de la peau",
      "from_healed": "une fois la peau complètement guérie",
      "instructions": {
        "avoid-sun": "Évitez toute exposition au soleil.",
        "spf": "Appliquez un écran solaire à large spectre, SPF 30 ou plus, chaque fois que vous sortez.",
        "moisturise-keep-clean": "Utilisez un sérum ou une crème hydratante douce et gardez la zone traitée propre.",
        "no-actives": "N'utilisez pas de rétinol, d'acide glycolique ni d'autres actifs puissants.",
        "no-exfoliants": "N'utilisez pas de produits agressifs, de gommages ni d'exfoliants.",
        "no-picking": "Ne grattez pas et n'arrachez pas les peaux ou les croûtes.",
        "hydrate": "Buvez beaucoup d'eau pour rester bien hydraté(e).",
        "reintroduce-skincare": "Reprenez vos soins de peau habituels."
      },
      "effects": {
        "redness-swelling": "Rougeur et léger gonflement, comme un coup de soleil : disparaissent généralement en 1 à 2 jours.",
        "dryness-discolouration": "Peau sèche ou coloration rouge : disparaissent généralement en une semaine.",
        "tingling-tightness": "Picotements ou sensation de tiraillement les premiers jours.",
        "peeling-flaking": "Desquamation ou petites peaux au cours de la première semaine."
      },
      "messages": {
        "evening": "Merci d'être venu(e) à la séance {session_number} sur {session_count} chez {clinic_name}. Ce soir, votre peau peut être rouge, chaude ou tiraillée, comme après un léger coup de soleil : c'est normal. Gardez-la propre, utilisez seulement une crème hydratante douce et évitez le soleil.",
        "day-2": "Deux jours après votre séance du {session_date}, la rougeur et le gonflement devraient diminuer. Un peu de sécheresse ou de desquamation cette semaine est normal : n'y touchez pas. Continuez le SPF 30+ à l'extérieur et évitez le rétinol, l'acide glycolique et les actifs puissants pendant la première semaine.",
        "day-7": "Une semaine après votre séance, la plupart des rougeurs, sécheresses et desquamations devraient avoir disparu. Si la rougeur persiste ou si quelque chose vous inquiète, contactez {clinic_name}. Une fois la peau guérie, vous pouvez reprendre vos soins habituels.",
        "next-session": "Rappel : votre séance {next_session_number} sur {session_count} chez {clinic_name} a lieu le {next_session_time}. Venez sans maquillage et signalez-nous tout nouveau médicament ou problème de peau.",
        "maintenance": "Vous avez terminé votre série de {session_count} séances chez {clinic_name}. Pour conserver les résultats, nous recommandons une séance d'entretien tous les {maintenance_months_min} à {maintenance_months_max} mois : contactez-nous pour la réserver."
      },
      "symptoms": {
        "redness": "rougeur", "swelling": "gonflement", "dryness": "sécheresse",
        "discolouration": "coloration", "peeling": "desquamation", "flaking": "petites peaux",
        "tingling": "picotement", "tightness": "tiraillement", "itching": "démangeaison",
        "pain": "douleur", "bruising": "ecchymose", "pus": "pus", "fever": "fièvre",
        "warmth": "chaleur", "spreading-redness": "rougeur qui s'étend", "hives": "urticaire",
        "blistering": "cloques", "facial-swelling": "gonflement du visage",
        "breathing-difficulty": "difficulté à respirer"
      },
      "advice": {
        "within-course": "Ce symptôme ({symptom}) fait partie de la cicatrisation normale et disparaît généralement en {course_days} jours. Continuez à suivre vos consignes de soins.",
        "severe-within-course": "Un symptôme marqué ({symptom}) peu après une séance peut encore faire partie de la cicatrisation, mais surveillez-le. S'il s'aggrave ou ne diminue pas en {course_days} jours, contactez {clinic_name}.",
        "past-course": "Ce symptôme ({symptom}) dure plus longtemps que les {course_days} jours habituels. Contactez {clinic_name} pour faire examiner votre peau.",
        "infection": "Ce symptôme ({symptom}) peut être un signe d'infection. Contactez {clinic_name} aujourd'hui, ou consultez un médecin en urgence si vous ne pouvez pas les joindre. N'appliquez aucun produit sur la zone.",
        "allergy": "Ce symptôme ({symptom}) peut être le signe d'une réaction allergique. Arrêtez tout produit sur la peau et consultez un médecin en urgence, puis prévenez {clinic_name}.",
        "emergency": "Une difficulté à respirer peut être une réaction allergique grave. Appelez immédiatement les services d'urgence (15 ou 112)."
      }
    }
  }
}
B�<{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://needlework.dev/schemas/plugins/org.needlework.aftercare/config.json",
  "title": "Needlework aftercare plugin config",
  "description": "The effective config of org.needlework.aftercare: the manifest defaults with the clinic's JSON merge patch (RFC 7386) applied. Instructions, effects, messages, symptoms, languages and every text map are objects keyed by id, so a patch changes one entry, adds one with a new key and removes one with null. Every configured id (enabled or not) needs a text in every language. Texts may hold the host's placeholders {clinic_name}, {session_date}, {next_session_time}; messages also {session_number}, {next_session_number}, {session_count}, {maintenance_months_min}, {maintenance_months_max}; advice also {symptom}, {course_days}.",
  "type": "object",
  "required": ["default_language", "maintenance_months", "instructions", "effects", "messages",
               "triage", "languages"],
  "additionalProperties": false,
  "properties": {
    "default_language": {
      "description": "The language of a request without one, or with one the clinic has no texts for; a key of languages.",
      "$ref": "#/$defs/text"
    },
    "maintenance_months": {
      "description": "Maintenance sessions after the series, every min to max months; a message with at_maintenance is sent min months after the series end.",
      "type": "object",
      "required": ["min", "max"],
      "additionalProperties": false,
      "properties": {
        "min": {"type": "integer", "minimum": 1, "maximum": 120},
        "max": {"type": "integer", "minimum": 1, "maximum": 120}
      }
    },
    "instructions": {
      "description": "Aftercare instructions by id. Window bounds are hours after the session end; no until_hours: until healed; no from_hours (and no until_hours): from when healed.",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "enabled": {"type": "boolean", "default": true},
          "from_hours": {"$ref": "#/$defs/hours"},
          "until_hours": {"$ref": "#/$defs/hours"},
          "indicator": {"enum": ["info", "warning", "critical"], "default": "info"}
        },
        "dependentRequired": {"until_hours": ["from_hours"]}
      }
    },
    "effects": {
      "description": "Effects the patient should expect, by id, with their normal course.",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {
        "type": "object",
        "required": ["normal_course_hours"],
        "additionalProperties": false,
        "properties": {
          "enabled": {"type": "boolean", "default": true},
          "normal_course_hours": {"type": "integer", "minimum": 1, "maximum": 8760}
        }
      }
    },
    "messages": {
      "description": "Timed messages to the patient, by id: offset_minutes from the anchor, or a local time (day_offset, month_offset or at_maintenance, time).",
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {
        "type": "object",
        "required": ["anchor"],
        "additionalProperties": false,
        "properties": {
          "enabled": {"type": "boolean", "default": true},
          "anchor": {"enum": ["session-end", "next-session-start", "series-end"]},
          "sessions": {
            "description": "Which sessions the message goes with; next-session-start needs not-last.",
            "enum": ["all", "not-last", "last"], "default": "all"
          },
          "offset_minutes": {"type": "integer", "minimum": -525600, "maximum": 525600},
          "time": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
          "day_offset": {"type": "integer", "minimum": -365, "maximum": 365, "default": 0},
          "month_offset": {"type": "integer", "minimum": 0, "maximum": 120, "default": 0},
          "at_maintenance": {"type": "boolean", "default": false}
        },
        "oneOf": [{"required": ["offset_minutes"]}, {"required": ["time"]}]
      }
    },
    "triage": {
      "type": "object",
      "required": ["indicators", "symptoms"],
      "additionalProperties": false,
      "properties": {
        "indicators": {
          "description": "The card indicator of each triage level.",
          "type": "object",
          "required": ["expected", "monitor", "contact-clinic", "urgent"],
          "additionalProperties": false,
          "properties": {
            "expected": {"$ref": "#/$defs/indicator"},
            "monitor": {"$ref": "#/$defs/indicator"},
            "contact-clinic": {"$ref": "#/$defs/indicator"},
            "urgent": {"$ref": "#/$defs/indicator"}
          }
        },
        "symptoms": {
          "description": "A rule per symptom code (https://needlework.dev/fhir/CodeSystem/symptom): a course rule (effect or course_hours, levels per case) or a sign rule (level, advice).",
          "type": "object",
          "minProperties": 1,
          "propertyNames": {"$ref": "#/$defs/localCode"},
          "additionalProperties": {
            "oneOf": [
              {
                "type": "object",
                "required": ["level", "advice"],
                "additionalProperties": false,
                "properties": {"level": {"$ref": "#/$defs/level"},
                               "advice": {"$ref": "#/$defs/localCode"}}
              },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "effect": {"$ref": "#/$defs/localCode"},
                  "course_hours": {"type": "integer", "minimum": 1, "maximum": 8760},
                  "within_course": {"$ref": "#/$defs/level", "default": "expected"},
                  "severe_within_course": {"$ref": "#/$defs/level", "default": "monitor"},
                  "past_course": {"$ref": "#/$defs/level", "default": "contact-clinic"}
                },
                "oneOf": [{"required": ["effect"]}, {"required": ["course_hours"]}]
              }
            ]
          }
        }
      }
    },
    "languages": {
      "description": "Every text, by language tag (BCP 47).",
      "type": "object",
      "minProperties": 1,
      "additionalProperties": {
        "type": "object",
        "required": ["until_healed", "from_healed", "instructions", "effects", "messages",
                     "symptoms", "advice"],
        "additionalProperties": false,
        "properties": {
          "until_healed": {"$ref": "#/$defs/text"},
          "from_healed": {"$ref": "#/$defs/text"},
          "instructions": {"$ref": "#/$defs/texts"},
          "effects": {"$ref": "#/$defs/texts"},
          "messages": {"$ref": "#/$defs/texts"},
          "symptoms": {"$ref": "#/$defs/texts"},
          "advice": {
            "description": "within-course, severe-within-course, past-course and each advice a sign rule names.",
            "$ref": "#/$defs/texts"
          }
        }
      }
    }
  },
  "$defs": {
    "localCode": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "text": {"type": "string", "minLength": 1},
    "texts": {
      "type": "object",
      "propertyNames": {"$ref": "#/$defs/localCode"},
      "additionalProperties": {"$ref": "#/$defs/text"}
    },
    "hours": {"type": "integer", "minimum": 0, "maximum": 8760},
    "indicator": {"enum": ["info", "warning", "critical"]},
    "level": {"enum": ["expected", "monitor", "contact-clinic", "urgent"]}
  }
}
