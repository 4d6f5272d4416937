// Api: every route of /api/v1 and the web interface's static files, wired to the domain
// services. It authenticates the session cookie, checks the CSRF header on state-changing
// requests and maps Status to HTTP. Thread-safe: it only reads its members after start-up.
#pragma once

#include <filesystem>
#include <string>

#include "access/admin_service.h"
#include "access/audit_service.h"
#include "access/auth_service.h"
#include "assistance/cash_service.h"
#include "assistance/distribution_service.h"
#include "cases/case_service.h"
#include "http/request.h"
#include "http/router.h"
#include "programmes/programme_services.h"
#include "referrals/referral_service.h"
#include "referrals/service_directory.h"
#include "registry/dedup_service.h"
#include "registry/household_import.h"
#include "registry/household_service.h"
#include "registry/people_service.h"
#include "registry/place_directory.h"
#include "reports/public_figures.h"
#include "reports/report_services.h"
#include "stock/stock_service.h"

namespace sanad::http {

struct ApiServices {
  access::AuthService& auth;
  access::AdminService& admin;
  access::AuditService& audit;
  registry::HouseholdService& households;
  const registry::PlaceDirectory& places;
  registry::PeopleService& people;
  registry::DedupService& dedup;
  const registry::HouseholdImporter& imports;
  cases::CaseService& cases;
  referrals::ServiceDirectory& services;
  referrals::ReferralService& referrals;
  stock::StockService& stock;
  assistance::DistributionService& distributions;
  assistance::CashService& cash;
  // Offices, projects, activities and staff: wired by the server before it serves (the routes
  // are registered without it, so tools that only list routes need not build it).
  programmes::ProgrammeServices* programmes = nullptr;
  // The public page's figures (no login); wired like `programmes`. Its threshold is the
  // server's --disclosure-threshold.
  reports::PublicFigures* public_figures = nullptr;
  // Indicators, the dashboard and the exports; wired like `programmes` (its threshold is the
  // server's --disclosure-threshold too).
  reports::ReportServices* reports = nullptr;
};

class Api {
 public:
  // `ui_dir` holds the built web interface (index.html, assets/); may be empty or missing,
  // then "/" explains how to build it.
  Api(ApiServices services, std::filesystem::path ui_dir);
  Response Handle(Request& req);
  // "METHOD /pattern" of every API route (for the OpenAPI test).
  std::vector<std::string> Routes() const { return router_.Routes(); }

 private:
  // The session of the request, or an error response in *denied.
  std::optional<access::Session> Authenticate(const Request& req, Response* denied);
  using AuthedHandler = std::function<Response(Request&, const access::Session&)>;
  void Authed(const std::string& method, const std::string& pattern, AuthedHandler h);
  void AddSessionRoutes();
  void AddRegistryRoutes();
  void AddPeopleRoutes();
  void AddDedupRoutes();
  void AddImportRoutes();
  void AddAdminRoutes();
  void AddCaseRoutes();
  void AddCaseActionRoutes();
  void AddServiceRoutes();
  void AddReferralRoutes();
  void AddStockRoutes();
  void AddDistributionRoutes();
  void AddCashRoutes();
  void AddProgrammeRoutes();
  void AddActivityRoutes();
  void AddPublicRoutes();
  void AddIndicatorRoutes();
  void AddReportRoutes();
  Response ServeStatic(const Request& req) const;

  ApiServices s_;
  std::filesystem::path ui_dir_;
  Router router_;
};

}  // namespace sanad::http
