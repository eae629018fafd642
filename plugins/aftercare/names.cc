#include "plugins/aftercare/names.h"

namespace needlework::aftercare {

const addon::NameTable<Anchor>& AnchorNames() {
  static const addon::NameTable<Anchor> names = {
      {"session-end", types::v1::ANCHOR_SESSION_END},
      {"next-session-start", types::v1::ANCHOR_NEXT_SESSION_START},
      {"series-end", types::v1::ANCHOR_SERIES_END}};
  return names;
}

const addon::NameTable<SessionFilter>& SessionFilterNames() {
  static const addon::NameTable<SessionFilter> names = {{"all", SessionFilter::kAll},
                                                        {"not-last", SessionFilter::kNotLast},
                                                        {"last", SessionFilter::kLast}};
  return names;
}

}  // namespace needlework::aftercare
