#include "inputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codes.h"
#include "commands/clinics.h"
#include "commands/screening.h"
#include "needlework/code_systems.h"
#include "temp_files.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;

constexpr char kPatient[] = R"({"resourceType": "Patient", "id": "p1"})";

TEST(ParseCodingTest, BareCodeTakesTheDefaultSystem) {
  StatusOr<types::v1::Coding> coding = ParseCoding("acne-scars", code_systems::kConcern);
  ASSERT_TRUE(coding.ok());
  EXPECT_EQ(coding->system(), code_systems::kConcern);
  EXPECT_EQ(coding->code(), "acne-scars");
  EXPECT_EQ(coding->display(), "");
}

TEST(ParseCodingTest, SystemBarCode) {
  StatusOr<types::v1::Coding> coding =
      ParseCoding("http://snomed.info/sct|11381005", code_systems::kConcern);
  ASSERT_TRUE(coding.ok());
  EXPECT_EQ(coding->system(), code_systems::kSnomed);
  EXPECT_EQ(coding->code(), "11381005");
}

TEST(ParseCodingTest, RejectsMalformedCodes) {
  for (const char* text : {"", "|face", "sys|", "a|b|c", "acne scars", "face\t"}) {
    StatusOr<types::v1::Coding> coding = ParseCoding(text, code_systems::kTreatmentArea);
    ASSERT_FALSE(coding.ok()) << text;
    EXPECT_EQ(coding.status().message(), "'" + std::string(text) +
                                             "' is not a code: want CODE or SYSTEM|CODE, "
                                             "without spaces");
  }
}

TEST(FormatCodingTest, KnownSystemsByShortName) {
  types::v1::Coding coding;
  coding.set_system(std::string(code_systems::kSnomed));
  coding.set_code("11381005");
  coding.set_display("Acne vulgaris");
  EXPECT_EQ(FormatCoding(coding), "SNOMED 11381005 (Acne vulgaris)");
  coding.set_system(std::string(code_systems::kTreatmentArea));
  coding.set_code("face");
  coding.clear_display();
  EXPECT_EQ(FormatCoding(coding), "area face");
}

TEST(FormatCodingTest, OtherSystemsAsSystemBarCode) {
  types::v1::Coding coding;
  coding.set_system("urn:oid:1.2.3");
  coding.set_code("x");
  EXPECT_EQ(FormatCoding(coding), "urn:oid:1.2.3|x");
  coding.clear_system();
  EXPECT_EQ(FormatCoding(coding), "x");
}

using ResolveConfigTest = TempFilesTest;

TEST_F(ResolveConfigTest, InlineObject) {
  StatusOr<std::string> config = ResolveConfig(R"({"depth_mm": 0.5})");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(*config, R"({"depth_mm": 0.5})");
}

TEST_F(ResolveConfigTest, InlineNotAnObject) {
  for (const char* text : {"[1]", "3", "{oops", "depth=1"}) {
    StatusOr<std::string> config = ResolveConfig(text);
    ASSERT_FALSE(config.ok()) << text;
    EXPECT_THAT(config.status().message(), ::testing::StartsWith("--config is not a JSON object: "))
        << text;
  }
}

TEST_F(ResolveConfigTest, FileKeepsItsTextAsWritten) {
  std::string path = Write("config.json", "{\n  \"depth_mm\": 0.5\n}\n");
  StatusOr<std::string> config = ResolveConfig("@" + path);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(*config, "{\n  \"depth_mm\": 0.5\n}\n");
}

TEST_F(ResolveConfigTest, MissingFileNamesThePath) {
  std::string path = PathOf("absent.json");
  StatusOr<std::string> config = ResolveConfig("@" + path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(), "cannot read '" + path + "': No such file or directory");
}

TEST_F(ResolveConfigTest, DirectoryNamesThePath) {
  StatusOr<std::string> config = ResolveConfig("@" + dir_.string());
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(), "cannot read '" + dir_.string() + "': it is a directory");
}

TEST_F(ResolveConfigTest, UnreadableFileNamesThePath) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  std::string path = Write("secret.json", "{}");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  StatusOr<std::string> config = ResolveConfig("@" + path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(), "cannot read '" + path + "': Permission denied");
}

TEST_F(ResolveConfigTest, FileNotAnObjectNamesThePath) {
  std::string path = Write("config.json", "[]");
  StatusOr<std::string> config = ResolveConfig("@" + path);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              ::testing::StartsWith("config file '" + path + "' is not a JSON object: "));
}

using ReadFhirFilesTest = TempFilesTest;

TEST_F(ReadFhirFilesTest, OneEntryPerFileInOrder) {
  std::string bundle = R"({"resourceType": "Bundle", "type": "collection", "entry": []})";
  StatusOr<v1::FhirResources> resources =
      ReadFhirFiles({Write("p.json", kPatient), Write("b.json", bundle)});
  ASSERT_TRUE(resources.ok()) << resources.status().ToString();
  EXPECT_THAT(resources->resources(), ElementsAre(kPatient, bundle));
}

TEST_F(ReadFhirFilesTest, MissingFileNamesThePath) {
  std::string absent = PathOf("absent.json");
  StatusOr<v1::FhirResources> resources = ReadFhirFiles({Write("p.json", kPatient), absent});
  ASSERT_FALSE(resources.ok());
  EXPECT_EQ(resources.status().message(),
            "cannot read '" + absent + "': No such file or directory");
}

TEST_F(ReadFhirFilesTest, NotJsonNamesThePath) {
  std::string path = Write("p.json", "<Patient/>");
  StatusOr<v1::FhirResources> resources = ReadFhirFiles({path});
  ASSERT_FALSE(resources.ok());
  EXPECT_THAT(resources.status().message(),
              ::testing::StartsWith("FHIR file '" + path + "' is not a JSON object: "));
}

TEST_F(ReadFhirFilesTest, NoResourceTypeNamesThePath) {
  std::string path = Write("p.json", R"({"id": "p1"})");
  StatusOr<v1::FhirResources> resources = ReadFhirFiles({path});
  ASSERT_FALSE(resources.ok());
  EXPECT_EQ(resources.status().message(),
            "FHIR file '" + path + "' has no resourceType: not a FHIR resource or Bundle");
}

TEST_F(ReadFhirFilesTest, AcceptsARealSyntheaPatient) {
  std::ifstream ndjson(std::string(NEEDLEWORK_SHARED_DIR) +
                       "/fixtures/synthea-r4-10/Patient.ndjson");
  std::string line;
  if (!std::getline(ndjson, line)) GTEST_SKIP() << "no shared fixtures beside the checkout";
  StatusOr<v1::FhirResources> resources = ReadFhirFiles({Write("patient.json", line)});
  ASSERT_TRUE(resources.ok()) << resources.status().ToString();
  EXPECT_EQ(resources->resources(0), line);
}

using BuildRequestTest = TempFilesTest;

ClinicArgs PluginCommand() {
  ClinicArgs command;
  command.clinic_id = "c";
  command.plugin_id = "p";
  return command;
}

TEST_F(BuildRequestTest, EnableWithoutConfigLeavesItAbsent) {
  ClinicArgs command = PluginCommand();
  StatusOr<v1::EnablePluginRequest> request = BuildEnablePluginRequest(command);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->clinic_id(), "c");
  EXPECT_EQ(request->plugin_id(), "p");
  EXPECT_FALSE(request->has_config_json());
}

TEST_F(BuildRequestTest, EnableWithConfigFile) {
  ClinicArgs command = PluginCommand();
  command.config = "@" + Write("c.json", R"({"a": 1})");
  StatusOr<v1::EnablePluginRequest> request = BuildEnablePluginRequest(command);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->config_json(), R"({"a": 1})");
}

TEST_F(BuildRequestTest, ConfigureIsAMergePatchUnlessReplace) {
  ClinicArgs command = PluginCommand();
  command.config = R"({"a": null})";
  StatusOr<v1::SetPluginConfigRequest> patch = BuildSetPluginConfigRequest(command);
  ASSERT_TRUE(patch.ok());
  EXPECT_EQ(patch->mode(), v1::SetPluginConfigRequest::MODE_MERGE_PATCH);
  command.replace = true;
  StatusOr<v1::SetPluginConfigRequest> replace = BuildSetPluginConfigRequest(command);
  ASSERT_TRUE(replace.ok());
  EXPECT_EQ(replace->mode(), v1::SetPluginConfigRequest::MODE_REPLACE);
}

TEST_F(BuildRequestTest, ConfigureWithMissingFileFails) {
  ClinicArgs command = PluginCommand();
  command.config = "@" + PathOf("absent.json");
  EXPECT_FALSE(BuildSetPluginConfigRequest(command).ok());
}

TEST_F(BuildRequestTest, ScreenCarriesFilesConcernsAndAreas) {
  PatientArgs command;
  command.fhir_files = {Write("p.json", kPatient)};
  command.concerns.push_back(*ParseCoding("acne-scars", code_systems::kConcern));
  command.areas.push_back(*ParseCoding("face", code_systems::kTreatmentArea));
  StatusOr<v1::ScreenRequest> request = BuildScreenRequest(command);
  ASSERT_TRUE(request.ok());
  EXPECT_THAT(request->fhir().resources(), ElementsAre(kPatient));
  ASSERT_EQ(request->concerns_size(), 1);
  EXPECT_EQ(request->concerns(0).code(), "acne-scars");
  ASSERT_EQ(request->treatment_areas_size(), 1);
  EXPECT_EQ(request->treatment_areas(0).system(), code_systems::kTreatmentArea);
}

TEST(BuildRequestPlainTest, CreateClinic) {
  ClinicArgs command;
  command.clinic_id = "c";
  command.display_name = "C";
  v1::CreateClinicRequest request = BuildCreateClinicRequest(command);
  EXPECT_EQ(request.clinic_id(), "c");
  EXPECT_EQ(request.display_name(), "C");
}

}  // namespace
}  // namespace needlework::ctl
