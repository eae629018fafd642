// RxNormIngredientMap: the built-in table, TSV extensions and their errors, FillIngredients.
#include "host/fhir/rxnorm_map.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "host/fhir/fhir_test_util.h"
#include "needlework/code_systems.h"

namespace needlework::fhir {
namespace {

using ::testing::ElementsAre;
using testing::InvalidArgumentContaining;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using testing::StatusIs;

// The ingredient codes of `rxcui` in `map`.
std::vector<std::string> IngredientCodes(const RxNormIngredientMap& map, const std::string& rxcui) {
  std::vector<std::string> codes;
  for (const types::v1::Coding& coding : map.IngredientsOf(rxcui)) {
    EXPECT_EQ(coding.system(), code_systems::kRxNorm);
    EXPECT_FALSE(coding.display().empty());
    codes.push_back(coding.code());
  }
  return codes;
}

RxNormIngredientMap BuiltIn() {
  StatusOr<RxNormIngredientMap> map = RxNormIngredientMap::BuiltIn();
  EXPECT_TRUE(map.ok()) << map.status().ToString();
  return map.ok() ? *map : RxNormIngredientMap();
}

TEST(RxNormMapTest, BuiltInTableParsesAndMapsKnownProducts) {
  RxNormIngredientMap map = BuiltIn();
  EXPECT_GT(map.size(), 60u);
  EXPECT_THAT(IngredientCodes(map, "243670"), ElementsAre("1191"));          // aspirin 81 MG
  EXPECT_THAT(IngredientCodes(map, "314076"), ElementsAre("29046"));         // lisinopril 10 MG
  EXPECT_THAT(IngredientCodes(map, "855332"), ElementsAre("11289"));         // warfarin 5 MG
  EXPECT_THAT(IngredientCodes(map, "309362"), ElementsAre("32968"));         // clopidogrel 75 MG
  EXPECT_THAT(IngredientCodes(map, "1364445"), ElementsAre("1364430"));      // apixaban 5 MG
  EXPECT_THAT(IngredientCodes(map, "562251"), ElementsAre("723", "48203"));  // amoxicillin/clav.
  EXPECT_THAT(IngredientCodes(map, "749762"), ElementsAre("6373", "4124"));  // Seasonique
  EXPECT_EQ(map.IngredientsOf("243670")[0].display(), "aspirin");
}

// Generated from the snapshots in scripts/rxnorm/sources/: branded products, packs and
// salts reach the ingredient the rules name.
TEST(RxNormMapTest, BuiltInTableCoversBrandedProductsPacksAndSalts) {
  RxNormIngredientMap map = BuiltIn();
  EXPECT_GT(map.size(), 300u);
  EXPECT_THAT(IngredientCodes(map, "855334"), ElementsAre("11289"));     // [Coumadin] 5 MG
  EXPECT_THAT(IngredientCodes(map, "855336"), ElementsAre("11289"));     // [Jantoven] 5 MG
  EXPECT_THAT(IngredientCodes(map, "1992427"), ElementsAre("1364430"));  // apixaban pack
  EXPECT_THAT(IngredientCodes(map, "1361615"), ElementsAre("5224"));     // heparin, porcine
  EXPECT_THAT(IngredientCodes(map, "978740"), ElementsAre("67109"));     // dalteparin sodium
  EXPECT_THAT(IngredientCodes(map, "861360"), ElementsAre("321208"));    // fondaparinux sodium
  EXPECT_THAT(IngredientCodes(map, "1116635"), ElementsAre("1116632"));  // ticagrelor 90 MG
  EXPECT_THAT(IngredientCodes(map, "197845"), ElementsAre("6064"));      // isotretinoin 40 MG
  EXPECT_THAT(IngredientCodes(map, "213469"), ElementsAre("140587"));    // [Celebrex] 200 MG
  EXPECT_THAT(IngredientCodes(map, "206997"), ElementsAre("8640"));      // [Deltasone] 20 MG
  EXPECT_THAT(IngredientCodes(map, "834023"), ElementsAre("6902"));      // Medrol Dosepak
  EXPECT_THAT(IngredientCodes(map, "849728"), ElementsAre("7258"));      // [Aleve] 220 MG
  EXPECT_THAT(IngredientCodes(map, "860096"), ElementsAre("35827"));     // ketorolac tromethamine
  EXPECT_THAT(IngredientCodes(map, "855928"), ElementsAre("3355"));      // [Voltaren] 75 MG
  EXPECT_THAT(IngredientCodes(map, "835911"), ElementsAre("3008"));      // [Neoral] 100 MG
  EXPECT_THAT(IngredientCodes(map, "153008"), ElementsAre("5640"));      // [Advil] 200 MG
  EXPECT_THAT(IngredientCodes(map, "198142"), ElementsAre("8638"));      // prednisolone 5 MG
  EXPECT_THAT(IngredientCodes(map, "197806"), ElementsAre("5640"));      // ibuprofen 600 MG
}

// The immunosuppressants screening names (from the CIBMTR GVHD prophylaxis value set),
// flurbiprofen and dexamethasone: generic and branded products reach the rule's ingredient code,
// mycophenolate mofetil (a prodrug of mycophenolic acid) the mycophenolic acid the rule names.
TEST(RxNormMapTest, BuiltInTableCoversImmunosuppressantsFlurbiprofenAndDexamethasone) {
  RxNormIngredientMap map = BuiltIn();
  EXPECT_THAT(IngredientCodes(map, "105585"), ElementsAre("6851"));    // methotrexate 2.5 MG
  EXPECT_THAT(IngredientCodes(map, "284592"), ElementsAre("6851"));    // [Trexall] 5 MG
  EXPECT_THAT(IngredientCodes(map, "1441407"), ElementsAre("6851"));   // [Otrexup] auto-injector
  EXPECT_THAT(IngredientCodes(map, "108513"), ElementsAre("42316"));   // [Prograf] 1 MG
  EXPECT_THAT(IngredientCodes(map, "1664440"), ElementsAre("42316"));  // 24 HR [Envarsus] 4 MG
  EXPECT_THAT(IngredientCodes(map, "351989"), ElementsAre("35302"));   // [Rapamune] 1 MG
  EXPECT_THAT(IngredientCodes(map, "616435"), ElementsAre("7145"));    // [Cellcept] 500 MG
  EXPECT_THAT(IngredientCodes(map, "199058"), ElementsAre("7145"));    // mycophenolate mofetil
  EXPECT_EQ(map.IngredientsOf("616435")[0].display(), "mycophenolic acid");
  EXPECT_THAT(IngredientCodes(map, "197724"), ElementsAre("4502"));   // flurbiprofen 100 MG
  EXPECT_THAT(IngredientCodes(map, "1243587"), ElementsAre("4502"));  // [Ocufen] sodium
  EXPECT_THAT(IngredientCodes(map, "197582"), ElementsAre("3264"));   // dexamethasone 4 MG
  EXPECT_THAT(IngredientCodes(map, "847225"), ElementsAre("3264"));   // DexPak 6 Day pack
  EXPECT_THAT(IngredientCodes(map, "1049400"), ElementsAre("3264"));  // sodium phosphate inj.
  EXPECT_THAT(IngredientCodes(map, "208813"), IsEmpty());             // [Tobradex]: tobramycin
}

// Azathioprine (PEDSnet's OMOP codeset), lidocaine injections (the HL7 Registry Protocols
// IG), prasugrel (Synthea's ACS module) and Plavix (the SMART sample patients' names) reach
// the rules' ingredient codes; the module's other antiplatelets (eptifibatide) stay out.
TEST(RxNormMapTest, BuiltInTableCoversAzathioprineLidocainePrasugrelAndPlavix) {
  RxNormIngredientMap map = BuiltIn();
  EXPECT_THAT(IngredientCodes(map, "197388"), ElementsAre("1256"));    // azathioprine 50 MG
  EXPECT_THAT(IngredientCodes(map, "105611"), ElementsAre("1256"));    // [Imuran] 50 MG
  EXPECT_THAT(IngredientCodes(map, "239983"), ElementsAre("1256"));    // 100 MG Injection
  EXPECT_THAT(IngredientCodes(map, "1010846"), ElementsAre("6387"));   // [Xylocaine] 40 MG/ML
  EXPECT_THAT(IngredientCodes(map, "855812"), ElementsAre("613391"));  // prasugrel 10 MG
  EXPECT_THAT(IngredientCodes(map, "213169"), ElementsAre("32968"));   // [Plavix] 75 MG
  EXPECT_EQ(map.IngredientsOf("105611")[0].display(), "azathioprine");
  EXPECT_THAT(IngredientCodes(map, "200349"), IsEmpty());  // eptifibatide: not a rule's
}

// A product with a substance the table has no ingredient for is left out whole, so that
// screening reports it as unrecognised rather than knowing half of what it contains.
TEST(RxNormMapTest, BuiltInTableLeavesOutProductsItKnowsOnlyPartOf) {
  RxNormIngredientMap map = BuiltIn();
  EXPECT_THAT(IngredientCodes(map, "198479"), IsEmpty());   // aspirin / caffeine
  EXPECT_THAT(IngredientCodes(map, "1043400"), IsEmpty());  // acetaminophen / dextrometh. / ...
}

TEST(RxNormMapTest, IngredientsMapToThemselvesAndUnknownCodesToNothing) {
  RxNormIngredientMap map = BuiltIn();
  EXPECT_THAT(IngredientCodes(map, "11289"), ElementsAre("11289"));  // warfarin
  EXPECT_THAT(IngredientCodes(map, "6064"), ElementsAre("6064"));    // isotretinoin
  EXPECT_THAT(IngredientCodes(map, "999999999"), IsEmpty());
  EXPECT_THAT(IngredientCodes(RxNormIngredientMap(), "243670"), IsEmpty());
}

TEST(RxNormMapTest, TsvExtendsTheMapSkippingCommentsBlankLinesAndCarriageReturns) {
  RxNormIngredientMap map = BuiltIn();
  ASSERT_TRUE(map.AddTsv("# local additions\r\n"
                         "\n"
                         "1000001\t1000000\tcompound x\r\n"
                         "1000001\t1191\taspirin\n"
                         "1000001\t1191\taspirin\n"
                         "314076\t29046\tlisinopril",
                         "local.tsv")
                  .ok());
  EXPECT_THAT(IngredientCodes(map, "1000001"), ElementsAre("1000000", "1191"));
  EXPECT_THAT(IngredientCodes(map, "1000000"), ElementsAre("1000000"));
  EXPECT_THAT(IngredientCodes(map, "314076"), ElementsAre("29046"));
}

TEST(RxNormMapTest, TsvErrorsNameSourceAndLineAndAddNothing) {
  RxNormIngredientMap map;
  EXPECT_THAT(map.AddTsv("# c\n1\t2\tx\n\n1\t2\tx\n5\t6\n", "rxnorm.tsv"),
              StatusIs(StatusCode::kInvalidArgument,
                       "rxnorm.tsv:5: expected 3 tab-separated fields, got 2"));
  EXPECT_EQ(map.size(), 0u);
  EXPECT_THAT(map.AddTsv("1\t2\tx\t\n", "a.tsv"),
              InvalidArgumentContaining("a.tsv:1: expected 3 tab-separated fields, got 4"));
  EXPECT_THAT(map.AddTsv("abc\t2\tx\n", "a.tsv"),
              InvalidArgumentContaining("a.tsv:1: product RxCUI \"abc\" is not a number"));
  EXPECT_THAT(map.AddTsv("1\t\tx\n", "a.tsv"),
              InvalidArgumentContaining("a.tsv:1: ingredient RxCUI \"\" is not a number"));
  EXPECT_THAT(map.AddTsv("1\t2\t\n", "a.tsv"),
              InvalidArgumentContaining("a.tsv:1: ingredient display is empty"));
}

TEST(RxNormMapTest, TsvFileIsReadAndMissingFileIsNotFound) {
  const std::string path =
      ::testing::TempDir() + "rxnorm_map_test_" + std::to_string(::getpid()) + ".tsv";
  std::ofstream(path) << "# clinic additions\n2000001\t2000000\tcompound y\nbad line\n";
  RxNormIngredientMap map;
  EXPECT_THAT(map.AddTsvFile(path),
              InvalidArgumentContaining(path + ":3: expected 3 tab-separated fields, got 1"));
  std::ofstream(path) << "2000001\t2000000\tcompound y\n";
  EXPECT_TRUE(map.AddTsvFile(path).ok());
  EXPECT_THAT(IngredientCodes(map, "2000001"), ElementsAre("2000000"));
  std::remove(path.c_str());
  EXPECT_THAT(map.AddTsvFile(path),
              StatusIs(StatusCode::kNotFound, ::testing::HasSubstr("cannot read RxNorm map")));
}

types::v1::Coding RxNorm(const std::string& code) {
  types::v1::Coding coding;
  coding.set_system(std::string(code_systems::kRxNorm));
  coding.set_code(code);
  return coding;
}

TEST(RxNormMapTest, FillIngredientsFillsEmptyOnesDedupedFromRxNormCodesOnly) {
  types::v1::PatientFacts facts;
  types::v1::Medication* two_codes = facts.add_medications();
  *two_codes->add_codes() = RxNorm("855332");  // warfarin sodium 5 MG
  *two_codes->add_codes() = RxNorm("11289");   // warfarin itself
  types::v1::Medication* other_system = facts.add_medications();
  *other_system->add_codes() = RxNorm("855332");
  other_system->mutable_codes(0)->set_system("http://hl7.org/fhir/sid/ndc");
  types::v1::Medication* prefilled = facts.add_medications();
  *prefilled->add_codes() = RxNorm("309362");
  *prefilled->add_ingredients() = RxNorm("1");
  types::v1::Medication* unknown = facts.add_medications();
  *unknown->add_codes() = RxNorm("999999999");

  BuiltIn().FillIngredients(&facts);

  ASSERT_THAT(facts.medications(0).ingredients(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).ingredients(0).code(), "11289");
  EXPECT_EQ(facts.medications(0).ingredients(0).display(), "warfarin");
  EXPECT_EQ(facts.medications(0).ingredients(0).system(), code_systems::kRxNorm);
  EXPECT_THAT(facts.medications(1).ingredients(), IsEmpty());
  ASSERT_THAT(facts.medications(2).ingredients(), SizeIs(1));
  EXPECT_EQ(facts.medications(2).ingredients(0).code(), "1");
  EXPECT_THAT(facts.medications(3).ingredients(), IsEmpty());
}

}  // namespace
}  // namespace needlework::fhir
