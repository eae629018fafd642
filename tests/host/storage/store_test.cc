#include "host/storage/sqlite_store.h"

#include <gmock/gmock.h>

#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TokenRecord Token(const std::string& id, const std::string& clinic) {
  return TokenRecord{id, "hash-" + id, "emr", clinic, "label", 1};
}

TEST(StoreTest, ClinicsSettingsAndTokensRoundTripAcrossReopen) {
  testing::TempDir dir;
  {
    auto store = SqliteStore::Open(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->CreateClinic({"a", "Clinic A", 10}, Token("t1", "a")).ok());
    ASSERT_TRUE((*store)->UpsertPluginSetting({"a", "org.x", true, R"({"k":1})", 11}).ok());
    ASSERT_TRUE((*store)->UpsertPluginSetting({"a", "org.x", false, R"({"k":2})", 12}).ok());
  }
  auto store = SqliteStore::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto clinic = (*store)->GetClinic("a");
  ASSERT_TRUE(clinic.ok());
  EXPECT_EQ(clinic->display_name, "Clinic A");
  auto settings = (*store)->ListPluginSettings("a");
  ASSERT_TRUE(settings.ok());
  ASSERT_EQ(settings->size(), 1u);
  EXPECT_FALSE((*settings)[0].enabled);
  EXPECT_EQ((*settings)[0].config_json, R"({"k":2})");
  auto tokens = (*store)->ListTokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].clinic_id, "a");
}

TEST(StoreTest, DuplicateClinicIsAlreadyExistsAndWritesNothing) {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.path());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->CreateClinic({"a", "A", 1}, Token("t1", "a")).ok());
  Status again = (*store)->CreateClinic({"a", "A again", 2}, Token("t2", "a"));
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ((*store)->ListTokens()->size(), 1u);  // the second token was rolled back
}

TEST(StoreTest, UnknownClinicIsNotFound) {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->GetClinic("nope").status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, SecondOpenOfOneDataDirIsRefused) {
  testing::TempDir dir;
  auto first = SqliteStore::Open(dir.path());
  ASSERT_TRUE(first.ok());
  auto second = SqliteStore::Open(dir.path());
  EXPECT_EQ(second.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(second.status().message(), HasSubstr("in use by another needlework-host"));
}

// A store in `dir` holding clinic "a" and its ACTIVE plan "plan_1"; null on failure.
std::unique_ptr<Store> StoreWithPlan(const testing::TempDir& dir) {
  auto opened = SqliteStore::Open(dir.path());
  if (!opened.ok() || !(*opened)->CreateClinic({"a", "A", 1}, Token("t1", "a")).ok()) {
    return nullptr;
  }
  PlanRecord plan{"plan_1", "a", "Patient/1", "", 1 /*ACTIVE*/, 1, 1, "", ""};
  return (*opened)->InsertPlan(plan).ok() ? std::move(*opened) : nullptr;
}

// A write based on a status read before a concurrent change must not undo that change.
TEST(StoreTest, StaleBookingWritesAreRefused) {
  testing::TempDir dir;
  auto opened = StoreWithPlan(dir);
  ASSERT_NE(opened, nullptr);
  Store& store = *opened;
  AppointmentRecord booked;
  booked.appointment_id = "apt_1";
  booked.clinic_id = "a";
  booked.plan_id = "plan_1";
  booked.patient_ref = "Patient/1";
  booked.start = 1000;
  booked.end = 4600;
  booked.status = 2;  // BOOKED
  booked.resource_ids = {"dr-lee"};
  ASSERT_TRUE(store.SaveBooking({booked, "", {}, {}, nullptr}).ok());

  AppointmentRecord cancelled = booked;
  cancelled.status = 4;  // CANCELLED
  ASSERT_TRUE(store.TransitionBookedAppointment(cancelled).ok());
  // A completion or a move that read "booked" before the cancel now fails, writing nothing.
  AppointmentRecord completed = booked;
  completed.status = 3;  // FULFILLED
  EXPECT_EQ(store.TransitionBookedAppointment(completed).code(), StatusCode::kFailedPrecondition);
  AppointmentRecord moved = booked;
  moved.start = 8000;
  moved.end = 11600;
  EXPECT_EQ(store.SaveBooking({moved, "apt_1", {}, {}, nullptr}).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.GetAppointment("a", "apt_1")->status, 4);
  EXPECT_TRUE(store.ListBusy("a", 0, 100000)->empty());  // the cancel freed the practitioner

  std::vector<AppointmentRecord> sessions;
  ASSERT_TRUE(store.CancelPlan("a", "plan_1", "moved away", 2, {}, nullptr, &sessions).ok());
  AppointmentRecord late = booked;
  late.appointment_id = "apt_2";
  EXPECT_EQ(store.SaveBooking({late, "", {booked}, {}, nullptr}).code(),
            StatusCode::kFailedPrecondition);
}

AppointmentRecord Session(const std::string& id, int index, int64_t start) {
  AppointmentRecord a;
  a.appointment_id = id;
  a.clinic_id = "a";
  a.plan_id = "plan_1";
  a.session_index = index;
  a.patient_ref = "Patient/1";
  a.start = start;
  a.end = start + 3600;
  a.status = 2;  // BOOKED
  a.resource_ids = {"dr-" + id};
  return a;
}

// A booking checked against a history the plan no longer has is refused, writing nothing.
TEST(StoreTest, BookingOnStaleHistoryIsAborted) {
  testing::TempDir dir;
  auto opened = StoreWithPlan(dir);
  ASSERT_NE(opened, nullptr);
  Store& store = *opened;
  AppointmentRecord first = Session("apt_1", 0, 100000);
  ASSERT_TRUE(store.SaveBooking({first, "", {}, {}, nullptr}).ok());
  AppointmentRecord moved = first;
  moved.start = 200000;
  moved.end = 203600;
  ASSERT_TRUE(store.SaveBooking({moved, "apt_1", {}, {}, nullptr}).ok());

  // Checked while session 0 was still at its first time: the plan has changed since.
  Status stale = store.SaveBooking({Session("apt_2", 1, 300000), "", {first}, {}, nullptr});
  EXPECT_EQ(stale.code(), StatusCode::kAborted);
  EXPECT_THAT(stale.message(), HasSubstr("changed while this booking was checked"));
  EXPECT_EQ(store.GetAppointment("a", "apt_2").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store.SaveBooking({Session("apt_2", 1, 300000), "", {moved}, {}, nullptr}).ok());
}

// A write made with a stored key is skipped; the key is stored only with a committed write.
TEST(StoreTest, IdempotencyKeyIsStoredWithItsWriteOnly) {
  testing::TempDir dir;
  auto opened = StoreWithPlan(dir);
  ASSERT_NE(opened, nullptr);
  Store& store = *opened;
  IdempotencyClaim refused{"a", "CreatePlan", "k1", "digest", 1000, [] { return "first"; }, false};
  // The plan's clinic does not exist: the insert fails and the key is not kept.
  EXPECT_FALSE(store.InsertPlan({"plan_k0", "nowhere", "P/1", "", 1, 1, 1, "", ""}, &refused).ok());
  EXPECT_EQ(store.FindIdempotencyKey("a", "CreatePlan", "k1", 1000).status().code(),
            StatusCode::kNotFound);

  IdempotencyClaim claim = refused;
  ASSERT_TRUE(store.InsertPlan({"plan_k1", "a", "P/1", "", 1, 1, 1, "", ""}, &claim).ok());
  auto stored = store.FindIdempotencyKey("a", "CreatePlan", "k1", 1000);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->response_bytes, "first");
  EXPECT_EQ(stored->request_digest, "digest");
  // Another clinic's (or another RPC's) key of the same name is another key.
  EXPECT_FALSE(store.FindIdempotencyKey("b", "CreatePlan", "k1", 1000).ok());
  EXPECT_FALSE(store.FindIdempotencyKey("a", "CancelPlan", "k1", 1000).ok());

  IdempotencyClaim again = refused;
  Status skipped = store.InsertPlan({"plan_k2", "a", "P/1", "", 1, 1, 1, "", ""}, &again);
  EXPECT_EQ(skipped.code(), StatusCode::kAborted);
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(store.GetPlan("a", "plan_k2").status().code(), StatusCode::kNotFound);
  // Past its lifetime a key answers nothing and is pruned by the next keyed write.
  EXPECT_FALSE(
      store.FindIdempotencyKey("a", "CreatePlan", "k1", 1000 + kIdempotencyKeySeconds).ok());
  IdempotencyClaim later{
      "a",  "CreatePlan", "k1", "other", 1000 + kIdempotencyKeySeconds, [] { return "second"; },
      false};
  ASSERT_TRUE(store.InsertPlan({"plan_k3", "a", "P/1", "", 1, 1, 1, "", ""}, &later).ok());
  EXPECT_EQ(store.FindIdempotencyKey("a", "CreatePlan", "k1", 1000 + kIdempotencyKeySeconds)
                ->response_bytes,
            "second");
}

}  // namespace
}  // namespace needlework::host
