#include "host/common/paging.h"

#include <gmock/gmock.h>

#include "needlework/v1/admin.pb.h"

namespace needlework::host {
namespace {

namespace v1 = needlework::v1;

TEST(PagingTest, PageKeysSortAsTheirNumbersThenTies) {
  EXPECT_LT(PageKey(INT64_MIN, "z"), PageKey(-1, "a"));
  EXPECT_LT(PageKey(-1, "z"), PageKey(0, "a"));
  EXPECT_LT(PageKey(9, "z"), PageKey(10, "a"));
  EXPECT_LT(PageKey(10, "a"), PageKey(10, "b"));
  EXPECT_LT(PageKey(10, "b"), PageKey(INT64_MAX, ""));
}

TEST(PagingTest, ATokenCarriesItsKeyToTheSameRequestOnly) {
  v1::ListTokensRequest request;
  request.set_clinic_id("demo");
  auto first = ReadPage(request, "");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->size, kDefaultPageSize);
  request.set_page_token(first->NextToken(PageKey(-42, "tok_1")));
  request.set_page_size(5);  // the page size may change between pages
  auto next = ReadPage(request, "");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->size, 5);
  auto rows = next->Rows();
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->after_number, -42);
  EXPECT_EQ(rows->after_id, "tok_1");
  EXPECT_EQ(rows->limit, 6);

  EXPECT_FALSE(ReadPage(request, "another clinic").ok());
  request.set_clinic_id("other");
  auto foreign = ReadPage(request, "");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(foreign.status().message(), ::testing::HasSubstr("issued for another request"));
}

TEST(PagingTest, BadSizesAndTokensAreInvalidArgument) {
  v1::ListClinicsRequest request;
  for (int size : {-1, kMaxPageSize + 1}) {
    request.set_page_size(size);
    EXPECT_EQ(ReadPage(request, "").status().code(), StatusCode::kInvalidArgument) << size;
  }
  request.set_page_size(0);
  for (const char* token : {"x", "p1.", "p1.0123456789abcdef.", "p1.0123456789abcdef.zz"}) {
    request.set_page_token(token);
    EXPECT_EQ(ReadPage(request, "").status().code(), StatusCode::kInvalidArgument) << token;
  }
  request.clear_page_token();
  auto page = ReadPage(request, "");
  ASSERT_TRUE(page.ok());
  page->after = "99999999999999999999/x";  // beyond uint64: not a PageKey
  EXPECT_EQ(page->Rows().status().code(), StatusCode::kInvalidArgument);
}

TEST(PagingTest, TakePageKeepsOnePageInKeyOrder) {
  v1::ListClinicsRequest request;
  request.set_page_size(2);
  auto page = ReadPage(request, "");
  ASSERT_TRUE(page.ok());
  google::protobuf::RepeatedPtrField<v1::Clinic> clinics;
  for (const char* id : {"c", "a", "d", "b", "e"}) clinics.Add()->set_clinic_id(id);
  auto key = [](const v1::Clinic& clinic) { return clinic.clinic_id(); };
  auto all = clinics;
  std::string next = TakePage(&clinics, *page, key);
  ASSERT_EQ(clinics.size(), 2);
  EXPECT_EQ(clinics[0].clinic_id(), "a");
  EXPECT_EQ(clinics[1].clinic_id(), "b");
  request.set_page_token(next);
  page = ReadPage(request, "");
  ASSERT_TRUE(page.ok());
  clinics = all;
  EXPECT_FALSE(TakePage(&clinics, *page, key).empty());
  EXPECT_EQ(clinics[0].clinic_id(), "c");
  request.set_page_token(page->NextToken("d"));
  page = ReadPage(request, "");
  clinics = all;
  EXPECT_TRUE(TakePage(&clinics, *page, key).empty()) << "the last page";
  ASSERT_EQ(clinics.size(), 1);
  EXPECT_EQ(clinics[0].clinic_id(), "e");
}

}  // namespace
}  // namespace needlework::host
