#include "reports/demo_indicators.h"

#include <string>

#include <nlohmann/json.hpp>

namespace sanad::reports {

Result<int> CreateDemoIndicators(const programmes::ProjectService& projects,
                                 IndicatorService& indicators, const access::Actor& officer) {
  auto page = projects.List(officer, {.limit = 100});
  if (!page.ok()) return page.status();
  int made = 0;
  for (const auto& project : page->items) {
    struct Demo {
      const char* code;
      const char* name;
      const char* name_ar;
      const char* measure;
      nlohmann::json definition;
      int64_t target;
    };
    const nlohmann::json sectors = project.sectors;
    const Demo demos[] = {
        {"PPL",
         "People reached",
         "عدد الأشخاص الذين تم الوصول إليهم",
         "people_reached",
         {{"sectors", sectors}, {"project_only", false}},
         1500},
        {"HH",
         "Households reached",
         "عدد الأسر التي تم الوصول إليها",
         "households_reached",
         {{"sectors", sectors}, {"project_only", false}},
         300},
        {"ACT", "Activities held", "عدد الأنشطة المنفذة", "activities_held",
         nlohmann::json::object(), 12},
    };
    for (const auto& d : demos) {
      auto made_one = indicators.Create(officer, {.project_id = project.id,
                                                  .code = project.code + "-" + d.code,
                                                  .name = std::string(d.name),
                                                  .name_ar = std::string(d.name_ar),
                                                  .measure = std::string(d.measure),
                                                  .definition = d.definition,
                                                  .target = d.target});
      if (!made_one.ok()) return made_one.status();
      ++made;
    }
  }
  return made;
}

}  // namespace sanad::reports
