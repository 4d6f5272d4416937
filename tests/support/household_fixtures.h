// Realistic households for API tests, as the JSON bodies a client POSTs: Iraqi families with
// Arabic names (and their Latin transliterations), real P-codes of data/iraq/
// irq_admin_pcodes.csv and plausible phones and document numbers. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sanad::testing_support {

// P-codes used by the fixtures (from data/iraq/irq_admin_pcodes.csv).
inline constexpr char kNinewa[] = "IQG15";                 // governorate
inline constexpr char kHamdaniya[] = "IQG15Q03";           // district of Ninewa
inline constexpr char kMarkazHamdaniya[] = "IQG15Q03N03";  // subdistrict of Al-Hamdaniya
inline constexpr char kBartilla[] = "IQG15Q03N02";         // subdistrict of Al-Hamdaniya
inline constexpr char kMosul[] = "IQG15Q05";               // district of Ninewa
inline constexpr char kMarkazErbil[] = "IQG11Q02N02";      // subdistrict in Erbil

// The family of Mohammed Abdulrahman Hussein Al-Jubouri (محمد عبد الرحمن حسين الجبوري),
// IDPs in camp in Markaz Al-Hamdaniya from Al-Mosul: head, wife Fatima (فاطمة), son Ahmed
// (أحمد). The head holds national ID 199012345678; household phone +9647501234567.
nlohmann::json JubouriHousehold();

// Mohammed Al-Jubouri of JubouriHousehold() registered again, alone, in Latin letters only and
// with another spelling ("Mohamad … Husayn"), with the same national ID: deduplication proposes
// him with the head of JubouriHousehold().
nlohmann::json LatinJubouri();

// The family of Khalid Ibrahim Al-Obaidi (خالد إبراهيم العبيدي), returnees in Markaz Erbil:
// head and daughter Zainab (زينب). Phone 07701112233.
nlohmann::json ObaidiHousehold();

// A household of one head, a woman called Maryam (مريم), whose Latin name is `name_latin` —
// handy as a unique marker — living at `pcode`.
nlohmann::json OneMemberHousehold(const std::string& name_latin,
                                  const std::string& pcode = kMarkazHamdaniya,
                                  const std::string& status = "idp_out_of_camp");

}  // namespace sanad::testing_support
