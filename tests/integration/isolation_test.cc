// The clinic comes from the token: an `emr` token of clinic A works only with A's plugins,
// and cannot call administration at all.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

class IsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    Api api(*host_);
    auto a = api.CreateClinic(host_->admin_token(), "clinic-a");
    auto b = api.CreateClinic(host_->admin_token(), "clinic-b");
    ASSERT_TRUE(a.status.ok() && b.status.ok()) << a.status.error_message();
    token_a_ = a.response.emr_token();
    token_b_ = b.response.emr_token();
    ASSERT_TRUE(api.Enable(host_->admin_token(), "clinic-a", kScreeningPlugin).status.ok());
  }

  std::unique_ptr<HostProcess> host_;
  std::string token_a_, token_b_;
};

TEST_F(IsolationTest, EachClinicSeesOnlyItsOwnPlugins) {
  Api api(*host_);
  EXPECT_TRUE(api.Screen(token_a_, FactsWithConditions({})).status.ok());
  auto b = api.Screen(token_b_, FactsWithConditions({}));
  EXPECT_EQ(b.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(b.status.error_message(), ::testing::HasSubstr("clinic 'clinic-b'"));
}

TEST_F(IsolationTest, ConfigOfOneClinicDoesNotReachAnother) {
  Api api(*host_);
  ASSERT_TRUE(api.Enable(host_->admin_token(), "clinic-b", kScreeningPlugin,
                         R"({"rules":{"active-acne":{"outcome":"refer"}}})")
                  .status.ok());
  auto acne = FactsWithConditions({"88616000"});
  EXPECT_EQ(api.Screen(token_a_, acne).response.outcome(), types::OUTCOME_DEFER);
  EXPECT_EQ(api.Screen(token_b_, acne).response.outcome(), types::OUTCOME_REFER);
}

TEST_F(IsolationTest, EmrTokenCannotCallAdministration) {
  Api api(*host_);
  EXPECT_EQ(api.Enable(token_a_, "clinic-b", kScreeningPlugin).status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(api.Disable(token_a_, "clinic-a", kScreeningPlugin).status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(api.ListClinicPlugins(token_a_, "clinic-b").status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(api.ListClinics(token_a_).status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(api.CreateClinic(token_a_, "clinic-c").status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(api.ListPlugins(token_a_).status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(IsolationTest, ClinicIdsAreValidatedAndUnique) {
  Api api(*host_);
  EXPECT_EQ(api.CreateClinic(host_->admin_token(), "clinic-a").status.error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(api.CreateClinic(host_->admin_token(), "Bad Id!").status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  auto clinics = api.ListClinics(host_->admin_token());
  ASSERT_TRUE(clinics.status.ok());
  EXPECT_EQ(clinics.response.clinics_size(), 3);  // demo, clinic-a, clinic-b
}

}  // namespace
}  // namespace needlework::testing
