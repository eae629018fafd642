// Pagination of List RPCs: `page_size` and `page_token` in the request, `next_page_token`
// in the response (empty on the last page).
//
// Items are ordered by a key unique within the list (PageKey builds one that sorts numbers
// and ties correctly); a page holds the items whose key follows the previous page's last key.
// A token is opaque to callers: it carries that last key and a digest of the request it was
// issued for (the request message type and every field but the page fields), so a token
// used with another RPC, another filter or another clinic's request, or edited, is refused
// with INVALID_ARGUMENT. Keyset paging: items added or removed between pages never shift
// the ones not yet seen.
#ifndef NEEDLEWORK_HOST_COMMON_PAGING_H_
#define NEEDLEWORK_HOST_COMMON_PAGING_H_

#include <google/protobuf/message.h>
#include <google/protobuf/repeated_ptr_field.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

// page_size 0 means kDefaultPageSize; larger than kMaxPageSize is INVALID_ARGUMENT.
inline constexpr int kDefaultPageSize = 100;
inline constexpr int kMaxPageSize = 1000;

// A page as a SQL keyset: rows whose (number, id) sort key follows (after_number,
// after_id), at most `limit` of them, for lists keyed by PageKey(number, id).
struct RowPage {
  int limit = kDefaultPageSize;
  int64_t after_number = INT64_MIN;
  std::string after_id;
};

struct Page {
  int size = kDefaultPageSize;
  std::string after;  // the last key of the previous page; "" for the first page
  std::string scope;  // the request's digest, sealed with the last key into the next token

  // The token for the page after the one ending at `last_key`.
  std::string NextToken(const std::string& last_key) const;
  // This page as a keyset for PageKey(number, id) keys, asking one row more than the page
  // holds (so TrimRows can tell whether another page follows). INVALID_ARGUMENT when the
  // token's key is not such a key.
  StatusOr<RowPage> Rows() const;
};

// The page `request` asks for (its page_size and page_token fields, read by name; `scope`
// may add the caller's clinic to the token's binding). INVALID_ARGUMENT for a negative or too
// large page_size, or a token that is malformed or was issued for another request.
StatusOr<Page> ReadPage(const google::protobuf::Message& request, std::string_view caller_scope);

// A sort key: `number` as fixed-width text (sorting as numbers do, negatives first), then
// `tie`.
std::string PageKey(int64_t number, std::string_view tie = "");

// Drops the row a RowPage asked beyond the page, if it came, and returns the next page's
// token ("" when none); `key_of` gives a row's PageKey.
template <typename Row, typename KeyOf>
std::string TrimRows(std::vector<Row>& rows, const Page& page, KeyOf key_of) {
  if (rows.size() <= static_cast<size_t>(page.size)) return "";
  rows.resize(page.size);
  return page.NextToken(key_of(rows.back()));
}

// Keeps, of `items`, the page `page` names: sorts them by `key_of`, drops those up to
// page.after and those beyond page.size. Returns the next page's token, "" when none.
template <typename Item, typename KeyOf>
std::string TakePage(google::protobuf::RepeatedPtrField<Item>* items, const Page& page,
                     KeyOf key_of) {
  std::stable_sort(items->begin(), items->end(),
                   [&](const Item& a, const Item& b) { return key_of(a) < key_of(b); });
  auto first = std::upper_bound(
      items->begin(), items->end(), page.after,
      [&](const std::string& after, const Item& item) { return after < key_of(item); });
  int skip = page.after.empty() ? 0 : static_cast<int>(first - items->begin());
  if (skip > 0) items->DeleteSubrange(0, skip);
  if (items->size() <= page.size) return "";
  items->DeleteSubrange(page.size, items->size() - page.size);
  return page.NextToken(key_of(items->Get(page.size - 1)));
}

// Reads the page `request` asks for and keeps only it in `items` (the list `response`
// holds, complete and in any order), setting the response's next_page_token. For lists the
// host holds in memory; lists read from SQLite page in their query instead.
template <typename Request, typename Response, typename Item, typename KeyOf>
Status PageInMemory(const Request& request, std::string_view caller_scope,
                    google::protobuf::RepeatedPtrField<Item>* items, Response* response,
                    KeyOf key_of) {
  NW_ASSIGN_OR_RETURN(Page page, ReadPage(request, caller_scope));
  response->set_next_page_token(TakePage(items, page, key_of));
  return OkStatus();
}

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_PAGING_H_
