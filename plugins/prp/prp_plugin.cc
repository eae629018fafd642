#include "plugins/prp/prp_plugin.h"

#include "plugins/prp/embedded_config.h"

namespace needlework::prp {

addon::AddOnDescription PrpAddOn::Description() {
  return {"org.needlework.prp",
          "1.0.0",
          "Needlework",
          "PRP serum (platelet-rich plasma)",
          "PRP-style serum from the patient's own blood as an add-on: its catalog entry (blood "
          "draw and centrifuge time, a centrifuge), screening for it (clotting disorder, low "
          "platelet count, anticoagulant or antiplatelet medicine, bloodborne infection: "
          "contraindicated for PRP), its aftercare lines (leave the serum on until the evening, "
          "keep the draw-site plaster on) and triage of bruising. Every code set, threshold, "
          "window and text is per-clinic config.",
          kDefaultConfigJson,
          kConfigSchemaJson,
          "prp config"};
}

}  // namespace needlework::prp
